// Every shell example in README.md runs as written. The blocks are read from
// the README itself (no copy of them here) and run in order, each by bash with
// `set -euo pipefail`, in one folder holding a copy of samples/ (whose
// requests.alipay is the README's request-file example), with `alipay-toolkit` on
// PATH (a fresh bundle of src/cli.ts) and a fresh HOME. The local gateway runs
// in the background, started here on a free port: the examples' 127.0.0.1:8787
// is pointed at it. Keys are the ones the tool makes (the gateway's test
// merchant, `keys generate`). A block whose text holds the visible marker
// `# not run by the README test: <why>` is skipped; there may be only a few.
//
// ALIPAY_README=<file> runs another copy (to see this test fail on a broken
// example); ALIPAY_README_VERBOSE=1 prints what the examples printed.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const README = process.env.ALIPAY_README ?? path.join(ROOT, 'README.md');
const MARKER = /^# not run by the README test: (.+)$/m;
const MAX_MARKED = 4;

interface Block {
  line: number;
  lang: string;
  text: string;
}

function codeBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README line ${i + 1}: code block never closed`);
    blocks.push({ line: i + 1, lang: open[1], text: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

const blocks = codeBlocks(fs.readFileSync(README, 'utf8'));
const shell = blocks.filter((b) => ['sh', 'bash', 'shell', 'console'].includes(b.lang));

/** The first command of a block, for the test's title. */
function firstCommand(b: Block): string {
  const cmd = b.text.split('\n').find((l) => l.trim() && !l.trim().startsWith('#')) ?? '';
  return cmd.replace(/\s+#.*$/, '').slice(0, 70);
}

describe('README.md examples run as written', function () {
  this.timeout(120_000);
  let tmp: string;
  let work: string;
  let home: string;
  let bin: string;
  let gateway: ChildProcess | undefined;
  let hostPort = '';

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-readme-'));
    work = path.join(tmp, 'work');
    home = path.join(tmp, 'home');
    bin = path.join(tmp, 'bin');
    for (const d of [work, home, bin]) fs.mkdirSync(d);
    const cli = path.join(tmp, 'cli.js');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
    fs.writeFileSync(path.join(bin, 'alipay-toolkit'), `#!/bin/sh\nexec '${process.execPath}' '${cli}' "$@"\n`, { mode: 0o755 });

    fs.cpSync(path.join(ROOT, 'samples'), work, { recursive: true });
    // A new user copies samples/: its requests.alipay must be the README's example, which `send` uses.
    const requestFile = blocks.find((b) => b.lang === 'alipay');
    assert.ok(requestFile, 'README.md has a ```alipay request-file example');
    assert.equal(fs.readFileSync(path.join(work, 'requests.alipay'), 'utf8'), requestFile.text, 'samples/requests.alipay is the README\'s request-file example');

    // The gateway, as the README starts it, but on a free port.
    gateway = spawn(process.execPath, [cli, 'gateway', '--port', '0', '--quiet'], { cwd: work, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    hostPort = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gateway did not start:\n${out}`)), 60_000);
      const onData = (d: Buffer): void => {
        out += d.toString();
        const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      gateway!.stdout!.on('data', onData);
      gateway!.stderr!.on('data', onData);
      gateway!.on('exit', (code) => reject(new Error(`the gateway exited (${code}):\n${out}`)));
    });
  });

  after(() => {
    if (gateway?.pid) gateway.kill('SIGTERM');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  function env(): NodeJS.ProcessEnv {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ALIPAY_')));
    return { ...clean, HOME: home, PATH: `${bin}${path.delimiter}${process.env.PATH}`, LANG: 'en_US.UTF-8', LC_ALL: '' };
  }

  it(`has shell examples, and at most ${MAX_MARKED} marked as not runnable here`, () => {
    assert.ok(shell.length >= 8, `only ${shell.length} shell blocks found`);
    const marked = shell.filter((b) => MARKER.test(b.text));
    assert.ok(marked.length <= MAX_MARKED, `${marked.length} blocks are marked: ${marked.map((b) => `line ${b.line}`).join(', ')}`);
  });

  for (const b of shell) {
    const skip = MARKER.exec(b.text);
    if (skip) continue; // visibly marked in the README, with the reason
    it(`README.md line ${b.line}: ${firstCommand(b)}`, () => {
      // Name the command that failed (bash's ERR trap), not just the block.
      const script = `trap 'echo "README.md block at line ${b.line}: \\"$BASH_COMMAND\\" failed (exit $?)" >&2' ERR\n${b.text.replace(/127\.0\.0\.1:8787/g, hostPort)}`;
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, env: env(), encoding: 'utf8', timeout: 90_000 });
      if (process.env.ALIPAY_README_VERBOSE) process.stdout.write(`${r.stdout}${r.stderr}`);
      assert.equal(r.status, 0, `exit ${r.status ?? r.signal}\n--- stdout ---\n${r.stdout.slice(-3000)}\n--- stderr ---\n${r.stderr.slice(-3000)}`);
    });
  }
});
