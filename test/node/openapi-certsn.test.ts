// Certificate SNs (OpenAPI certificate mode) for certificates this test makes
// with openssl — RSA/SHA-1, RSA/SHA-256, EC, SM2 (when this openssl can),
// expired — checked against an independent computation: the issuer as
// `openssl x509 -nameopt RFC2253` prints it (already reversed), the serial
// converted to decimal and MD5 by Python's hashlib.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { certSn, rootCertSn, validityWarning } from '../../src/core/openapi/certSn';
import { runCli } from '../unit/support/cliRun';
import { openssl, tempDir } from '../unit/support/signing';
import { expiredCert, issued as issuedIn, oracleSn, selfSigned as selfSignedIn } from './cert-helpers';

const dir = tempDir('alipay-cert-');
const f = (name: string): string => path.join(dir, name);
const selfSigned = (name: string, keyArgs: string[], subject: string, digest: string, serial: string): string => selfSignedIn(dir, name, keyArgs, subject, digest, serial);
const issued = (name: string, caName: string, subject: string, serial: string): string => issuedIn(dir, name, caName, subject, serial);

let sm2: string | undefined;
let rsa1: string;
let rsa256: string;
let ec: string;
let leaf: string;

describe('keys cert-sn: certificate SNs against openssl + Python', function () {
  before(() => {
    rsa1 = selfSigned('rsa-sha1', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/C=CN/O=Ant Financial/OU=Certification Authority/CN=Ant Financial Certification Authority R1', 'sha1', '0x6e9a40b3e6a2e4a2');
    rsa256 = selfSigned('rsa-sha256', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/C=CN/ST=浙江省/L=杭州市/O=蚂蚁金服（中国）/OU=Certification Authority/CN=Ant Financial Certification Authority Class 2 R1', 'sha256', '0x00c0ffee1234567890abcdef');
    ec = selfSigned('ec', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], '/C=CN/O=Ant Financial/OU=Certification Authority/CN=Ant Financial Certification Authority E1', 'sha256', '0x2f');
    try {
      sm2 = selfSigned('sm2', ['genpkey', '-algorithm', 'SM2'], '/C=CN/O=Ant Financial/OU=Certification Authority/CN=iTrusChina Class 2 Root CA - G3', 'sm3', '0x7d');
    } catch {
      sm2 = undefined; // this openssl cannot make SM2 certificates: the EC one stands in
    }
    leaf = issued('app', 'rsa-sha256', '/C=CN/O=Some Merchant/OU=Alipay/CN=2021000000000001', '0x1122334455667788990011');
  });

  it('SN of single certificates (RSA/SHA-1, RSA/SHA-256 with UTF-8 attributes, EC, an issued leaf) equals the oracle', async () => {
    for (const crt of [rsa1, rsa256, ec, leaf, ...(sm2 ? [sm2] : [])]) {
      const expected = oracleSn(crt);
      assert.equal(certSn(fs.readFileSync(crt), crt).sn, expected, path.basename(crt));
      const r = await runCli(['keys', 'cert-sn', crt]);
      assert.equal(r.code, 0, r.err.join('\n'));
      assert.equal(r.out[0], expected, path.basename(crt));
      assert.match(r.out[0], /^[0-9a-f]{32}$/);
    }
  });

  it('the issuer string is reversed and uses short names (as openssl RFC2253 prints it)', () => {
    const { cert } = certSn(fs.readFileSync(leaf), 'leaf');
    assert.equal(cert.issuer, 'CN=Ant Financial Certification Authority Class 2 R1,OU=Certification Authority,O=蚂蚁金服（中国）,L=杭州市,ST=浙江省,C=CN');
    assert.equal(cert.serialDecimal, BigInt('0x1122334455667788990011').toString());
  });

  it('--root: only RSA-signed certificates, joined by _ in file order; EC (and SM2) skipped with the reason', async () => {
    const chain = f('alipayRootCert.crt');
    const parts = [rsa1, ec, ...(sm2 ? [sm2] : []), rsa256].map((p) => fs.readFileSync(p, 'utf8'));
    fs.writeFileSync(chain, parts.join(''));
    const expected = `${oracleSn(rsa1)}_${oracleSn(rsa256)}`;
    assert.equal(rootCertSn(fs.readFileSync(chain), chain).sn, expected);
    const r = await runCli(['keys', 'cert-sn', chain, '--root']);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(r.out[0], expected);
    const j = await runCli(['keys', 'cert-sn', chain, '--root', '--json']);
    const detail = JSON.parse(j.out.join('\n')) as { sn: string; certificates: Array<{ used: boolean; why: string; signatureOid: string; serial: string; issuer: string }> };
    assert.equal(detail.sn, expected);
    assert.deepEqual(detail.certificates.map((c) => c.used), [true, false, ...(sm2 ? [false] : []), true]);
    assert.match(detail.certificates[1].why, /skipped: signed with ecdsa-with-SHA256, not RSA/);
    if (sm2) assert.match(detail.certificates[2].why, /SM2-with-SM3/);
    assert.equal(detail.certificates[0].signatureOid, '1.2.840.113549.1.1.5');
    assert.equal(detail.certificates[0].serial, BigInt('0x6e9a40b3e6a2e4a2').toString());
  });

  it('--json for one certificate: one document with the SN, issuer, decimal serial, dates', async () => {
    const r = await runCli(['keys', 'cert-sn', leaf, '--json']);
    const d = JSON.parse(r.out.join('\n')) as Record<string, unknown>;
    assert.equal(d.sn, oracleSn(leaf));
    assert.equal(d.serial, BigInt('0x1122334455667788990011').toString());
    assert.match(String(d.issuer), /^CN=Ant Financial Certification Authority Class 2 R1,OU=/);
    assert.equal(d.signatureAlgorithm, 'sha256WithRSAEncryption');
  });

  it('an expired certificate gets a warning with its dates (stderr), the SN still printed', async () => {
    expiredCert(dir, 'old', f('rsa-sha1.key'), '/C=CN/O=Old/CN=Expired App');
    const r = await runCli(['keys', 'cert-sn', f('old.crt')]);
    assert.equal(r.code, 0);
    assert.equal(r.out[0], oracleSn(f('old.crt')));
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /has expired \(valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC\)/);
    const { cert } = certSn(fs.readFileSync(f('old.crt')), 'old');
    assert.match(validityWarning(cert, new Date('2019-06-01'))!.en, /not valid yet/);
    assert.equal(validityWarning(cert, new Date('2020-06-01')), undefined);
  });

  it('bad input: a key instead of a certificate, garbage, a chain with no RSA certificate — one line, exit 2', async () => {
    const k = await runCli(['keys', 'cert-sn', f('rsa-sha1.key')]);
    assert.equal(k.code, 2);
    assert.match(k.err[0], /this is a key, not a certificate/);
    fs.writeFileSync(f('junk.crt'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const j = await runCli(['keys', 'cert-sn', f('junk.crt')]);
    assert.equal(j.code, 2);
    assert.equal(j.err.length, 1);
    assert.match(j.err[0], /certificate 1 cannot be read/);
    const e = await runCli(['keys', 'cert-sn', ec, '--root'], { lang: 'zh' });
    assert.equal(e.code, 2);
    assert.match(e.err[0], /都不是 RSA 签名/);
  });
});

describe('decode in certificate mode: the key of the certificate named by alipay_cert_sn', () => {
  it('verifies with the matching certificate of several, and says when none matches', async () => {
    // Two "Alipay" certificates; the response is signed by the second one's key.
    const a = selfSigned('alipay-a', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/C=CN/O=Ant Financial/CN=Alipay A', 'sha256', '0x0a');
    const b = selfSigned('alipay-b', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/C=CN/O=Ant Financial/CN=Alipay B', 'sha256', '0x0b');
    const both = f('alipayCerts.crt');
    fs.writeFileSync(both, fs.readFileSync(a, 'utf8') + fs.readFileSync(b, 'utf8'));
    const node = '{"code":"10000","msg":"Success","trade_no":"2024050122001","out_trade_no":"T1","trade_status":"TRADE_SUCCESS"}';
    const sign = openssl(['dgst', '-sha256', '-sign', f('alipay-b.key')], node).toString('base64');
    const response = (sn: string) => `{"alipay_trade_query_response":${node},"alipay_cert_sn":"${sn}","sign":"${sign}"}`;
    const ok = await runCli(['decode', '-', '--alipay-cert-file', both], { stdin: response(oracleSn(b)) });
    assert.equal(ok.code, 0, ok.err.join('\n'));
    assert.ok(ok.out.some((l) => /Signature: RSA2 VALID/.test(l)), ok.out.join('\n'));
    const wrong = await runCli(['decode', '-', '--alipay-cert-file', both], { stdin: response(oracleSn(a)) });
    assert.equal(wrong.code, 1);
    const none = await runCli(['decode', '-', '--alipay-cert-file', a], { stdin: response('0123456789abcdef0123456789abcdef') });
    assert.ok(none.out.some((l) => /No configured Alipay certificate has the SN 0123456789abcdef0123456789abcdef/.test(l)), none.out.join('\n'));
  });
});
