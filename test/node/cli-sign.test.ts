// `alipay-toolkit sign | verify | keys` as real processes of the built bundle
// (node esbuild.js → node dist/cli.js): exit codes 0/1/2, the lines printed,
// and that no key material ever reaches standard output or error.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encode } from '../../src/core/charset';
import { loadPublicKey } from '../../src/core/keys';
import { parseInput, getParam } from '../../src/core/params';
import { md5Sign, presignString, signContent, verifyParams } from '../../src/core/sign';
import { ROOT, keyPath, readKey, tempDir } from '../unit/support/signing';

const BUILT_CLI = path.join(ROOT, 'dist', 'cli.js');
let CLI = BUILT_CLI;
const MD5 = 'abcdefghijklmnopqrstuvwxyz012345';
const dir = tempDir();
const md5File = path.join(dir, 'md5.key');
const PRIVATE_FIXTURES = ['rsa1024-pkcs8.base64.txt', 'rsa2048-pkcs1.pem', 'dsa1024.pem', 'alipay-side-rsa2048-private.pem'];

/**
 * Every 16-character run of a private key's base64 body: none may appear in any
 * output. Runs that also occur in the public key's base64 (the modulus can line
 * up) are public information and left out.
 */
const secrets: string[] = [MD5];
function addPrivateKeyText(text: string): void {
  const body = text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  const pub = loadPublicKey(text).key;
  const publicForms = [pub.export({ type: 'spki', format: 'der' }).toString('base64')];
  if (pub.asymmetricKeyType === 'rsa') publicForms.push(pub.export({ type: 'pkcs1', format: 'der' }).toString('base64'));
  for (let i = 0; i + 16 <= body.length; i += 8) {
    const chunk = body.slice(i, i + 16);
    if (!publicForms.some((f) => f.includes(chunk))) secrets.push(chunk);
  }
}

interface Run {
  code: number | null;
  out: string;
  err: string;
  lines: string[];
}

function run(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; allowSecret?: boolean } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: opts.input ?? '',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...opts.env },
    encoding: 'utf8',
  });
  const res = { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter((l) => l !== '') };
  if (!opts.allowSecret) {
    for (const s of secrets) {
      assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), `output of "${args.join(' ')}" contains key material`);
    }
  }
  return res;
}

