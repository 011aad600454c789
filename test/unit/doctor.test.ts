// The signature doctor: each mistake of protocol.md "Why signatures fail" is
// re-created by signing the way a broken integration does, then diagnosed.
import * as assert from 'node:assert/strict';
import { Charset, encode, percentEncode } from '../../src/core/charset';
import { DoctorFinding, DoctorInput, MistakeId, describeFinding, diagnose } from '../../src/core/doctor';
import { Param, parseInput } from '../../src/core/params';
import { SignType, SigningKey, md5Sign, presignString, signContent, signParams, verifyParams } from '../../src/core/sign';
import { readKey } from './support/signing';

const MD5 = 'k1k2k3k4k5k6k7k8k9k0k1k2k3k4k5k6';
const merchantPriv = readKey('rsa2048-pkcs1.pem');
const merchantPub = readKey('rsa2048-public.pem');
const alipayPriv = readKey('alipay-side-rsa2048-private.pem');
const alipayPub = readKey('alipay-side-rsa2048-public.pem');

const p = (o: Record<string, string>): Param[] => Object.entries(o).map(([name, value]) => ({ name, value }));
const withSign = (params: Param[], sign: string): Param[] => [...params, { name: 'sign', value: sign }];

function sig(content: string, signType: SignType, key: SigningKey, charset: Charset = 'utf-8'): string {
  return signType === 'MD5' && 'md5Key' in key ? md5Sign(content, key.md5Key, charset) : signContent(content, signType, key, charset);
}

function expectFinding(input: DoctorInput, id: MistakeId): DoctorFinding {
  const r = diagnose(input);
  assert.equal(r.valid, false);
  assert.equal(r.presign, presignString(input.params), 'always returns the pre-sign string');
  assert.ok(r.findings.length > 0, `expected ${id}, found nothing (tried ${r.tried.join(', ')})`);
  assert.equal(r.findings[0].id, id);
  const en = describeFinding(r.findings[0], 'en');
  const zh = describeFinding(r.findings[0], 'zh');
  assert.doesNotMatch(en, /\{\w+\}/, 'no unfilled placeholder (en)');
  assert.doesNotMatch(zh, /\{\w+\}/, 'no unfilled placeholder (zh)');
  assert.match(zh, /[\u4e00-\u9fff]/);
  return r.findings[0];
}

const order = p({ service: 'create_direct_pay_by_user', partner: '2088000000000000', notify_url: 'https://example.com/n?a=1', refund_date: '2015-01-01 00:00:00', subject: '测试', body: '' });

