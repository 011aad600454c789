// `alipay-toolkit explain` run as a real process from a fresh bundle: exit
// codes, languages and JSON are what scripts and people rely on.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
let dir: string;
let cli: string;

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('alipay-toolkit explain (built CLI process)', () => {
  before(async () => {
    // Bundle only the CLI into a temp dir (same options as esbuild.js), so the
    // test does not depend on other entry points being mid-edit.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-cli-'));
    cli = path.join(dir, 'cli.js');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(root, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains a gateway code with level and checks, exit 0', () => {
    const r = run('explain', 'ILLEGAL_SIGN', '--lang', 'en');
    assert.equal(r.code, 0);
    assert.match(r.out, /^ILLEGAL_SIGN: Illegal signature/);
    assert.match(r.out, /签名不正确/, 'the other language beneath');
    assert.match(r.out, /Level: gateway error/);
    assert.match(r.out, /Check:/);
  });

  it('answers in Chinese with --lang zh', () => {
    const r = run('explain', 'TRADE_FINISHED', '--lang', 'zh');
    assert.equal(r.code, 0);
    assert.match(r.out.split('\n')[0], /交易成功结束/);
  });

  it('needs --field for a bare number, and explains it with one', () => {
    const bare = run('explain', '1');
    assert.equal(bare.code, 1);
    assert.match(bare.err, /--field/);
    const withField = run('explain', '1', '--field', 'payment_type', '--json');
    assert.equal(withField.code, 0);
    const j = JSON.parse(withField.out);
    assert.equal(j.known, true);
    assert.equal(j.entry.kind, 'enum');
    assert.equal(j.entry.title.zh, '商品购买');
  });

  it('explains a bracketed list per element', () => {
    const r = run('explain', '[REFUND,CONFIRM_GOODS]', '--field', 'buyer_actions', '--lang', 'en');
    assert.equal(r.code, 0);
    assert.match(r.out, /REFUND: Request a refund/);
    assert.match(r.out, /CONFIRM_GOODS: Confirm receipt/);
  });

  it('exits 1 for unknown tokens and undocumented values', () => {
    assert.equal(run('explain', 'NOPE_NOT_A_CODE').code, 1);
    const r = run('explain', '100', '--field', 'payment_type', '--json');
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).entry.unknownValue, '100');
  });

  it('exits 2 with one line for usage errors', () => {
    for (const args of [[], ['A', 'B'], ['X', '--field'], ['X', '--bogus'], ['X', '--json=1']]) {
      const r = run('explain', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.err.trim().split('\n').length, 1);
      assert.equal(r.out, '');
    }
  });
});
