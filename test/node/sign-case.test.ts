// The signature parameters are `sign` and `sign_type` compared case-insensitively
// (protocol.md rule 1, core/protocol isSignParam): signing, verifying and the
// order-string parser decide by that one rule, so `SIGN=` is replaced, never
// kept beside a new `sign`, and never signed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseInput } from '../../src/core/params';
import { isSignatureParam } from '../../src/core/protocol';
import { presignString, signParams, verifyParams } from '../../src/core/sign';
import { variantContent } from '../../src/core/variants';
import { keyPath, openssl, readKey, tempDir } from '../unit/support/signing';

const md5 = (s: string): string => execFileSync('python3', ['-c', 'import hashlib,sys; print(hashlib.md5(sys.stdin.buffer.read()).hexdigest())'], { input: Buffer.from(s, 'utf8') }).toString().trim();

describe('sign/sign_type in any case: one rule for sign, verify and strip', () => {
  it('excludes Sign and SIGN_TYPE from the content (protocol.md: names compared case-insensitively)', () => {
    const { params } = parseInput('service=x&partner=2088&SIGN=old&Sign_Type=MD5&a=1');
    assert.equal(presignString(params), 'a=1&partner=2088&service=x');
  });

  it('replaces an uppercase SIGN and SIGN_TYPE in place instead of adding a second sign', () => {
    const { params } = parseInput('service=x&SIGN=old&partner=2088&SIGN_TYPE=RSA&a=1');
    const r = signParams(params, 'MD5', { md5Key: 'k' }, 'utf-8');
    assert.deepEqual(r.params.map((p) => p.name), ['service', 'sign', 'partner', 'sign_type', 'a']);
    assert.equal(r.params.filter((p) => isSignatureParam(p.name)).length, 2);
    assert.equal(r.presign, 'a=1&partner=2088&service=x');
    // Python hashlib as the oracle: md5(content + key).
    assert.equal(r.sign, md5('a=1&partner=2088&service=xk'));
    assert.equal(r.params[1].value, r.sign);
    assert.equal(r.params[3].value, 'MD5');
    assert.equal(verifyParams(r.params, 'MD5', { md5Key: 'k' }, 'utf-8').valid, true);
  });

  it('keeps one sign when the input spells it twice (sign and Sign)', () => {
    const { params } = parseInput('sign=a&partner=2088&Sign=b&service=x');
    const r = signParams(params, 'MD5', { md5Key: 'k' }, 'utf-8');
    assert.deepEqual(r.params.map((p) => p.name), ['sign', 'partner', 'service', 'sign_type']);
    assert.equal(r.params[0].value, r.sign);
  });

  it('OpenAPI signs the sign_type it sends, once, whatever case the input used (openssl verifies)', () => {
    const { params } = parseInput('app_id=2021000000000000&method=alipay.trade.query&charset=utf-8&SIGN_TYPE=RSA&biz_content={"out_trade_no":"1"}');
    const r = signParams(params, 'RSA2', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8');
    const content = 'app_id=2021000000000000&biz_content={"out_trade_no":"1"}&charset=utf-8&method=alipay.trade.query&sign_type=RSA2';
    assert.equal(r.presign, content);
    assert.deepEqual(r.params.filter((p) => isSignatureParam(p.name)).map((p) => `${p.name}=${p.name === 'sign' ? '…' : p.value}`), ['sign_type=RSA2', 'sign=…']);
    const dir = tempDir();
    const sig = path.join(dir, 'sig.bin');
    fs.writeFileSync(sig, Buffer.from(r.sign, 'base64'));
    const out = openssl(['dgst', '-sha256', '-verify', keyPath('rsa2048-public.pem'), '-signature', sig], content).toString();
    assert.match(out, /Verified OK/);
    // And the toolkit's own verification of what it produced agrees.
    assert.equal(verifyParams(r.params, 'RSA2', { publicKey: readKey('rsa2048-public.pem') }, 'utf-8').valid, true);
  });

  it('the quoted order string decodes SIGN="…" like sign="…" and leaves it out of the content', () => {
    const upper = parseInput('partner="2088"&subject="a+b"&SIGN="ab%2Bc%3D"&sign_type="RSA"');
    assert.equal(upper.kind, 'order');
    assert.deepEqual(upper.params.find((p) => p.name === 'SIGN'), { name: 'SIGN', value: 'ab+c=' });
    // Other values stay as written (the content is the quoted string as written).
    assert.equal(upper.params.find((p) => p.name === 'subject')?.value, 'a+b');
    assert.equal(variantContent('securitypay.order', upper.params), 'partner="2088"&subject="a+b"');
  });
});
