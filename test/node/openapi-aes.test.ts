// OpenAPI AES (encrypt_type=AES): the core against `openssl enc` both ways
// (aes-128-cbc and aes-256-cbc, zero IV), the `aes` CLI, and `decode`
// decrypting an encrypted response after checking its signature.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aesDecrypt, aesEncrypt, parseAesKey } from '../../src/core/openapi/aes';
import { decodeResponse } from '../../src/core/response';
import { runCli } from '../unit/support/cliRun';
import { openssl, readKey, tempDir } from '../unit/support/signing';

const dir = tempDir('alipay-aes-');
const ZERO_IV = '0'.repeat(32);
const PLAIN = '{"out_trade_no":"20150320010101001","total_amount":"88.88","subject":"Iphone6 16G 苹果"}';

function keyFile(name: string, b64: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, b64 + '\n', { mode: 0o600 });
  return f;
}

for (const bytes of [16, 32] as const) {
  const cipher = bytes === 16 ? 'aes-128-cbc' : 'aes-256-cbc';
  describe(`AES ${cipher} against openssl enc`, () => {
    const raw = crypto.randomBytes(bytes);
    const b64 = raw.toString('base64');
    const key = parseAesKey(b64);
    const kf = keyFile(`k${bytes}`, b64);

    it('our ciphertext is openssl\'s (encrypt), and openssl decrypts it', () => {
      const ours = aesEncrypt(PLAIN, key);
      const theirs = openssl(['enc', `-${cipher}`, '-K', raw.toString('hex'), '-iv', ZERO_IV, '-a', '-A'], PLAIN).toString().trim();
      assert.equal(ours, theirs);
      const back = openssl(['enc', '-d', `-${cipher}`, '-K', raw.toString('hex'), '-iv', ZERO_IV, '-a', '-A'], ours + '\n').toString('utf8');
      assert.equal(back, PLAIN);
    });

    it('decrypts what openssl encrypted (all lengths around a block boundary)', () => {
      for (const n of [0, 1, 15, 16, 17, 31, 32, 33]) {
        const text = 'x'.repeat(n);
        const c = openssl(['enc', `-${cipher}`, '-K', raw.toString('hex'), '-iv', ZERO_IV, '-a', '-A'], text).toString().trim();
        assert.equal(aesDecrypt(c, key), text, `length ${n}`);
      }
    });

    it('CLI aes encrypt | decrypt round-trips and matches openssl', async () => {
      const enc = await runCli(['aes', 'encrypt', PLAIN, '--key-file', kf]);
      assert.equal(enc.code, 0, enc.err.join('\n'));
      assert.equal(enc.out.length, 1);
      const theirs = openssl(['enc', `-${cipher}`, '-K', raw.toString('hex'), '-iv', ZERO_IV, '-a', '-A'], PLAIN).toString().trim();
      assert.equal(enc.out[0], theirs);
      const dec = await runCli(['aes', 'decrypt', '-', '--key-file', kf], { stdin: theirs + '\n' });
      assert.equal(dec.code, 0, dec.err.join('\n'));
      assert.deepEqual(dec.out, [PLAIN]);
      const file = path.join(dir, `cipher${bytes}.txt`);
      fs.writeFileSync(file, theirs + '\n');
      const fromFile = await runCli(['aes', 'decrypt', file, '--key-file', kf]);
      assert.deepEqual(fromFile.out, [PLAIN]);
      const j = await runCli(['aes', 'decrypt', file, '--key-file', kf, '--json']);
      assert.deepEqual(JSON.parse(j.out.join("")), { plaintext: PLAIN });
    });
  });
}

