// Signing in OpenAPI certificate mode: `sign --app-cert-file --alipay-root-cert-file`
// adds app_cert_sn / alipay_root_cert_sn (equal to the openssl + Python oracle)
// BEFORE the pre-sign string is built, so `openssl dgst -sha256 -verify` accepts
// the signature over a content we build ourselves including both SN params.
// MAPI requests refuse the flags; an expired certificate warns with its dates.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../unit/support/cliRun';
import { keyPath, openssl, tempDir } from '../unit/support/signing';
import { expiredCert, issued, oracleSn, selfSigned } from './cert-helpers';

const dir = tempDir('alipay-certsign-');
const f = (name: string): string => path.join(dir, name);
const RSA = ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];

const REQUEST: Array<[string, string]> = [
  ['app_id', '2021000000000001'],
  ['method', 'alipay.trade.query'],
  ['format', 'JSON'],
  ['charset', 'utf-8'],
  ['sign_type', 'RSA2'],
  ['timestamp', '2026-11-30 07:00:00'],
  ['version', '1.0'],
  ['biz_content', '{"out_trade_no":"证书-1"}'],
];
const query = (pairs: Array<[string, string]>): string => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

let app: string;
let chain: string;

describe('sign in certificate mode (app_cert_sn, alipay_root_cert_sn)', function () {
  before(() => {
    const r1 = selfSigned(dir, 'root-sha1', RSA, '/C=CN/O=Ant Financial/OU=Certification Authority/CN=Ant Financial Certification Authority R1', 'sha1', '0x6e9a40b3e6a2e4a2');
    const ec = selfSigned(dir, 'root-ec', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/C=CN/O=Ant Financial/CN=Ant Financial Certification Authority E1', 'sha256', '0x2f');
    const r2 = selfSigned(dir, 'root-sha256', RSA, '/C=CN/O=Ant Financial/OU=Certification Authority/CN=Ant Financial Certification Authority Class 2 R1', 'sha256', '0x00c0ffee1234567890');
    app = issued(dir, 'app', 'root-sha256', '/C=CN/O=Some Merchant/OU=Alipay/CN=2021000000000001', '0x1122334455667788990011');
    chain = f('alipayRootCert.crt');
    fs.writeFileSync(chain, [r1, ec, r2].map((p) => fs.readFileSync(p, 'utf8')).join(''));
  });

  it('adds both SNs (equal to the oracle) before signing; openssl verifies the signature over the content with them', async () => {
    const r = await runCli(['sign', query(REQUEST), '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--app-cert-file', app, '--alipay-root-cert-file', chain, '--output', 'json']);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(r.err, []);
    const j = JSON.parse(r.out.join('\n')) as { presign: string; sign: string; params: Array<{ name: string; value: string }>; url: string };
    const appSn = oracleSn(app);
    const rootSn = `${oracleSn(f('root-sha1.crt'))}_${oracleSn(f('root-sha256.crt'))}`;
    const got = new Map(j.params.map((p) => [p.name, p.value]));
    assert.equal(got.get('app_cert_sn'), appSn);
    assert.equal(got.get('alipay_root_cert_sn'), rootSn);
    assert.match(j.url, new RegExp(`app_cert_sn=${appSn}&`));
    // Our own OpenAPI content: every parameter but sign, sorted by name, sign_type kept.
    const content = [...REQUEST, ['app_cert_sn', appSn], ['alipay_root_cert_sn', rootSn]]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    assert.equal(j.presign, content);
    fs.writeFileSync(f('content.txt'), content, 'utf8');
    fs.writeFileSync(f('sig.bin'), Buffer.from(j.sign, 'base64'));
    const ok = openssl(['dgst', '-sha256', '-verify', keyPath('rsa2048-public.pem'), '-signature', f('sig.bin'), f('content.txt')]).toString();
    assert.match(ok, /Verified OK/);
    // A stale SN in the input is replaced, not kept beside the new one.
    const stale = await runCli(['sign', query([...REQUEST, ['app_cert_sn', 'old']]), '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--app-cert-file', app, '--output', 'query']);
    assert.equal(stale.code, 0, stale.err.join('\n'));
    assert.equal(stale.out[0].match(/app_cert_sn=/g)?.length, 1);
    assert.match(stale.out[0], new RegExp(`app_cert_sn=${appSn}`));
  });

  it('a MAPI request refuses the certificate flags: one line, exit 2 (en and zh)', async () => {
    const mapi = 'service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&out_trade_no=1';
    const r = await runCli(['sign', mapi, '--sign-type', 'RSA2', '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--app-cert-file', app]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.out, []);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /--app-cert-file: certificate mode .* is for OpenAPI requests only; this is a MAPI \(gateway\.do\) request/);
    const zh = await runCli(['sign', mapi, '--sign-type', 'RSA2', '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--alipay-root-cert-file', chain], { lang: 'zh' });
    assert.equal(zh.code, 2);
    assert.equal(zh.err.length, 1);
    assert.match(zh.err[0], /--alipay-root-cert-file：公钥证书模式.*只用于 OpenAPI 请求/);
  });

  it('an expired app certificate: signed, with one warning line giving its dates', async () => {
    const old = expiredCert(dir, 'expired-app', f('app.key'), '/C=CN/O=Some Merchant/CN=Expired App');
    const r = await runCli(['sign', query(REQUEST), '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--app-cert-file', old, '--output', 'query']);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out[0], new RegExp(`app_cert_sn=${oracleSn(old)}`));
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /warning: certificate CN=Expired App,O=Some Merchant,C=CN has expired \(valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC\)/);
    const zh = await runCli(['sign', query(REQUEST), '--private-key-file', keyPath('rsa2048-pkcs1.pem'), '--app-cert-file', old, '--output', 'query'], { lang: 'zh' });
    assert.match(zh.err[0], /已过期（有效期 2020-01-01 00:00:00 UTC 至 2021-01-01 00:00:00 UTC）/);
  });

  it('decode --alipay-cert-file with an expired certificate: the same warning with the dates', async () => {
    const alipayKey = f('alipay.key');
    openssl([...RSA, '-out', alipayKey]);
    const cert = expiredCert(dir, 'expired-alipay', alipayKey, '/C=CN/O=Alipay/CN=Expired Alipay');
    const sn = oracleSn(cert);
    const node = '{"code":"10000","msg":"Success","trade_no":"2026113022001"}';
    fs.writeFileSync(f('node.txt'), node);
    const sign = openssl(['dgst', '-sha256', '-sign', alipayKey, f('node.txt')]).toString('base64');
    fs.writeFileSync(f('resp.json'), `{"alipay_trade_query_response":${node},"alipay_cert_sn":"${sn}","sign":"${sign}"}`);
    const r = await runCli(['decode', f('resp.json'), '--alipay-cert-file', cert]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(r.err.length, 1, r.err.join('\n'));
    assert.match(r.err[0], /certificate CN=Expired Alipay,O=Alipay,C=CN has expired \(valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC\)/);
  });
});
