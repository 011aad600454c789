// What a payment developer really pastes, and worse, given to the built CLI as
// a process: a URL without its scheme, a path from an access log, a GBK file
// that declares _input_charset=gbk (checked against Python's hashlib over the
// GBK bytes), GBK bytes declared utf-8, junk, folders, huge input, keys of the
// wrong kind. Each answer: exit 0/1/2, at most one line on stderr, no stack
// trace, no key material echoed.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MD5_KEY = 'k3j5h8g2l1m0n9b8v7c6x5z4a3s2d1f0';
let dir: string;
let cli: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '', ALIPAY_MD5_KEY: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Exit 2 with one line on stderr that matches `pattern`, and nothing else wrong. */
function badInput(r: Run, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit 2 expected, got ${r.code}\nstdout: ${r.out}\nstderr: ${r.err}`);
  const lines = r.err.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one stderr line expected:\n${r.err}`);
  assert.match(lines[0], /^alipay-toolkit/);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.err, /\\n|\n\s+at /, 'no escaped newlines or stack trace');
}

function pythonMd5Gbk(presign: string, key: string): string {
  return execFileSync('python3', ['-c', 'import hashlib,sys; print(hashlib.md5((sys.argv[1] + sys.argv[2]).encode("gbk")).hexdigest())', presign, key]).toString().trim();
}