describe('AES errors: one clear line, exit 2', () => {
  const good = keyFile('good', crypto.randomBytes(16).toString('base64'));
  const other = keyFile('other', crypto.randomBytes(16).toString('base64'));

  it('a key of the wrong length names the length', async () => {
    const r = await runCli(['aes', 'encrypt', 'x', '--key-file', keyFile('k24', crypto.randomBytes(24).toString('base64'))]);
    assert.equal(r.code, 2);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /24 bytes.*16 bytes \(aes-128\) or 32 bytes \(aes-256\)/);
  });

  it('a key that is not base64', async () => {
    const r = await runCli(['aes', 'encrypt', 'x', '--key-file', keyFile('bad64', 'not*base64!')]);
    assert.equal(r.code, 2);
    assert.match(r.err[0], /not base64/);
  });

  it('ciphertext that is not base64, or not whole blocks', async () => {
    const r = await runCli(['aes', 'decrypt', 'abc$', '--key-file', good]);
    assert.equal(r.code, 2);
    assert.match(r.err[0], /not base64 ciphertext/);
    const r2 = await runCli(['aes', 'decrypt', 'AAAA', '--key-file', good]);
    assert.equal(r2.code, 2);
    assert.match(r2.err[0], /3 bytes is not a whole number of AES blocks/);
  });

  it('the wrong key shows up as bad padding (or not UTF-8), never as garbage output', async () => {
    const c = (await runCli(['aes', 'encrypt', PLAIN, '--key-file', good])).out[0];
    const r = await runCli(['aes', 'decrypt', c, '--key-file', other]);
    assert.equal(r.code, 2);
    assert.equal(r.out.length, 0);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /padding|not UTF-8/);
  });

  it('in Chinese too', async () => {
    const r = await runCli(['aes', 'encrypt', 'x', '--key-file', keyFile('k8', crypto.randomBytes(8).toString('base64'))], { lang: 'zh' });
    assert.equal(r.code, 2);
    assert.match(r.err[0], /AES 密钥为 8 字节/);
  });

  it('no --key-file is a usage error', async () => {
    const r = await runCli(['aes', 'encrypt', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.err[0], /--key-file/);
  });
});

describe('decode: encrypt_type=AES responses', () => {
  const alipayPriv = readKey('alipay-side-rsa2048-private.pem');
  const alipayPub = readKey('alipay-side-rsa2048-public.pem');
  const aesB64 = crypto.randomBytes(16).toString('base64');
  const key = parseAesKey(aesB64);
  const inner = '{"code":"10000","msg":"Success","out_trade_no":"6823789339978248","trade_status":"TRADE_SUCCESS","total_amount":"88.88"}';
  const cipherText = aesEncrypt(inner, key);
  const node = JSON.stringify(cipherText);
  const sign = crypto.createSign('RSA-SHA256').update(node, 'utf8').sign(alipayPriv, 'base64');
  const response = `{"alipay_trade_query_response":${node},"sign":"${sign}"}`;

  it('verifies the signature over the ciphertext, then shows the decrypted fields', () => {
    const m = decodeResponse(response, { publicKey: alipayPub, aesKey: aesB64 });
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(m.signature.content, node);
    assert.equal(m.success, true);
    assert.equal(m.fields.find((f) => f.name === 'out_trade_no')?.raw, '6823789339978248');
    assert.match(m.status.detail!.en, /Decrypted/);
  });

  it('without the AES key: says it is encrypted, still checks the signature', () => {
    const m = decodeResponse(response, { publicKey: alipayPub });
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(m.success, undefined);
    assert.match(m.status.title.en, /Encrypted response/);
    assert.equal(m.fields.length, 0);
  });

  it('a tampered ciphertext fails the signature before decryption', () => {
    const other = JSON.stringify(aesEncrypt(inner.replace('88.88', '0.01'), key));
    const m = decodeResponse(response.replace(node, other), { publicKey: alipayPub, aesKey: aesB64 });
    assert.equal(m.signature.verdict, 'invalid');
  });

  it('CLI decode --aes-key-file', async () => {
    const kf = keyFile('decode.aes', aesB64);
    const pf = path.join(dir, 'alipay.pub');
    fs.writeFileSync(pf, alipayPub);
    const r = await runCli(['decode', '-', '--aes-key-file', kf, '--public-key-file', pf], { stdin: response });
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.ok(r.out.some((l) => /VALID/.test(l)));
    assert.ok(r.out.some((l) => /out_trade_no.*6823789339978248/.test(l)));
  });
});
