// Certificate mode from a profile's certificate paths (core/openapi/profileCerts)
// and the verification rule every front end shares (core keysForCert through
// verifyMessage and decodeResponse): certificates made here with openssl, SNs
// checked against the openssl + Python oracle, signatures made by openssl.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isToolkitError, localize } from '../../src/core/i18n';
import type { Param } from '../../src/core/params';
import { readCertificates } from '../../src/core/openapi/certSn';
import { profileAlipayCerts, profileCertSns, signsInCertMode } from '../../src/core/openapi/profileCerts';
import { decodeResponse } from '../../src/core/response';
import { keysForCert, verifyMessage } from '../../src/core/response/signature';
import { expiredCert, oracleSn } from './cert-helpers';
import { keyPath, openssl, tempDir } from '../unit/support/signing';

const dir = tempDir('alipay-profilecerts-');
const f = (n: string): string => path.join(dir, n);
const ALIPAY_KEY = keyPath('alipay-side-rsa2048-private.pem');
const APP_KEY = keyPath('rsa2048-pkcs1.pem');

function selfSigned(name: string, key: string, subject: string, serial: string, digest = 'sha256'): string {
  openssl(['req', '-x509', '-key', key, '-out', f(name), '-days', '30', '-subj', subject, `-${digest}`, '-set_serial', serial]);
  return f(name);
}

/** What Alipay's key signs, by openssl (independent of our signing code). */
function alipaySign(content: string, key = ALIPAY_KEY): string {
  return openssl(['dgst', '-sha256', '-sign', key], Buffer.from(content, 'utf8')).toString('base64');
}

const REQUEST: Param[] = [
  { name: 'app_id', value: '2021000000000001' },
  { name: 'method', value: 'alipay.trade.query' },
  { name: 'charset', value: 'utf-8' },
  { name: 'sign_type', value: 'RSA2' },
  { name: 'biz_content', value: '{"out_trade_no":"T1"}' },
];

let alipayCrt: string;
let otherCrt: string;
let appCrt: string;
let rootCrt: string;
let ecRoot: string;