describe('CLI hostile and pasted input (built CLI process)', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-hostile-'));
    cli = path.join(dir, 'cli.js');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
    fs.writeFileSync(path.join(dir, 'md5.key'), MD5_KEY + '\n');
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    fs.writeFileSync(path.join(dir, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    fs.writeFileSync(path.join(dir, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('URLs as pasted', () => {
    it('a gateway URL without https:// is refused, not signed with "host/path?service" as a parameter name', () => {
      for (const input of ['mapi.alipay.com/gateway.do?service=single_trade_query&partner=2088101122136241', 'gateway.do?service=a&partner=1']) {
        const r = run(['sign', input, '--key-file', 'md5.key']);
        badInput(r, /looks like a URL without https:\/\//);
        assert.equal(r.out, '');
      }
      badInput(run(['sign', 'ftp://x/gateway.do?service=a', '--key-file', 'md5.key']), /Not an http\(s\) URL: "ftp:\/\/x\/gateway\.do"/);
      badInput(run(['verify', 'mapi.alipay.com/gateway.do?service=a&sign=x', '--key-file', 'md5.key']), /without https:\/\//);
    });

    it('a path as access logs print it (/gateway.do?…) is read as its query string', () => {
      const r = run(['sign', '/gateway.do?service=single_trade_query&partner=2088101122136241', '--key-file', 'md5.key', '--output', 'presign']);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out.trim(), 'partner=2088101122136241&service=single_trade_query');
      // A value holding "?" is not a path: the query is read as it is.
      const v = run(['sign', 'return_url=https://m.example.com/r?a=1&service=a', '--key-file', 'md5.key', '--output', 'presign']);
      assert.equal(v.out.trim(), 'return_url=https://m.example.com/r?a=1&service=a');
    });

    it('a gateway URL with no parameters has nothing to sign', () => {
      badInput(run(['sign', 'https://mapi.alipaydev.com/gateway.do', '--key-file', 'md5.key']), /no parameters to sign/);
    });
  });

  describe('charsets of files and standard input', () => {
    const gbk = (s: string): Buffer => Buffer.from(execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk'], { input: s }));

    it('a GBK file that declares _input_charset=gbk is read as GBK and signed over GBK bytes (python hashlib agrees)', () => {
      fs.writeFileSync(path.join(dir, 'gbk-declared.txt'), gbk('service=single_trade_query&_input_charset=gbk&subject=中文测试&body=a b'));
      const r = run(['sign', '@gbk-declared.txt', '--key-file', 'md5.key', '--output', 'json']);
      assert.equal(r.code, 0, r.err);
      const o = JSON.parse(r.out) as { presign: string; sign: string; charset: string; query: string };
      assert.equal(o.charset, 'gbk');
      assert.equal(o.presign, '_input_charset=gbk&body=a b&service=single_trade_query&subject=中文测试');
      assert.equal(o.sign, pythonMd5Gbk(o.presign, MD5_KEY));
      assert.match(o.query, /subject=%D6%D0%CE%C4%B2%E2%CA%D4/);
      // name = value lines on standard input, the declaration with spaces around "=".
      const lines = run(['sign', '-', '--key-file', 'md5.key', '--output', 'sign'], gbk('_input_charset = gbk\nservice = single_trade_query\nsubject = 中文测试\n'));
      assert.equal(lines.code, 0, lines.err);
      assert.equal(lines.out.trim(), pythonMd5Gbk('_input_charset=gbk&service=single_trade_query&subject=中文测试', MD5_KEY));
    });

    it('GBK bytes declared utf-8, or declaring nothing, stop with one line naming the file and the fix', () => {
      fs.writeFileSync(path.join(dir, 'gbk-as-utf8.txt'), gbk('service=a&_input_charset=utf-8&subject=中文'));
      badInput(run(['sign', '@gbk-as-utf8.txt', '--key-file', 'md5.key']), /gbk-as-utf8\.txt: _input_charset=utf-8 but the bytes are not UTF-8 \(they read as GBK\)/);
      fs.writeFileSync(path.join(dir, 'gbk-bare.txt'), gbk('service=a&subject=中文'));
      badInput(run(['verify', '@gbk-bare.txt', '--key-file', 'md5.key']), /gbk-bare\.txt: the bytes are not UTF-8 \(they read as GBK\).*_input_charset=gbk/);
      const zh = run(['sign', '@gbk-bare.txt', '--key-file', 'md5.key', '--lang', 'zh']);
      badInput(zh, /字节不是 UTF-8（按 GBK 可正常读取）/);
      // --charset gbk still reads it.
      const ok = run(['sign', '@gbk-bare.txt', '--key-file', 'md5.key', '--charset', 'gbk', '--output', 'presign']);
      assert.equal(ok.code, 0, ok.err);
      assert.equal(ok.out.trim(), 'service=a&subject=中文');
    });
  });

  describe('every answer to bad input is one line, exit 2, no stack, no secret', () => {
    it('malformed queries, junk, folders, missing files, huge input, keys of the wrong kind', () => {
      fs.writeFileSync(path.join(dir, 'junk.bin'), crypto.randomBytes(4096));
      fs.writeFileSync(path.join(dir, 'huge.txt'), 'service=a&x=' + 'a'.repeat(17 * 1024 * 1024));
      const pem = fs.readFileSync(path.join(dir, 'private.pem'), 'utf8');
      fs.writeFileSync(path.join(dir, 'no-end.pem'), pem.replace(/-----END[^\n]*\n?/, ''));
      fs.writeFileSync(path.join(dir, 'no-begin.pem'), pem.replace(/-----BEGIN[^\n]*\n/, ''));
      const body = pem.split('\n')[1];
      const cases: Array<[string[], RegExp]> = [
        [['sign', 'service=a&x=%', '--key-file', 'md5.key'], /Parameter "x": bad percent escape "%"/],
        [['sign', 'service=a&x=%ZZ', '--key-file', 'md5.key'], /bad percent escape "%ZZ"/],
        [['sign', 'service=a&partner=1&partner=2', '--key-file', 'md5.key'], /"partner" appears more than once/],
        [['sign', '@junk.bin', '--key-file', 'md5.key'], /junk\.bin: the bytes are not UTF-8/],
        [['sign', `@${os.tmpdir()}`, '--key-file', 'md5.key'], /is a folder, not a file/],
        [['sign', '@missing.txt', '--key-file', 'md5.key'], /"missing\.txt" does not exist/],
        [['sign', '@huge.txt', '--key-file', 'md5.key'], /larger than 16 MB/],
        [['sign', 'service=a', '--key-file', os.tmpdir()], /is a folder, not a file/],
        [['sign', 'service=a', '--key-file', '-'], /The MD5 key file "-": standard input is for INPUT; give this file by its path/],
        [['sign', 'service=a', '--sign-type', 'RSA', '--private-key-file', 'public.pem'], /this is a public key, but a private key is needed here/],
        [['sign', 'service=a', '--sign-type', 'RSA', '--private-key-file', 'no-end.pem'], /PEM block is incomplete/],
        [['sign', 'service=a', '--sign-type', 'RSA', '--private-key-file', 'no-begin.pem'], /PEM block is incomplete/],
        [['sign', 'service=a', '--key-file', 'private.pem'], /holds an RSA\/DSA key, not an MD5 key/],
        [['verify', 'service=a&sign=x&sign_type=RSA', '--public-key-file', 'md5.key'], /not a public key/],
        [['decode', 'junk.bin'], /^alipay-toolkit: junk\.bin: the bytes are not valid utf-8/],
        [['keys', 'inspect', 'junk.bin'], /not base64/],
        [['scan', 'missing.log'], /does not exist/],
        [['send', 'junk.bin'], /junk\.bin: a request file is UTF-8 text, but these bytes are not UTF-8/],
      ];
      for (const [args, pattern] of cases) {
        const r = run(args);
        badInput(r, pattern);
        assert.ok(!r.err.includes(MD5_KEY) && !r.out.includes(MD5_KEY), `${args.join(' ')} echoes the MD5 key`);
        assert.ok(!r.err.includes(body) && !r.out.includes(body), `${args.join(' ')} echoes the private key`);
      }
    });

    it('a missing sign type key names where the sign type came from once ("from sign_type", not "from from")', () => {
      const r = run(['verify', 'service=a&sign=x&sign_type=RSA', '--key-file', 'md5.key']);
      badInput(r, /sign_type RSA \(from sign_type\) needs Alipay's public key/);
      const s = run(['sign', 'service=a', '--private-key-file', 'private.pem']);
      badInput(s, /sign_type is MD5 \(MAPI \(gateway\.do\) default\) but only --private-key-file was given/);
    });

    it('notify-test without a URL says so in one line (the options are in --help)', () => {
      badInput(run(['notify-test']), /Missing URL \(the notify_url to test\); run alipay-toolkit notify-test --help$/);
    });
  });
});
