// The CLI as esbuild.js ships it: dist/cli.js starts dist/cli-scan.js for a scan
// and dist/cli-main.js for everything else. Each line gives exactly what the
// single src/cli.ts bundle gives (output, errors in en and zh, exit code), and
// a scan loads neither the main bundle nor the catalog.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildAsShipped, cliBuilds, scanWorkerBuild } from '../support/shippedCli';

const ROOT = path.resolve(__dirname, '..', '..');

describe('CLI bundles (dist/cli.js, cli-scan.js, cli-main.js)', function () {
  this.timeout(120_000);
  let dir: string;
  let shipped: string;
  let single: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-cli-bundles-'));
    const esbuild = await import('esbuild');
    for (const out of ['shipped', 'single']) fs.mkdirSync(path.join(dir, out));
    await buildAsShipped([...cliBuilds, scanWorkerBuild], path.join(dir, 'shipped'));
    await buildAsShipped([scanWorkerBuild], path.join(dir, 'single'));
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/cli.ts')], outfile: path.join(dir, 'single', 'cli.js'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
    shipped = path.join(dir, 'shipped', 'cli.js');
    single = path.join(dir, 'single', 'cli.js');
    // Prints, at exit, the files this process loaded from the CLI's directory and whether the catalog was evaluated.
    fs.writeFileSync(path.join(dir, 'loaded.js'), "process.on('exit', () => process.stderr.write('LOADED ' + Object.keys(require.cache).filter((f) => f.startsWith(" + JSON.stringify(path.join(dir, 'shipped')) + ")).map((f) => require('path').basename(f)).sort().join(',') + '\\n'));\n");
    const lines = ['2026-01-01 ERROR <error>ILLEGAL_SIGN</error>', 'trade_status=TRADE_SUCCESS url=https://mapi.alipay.com/gateway.do?x=1', 'sub_code=ACQ.TRADE_NOT_EXIST isv.invalid-signature'];
    fs.writeFileSync(path.join(dir, 'app.log'), lines.join('\n') + '\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(cli: string, args: string[], extra: string[] = []): { code: number | null; out: string; err: string } {
    const r = spawnSync(process.execPath, [...extra, cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  const LINES = [
    ['scan', 'app.log'], ['scan', 'app.log', '--json'], ['--lang', 'zh', 'scan', 'app.log'], ['scan', 'missing.log'], ['--lang=zh', 'scan', 'missing.log', '--json'],
    ['scan'], ['scan', '--help'], ['scan', 'app.log', '--bogus'], ['--lang=xx', 'scan', 'app.log'], ['explain', 'ILLEGAL_SIGN'], ['--help'], ['--version'], ['nope'], [],
  ];
  for (const args of LINES) {
    it(`alipay-toolkit ${args.join(' ')}: what the single bundle prints, with its exit code`, () => {
      assert.deepEqual(run(shipped, args), run(single, args));
    });
  }

  it('a scan loads cli.js and cli-scan.js only (not cli-main.js), and other commands cli-main.js', () => {
    const loaded = (args: string[]): string => /LOADED (.*)/.exec(run(shipped, args, ['--require', path.join(dir, 'loaded.js')]).err)?.[1] ?? '';
    assert.equal(loaded(['scan', 'app.log', '--json']), 'cli-scan.js,cli.js');
    assert.equal(loaded(['--lang', 'zh', 'scan', 'app.log']), 'cli-scan.js,cli.js');
    assert.equal(loaded(['explain', 'ILLEGAL_SIGN']), 'cli-main.js,cli.js');
  });

  it('the scan bundle holds the scan table as data, not the catalog', () => {
    const text = fs.readFileSync(path.join(dir, 'shipped', 'cli-scan.js'), 'utf8');
    assert.match(text, /SCAN_ROWS = \[\["/);
    assert.doesNotMatch(text, /src\/core\/catalog\//);
  });
});
