// The openssl command line as an independent oracle, both directions, for the
// project's own keys: openssl signs and we verify; we sign and openssl verifies.
// Same bytes on both sides, including a GBK pre-sign string.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Charset, encode } from '../../src/core/charset';
import { SignType, presignString, signContent, verifyContent, verifyParams } from '../../src/core/sign';
import { keyPath, openssl, pemFileForBase64, readKey, tempDir } from '../unit/support/signing';

interface Case {
  label: string;
  privateText: () => string; // what the user would paste/load
  privateFile: () => string; // what openssl reads
  publicFile: string;
  types: SignType[];
}

const dir = tempDir();

const cases: Case[] = [
  {
    label: 'RSA-1024 PKCS#8 bare base64',
    privateText: () => readKey('rsa1024-pkcs8.base64.txt'),
    privateFile: () => pemFileForBase64('rsa1024-pkcs8.base64.txt', dir),
    publicFile: keyPath('rsa1024-public.pem'),
    types: ['RSA', 'RSA2'],
  },
  {
    label: 'RSA-2048 PKCS#1 PEM',
    privateText: () => readKey('rsa2048-pkcs1.pem'),
    privateFile: () => keyPath('rsa2048-pkcs1.pem'),
    publicFile: keyPath('rsa2048-public.pem'),
    types: ['RSA', 'RSA2'],
  },
  {
    label: 'DSA-1024 PEM',
    privateText: () => readKey('dsa1024.pem'),
    privateFile: () => keyPath('dsa1024.pem'),
    publicFile: keyPath('dsa1024-public.pem'),
    types: ['DSA'],
  },
];

const DIGEST: Record<SignType, string> = { MD5: '-md5', RSA: '-sha1', RSA2: '-sha256', DSA: '-sha1' };

const PARAMS: Record<Charset, Array<{ name: string; value: string }>> = {
  'utf-8': [
    { name: 'service', value: 'create_direct_pay_by_user' },
    { name: 'subject', value: '测试商品 Ω' },
    { name: '_input_charset', value: 'utf-8' },
    { name: 'gmt_create', value: '2015-01-01 00:00:00' },
  ],
  gbk: [
    { name: 'service', value: 'create_direct_pay_by_user' },
    { name: 'subject', value: '贝尔金 数据线' },
    { name: '_input_charset', value: 'gbk' },
    { name: 'body', value: '￥12.00，含运费' },
  ],
  gb2312: [
    { name: 'subject', value: '中文标题' },
    { name: '_input_charset', value: 'gb2312' },
  ],
};

let n = 0;
function files(content: Buffer, sig?: Buffer): { data: string; sig: string } {
  n++;
  const data = path.join(dir, `data${n}.bin`);
  const sigFile = path.join(dir, `sig${n}.bin`);
  fs.writeFileSync(data, content);
  if (sig) fs.writeFileSync(sigFile, sig);
  return { data, sig: sigFile };
}

function opensslVerifies(publicFile: string, digest: string, content: Buffer, sig: Buffer): boolean {
  const f = files(content, sig);
  try {
    return /Verified OK/.test(execFileSync('openssl', ['dgst', digest, '-verify', publicFile, '-signature', f.sig, f.data], { stdio: 'pipe' }).toString());
  } catch {
    return false; // openssl exits 1 on "Verification failure"
  }
}

describe('openssl oracle, both directions', () => {
  for (const c of cases) {
    for (const signType of c.types) {
      for (const charset of ['utf-8', 'gbk', 'gb2312'] as Charset[]) {
        const params = PARAMS[charset];
        const presign = presignString(params);
        const bytes = encode(presign, charset);

        it(`${c.label}, ${signType}, ${charset}: we sign, openssl verifies the same bytes`, () => {
          const sig = Buffer.from(signContent(presign, signType, { privateKey: c.privateText() }, charset), 'base64');
          assert.equal(opensslVerifies(c.publicFile, DIGEST[signType], bytes, sig), true);
          // and not other bytes: utf-8 bytes of a GBK string do not verify
          if (charset !== 'utf-8') assert.equal(opensslVerifies(c.publicFile, DIGEST[signType], Buffer.from(presign, 'utf8'), sig), false);
        });

        it(`${c.label}, ${signType}, ${charset}: openssl signs, we verify`, () => {
          const f = files(bytes);
          const sig = openssl(['dgst', DIGEST[signType], '-sign', c.privateFile(), f.data]).toString('base64');
          const pub = fs.readFileSync(c.publicFile, 'utf8');
          assert.equal(verifyContent(presign, sig, signType, { publicKey: pub }, charset), true);
          assert.equal(verifyParams([...params, { name: 'sign', value: sig }, { name: 'sign_type', value: signType }], signType, { publicKey: pub }, charset).valid, true);
          assert.equal(verifyContent(presign + 'x', sig, signType, { publicKey: pub }, charset), false);
        });
      }
    }
  }

  it('RSA PKCS#1 v1.5 is deterministic: our signature equals openssl\'s byte for byte', () => {
    const presign = presignString(PARAMS.gbk);
    const f = files(encode(presign, 'gbk'));
    const theirs = openssl(['dgst', '-sha256', '-sign', keyPath('rsa2048-pkcs1.pem'), f.data]).toString('base64');
    assert.equal(signContent(presign, 'RSA2', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'gbk'), theirs);
  });
});