/** An error: exit 2, exactly one line on stderr, no stack trace, nothing on stdout. */
function expectError(r: Run, mentions: RegExp): void {
  assert.equal(r.code, 2, `exit 2 expected, got ${r.code}: ${r.err}`);
  assert.equal(r.out, '');
  const lines = r.err.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one line on stderr, got: ${r.err}`);
  assert.doesNotMatch(r.err, /^\s+at /m);
  assert.match(lines[0], /^alipay-toolkit: /);
  assert.match(lines[0], mentions);
}

const ORDER = 'service=create_direct_pay_by_user&partner=2088000000000000&_input_charset=utf-8&out_trade_no=T1&subject=%E6%B5%8B%E8%AF%95&total_fee=0.01&refund_date=2015-01-01+00%3A00%3A00';

describe('alipay-toolkit sign / verify / keys (built CLI process)', function () {
  this.timeout(120000);

  before(() => {
    execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'pipe' });
    // Run a copy of the fresh bundle: another build started meanwhile (watch mode,
    // a parallel run) cannot swap the file under a running test.
    CLI = path.join(dir, 'cli.js');
    // dist/cli.js starts the bundle that runs the command (cli-main.js here): copy them all.
    for (const f of ['cli.js', 'cli-main.js', 'cli-scan.js', 'scan-worker.js']) fs.copyFileSync(path.join(path.dirname(BUILT_CLI), f), path.join(dir, f));
    fs.writeFileSync(md5File, MD5 + '\n', { mode: 0o600 });
    for (const f of PRIVATE_FIXTURES) addPrivateKeyText(readKey(f));
  });

  describe('sign', () => {
    it('signs a query string with the MD5 key file: one line, the sandbox gateway, sign and sign_type set', () => {
      const r = run(['sign', ORDER, '--key-file', md5File]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.lines.length, 1);
      assert.equal(r.err, '');
      assert.match(r.lines[0], /^https:\/\/mapi\.alipaydev\.com\/gateway\.do\?/);
      const back = parseInput(r.lines[0]);
      const want = md5Sign(presignString(parseInput(ORDER).params), MD5, 'utf-8');
      assert.equal(getParam(back.params, 'sign'), want);
      assert.equal(getParam(back.params, 'sign_type'), 'MD5');
    });

    it('reads standard input when INPUT is absent or -, and @file', () => {
      const a = run(['sign', '--key-file', md5File], { input: ORDER + '\n' });
      const b = run(['sign', '-', '--key-file', md5File], { input: ORDER });
      const file = path.join(dir, 'order.txt');
      fs.writeFileSync(file, ORDER);
      const c = run(['sign', `@${file}`, '--key-file', md5File]);
      assert.equal(a.code, 0, a.err);
      assert.equal(a.out, b.out);
      assert.equal(a.out, c.out);
    });

    it('takes the MD5 key from ALIPAY_MD5_KEY', () => {
      const r = run(['sign', ORDER, '--output', 'sign'], { env: { ALIPAY_MD5_KEY: MD5 } });
      assert.equal(r.code, 0, r.err);
      assert.equal(r.lines[0], md5Sign(presignString(parseInput(ORDER).params), MD5, 'utf-8'));
    });

    it('keeps the input URL gateway, replaces an old sign and sign_type', () => {
      const url = `https://mapi.alipay.com/gateway.do?${ORDER}&sign_type=MD5&sign=0000`;
      const r = run(['sign', url, '--key-file', md5File]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.lines[0], /^https:\/\/mapi\.alipay\.com\/gateway\.do\?/);
      const back = parseInput(r.lines[0]).params;
      assert.equal(back.filter((x) => x.name === 'sign').length, 1);
      assert.notEqual(getParam(back, 'sign'), '0000');
      assert.equal(verifyParams(back, 'MD5', { md5Key: MD5 }, 'utf-8').valid, true);
    });

    it('--output presign | sign | query | json', () => {
      const presign = run(['sign', ORDER, '--key-file', md5File, '--output', 'presign']);
      assert.equal(presign.lines[0], presignString(parseInput(ORDER).params));
      assert.match(presign.lines[0], /refund_date=2015-01-01 00:00:00/);
      const query = run(['sign', ORDER, '--key-file', md5File, '--output', 'query']);
      assert.match(query.lines[0], /^service=create_direct_pay_by_user&/);
      const json = run(['sign', ORDER, '--key-file', md5File, '--output', 'json', '--gateway', 'https://mapi.alipay.com/gateway.do']);
      assert.equal(json.lines.length, 1);
      const j = JSON.parse(json.lines[0]) as Record<string, unknown>;
      assert.deepEqual(Object.keys(j), ['sign_type', 'charset', 'gateway', 'presign', 'sign', 'query', 'url', 'params']);
      assert.equal(j.gateway, 'https://mapi.alipay.com/gateway.do');
      assert.equal(j.url, `${j.gateway as string}?${j.query as string}`);
      assert.equal(j.presign, presign.lines[0]);
      assert.deepEqual((j.params as Array<{ name: string }>).slice(-2).map((x) => x.name), ['sign', 'sign_type']);
    });

    it('signs RSA2 with a bare-base64 PKCS#8 key, RSA with PKCS#1, DSA — each verifies', () => {
      for (const [type, priv, pub] of [
        ['RSA2', 'rsa1024-pkcs8.base64.txt', 'rsa1024-public.pem'],
        ['RSA', 'rsa2048-pkcs1.pem', 'rsa2048-public.pem'],
        ['DSA', 'dsa1024.pem', 'dsa1024-public.pem'],
      ] as const) {
        const r = run(['sign', ORDER, '--sign-type', type, '--private-key-file', keyPath(priv)]);
        assert.equal(r.code, 0, r.err);
        const back = parseInput(r.lines[0]).params;
        assert.equal(getParam(back, 'sign_type'), type);
        assert.equal(verifyParams(back, type, { publicKey: readKey(pub) }, 'utf-8').valid, true);
        const v = run(['verify', r.lines[0], '--public-key-file', keyPath(pub)]);
        assert.equal(v.code, 0, v.out + v.err);
        assert.equal(v.lines[0], 'VALID');
      }
    });

    it('uses sign_type from the input when --sign-type is absent', () => {
      const r = run(['sign', `${ORDER}&sign_type=RSA2`, '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--output', 'json']);
      assert.equal(r.code, 0, r.err);
      assert.equal((JSON.parse(r.lines[0]) as { sign_type: string }).sign_type, 'RSA2');
    });

    it('GBK: --charset gbk encodes the URL and signs the GBK bytes', () => {
      const r = run(['sign', 'service=test&subject=贝尔金&_input_charset=gbk', '--key-file', md5File, '--output', 'json']);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.lines[0]) as { url: string; sign: string; presign: string; charset: string };
      assert.equal(j.charset, 'gbk');
      assert.match(j.url, /subject=%B1%B4%B6%FB%BD%F0/);
      assert.equal(j.sign, md5Sign(j.presign, MD5, 'gbk'));
      // a GBK-encoded input file is read with --charset gbk
      const file = path.join(dir, 'gbk.txt');
      fs.writeFileSync(file, encode('service=test\nsubject=贝尔金\n_input_charset=gbk\n', 'gbk'));
      const f = run(['sign', `@${file}`, '--charset', 'gbk', '--key-file', md5File, '--output', 'sign']);
      assert.equal(f.code, 0, f.err);
      assert.equal(f.lines[0], j.sign);
    });

    it('accepts http only for a loopback gateway; refuses remote http with a clear message', () => {
      const ok = run(['sign', ORDER, '--key-file', md5File, '--gateway', 'http://127.0.0.1:8080/gateway.do']);
      assert.equal(ok.code, 0, ok.err);
      assert.match(ok.lines[0], /^http:\/\/127\.0\.0\.1:8080\/gateway\.do\?/);
      expectError(run(['sign', ORDER, '--key-file', md5File, '--gateway', 'http://mapi.alipay.com/gateway.do']), /--gateway: refusing .*https/);
      expectError(run(['sign', `http://mapi.alipay.com/gateway.do?${ORDER}`, '--key-file', md5File]), /input URL: refusing .*https/);
      expectError(run(['sign', ORDER, '--key-file', md5File, '--gateway', 'not a url']), /--gateway: .*not a valid URL/);
    });

    it('errors: one line naming what and where, exit 2', () => {
      expectError(run(['sign', ORDER]), /MD5 key.*--key-file.*ALIPAY_MD5_KEY/);
      expectError(run(['sign', ORDER, '--key-file', path.join(dir, 'nope.key')]), /MD5 key file ".*nope\.key" does not exist/);
      expectError(run(['sign', 'a=1&b=%zz', '--key-file', md5File]), /Parameter "b": bad percent escape "%zz"/);
      expectError(run(['sign', 'a=1&a=2', '--key-file', md5File]), /"a" appears more than once/);
      expectError(run(['sign', 'a=1&_input_charset=latin9', '--key-file', md5File]), /_input_charset: unknown charset "latin9"/);
      expectError(run(['sign', ORDER, '--key-file', md5File, '--sign-type', 'SHA512']), /unknown signature type "SHA512"/);
      expectError(run(['sign', ORDER, '--key-file', md5File, '--output', 'xml']), /--output: "xml" is not one of url, query, presign, sign, json/);
      expectError(run(['sign', ORDER, '--sign-type', 'RSA2']), /needs the merchant private key: --private-key-file/);
      expectError(run(['sign', ORDER, '--private-key-file', keyPath('rsa2048-pkcs1.pem')]), /sign_type is MD5.*--sign-type RSA2/);
      expectError(run(['sign', ORDER, '--sign-type', 'RSA', '--private-key-file', keyPath('rsa2048-public.pem')]), /private key file ".*rsa2048-public\.pem": this is a public key/);
      expectError(run(['sign', ORDER, '--sign-type', 'DSA', '--private-key-file', keyPath('rsa2048-pkcs1.pem')]), /DSA.*RSA/);
      expectError(run(['sign', ORDER, '--key-file', keyPath('rsa2048-pkcs1.pem')]), /holds an RSA\/DSA key, not an MD5 key/);
      expectError(run(['sign', '', '--key-file', md5File]), /input is empty/);
      expectError(run(['sign', 'subject=😀&_input_charset=gbk', '--key-file', md5File]), /Parameter "subject".*gbk cannot represent/);
      expectError(run(['sign', ORDER, '--key-file', md5File, '--frobnicate']), /Unknown option "--frobnicate"/);
    });

    it('never takes a secret as a command-line value, and never echoes one back', () => {
      for (const opt of ['--key', '--md5-key', '--private-key']) {
        const r = run(['sign', ORDER, opt, MD5]);
        expectError(r, /never taken as a command-line value/);
        assert.ok(!r.err.includes(MD5));
        const eq = run(['sign', ORDER, `${opt}=${MD5}`]);
        expectError(eq, /never taken as a command-line value/);
      }
      // a key typed as an extra positional argument is not echoed either
      expectError(run(['sign', ORDER, MD5, '--key-file', md5File]), /Unexpected extra argument/);
    });

    it('answers in Chinese with --lang zh', () => {
      const r = run(['sign', ORDER, '--lang', 'zh']);
      expectError(r, /MD5 密钥/);
    });
  });

  describe('verify', () => {
    const signedUrl = (): string => run(['sign', ORDER, '--key-file', md5File, '--gateway', 'https://mapi.alipay.com/gateway.do']).lines[0];

    it('VALID, exit 0', () => {
      const r = run(['verify', signedUrl(), '--key-file', md5File]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.lines[0], 'VALID');
      assert.equal(r.lines[1], `presign: ${presignString(parseInput(ORDER).params)}`);
    });

    it('INVALID, exit 1: the reason, the pre-sign string and the doctor finding', () => {
      // the signer URL-encoded the values before signing
      const params = parseInput(ORDER).params;
      const wrong = md5Sign(presignString(params.map((x) => ({ name: x.name, value: encodeURIComponent(x.value) }))), MD5, 'utf-8');
      const r = run(['verify', `${ORDER}&sign_type=MD5&sign=${wrong}`, '--key-file', md5File]);
      assert.equal(r.code, 1, r.err);
      assert.equal(r.lines[0], 'INVALID');
      assert.match(r.lines[1], /^reason: the signature does not match/);
      assert.equal(r.lines[2], `presign: ${presignString(params)}`);
      assert.equal(r.lines[3], 'doctor: checked as MD5 (from sign_type) · UTF-8 (from _input_charset) · MAPI request');
      assert.match(r.lines[4], /^doctor: \[url-encoded\] /);
    });

    it('INVALID when there is no sign; nothing found → says so and lists what was tried', () => {
      const none = run(['verify', ORDER, '--key-file', md5File]);
      assert.equal(none.code, 1);
      assert.match(none.lines[1], /no sign parameter/);
      // Nothing to check, so no key is asked for (MD5 and RSA alike).
      for (const unsigned of [ORDER, `${ORDER}&sign_type=RSA2`, `${ORDER}&sign=`]) {
        const bare = run(['verify', unsigned]);
        assert.equal(bare.code, 1, bare.err);
        assert.equal(bare.lines[0], 'INVALID');
        assert.match(bare.lines[1], /no sign parameter/);
      }
      const other = run(['verify', `${ORDER}&sign=${'0'.repeat(32)}`, '--key-file', md5File, '--gateway', 'https://mapi.alipaydev.com/gateway.do']);
      assert.equal(other.code, 1);
      assert.ok(other.lines.some((l) => /^doctor: none of the known mistakes.*tried: /.test(l)));
      assert.ok(other.lines.some((l) => /^hint: \[sandbox-gateway\]/.test(l)));
    });

    it("RSA: Alipay's notification with the merchant key given by mistake — the doctor names it", () => {
      const notify = parseInput('notify_id=n1&trade_status=TRADE_SUCCESS&out_trade_no=T1').params;
      const s = signContent(presignString(notify), 'RSA', { privateKey: readKey('alipay-side-rsa2048-private.pem') }, 'utf-8');
      const body = `notify_id=n1&trade_status=TRADE_SUCCESS&out_trade_no=T1&sign_type=RSA&sign=${encodeURIComponent(s)}`;
      const ok = run(['verify', body, '--public-key-file', keyPath('alipay-side-rsa2048-public.pem')]);
      assert.equal(ok.lines[0], 'VALID');
      assert.equal(ok.err, '');
      // Alipay's private key where its public key belongs: still verifies (its public half), with one warning line.
      const fromPrivate = run(['verify', body, '--public-key-file', keyPath('alipay-side-rsa2048-private.pem')]);
      assert.equal(fromPrivate.lines[0], 'VALID');
      assert.match(fromPrivate.err, /^alipay-toolkit: --public-key-file ".*alipay-side-rsa2048-private\.pem" is a private key; Alipay's public key is needed here/);
      assert.equal(fromPrivate.err.trim().split('\n').length, 1);
      const file = path.join(dir, 'alipay-pub.pem');
      fs.copyFileSync(keyPath('alipay-side-rsa2048-public.pem'), file);
      const bad = run(['verify', body, '--public-key-file', keyPath('rsa2048-public.pem'), '--merchant-public-key-file', keyPath('rsa2048-public.pem')]);
      assert.equal(bad.code, 1);
      assert.ok(bad.lines.some((l) => /^hint: \[own-key-as-alipay\]/.test(l)), bad.out);
      // + in the sign turned into spaces (sign pasted unencoded)
      const raw = run(['verify', body.replace(encodeURIComponent(s), s), '--public-key-file', file]);
      if (s.includes('+')) {
        assert.equal(raw.code, 1);
        assert.ok(raw.lines.some((l) => /^doctor: \[sign-plus-as-space\]/.test(l)), raw.out);
      } else {
        assert.equal(raw.code, 0);
      }
    });

    it("checks one's own signed request with the private key's public half (--private-key-file alone)", () => {
      const signed = run(['sign', ORDER, '--sign-type', 'RSA2', '--private-key-file', keyPath('rsa1024-pkcs8.base64.txt')]).lines[0];
      const r = run(['verify', signed, '--private-key-file', keyPath('rsa1024-pkcs8.base64.txt')]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.equal(r.lines[0], 'VALID');
      const help = run(['verify', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, /First line VALID or INVALID/);
    });

    it('--output json', () => {
      const r = run(['verify', `${ORDER}&sign=${'0'.repeat(32)}`, '--key-file', md5File, '--output', 'json']);
      assert.equal(r.code, 1);
      const j = JSON.parse(r.lines[0]) as Record<string, unknown>;
      assert.equal(j.valid, false);
      assert.equal(j.reason, 'MISMATCH');
      assert.equal(j.presign, presignString(parseInput(ORDER).params));
      assert.ok(Array.isArray(j.findings) && Array.isArray(j.hints) && Array.isArray(j.tried));
    });

    it('errors exit 2: missing key, missing public key file, bad input', () => {
      expectError(run(['verify', signedUrl()]), /--key-file/);
      expectError(run(['verify', `${ORDER}&sign_type=RSA&sign=x`]), /needs Alipay's public key: --public-key-file/);
      expectError(run(['verify', `${ORDER}&sign_type=RSA&sign=x`, '--public-key-file', path.join(dir, 'missing.pem')]), /public key file ".*missing\.pem" does not exist/);
      expectError(run(['verify', 'a=%', '--key-file', md5File]), /Parameter "a": bad percent escape/);
    });
  });

  describe('keys', () => {
    it('inspect: kind, algorithm, bits, format, encoding, fingerprint — never the key', () => {
      const r = run(['keys', 'inspect', keyPath('rsa1024-pkcs8.base64.txt')]);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(r.lines.slice(0, 6).map((l) => l.split(':')[0]), ['kind', 'algorithm', 'bits', 'format', 'encoding', 'fingerprint']);
      assert.ok(r.lines.includes('format: PKCS#8'));
      assert.ok(r.lines.includes('encoding: bare base64'));
      assert.ok(r.lines.some((l) => /1024-bit RSA is legacy/.test(l)));
      const j = run(['keys', 'inspect', keyPath('dsa1024.pem'), '--output', 'json']);
      assert.equal((JSON.parse(j.lines[0]) as { algorithm: string }).algorithm, 'dsa');
      const stdin = run(['keys', 'inspect', '-'], { input: readKey('rsa2048-public.pem') });
      assert.ok(stdin.lines.includes('kind: public'));
    });

    it('convert: a private result needs --out (file written 0600), or --out - deliberately', () => {
      expectError(run(['keys', 'convert', keyPath('rsa2048-pkcs1.pem'), '--to', 'pkcs8']), /private key: give --out FILE/);
      const out = path.join(dir, 'converted.pem');
      const r = run(['keys', 'convert', keyPath('rsa2048-pkcs1.pem'), '--to', 'pkcs8', '--out', out]);
      assert.equal(r.code, 0, r.err);
      assert.equal(fs.statSync(out).mode & 0o777, 0o600);
      assert.match(fs.readFileSync(out, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
      expectError(run(['keys', 'convert', keyPath('rsa2048-pkcs1.pem'), '--to', 'pkcs8', '--out', out]), /already exists; refusing to overwrite/);
      const forced = run(['keys', 'convert', out, '--to', 'pkcs1', '--out', out, '--force']);
      assert.equal(forced.code, 0, forced.err);
      assert.equal(fs.readFileSync(out, 'utf8').replace(/\s/g, ''), readKey('rsa2048-pkcs1.pem').replace(/\s/g, ''));
      // explicitly asked for on standard output: the only case a private key is printed
      const printed = run(['keys', 'convert', keyPath('rsa1024-pkcs8.base64.txt'), '--to', 'base64', '--out', '-'], { allowSecret: true });
      assert.equal(printed.lines.join(''), readKey('rsa1024-pkcs8.base64.txt').trim());
      assert.ok(secrets.some((x) => printed.out.includes(x)), 'the key-material scan catches a printed private key');
    });

    it('convert: public results print to standard output (SPKI PEM, one-line base64, PKCS#1)', () => {
      const pub = run(['keys', 'convert', keyPath('rsa2048-pkcs1.pem'), '--to', 'public']);
      assert.equal(pub.out, readKey('rsa2048-public.pem'));
      const b64 = run(['keys', 'convert', keyPath('rsa2048-public.pem'), '--to', 'base64']);
      assert.equal(b64.lines.length, 1);
      assert.equal(b64.lines[0], readKey('rsa2048-public.pem').replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, ''));
      const p1 = run(['keys', 'convert', keyPath('rsa2048-public.pem'), '--to', 'pkcs1']);
      assert.match(p1.lines[0], /BEGIN RSA PUBLIC KEY/);
      expectError(run(['keys', 'convert', keyPath('rsa2048-public.pem'), '--to', 'pkcs8']), /PKCS#8 is a private-key format/);
      expectError(run(['keys', 'convert', keyPath('rsa2048-public.pem')]), /needs --to/);
    });

    it('generate: writes PREFIX.private.pem (0600) and PREFIX.public.pem, prints only paths and the fingerprint', () => {
      const prefix = path.join(dir, 'merchant');
      const r = run(['keys', 'generate', '--out', prefix]);
      assert.equal(r.code, 0, r.err);
      const priv = fs.readFileSync(`${prefix}.private.pem`, 'utf8');
      addPrivateKeyText(priv);
      for (const l of [...r.lines, r.err]) for (const s of secrets) assert.ok(!l.includes(s));
      assert.equal(fs.statSync(`${prefix}.private.pem`).mode & 0o777, 0o600);
      assert.match(r.lines[0], /merchant\.private\.pem \(RSA 2048, PKCS#8 PEM, mode 0600\)/);
      assert.ok(r.lines.some((l) => /^fingerprint: SHA256:/.test(l)));
      const m = run(['keys', 'match', '--private-key-file', `${prefix}.private.pem`, '--public-key-file', `${prefix}.public.pem`]);
      assert.equal(m.lines[0], 'MATCH');
      expectError(run(['keys', 'generate', '--out', prefix]), /already exists; refusing to overwrite/);
      expectError(run(['keys', 'generate', '--out', '-']), /writes files only/);
      expectError(run(['keys', 'generate']), /needs --out PREFIX/);
      expectError(run(['keys', 'generate', '--bits', '512', '--out', path.join(dir, 'x')]), /--bits: "512" is not one of 2048, 1024/);
      const small = run(['keys', 'generate', '--bits', '1024', '--out', path.join(dir, 'legacy')]);
      assert.equal(small.code, 0, small.err);
      addPrivateKeyText(fs.readFileSync(path.join(dir, 'legacy.private.pem'), 'utf8'));
      assert.match(small.lines[0], /RSA 1024/);
    });

    it('match: MATCH exit 0, MISMATCH exit 1, bad file exit 2', () => {
      const ok = run(['keys', 'match', '--private-key-file', keyPath('rsa1024-pkcs8.base64.txt'), '--public-key-file', keyPath('rsa1024-public.pem')]);
      assert.equal(ok.code, 0);
      assert.equal(ok.lines[0], 'MATCH');
      const no = run(['keys', 'match', '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--public-key-file', keyPath('alipay-side-rsa2048-public.pem')]);
      assert.equal(no.code, 1);
      assert.equal(no.lines[0], 'MISMATCH');
      expectError(run(['keys', 'match', '--private-key-file', keyPath('rsa2048-pkcs1.pem')]), /needs --private-key-file F and --public-key-file G/);
      const trunc = path.join(dir, 'trunc.pem');
      fs.writeFileSync(trunc, readKey('rsa2048-pkcs1.pem').slice(0, 400));
      expectError(run(['keys', 'match', '--private-key-file', trunc, '--public-key-file', keyPath('rsa2048-public.pem')]), /private key file ".*trunc\.pem": the PEM block is incomplete/);
      expectError(run(['keys', 'frob']), /Unknown keys subcommand "frob"/);
    });

    it('an encrypted key: exit 2, says to decrypt it first', () => {
      const enc = path.join(dir, 'enc.pem');
      fs.writeFileSync(enc, execFileSync('openssl', ['pkcs8', '-topk8', '-in', keyPath('rsa2048-pkcs1.pem'), '-v2', 'aes-256-cbc', '-passout', 'pass:x']));
      expectError(run(['keys', 'inspect', enc]), /password-protected; decrypt it first/);
      expectError(run(['sign', ORDER, '--sign-type', 'RSA2', '--private-key-file', enc]), /private key file ".*enc\.pem": the key is password-protected/);
    });
  });
});
