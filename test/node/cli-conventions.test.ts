// One convention for every `alipay-toolkit` command, checked on the built CLI
// as a process: --json (and --output json) with JSON errors on stdout,
// --version, `-` for standard input, one-line usage errors pointing at
// --help, --lang validation, explain's case and did-you-mean, gateway --quiet,
// and every form OpenSSL writes a DSA key in (the openssl CLI makes them).
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
let dir: string;
let cli: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '', ALIPAY_MD5_KEY: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The one JSON document on stdout. */
function json(r: Run): Record<string, unknown> {
  try {
    return JSON.parse(r.out) as Record<string, unknown>;
  } catch {
    assert.fail(`stdout is not one JSON document:\n${r.out}\nstderr: ${r.err}`);
  }
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

describe('CLI conventions (built CLI process)', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-conv-'));
    cli = path.join(dir, 'cli.js');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
    fs.writeFileSync(path.join(dir, 'md5.key'), 'k3j5h8g2l1m0n9b8v7c6x5z4a3s2d1f0\n');
    fs.writeFileSync(path.join(dir, 'app.log'), 'x ILLEGAL_SIGN y\nTRADE_SUCCESS\nILLEGAL_SIGN\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('--json on every command', () => {
    const Q = 'service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&out_trade_no=T1';

    it('sign and verify take --json as well as --output json, with the same document', () => {
      const a = run(['sign', Q, '--key-file', 'md5.key', '--json']);
      const b = run(['sign', Q, '--key-file', 'md5.key', '--output', 'json']);
      assert.equal(a.code, 0, a.err);
      assert.deepEqual(json(a), json(b));
      const url = json(a).url as string;
      const v = run(['verify', url, '--key-file', 'md5.key', '--json']);
      assert.equal(v.code, 0, v.err);
      assert.equal(json(v).valid, true);
    });

    it('explain, scan and decode take --output json as an alias of --json', () => {
      const e = run(['explain', 'ILLEGAL_SIGN', '--output', 'json']);
      assert.equal(e.code, 0, e.err);
      assert.equal(json(e).known, true);
      const s = run(['scan', 'app.log', '--output=json']);
      assert.equal(s.code, 0, s.err);
      assert.equal(json(s).lines, 3);
    });

    it('keys generate, inspect, convert and match answer in JSON', () => {
      const g = run(['keys', 'generate', '--out', 'm', '--json']);
      assert.equal(g.code, 0, g.err);
      const gen = json(g);
      assert.equal(gen.privateKey, 'm.private.pem');
      assert.match(String(gen.fingerprint), /^SHA256:/);
      const i = run(['keys', 'inspect', 'm.private.pem', '--json']);
      assert.equal(json(i).fingerprint, gen.fingerprint);
      const c = run(['keys', 'convert', 'm.private.pem', '--to', 'public', '--json']);
      assert.match(String(json(c).key), /^-----BEGIN PUBLIC KEY-----/);
      const m = run(['keys', 'match', '--private-key-file', 'm.private.pem', '--public-key-file', 'm.public.pem', '--json']);
      assert.equal(m.code, 0, m.err);
      assert.deepEqual(json(m), { match: true, privateKey: gen.fingerprint, publicKey: gen.fingerprint });
    });

    it('errors are JSON on stdout too (and one line on stderr), with the exit code', () => {
      for (const args of [['sign', Q, '--bogus', '--json'], ['keys', 'inspect', 'missing.pem', '--json'], ['sign', Q, '--output', 'json']]) {
        const r = run(args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
        const e = json(r).error as { code: string; message: string; exit: number };
        assert.ok(e.message && e.exit === 2, JSON.stringify(e));
        assert.equal(r.err.trim().split('\n').length, 1, r.err);
      }
    });

    it('send --json prints a network failure as JSON', async () => {
      const net = await import('node:net');
      const srv = net.createServer();
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
      const port = (srv.address() as { port: number }).port;
      await new Promise<void>((r) => srv.close(() => r()));
      fs.writeFileSync(path.join(dir, 'r.alipay'), 'POST Sandbox\nservice = single_trade_query\npartner = 2088101122136241\nout_trade_no = T1\n');
      const r = await new Promise<Run>((resolve) => {
        const p = spawn(process.execPath, [cli, 'send', 'r.alipay', '--gateway', `http://127.0.0.1:${port}/gateway.do`, '--key-file', 'md5.key', '--json'], { cwd: dir });
        let out = '';
        let err = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => (err += d.toString()));
        p.on('close', (code) => resolve({ code, out, err }));
      });
      assert.equal(r.code, 2);
      assert.match(String((json(r).error as { message: string }).message), /refused/i);
    });
  });

  it('--version prints the package version (and JSON with --json)', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const r = run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.out.trim(), `alipay-toolkit ${version}`);
    assert.deepEqual(json(run(['--version', '--json'])), { name: 'alipay-toolkit', version });
  });

  it('`-` reads standard input: scan -, keys inspect -, sign -', () => {
    const s = run(['scan', '-', '--json'], fs.readFileSync(path.join(dir, 'app.log'), 'utf8'));
    assert.equal(s.code, 0, s.err);
    const stats = json(s).stats as Array<{ token: string; count: number }>;
    assert.equal(stats.find((x) => x.token === 'ILLEGAL_SIGN')?.count, 2);
    const file = json(run(['scan', 'app.log', '--json']));
    assert.deepEqual({ ...json(s), file: undefined }, { ...file, file: undefined }, 'the same summary as from the file');
    fs.writeFileSync(path.join(dir, 'k.pem'), execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    const k = run(['keys', 'inspect', '-'], fs.readFileSync(path.join(dir, 'k.pem'), 'utf8'));
    assert.equal(k.code, 0, k.err);
    assert.match(k.out, /algorithm: RSA/);
    const sg = run(['sign', '-', '--key-file', 'md5.key', '--output', 'sign'], 'service=x&partner=2088101122136241');
    assert.equal(sg.code, 0, sg.err);
  });

  it('usage errors are one line on stderr ending with "run alipay-toolkit <command> --help", exit 2', () => {
    for (const [args, cmd] of [[['sign', '--bogus'], 'sign'], [['keys', 'convert', 'x.pem'], 'keys'], [['scan'], 'scan'], [['explain'], 'explain'], [['nosuch'], '']] as const) {
      const r = run([...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      const lines = r.err.trim().split('\n');
      assert.equal(lines.length, 1, r.err);
      assert.ok(lines[0].endsWith(`run alipay-toolkit ${cmd ? `${cmd} ` : ''}--help`), lines[0]);
    }
  });

  it('--lang: en and zh (and their locale forms) are taken, anything else is a usage error', () => {
    assert.match(run(['explain', 'ILLEGAL_SIGN', '--lang', 'zh_CN']).out.split('\n')[0], /签名/);
    assert.match(run(['explain', 'ILLEGAL_SIGN', '--lang=en-US']).out.split('\n')[0], /Illegal signature/);
    const r = run(['explain', 'ILLEGAL_SIGN', '--lang', 'fr']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--lang: "fr" is not a language/);
  });

  it('help lists --lang, --json, the exit codes and the environment variables, top level and per command', () => {
    for (const args of [['--help'], ['sign', '--help'], ['scan', '--help'], ['explain', '--help'], ['keys', '--help'], ['gateway', '--help']]) {
      const r = run(args);
      assert.equal(r.code, 0, args.join(' '));
      for (const s of ['--lang en|zh', '--json', 'Exit codes: 0', 'ALIPAY_MD5_KEY', 'ALIPAY_TOOLKIT_LANG']) assert.ok(r.out.includes(s), `${args.join(' ')} lacks ${s}`);
    }
    assert.match(run(['--help']).out, /<command> --help/);
  });

  it('explain is case-insensitive and suggests the nearest codes for a typo', () => {
    const lower = run(['explain', 'illegal_sign']);
    assert.equal(lower.code, 0, lower.err);
    assert.match(lower.out, /^ILLEGAL_SIGN: /);
    const typo = run(['explain', 'ILLEGAL_SIGNN']);
    assert.equal(typo.code, 1);
    assert.match(typo.err, /did you mean ILLEGAL_SIGN\b/);
    const j = json(run(['explain', 'TRADE_SUCESS', '--json']));
    assert.equal(j.known, false);
    assert.ok((j.suggestions as string[]).includes('TRADE_SUCCESS'), JSON.stringify(j.suggestions));
  });

  it('gateway --quiet prints one line with where it listens, and nothing more', async () => {
    const p = spawn(process.execPath, [cli, 'gateway', '--port', '0', '--quiet', '--state', path.join(dir, 'gw-state.json')], { cwd: dir, env: { ...process.env, LANG: 'en_US.UTF-8' } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no start line: ${out}`)), 30_000);
      p.stdout.on('data', () => {
        if (out.includes('\n')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    const answered = await fetch(out.match(/http:\/\/127\.0\.0\.1:\d+\/gateway\.do/)![0]);
    assert.ok(answered.status < 500);
    p.kill('SIGTERM');
    await new Promise((r) => p.on('close', r));
    assert.equal(out.trim().split('\n').length, 1, out);
    assert.match(out, /^Alipay local gateway: http:\/\/127\.0\.0\.1:\d+\/gateway\.do \(test merchant 2088\d{12}, keys in /);
  });

  describe('keys inspect reads every form OpenSSL writes a DSA key in', () => {
    before(() => {
      openssl('dsaparam', '-out', 'dsa-params.pem', '1024');
      openssl('dsaparam', '-genkey', '-out', 'dsaparam-genkey.pem', '1024');
      openssl('gendsa', '-out', 'gendsa.pem', 'dsa-params.pem');
      openssl('pkey', '-in', 'gendsa.pem', '-traditional', '-out', 'traditional.pem');
      openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'gendsa.pem', '-outform', 'DER', '-out', 'pkcs8.der');
      openssl('dsa', '-in', 'gendsa.pem', '-outform', 'DER', '-out', 'traditional.der');
      openssl('dsa', '-in', 'gendsa.pem', '-pubout', '-out', 'public.pem');
      fs.writeFileSync(path.join(dir, 'params-then-traditional.pem'), Buffer.concat([fs.readFileSync(path.join(dir, 'dsa-params.pem')), fs.readFileSync(path.join(dir, 'traditional.pem'))]));
    });

    const cases: Array<[string, string, string]> = [
      ['dsaparam-genkey.pem', 'private', 'PKCS#8'], // a DSA PARAMETERS block, then the key
      ['gendsa.pem', 'private', 'PKCS#8'],
      ['traditional.pem', 'private', 'OpenSSL traditional DSA'],
      ['params-then-traditional.pem', 'private', 'OpenSSL traditional DSA'],
      ['traditional.der', 'private', 'OpenSSL traditional DSA'],
      ['pkcs8.der', 'private', 'PKCS#8'],
      ['public.pem', 'public', 'SPKI'],
    ];
    for (const [file, kind, format] of cases) {
      it(`${file}: ${kind}, ${format}, the same fingerprint as openssl's key`, () => {
        const r = run(['keys', 'inspect', file, '--json']);
        assert.equal(r.code, 0, r.err);
        const info = json(r);
        assert.equal(info.algorithm, 'dsa');
        assert.equal(info.kind, kind);
        const human = run(['keys', 'inspect', file]).out;
        assert.match(human, new RegExp(`format: ${format.replace(/[#()]/g, '\\$&')}`));
        assert.doesNotMatch(human, /PKCS#1/);
        const ref = json(run(['keys', 'inspect', 'public.pem', '--json'])).fingerprint;
        if (file !== 'dsaparam-genkey.pem') assert.equal(info.fingerprint, ref);
      });
    }

    it('a parameters-only file is refused in one line that says so', () => {
      const r = run(['keys', 'inspect', 'dsa-params.pem']);
      assert.equal(r.code, 2);
      assert.match(r.err, /only DSA PARAMETERS \(parameters, no key\)/);
    });
  });
});