describe('signature doctor', () => {
  it('agrees with verify on an OpenAPI request (sign_type is part of its content, not a mistake)', () => {
    const signed = signParams(p({ app_id: '2021000000000000', method: 'alipay.trade.query', charset: 'utf-8', version: '1.0' }), 'RSA2', { privateKey: merchantPriv }, 'utf-8').params;
    assert.equal(verifyParams(signed, 'RSA2', { publicKey: merchantPub }, 'utf-8').valid, true);
    const r = diagnose({ params: signed, signType: 'RSA2', charset: 'utf-8', key: { publicKey: merchantPub } });
    assert.equal(r.valid, true);
    assert.match(r.presign, /&sign_type=RSA2&/);
  });

  it('says VALID with no findings when the signature verifies, and returns the pre-sign string', () => {
    const params = withSign(order, sig(presignString(order), 'MD5', { md5Key: MD5 }));
    const r = diagnose({ params, signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } });
    assert.equal(r.valid, true);
    assert.deepEqual(r.findings, []);
    assert.equal(r.presign, presignString(order));
  });

  it('values URL-encoded before signing', () => {
    const encoded = order.map((x) => ({ name: x.name, value: percentEncode(x.value, 'utf-8') }));
    const f = expectFinding({ params: withSign(order, sig(presignString(encoded), 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'url-encoded');
    assert.equal(f.presign, presignString(encoded));
    // encodeURIComponent style (%20 for space) too
    const rfc = order.map((x) => ({ name: x.name, value: encodeURIComponent(x.value) }));
    expectFinding({ params: withSign(order, sig(presignString(rfc), 'RSA', { privateKey: merchantPriv })), signType: 'RSA', charset: 'utf-8', key: { publicKey: merchantPub } }, 'url-encoded');
  });

  it('sign_type included in the signed content', () => {
    const params = [...order, { name: 'sign_type', value: 'MD5' }];
    expectFinding({ params: withSign(params, sig(presignString(params, { keepSignType: true }), 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'sign-type-included');
  });

  it('empty values included', () => {
    const content = [...order].sort((a, b) => (a.name < b.name ? -1 : 1)).map((x) => `${x.name}=${x.value}`).join('&');
    const f = expectFinding({ params: withSign(order, sig(content, 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'empty-included');
    assert.match(describeFinding(f, 'en'), /body/);
  });

  it('wrong charset: utf-8 bytes signed while _input_charset says gbk', () => {
    const params = p({ subject: '贝尔金', _input_charset: 'gbk', partner: '1' });
    const f = expectFinding({ params: withSign(params, sig(presignString(params), 'MD5', { md5Key: MD5 }, 'utf-8')), signType: 'MD5', charset: 'gbk', key: { md5Key: MD5 } }, 'wrong-charset');
    assert.deepEqual(f.args, { used: 'utf-8', declared: 'gbk' });
  });

  it('wrong charset: the query was utf-8 encoded but decoded as gbk (re-decodes the raw query)', () => {
    const truth = p({ subject: '贝尔金', partner: '1', _input_charset: 'gbk' });
    const s = sig(presignString(truth), 'RSA2', { privateKey: merchantPriv }, 'utf-8');
    const raw = `subject=${percentEncode('贝尔金', 'utf-8')}&partner=1&_input_charset=gbk&sign=${encodeURIComponent(s)}`;
    const parsed = parseInput(raw); // decodes the utf-8 bytes as gbk: mojibake
    assert.notEqual(parsed.params[0].value, '贝尔金');
    expectFinding({ params: parsed.params, signType: 'RSA2', charset: parsed.charset, key: { publicKey: merchantPub }, rawQuery: raw }, 'wrong-charset');
  });

  it('whitespace or a newline in the MD5 key', () => {
    const content = presignString(order);
    const f = expectFinding({ params: withSign(order, sig(content, 'MD5', { md5Key: MD5 + '\n' })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'md5-key-whitespace');
    assert.match(describeFinding(f, 'en'), /trailing newline/);
    // the other way round: the key given here carries the whitespace
    expectFinding({ params: withSign(order, sig(content, 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: ` ${MD5}\r\n` } }, 'md5-key-whitespace');
  });

  it('"+" turned into a space in a value (return_url through a framework)', () => {
    const truth = p({ out_trade_no: 'A+B', total_fee: '1.00' });
    const s = sig(presignString(truth), 'RSA', { privateKey: alipayPriv });
    const received = p({ out_trade_no: 'A B', total_fee: '1.00' });
    expectFinding({ params: withSign(received, s), signType: 'RSA', charset: 'utf-8', key: { publicKey: alipayPub } }, 'plus-as-space');
  });

  it('"+" of the base64 sign turned into spaces (sign sent unencoded in a URL)', () => {
    const truth = p({ notify_id: 'n1', trade_status: 'TRADE_SUCCESS' });
    // find a signature holding a '+', then send it raw (unencoded) in the URL
    const signFor = (i: number) => sig(presignString([...truth, { name: 'i', value: String(i) }]), 'RSA', { privateKey: alipayPriv });
    let i = 0;
    while (!signFor(i).includes('+')) i++;
    const s = signFor(i);
    const url = `https://example.com/return?notify_id=n1&trade_status=TRADE_SUCCESS&i=${i}&sign=${s}&sign_type=RSA`;
    const parsed = parseInput(url);
    assert.match(parsed.params.find((x) => x.name === 'sign')?.value ?? '', / /);
    expectFinding({ params: parsed.params, signType: 'RSA', charset: 'utf-8', key: { publicKey: alipayPub } }, 'sign-plus-as-space');
  });

  it('a space turned into "+" (signed with spaces, received with pluses)', () => {
    const truth = p({ subject: 'a b c' });
    const received = p({ subject: 'a+b+c' });
    expectFinding({ params: withSign(received, sig(presignString(truth), 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'space-as-plus');
  });

  it('double encoding: values still percent-encoded after one decode (notify_id=…%252F…)', () => {
    const truth = p({ notify_id: 'ab/cd+ef', partner: '1' });
    const raw = `notify_id=${encodeURIComponent(encodeURIComponent('ab/cd+ef'))}&partner=1`;
    const parsed = parseInput(raw);
    assert.equal(parsed.params[0].value, 'ab%2Fcd%2Bef');
    const f = expectFinding({ params: withSign(parsed.params, sig(presignString(truth), 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'double-encoded');
    assert.match(describeFinding(f, 'zh'), /notify_id/);
  });

  it('the sign itself still percent-encoded', () => {
    const s = sig(presignString(order), 'RSA2', { privateKey: merchantPriv });
    assert.notEqual(encodeURIComponent(s), s);
    expectFinding({ params: withSign(order, encodeURIComponent(s)), signType: 'RSA2', charset: 'utf-8', key: { publicKey: merchantPub } }, 'sign-double-encoded');
  });

  it('parameters not sorted', () => {
    const content = order.filter((x) => x.value !== '').map((x) => `${x.name}=${x.value}`).join('&');
    expectFinding({ params: withSign(order, sig(content, 'MD5', { md5Key: MD5 })), signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } }, 'not-sorted');
  });

  it('RSA vs RSA2 mixed up', () => {
    const f = expectFinding({ params: withSign(order, sig(presignString(order), 'RSA2', { privateKey: merchantPriv })), signType: 'RSA', charset: 'utf-8', key: { publicKey: merchantPub } }, 'wrong-sign-type');
    assert.equal(f.args.actual, 'RSA2');
  });

  it("the merchant's own public key used where Alipay's belongs", () => {
    const notify = p({ notify_id: 'n', trade_status: 'TRADE_FINISHED' });
    const params = withSign(notify, sig(presignString(notify), 'RSA', { privateKey: alipayPriv }));
    expectFinding({ params, signType: 'RSA', charset: 'utf-8', key: { publicKey: merchantPub }, alipayPublicKey: alipayPub }, 'needs-alipay-key');
    const r = diagnose({ params, signType: 'RSA', charset: 'utf-8', key: { publicKey: merchantPub }, merchantPublicKey: merchantPub });
    assert.ok(r.hints.some((h) => h.id === 'own-key-as-alipay'), 'hints that the "Alipay" key is the merchant key');
  });

  it("a request signed with the merchant's key checked as if Alipay had sent it", () => {
    const params = withSign(order, sig(presignString(order), 'RSA2', { privateKey: merchantPriv }));
    expectFinding({ params, signType: 'RSA2', charset: 'utf-8', key: { publicKey: alipayPub }, merchantPrivateKey: merchantPriv }, 'signed-with-merchant-key');
    expectFinding({ params, signType: 'RSA2', charset: 'utf-8', key: { publicKey: alipayPub }, merchantPublicKey: merchantPub }, 'signed-with-merchant-key');
  });

  it('a private and public key that are not a pair', () => {
    const params = withSign(order, sig(presignString(order), 'RSA2', { privateKey: readKey('rsa1024-pkcs8.base64.txt') }));
    const r = diagnose({ params, signType: 'RSA2', charset: 'utf-8', key: { publicKey: alipayPub }, merchantPrivateKey: merchantPriv, merchantPublicKey: readKey('rsa1024-public.pem') });
    assert.ok(r.hints.some((h) => h.id === 'key-pair-mismatch'));
  });

  it('nothing matches: no finding, the pre-sign string, what was tried, the PKCS#1/#8 note and the gateway hint', () => {
    const params = withSign(order, sig('unrelated=1', 'RSA', { privateKey: merchantPriv }));
    const r = diagnose({ params, signType: 'RSA', charset: 'utf-8', key: { publicKey: merchantPub }, gateway: 'https://mapi.alipaydev.com/gateway.do', merchantPrivateKey: merchantPriv });
    assert.deepEqual(r.findings, []);
    assert.equal(r.presign, presignString(order));
    assert.ok(r.tried.includes('url-encoded') && r.tried.includes('wrong-sign-type'));
    const pkcs = r.hints.find((h) => h.id === 'pkcs-format');
    assert.ok(pkcs);
    assert.match(describeFinding(pkcs, 'en'), /PKCS#1 \(PEM\)/);
    assert.ok(r.hints.some((h) => h.id === 'sandbox-gateway'));
    const prod = diagnose({ params, signType: 'RSA', charset: 'utf-8', key: { publicKey: merchantPub }, gateway: 'https://mapi.alipay.com/gateway.do' });
    assert.ok(prod.hints.some((h) => h.id === 'production-gateway'));
  });

  it('a missing sign is named, with the pre-sign string', () => {
    const r = diagnose({ params: order, signType: 'MD5', charset: 'utf-8', key: { md5Key: MD5 } });
    assert.equal(r.findings[0].id, 'no-sign');
    assert.equal(r.presign, presignString(order));
  });

  it('GBK bytes: a GBK request diagnosed in GBK', () => {
    const params = p({ subject: '贝尔金', _input_charset: 'gbk', partner: '1', refund_date: '2015-01-01 00:00:00' });
    const encoded = params.map((x) => ({ name: x.name, value: percentEncode(x.value, 'gbk') }));
    assert.ok(encode(presignString(encoded), 'gbk').length > 0);
    expectFinding({ params: withSign(params, sig(presignString(encoded), 'MD5', { md5Key: MD5 }, 'gbk')), signType: 'MD5', charset: 'gbk', key: { md5Key: MD5 } }, 'url-encoded');
  });
});