describe('certificate mode from profile paths (core/openapi/profileCerts)', function () {
  this.timeout(30000);
  before(() => {
    alipayCrt = selfSigned('alipayCertPublicKey_RSA2.crt', ALIPAY_KEY, '/C=CN/O=Ant Financial/OU=Alipay/CN=Alipay Test Cert', '0x0abc');
    otherCrt = selfSigned('other.crt', APP_KEY, '/C=CN/O=Ant Financial/CN=Alipay Old Cert', '0x0def');
    appCrt = selfSigned('appCertPublicKey.crt', APP_KEY, '/C=CN/O=Some Merchant/CN=2021000000000001', '0x1122334455', 'sha1');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f('ec.key')]);
    ecRoot = selfSigned('ec-root.crt', f('ec.key'), '/C=CN/O=Ant Financial/CN=EC Root', '0x2f');
    rootCrt = f('alipayRootCert.crt');
    fs.writeFileSync(rootCrt, fs.readFileSync(appCrt, 'utf8') + fs.readFileSync(ecRoot, 'utf8') + fs.readFileSync(alipayCrt, 'utf8'));
  });

  it('signs in certificate mode only for an OpenAPI request of a profile naming the app or root certificate', () => {
    assert.equal(signsInCertMode({ name: 'p', appCertPath: 'a.crt' }, 'openapi'), true);
    assert.equal(signsInCertMode({ name: 'p', alipayRootCertPath: 'r.crt' }, 'openapi'), true);
    assert.equal(signsInCertMode({ name: 'p', appCertPath: 'a.crt' }, 'mapi'), false);
    assert.equal(signsInCertMode({ name: 'p', alipayCertPath: 'alipay.crt' }, 'openapi'), false, 'the Alipay certificate alone only verifies');
    const unchanged = profileCertSns(REQUEST, 'mapi', { name: 'p', appCertPath: 'missing.crt' }, 'en');
    assert.deepEqual(unchanged.params, REQUEST);
  });

  it('adds app_cert_sn and alipay_root_cert_sn (relative paths from baseDir) equal to the openssl + Python oracle; the EC certificate is skipped', () => {
    const profile = { name: 'Cert', appCertPath: 'appCertPublicKey.crt', alipayRootCertPath: rootCrt };
    const r = profileCertSns(REQUEST, 'openapi', profile, 'en', dir);
    const got = new Map(r.params.map((p) => [p.name, p.value]));
    assert.equal(got.get('app_cert_sn'), oracleSn(appCrt));
    assert.equal(got.get('alipay_root_cert_sn'), `${oracleSn(appCrt)}_${oracleSn(alipayCrt)}`);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.params.length, REQUEST.length + 2);
  });

  it('a certificate file that cannot be read: one ToolkitError naming the profile, the certificate and the file (en and zh)', () => {
    const profile = { name: 'Cert', appCertPath: 'nope/app.crt' };
    try {
      profileCertSns(REQUEST, 'openapi', profile, 'en', dir);
      assert.fail('no error');
    } catch (e) {
      assert.ok(isToolkitError(e));
      assert.equal(e.code, 'CERT_READ');
      assert.equal(e.localized('en'), 'Profile Cert: cannot read app certificate "nope/app.crt" (ENOENT)');
      assert.equal(e.localized('zh'), '配置 Cert：无法读取应用公钥证书 "nope/app.crt"（ENOENT）');
    }
    const bad = profileAlipayCerts({ name: 'Cert', alipayCertPath: APP_KEY }, 'en');
    assert.equal(bad.certs, undefined);
    assert.match(bad.problem!.en, /Alipay certificate ".*rsa2048-pkcs1\.pem": this is a key, not a certificate/);
    assert.deepEqual(profileAlipayCerts({ name: 'NoCert' }, 'en'), {});
  });

  it('verification picks the certificate named by alipay_cert_sn among several, and says when none matches', () => {
    fs.writeFileSync(f('both.crt'), fs.readFileSync(otherCrt, 'utf8') + fs.readFileSync(alipayCrt, 'utf8'));
    const { certs } = profileAlipayCerts({ name: 'Cert', alipayCertPath: 'both.crt' }, 'en', dir);
    assert.equal(certs?.length, 2);
    const sn = oracleSn(alipayCrt);
    // An OpenAPI notification (signed by Alipay): every parameter but sign and sign_type, sorted.
    const fields: Array<[string, string]> = [
      ['alipay_cert_sn', sn],
      ['app_id', '2021000000000001'],
      ['charset', 'utf-8'],
      ['notify_id', 'n1'],
      ['notify_type', 'trade_status_sync'],
      ['out_trade_no', 'T1'],
      ['trade_status', 'TRADE_SUCCESS'],
    ];
    const sign = alipaySign(fields.map(([k, v]) => `${k}=${v}`).join('&'));
    const params = (snValue: string): Param[] => [
      ...fields.map(([name, value]) => ({ name, value: name === 'alipay_cert_sn' ? snValue : value })),
      { name: 'sign_type', value: 'RSA2' },
      { name: 'sign', value: sign },
    ];
    const ok = verifyMessage({ params: params(sn), charset: 'utf-8', keys: { alipayCerts: certs } });
    assert.equal(ok.verdict, 'valid', JSON.stringify(ok.reason));
    assert.equal(ok.certWarning, undefined);
    assert.equal(ok.certSn, sn, 'the view names the certificate that checked it');
    // The other certificate named: the wrong key, so invalid.
    const other = verifyMessage({ params: params(oracleSn(otherCrt)), charset: 'utf-8', keys: { alipayCerts: certs } });
    assert.equal(other.verdict, 'invalid');
    const none = verifyMessage({ params: params('0123456789abcdef0123456789abcdef'), charset: 'utf-8', keys: { alipayCerts: certs } });
    assert.equal(none.verdict, 'error');
    assert.match(none.reason!.en, /^No configured Alipay certificate has the SN 0123456789abcdef0123456789abcdef named by alipay_cert_sn \(have: [0-9a-f]{32}, [0-9a-f]{32}\)/);
    assert.match(none.reason!.zh, /配置的支付宝证书中没有 alipay_cert_sn 指定的 SN 0123456789abcdef0123456789abcdef/);
    // A bare Alipay public key configured beside the certificates is not used instead of them.
    const keyToo = verifyMessage({ params: params('0123456789abcdef0123456789abcdef'), charset: 'utf-8', keys: { alipayCerts: certs, publicKey: fs.readFileSync(keyPath('alipay-side-rsa2048-public.pem'), 'utf8') } });
    assert.equal(keyToo.verdict, 'error');
    // An unreadable certificate file is the verdict's reason.
    const broken = verifyMessage({ params: params(sn), charset: 'utf-8', keys: { alipayCertProblem: { en: 'Profile X: cannot read Alipay certificate "a.crt" (ENOENT)', zh: '配置 X：无法读取支付宝公钥证书 "a.crt"（ENOENT）' } } });
    assert.equal(broken.verdict, 'error');
    assert.match(broken.reason!.en, /cannot read Alipay certificate "a\.crt"/);
  });

  it('the certificate used is outside its validity period: a warning with the dates (expired, and not yet valid)', () => {
    const old = expiredCert(dir, 'expired-alipay', ALIPAY_KEY, '/C=CN/O=Alipay/CN=Expired Alipay');
    const certs = readCertificates(fs.readFileSync(old), 'expired');
    const node = '{"code":"10000","msg":"Success","trade_no":"2026113022001"}';
    const json = `{"alipay_trade_query_response":${node},"alipay_cert_sn":"${oracleSn(old)}","sign":"${alipaySign(node)}"}`;
    const m = decodeResponse(json, { alipayCerts: certs });
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(m.signature.certWarning?.en, 'warning: certificate CN=Expired Alipay,O=Alipay,C=CN has expired (valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC): download a new one from the Alipay console');
    assert.match(m.signature.certWarning!.zh, /已过期（有效期 2020-01-01 00:00:00 UTC 至 2021-01-01 00:00:00 UTC）/);
    const early = keysForCert({ alipayCerts: certs }, oracleSn(old), new Date('2019-06-01T00:00:00Z'));
    assert.equal(localize(early.warning!, 'en'), 'warning: certificate CN=Expired Alipay,O=Alipay,C=CN is not valid yet (valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC)');
    const inside = keysForCert({ alipayCerts: certs }, oracleSn(old), new Date('2020-06-01T00:00:00Z'));
    assert.equal(inside.warning, undefined);
    assert.equal(inside.sn, oracleSn(old));
  });
});
