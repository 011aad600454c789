// Keys as people have them: every accepted form, conversions that round-trip
// (checked with openssl), pair matching, generation, pasted-text damage, and
// clear errors for encrypted, truncated and wrong-kind keys.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ToolkitError } from '../../src/core/i18n';
import { derivePublicKey, describeKey, generateRsaPair, keysMatch, loadPrivateKey, loadPublicKey, toBareBase64, toPkcs1, toPkcs8 } from '../../src/core/keys';
import { signContent, verifyContent } from '../../src/core/sign';
import { keyPath, openssl, pemFileForBase64, readKey, tempDir } from '../unit/support/signing';

const dir = tempDir();

function throwsCode(f: () => unknown, code: string, mentions?: RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ToolkitError, `expected a ToolkitError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (mentions) assert.match(e.message, mentions);
    assert.match(e.localized('zh'), /[\u4e00-\u9fff]/, 'has a Chinese message');
    return true;
  });
}

describe('keys', () => {
  it('describes each fixture: kind, algorithm, bits, format, encoding, fingerprint', () => {
    const rsa1024 = describeKey(readKey('rsa1024-pkcs8.base64.txt'));
    assert.deepEqual({ ...rsa1024, fingerprint: undefined }, { kind: 'private', algorithm: 'rsa', bits: 1024, format: 'pkcs8', encoding: 'base64', fingerprint: undefined });
    const rsa2048 = describeKey(readKey('rsa2048-pkcs1.pem'));
    assert.equal(rsa2048.format, 'pkcs1');
    assert.equal(rsa2048.encoding, 'pem');
    assert.equal(rsa2048.bits, 2048);
    const dsa = describeKey(readKey('dsa1024.pem'));
    assert.equal(dsa.algorithm, 'dsa');
    assert.equal(dsa.bits, 1024);
    const pub = describeKey(readKey('rsa2048-public.pem'));
    assert.equal(pub.kind, 'public');
    assert.equal(pub.format, 'spki');
  });

  it('fingerprint is SHA-256 of the SPKI DER, the same for both halves (openssl oracle)', () => {
    const der = openssl(['pkey', '-pubin', '-in', keyPath('rsa2048-public.pem'), '-outform', 'DER']);
    const want = 'SHA256:' + crypto.createHash('sha256').update(der).digest('base64').replace(/=+$/, '');
    assert.equal(describeKey(readKey('rsa2048-public.pem')).fingerprint, want);
    assert.equal(describeKey(readKey('rsa2048-pkcs1.pem')).fingerprint, want);
  });

  it('reads a PKCS#1 public key ("RSA PUBLIC KEY") and a certificate', () => {
    const pkcs1Pub = openssl(['rsa', '-in', keyPath('rsa2048-pkcs1.pem'), '-RSAPublicKey_out']).toString();
    assert.match(pkcs1Pub, /BEGIN RSA PUBLIC KEY/);
    assert.equal(loadPublicKey(pkcs1Pub).info.fingerprint, describeKey(readKey('rsa2048-public.pem')).fingerprint);
    const cert = openssl(['req', '-new', '-x509', '-key', keyPath('rsa2048-pkcs1.pem'), '-subj', '/CN=test', '-days', '1']).toString();
    const loaded = loadPublicKey(cert);
    assert.equal(loaded.info.format, 'x509');
    assert.equal(loaded.info.fingerprint, describeKey(readKey('rsa2048-public.pem')).fingerprint);
  });

  it('reads a traditional "DSA PRIVATE KEY", also as bare base64', () => {
    const trad = openssl(['pkey', '-in', keyPath('dsa1024.pem'), '-traditional']).toString();
    assert.match(trad, /BEGIN DSA PRIVATE KEY/);
    const a = loadPrivateKey(trad).info;
    const b = loadPrivateKey(toBareBase64(trad)).info;
    assert.equal(a.fingerprint, describeKey(readKey('dsa1024-public.pem')).fingerprint);
    assert.equal(b.fingerprint, a.fingerprint);
  });

  it('tolerates pasted damage: literal \\n, CRLF, quotes, spaces, line-wrapped base64', () => {
    const pem = readKey('rsa2048-pkcs1.pem');
    const want = describeKey(pem).fingerprint;
    const b64 = readKey('rsa1024-pkcs8.base64.txt').trim();
    const forms = [
      pem.replace(/\n/g, '\\n'), // from a JSON or .env file
      pem.replace(/\n/g, '\r\n'),
      `"${pem.replace(/\n/g, '\\n')}"`,
      '  \n' + pem + '\n\n  ',
      pem.replace(/\n/g, ' ').replace('----- ', '-----\n'),
    ];
    for (const f of forms) assert.equal(loadPrivateKey(f).info.fingerprint, want);
    const wantB64 = describeKey(b64).fingerprint;
    for (const f of [b64.replace(/.{64}/g, '$&\n'), ` ${b64} `, b64.replace(/.{76}/g, '$&\r\n'), `'${b64}'`, b64.replace(/.{10}/g, '$& ')]) {
      assert.equal(loadPrivateKey(f).info.fingerprint, wantB64);
    }
  });

  it('converts PKCS#1 <-> PKCS#8 and round-trips; openssl reads every result', () => {
    const pkcs1 = readKey('rsa2048-pkcs1.pem');
    const p8 = toPkcs8(pkcs1);
    assert.match(p8, /^-----BEGIN PRIVATE KEY-----/);
    const back = toPkcs1(p8);
    assert.equal(back.replace(/\s/g, ''), pkcs1.replace(/\s/g, ''));
    const file = path.join(dir, 'p8.pem');
    fs.writeFileSync(file, p8, { mode: 0o600 });
    assert.match(openssl(['pkey', '-in', file, '-noout', '-text']).toString(), /Private-Key: \(2048 bit/);
    // bare base64 (Alipay's form) of PKCS#8 equals openssl's PKCS#8 DER
    const der = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', keyPath('rsa2048-pkcs1.pem'), '-outform', 'DER']);
    assert.equal(toBareBase64(p8), der.toString('base64'));
    // the base64 fixture to PKCS#1 and back to base64 is the same key text
    const b64 = readKey('rsa1024-pkcs8.base64.txt').trim();
    assert.equal(toBareBase64(toPkcs8(toPkcs1(b64))), b64);
  });

  it('derives the public key (equal to openssl -pubout)', () => {
    assert.equal(derivePublicKey(readKey('rsa2048-pkcs1.pem')), readKey('rsa2048-public.pem'));
    const fromB64 = derivePublicKey(readKey('rsa1024-pkcs8.base64.txt'));
    assert.equal(fromB64, openssl(['pkey', '-in', pemFileForBase64('rsa1024-pkcs8.base64.txt', dir), '-pubout']).toString());
  });

  it('marks a public key read from a private key (PEM, PKCS#8 bare base64, DSA), and only that', () => {
    for (const f of ['rsa2048-pkcs1.pem', 'rsa1024-pkcs8.base64.txt', 'dsa1024.pem', 'alipay-side-rsa2048-private.pem']) {
      const k = loadPublicKey(readKey(f));
      assert.equal(k.info.kind, 'public', f);
      assert.equal(k.info.fromPrivate, true, f);
      assert.equal(k.key.type, 'public', f);
    }
    for (const f of ['rsa2048-public.pem', 'rsa1024-public.pem', 'dsa1024-public.pem', 'alipay-side-rsa2048-public.pem']) {
      assert.equal(loadPublicKey(readKey(f)).info.fromPrivate, undefined, f);
    }
    // The same public key as bare base64 (Alipay's console form) is no private key either.
    assert.equal(loadPublicKey(toBareBase64(readKey('rsa2048-public.pem'))).info.fromPrivate, undefined);
  });

  it('tells whether a private and a public key form a pair', () => {
    assert.equal(keysMatch(readKey('rsa2048-pkcs1.pem'), readKey('rsa2048-public.pem')), true);
    assert.equal(keysMatch(readKey('rsa1024-pkcs8.base64.txt'), readKey('rsa1024-public.pem')), true);
    assert.equal(keysMatch(readKey('dsa1024.pem'), readKey('dsa1024-public.pem')), true);
    assert.equal(keysMatch(readKey('rsa2048-pkcs1.pem'), readKey('alipay-side-rsa2048-public.pem')), false);
    assert.equal(keysMatch(readKey('rsa2048-pkcs1.pem'), readKey('rsa1024-public.pem')), false);
  });

  it('generates RSA-2048 (default) and 1024 pairs that sign and verify, readable by openssl', () => {
    for (const bits of [2048, 1024] as const) {
      const pair = generateRsaPair(bits);
      assert.equal(describeKey(pair.privateKey).bits, bits);
      assert.equal(keysMatch(pair.privateKey, pair.publicKey), true);
      const sig = signContent('a=1', 'RSA2', { privateKey: pair.privateKey }, 'utf-8');
      assert.equal(verifyContent('a=1', sig, 'RSA2', { publicKey: pair.publicKey }, 'utf-8'), true);
      const file = path.join(dir, `gen${bits}.pem`);
      fs.writeFileSync(file, pair.publicKey);
      assert.match(openssl(['pkey', '-pubin', '-in', file, '-noout', '-text']).toString(), new RegExp(`Public-Key: \\(${bits} bit`));
    }
    assert.equal(describeKey(generateRsaPair().privateKey).bits, 2048);
  });

  it('says an encrypted key must be decrypted first (PEM and bare base64)', () => {
    const enc = openssl(['pkcs8', '-topk8', '-in', keyPath('rsa2048-pkcs1.pem'), '-v2', 'aes-256-cbc', '-passout', 'pass:secret']).toString();
    assert.match(enc, /ENCRYPTED PRIVATE KEY/);
    throwsCode(() => loadPrivateKey(enc, 'merchant.pem'), 'KEY_ENCRYPTED', /^merchant\.pem: .*password-protected/);
    throwsCode(() => loadPrivateKey(toBareBase64(enc), 'k.txt'), 'KEY_ENCRYPTED');
    const legacy = openssl(['rsa', '-in', keyPath('rsa2048-pkcs1.pem'), '-traditional', '-aes128', '-passout', 'pass:secret']).toString();
    throwsCode(() => loadPrivateKey(legacy, 'old.pem'), 'KEY_ENCRYPTED');
  });

  it('gives one clear error naming the source for empty, non-base64, truncated, public-for-private and broken PEM', () => {
    throwsCode(() => loadPrivateKey('', 'a.pem'), 'KEY_EMPTY', /^a\.pem: /);
    throwsCode(() => loadPrivateKey('not a key!', 'b.pem'), 'KEY_NOT_BASE64', /b\.pem/);
    throwsCode(() => loadPrivateKey(readKey('rsa1024-pkcs8.base64.txt').slice(0, 200), 'c.txt'), 'KEY_UNREADABLE', /c\.txt/);
    throwsCode(() => loadPrivateKey(readKey('rsa2048-public.pem'), 'pub.pem'), 'KEY_IS_PUBLIC', /public key/);
    throwsCode(() => loadPrivateKey(toBareBase64(readKey('rsa2048-public.pem')), 'pub.txt'), 'KEY_IS_PUBLIC');
    throwsCode(() => loadPrivateKey(readKey('rsa2048-pkcs1.pem').replace(/-----END[^\n]*/, ''), 'cut.pem'), 'KEY_BAD_PEM');
    throwsCode(() => loadPrivateKey('-----BEGIN DSA PRIVATE KEY-----\nAAAA\n-----END DSA PRIVATE KEY-----', 'd.pem'), 'KEY_UNREADABLE');
    throwsCode(() => loadPublicKey('MIIB', 'e.pem'), 'KEY_UNREADABLE');
  });

  it('error messages never contain key material', () => {
    const b64 = readKey('rsa1024-pkcs8.base64.txt').trim();
    for (const broken of [b64.slice(0, 300), b64.slice(0, 100) + '!' + b64.slice(101), `-----BEGIN PRIVATE KEY-----\n${b64.slice(0, 500)}`]) {
      try {
        loadPrivateKey(broken, 'k');
        assert.fail('should not load');
      } catch (e) {
        assert.ok(e instanceof ToolkitError);
        for (const lang of ['en', 'zh'] as const) {
          const msg = e.localized(lang);
          for (let i = 0; i + 12 <= b64.length; i += 6) assert.ok(!msg.includes(b64.slice(i, i + 12)), 'no 12-char chunk of the key');
        }
      }
    }
  });

  it('refuses to sign with the wrong kind of key, naming it', () => {
    throwsCode(() => signContent('a=1', 'RSA2', { privateKey: readKey('dsa1024.pem') }, 'utf-8'), 'WRONG_KEY_KIND', /DSA/);
    throwsCode(() => signContent('a=1', 'DSA', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8'), 'WRONG_KEY_KIND', /RSA/);
    throwsCode(() => signContent('a=1', 'MD5', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8'), 'WRONG_KEY_KIND');
    throwsCode(() => signContent('a=1', 'RSA', { md5Key: 'k' }, 'utf-8'), 'WRONG_KEY_KIND');
    throwsCode(() => signContent('a=1', 'RSA', { privateKey: crypto.createPublicKey(readKey('rsa2048-public.pem')) }, 'utf-8'), 'KEY_IS_PUBLIC');
  });
});
