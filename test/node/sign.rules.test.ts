// One test per rule of shared/protocol.md ("Signing a request", "Verifying
// what comes back"), each checked against an oracle that is not our code
// (python3 hashlib, the openssl command line) where the rule is about bytes.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { parseInput, buildUrl, getParam } from '../../src/core/params';
import { presignString, signParams, verifyParams, signContent, verifyContent } from '../../src/core/sign';
import { loadPrivateKey } from '../../src/core/keys';
import { keyPath, openssl, pemFileForBase64, readKey, tempDir } from '../unit/support/signing';

const md5Python = (text: string, key: string, charset: string): string =>
  execFileSync('python3', ['-c', 'import hashlib,sys; print(hashlib.md5((sys.argv[1]+sys.argv[2]).encode(sys.argv[3])).hexdigest())', text, key, charset])
    .toString()
    .trim();

const p = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }));

describe('protocol.md signing rules', () => {
  const dir = tempDir();

  it('rule 1: sign and sign_type are left out, names compared case-insensitively', () => {
    assert.equal(presignString(p({ b: '2', sign: 'x', sign_type: 'MD5', a: '1' })), 'a=1&b=2');
    assert.equal(presignString(p({ b: '2', SIGN: 'x', Sign_Type: 'RSA', a: '1' })), 'a=1&b=2');
  });

  it('rule 1: parameters with empty values are dropped', () => {
    assert.equal(presignString(p({ aaa: '111', dd: '', ggg: '1' })), 'aaa=111&ggg=1');
  });

  it('rule 1: "key" is a business parameter (sns.trade.operate.by.action) and is signed', () => {
    assert.equal(presignString(p({ service: 'sns.trade.operate.by.action', key: 'user-key' })), 'key=user-key&service=sns.trade.operate.by.action');
  });

  it('rule 2: sorted by name in byte order (_input_charset first, uppercase before lowercase)', () => {
    assert.equal(presignString(p({ partner: '1', _input_charset: 'utf-8', Zeta: 'z', alpha: 'a' })), 'Zeta=z&_input_charset=utf-8&alpha=a&partner=1');
  });

  it('rule 3: raw values are joined, not URL-encoded', () => {
    const { params } = parseInput('refund_date=2015-01-01+00%3A00%3A00&notify_url=%2Fsome_url&detail_data=1%5E0.01%5Etest');
    assert.equal(presignString(params), 'detail_data=1^0.01^test&notify_url=/some_url&refund_date=2015-01-01 00:00:00');
  });

  it('rule 4: MD5 is lowercase hex md5(pre-sign string + key), no "&key=" (python3 hashlib oracle)', () => {
    const r = signParams(p({ service: 'test', partner: '123' }), 'MD5', { md5Key: 'k3y' }, 'utf-8');
    assert.equal(r.sign, md5Python('partner=123&service=test', 'k3y', 'utf-8'));
    assert.match(r.sign, /^[0-9a-f]{32}$/);
    assert.notEqual(r.sign, md5Python('partner=123&service=test&key=', 'k3y', 'utf-8'));
  });

  it('rule 4: MD5 hashes the bytes of _input_charset (gbk vs utf-8, python3 oracle)', () => {
    const params = p({ subject: '贝尔金', _input_charset: 'gbk' });
    const gbk = signParams(params, 'MD5', { md5Key: 'k' }, 'gbk');
    const utf8 = signParams(params, 'MD5', { md5Key: 'k' }, 'utf-8');
    assert.equal(gbk.sign, md5Python('_input_charset=gbk&subject=贝尔金', 'k', 'gbk'));
    assert.equal(utf8.sign, md5Python('_input_charset=gbk&subject=贝尔金', 'k', 'utf-8'));
    assert.notEqual(gbk.sign, utf8.sign);
    assert.equal(signParams(params, 'MD5', { md5Key: 'k' }, 'gb2312').sign, md5Python('_input_charset=gbk&subject=贝尔金', 'k', 'gb2312'));
  });

  it('rule 4: the wire encoding uses the same charset (GBK 贝尔金 is %B1%B4%B6%FB%BD%F0)', () => {
    const url = buildUrl('https://mapi.alipay.com/gateway.do', p({ subject: '贝尔金' }), 'gbk');
    assert.equal(url, 'https://mapi.alipay.com/gateway.do?subject=%B1%B4%B6%FB%BD%F0');
    const back = parseInput(url + '&_input_charset=gbk');
    assert.equal(getParam(back.params, 'subject'), '贝尔金');
  });

  it('rule 5: RSA is SHA1withRSA, PKCS#1 v1.5, standard base64 (equals openssl dgst -sha1 -sign)', () => {
    const content = 'partner=123&service=test';
    const ours = signContent(content, 'RSA', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8');
    const theirs = openssl(['dgst', '-sha1', '-sign', keyPath('rsa2048-pkcs1.pem')], content).toString('base64');
    assert.equal(ours, theirs);
    assert.match(ours, /^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('rule 5: the private key may be PEM or bare base64, PKCS#1 or PKCS#8 — same signature', () => {
    const content = 'a=1&b=2';
    const b64 = readKey('rsa1024-pkcs8.base64.txt');
    const pkcs8File = pemFileForBase64('rsa1024-pkcs8.base64.txt', dir);
    const pkcs1Pem = openssl(['rsa', '-in', pkcs8File, '-traditional']).toString();
    const forms = [b64, b64.trim(), readKey('rsa1024-pkcs8.base64.txt').replace(/.{64}/g, '$&\n'), pkcs1Pem, loadPrivateKey(b64).key.export({ type: 'pkcs8', format: 'pem' }) as string];
    const sigs = new Set(forms.map((k) => signContent(content, 'RSA', { privateKey: k }, 'utf-8')));
    assert.equal(sigs.size, 1);
    assert.equal([...sigs][0], openssl(['dgst', '-sha1', '-sign', pkcs8File], content).toString('base64'));
  });

  it("rule 5: Alipay's public key is X.509 SubjectPublicKeyInfo", () => {
    const pem = readKey('alipay-side-rsa2048-public.pem');
    assert.match(pem, /-----BEGIN PUBLIC KEY-----/);
    const sig = openssl(['dgst', '-sha1', '-sign', keyPath('alipay-side-rsa2048-private.pem')], 'x=1').toString('base64');
    assert.equal(verifyContent('x=1', sig, 'RSA', { publicKey: pem }, 'utf-8'), true);
  });

  it('rule 6: DSA is SHA1withDSA over the same bytes (openssl verifies our signature)', () => {
    const content = '_input_charset=utf-8&partner=1&service=test';
    const sig = signContent(content, 'DSA', { privateKey: readKey('dsa1024.pem') }, 'utf-8');
    const sigFile = `${dir}/rule6.sig`;
    fs.writeFileSync(sigFile, Buffer.from(sig, 'base64'));
    assert.match(openssl(['dgst', '-sha1', '-verify', keyPath('dsa1024-public.pem'), '-signature', sigFile], content).toString(), /Verified OK/);
  });

  it('rule 7: RSA2 is SHA256withRSA (equals openssl dgst -sha256 -sign)', () => {
    const content = 'app_id=1&method=alipay.trade.query';
    const ours = signContent(content, 'RSA2', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8');
    assert.equal(ours, openssl(['dgst', '-sha256', '-sign', keyPath('rsa2048-pkcs1.pem')], content).toString('base64'));
  });

  it('OpenAPI variant: a request with app_id and method signs sign_type too (openssl over the hand-joined string verifies)', () => {
    const params = p({ method: 'alipay.trade.query', app_id: '2021000000000000', charset: 'utf-8', timestamp: '2026-11-23 10:00:00', version: '1.0', biz_content: '{"out_trade_no":"T1"}' });
    const r = signParams(params, 'RSA2', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8');
    const joined = 'app_id=2021000000000000&biz_content={"out_trade_no":"T1"}&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2026-11-23 10:00:00&version=1.0';
    assert.equal(r.presign, joined);
    const sigFile = `${dir}/openapi.sig`;
    fs.writeFileSync(sigFile, Buffer.from(r.sign, 'base64'));
    assert.match(openssl(['dgst', '-sha256', '-verify', keyPath('rsa2048-public.pem'), '-signature', sigFile], joined).toString(), /Verified OK/);
    assert.equal(verifyParams(r.params, 'RSA2', { publicKey: readKey('rsa2048-public.pem') }, 'utf-8').valid, true);
    // A MAPI request (no app_id/method) still leaves sign_type out.
    assert.equal(signParams(p({ service: 's', partner: '1' }), 'MD5', { md5Key: 'k' }, 'utf-8').presign, 'partner=1&service=s');
  });

  it('rule 8: the URL carries every parameter incl. sign and sign_type, base64 +/= encoded as %2B %2F %3D', () => {
    const r = signParams(p({ service: 'test', partner: '123', _input_charset: 'utf-8' }), 'RSA', { privateKey: readKey('rsa2048-pkcs1.pem') }, 'utf-8');
    const url = buildUrl('https://mapi.alipay.com/gateway.do', r.params, 'utf-8');
    const query = url.split('?')[1];
    assert.match(query, /(^|&)_input_charset=utf-8(&|$)/, '_input_charset stays in the query string');
    assert.match(query, /&sign_type=RSA(&|$)/);
    const rawSign = /&sign=([^&]*)/.exec(query)?.[1] ?? '';
    assert.doesNotMatch(rawSign, /[+/=]/);
    assert.equal(decodeURIComponent(rawSign), r.sign);
    assert.equal(getParam(parseInput(url).params, 'sign'), r.sign);
  });

  it("verifying: a notification verifies with Alipay's public key, not the merchant's", () => {
    const notify = p({ notify_id: 'abc', trade_status: 'TRADE_SUCCESS', sign_type: 'RSA' });
    const signed = signParams(notify, 'RSA', { privateKey: readKey('alipay-side-rsa2048-private.pem') }, 'utf-8').params;
    assert.equal(verifyParams(signed, 'RSA', { publicKey: readKey('alipay-side-rsa2048-public.pem') }, 'utf-8').valid, true);
    const wrong = verifyParams(signed, 'RSA', { publicKey: readKey('rsa2048-public.pem') }, 'utf-8');
    assert.equal(wrong.valid, false);
    assert.equal(wrong.reason, 'MISMATCH');
  });

  it('verifying: the same filter, sort and join apply to notifications (sign_type and empty values excluded)', () => {
    const notify = p({ trade_status: 'TRADE_SUCCESS', body: '', notify_id: 'n1', sign_type: 'MD5' });
    const signed = signParams(notify, 'MD5', { md5Key: 'k' }, 'utf-8').params;
    const r = verifyParams(signed, 'MD5', { md5Key: 'k' }, 'utf-8');
    assert.equal(r.valid, true);
    assert.equal(r.presign, 'notify_id=n1&trade_status=TRADE_SUCCESS');
  });

  it('verifying: a missing sign is INVALID with reason NO_SIGN', () => {
    assert.deepEqual(verifyParams(p({ a: '1' }), 'MD5', { md5Key: 'k' }, 'utf-8'), { valid: false, presign: 'a=1', signType: 'MD5', reason: 'NO_SIGN' });
  });
});
