// OpenAPI certificate mode (公钥证书) in a real VS Code, from a profile naming
// certificate paths that this test makes with openssl: Sign Request and a
// request file add app_cert_sn / alipay_root_cert_sn equal to the openssl +
// Python oracle (the EC certificate of the root chain skipped), openssl
// verifies the signature over the pre-sign string with them; a response and a
// notification signed (by openssl) with the test's "Alipay" certificate key
// verify in the preview, the hover and Verify Signature with the certificate named by
// alipay_cert_sn among two; a mismatched alipay_cert_sn says no certificate
// matches; an expired Alipay certificate gets a warning with its dates.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { VerifyOutcome } from '../../src/extension/commands/sign';
import type { PreviewResult } from '../../src/extension/preview';
import { expiredCert, oracleSn } from '../node/cert-helpers';
import { keyPath, openssl } from '../unit/support/signing';
import { activateExtension, exec, hoverText, recordMessages } from './shell-helpers';
import { waitForWebviewText } from './probe';

const PROFILE = 'CertSandbox';
const APP_ID = '2021000000000001';
const APP_KEY = keyPath('rsa2048-pkcs1.pem');
const APP_PUBLIC = keyPath('rsa2048-public.pem');
const ALIPAY_KEY = keyPath('alipay-side-rsa2048-private.pem');
const REQUEST = `app_id=${APP_ID}&method=alipay.trade.query&format=JSON&charset=utf-8&sign_type=RSA2&timestamp=2026-11-30%2008%3A00%3A00&version=1.0&biz_content=%7B%22out_trade_no%22%3A%22CERT-1%22%7D`;
const NODE = '{"code":"10000","msg":"Success","trade_no":"2026113022001","out_trade_no":"CERT-1","trade_status":"TRADE_SUCCESS"}';

let dir: string;
const f = (n: string): string => path.join(dir, n);
let appSn: string;
let rootSn: string;
let alipaySn: string;
let oldSn: string;

/** What Alipay's key signs (SHA256withRSA by openssl, not by our code). */
function alipaySign(content: string, key = ALIPAY_KEY): string {
  return openssl(['dgst', '-sha256', '-sign', key], Buffer.from(content, 'utf8')).toString('base64');
}

function selfSigned(name: string, key: string, subject: string, serial: string, digest = 'sha256'): string {
  openssl(['req', '-x509', '-key', key, '-out', f(name), '-days', '30', '-subj', subject, `-${digest}`, '-set_serial', serial, '-utf8']);
  return f(name);
}

async function useProfile(extra: Record<string, string> = {}): Promise<void> {
  const profile = {
    name: PROFILE,
    gateway: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do',
    appId: APP_ID,
    signType: 'RSA2',
    charset: 'utf-8',
    appCertPath: f('appCertPublicKey_2021000000000001.crt'),
    alipayCertPath: f('alipayCerts.crt'),
    alipayRootCertPath: f('alipayRootCert.crt'),
    ...extra,
  };
  await vscode.workspace.getConfiguration('alipay').update('profiles', [profile], vscode.ConfigurationTarget.Global);
}

/** Previews `text`; a render superseded by the profile change's own re-render is asked again. */
async function preview(text: string): Promise<PreviewResult> {
  for (let i = 0; ; i++) {
    const r = await exec<PreviewResult>('alipay.previewResponse', { text });
    if (r?.rendered || i === 4) return r;
  }
}

function jsonResponse(sn: string): string {
  return `{"alipay_trade_query_response":${NODE},"alipay_cert_sn":"${sn}","sign":"${alipaySign(NODE)}"}`;
}

/** An OpenAPI notification signed by Alipay: every parameter but sign and sign_type, sorted, as the signed content. */
function notification(sn: string, key = ALIPAY_KEY): string {
  const fields: Array<[string, string]> = [
    ['alipay_cert_sn', sn],
    ['app_id', APP_ID],
    ['charset', 'utf-8'],
    ['notify_id', 'cert-n-1'],
    ['notify_time', '2026-11-30 08:00:00'],
    ['notify_type', 'trade_status_sync'],
    ['out_trade_no', 'CERT-1'],
    ['trade_status', 'TRADE_SUCCESS'],
  ];
  const sign = alipaySign(fields.map(([k, v]) => `${k}=${v}`).join('&'), key);
  return [...fields, ['sign_type', 'RSA2'], ['sign', sign]].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

describe('Certificate mode: profile certificates sign and verify (openssl-made certificates)', function () {
  this.timeout(90000);

  before(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-certmode-'));
    // Root chain: an RSA root (counts) and an EC root (skipped by the rule).
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', f('root.key')]);
    const rsaRoot = selfSigned('root-rsa.crt', f('root.key'), '/C=CN/O=Ant Financial/OU=Certification Authority/CN=Ant Financial Certification Authority Class 2 R1', '0x00c0ffee1234567890');
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f('ec.key')]);
    const ecRoot = selfSigned('root-ec.crt', f('ec.key'), '/C=CN/O=Ant Financial/CN=Ant Financial Certification Authority E1', '0x2f');
    fs.writeFileSync(f('alipayRootCert.crt'), fs.readFileSync(rsaRoot, 'utf8') + fs.readFileSync(ecRoot, 'utf8'));
    // The app certificate holds the merchant's public key (issued by the RSA root, as Alipay issues it).
    openssl(['req', '-new', '-key', APP_KEY, '-subj', `/C=CN/O=Some Merchant/OU=Alipay/CN=${APP_ID}`, '-out', f('app.csr')]);
    openssl(['x509', '-req', '-in', f('app.csr'), '-CA', rsaRoot, '-CAkey', f('root.key'), '-set_serial', '0x1122334455667788990011', '-days', '30', '-sha256', '-out', f('appCertPublicKey_2021000000000001.crt')]);
    // Alipay's certificates: an older one (another key) and the current one (the key that signs the answers below).
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', f('old-alipay.key')]);
    const oldCrt = selfSigned('alipay-old.crt', f('old-alipay.key'), '/C=CN/O=Ant Financial/OU=Alipay/CN=Alipay Old', '0x0a');
    const alipayCrt = selfSigned('alipayCertPublicKey_RSA2.crt', ALIPAY_KEY, '/C=CN/O=Ant Financial/OU=Alipay/CN=Alipay Current', '0x0b');
    fs.writeFileSync(f('alipayCerts.crt'), fs.readFileSync(oldCrt, 'utf8') + fs.readFileSync(alipayCrt, 'utf8'));
    appSn = oracleSn(f('appCertPublicKey_2021000000000001.crt'));
    rootSn = oracleSn(rsaRoot);
    alipaySn = oracleSn(alipayCrt);
    oldSn = oracleSn(oldCrt);
    await useProfile();
    assert.ok(await exec('alipay.setPrivateKey', { profile: PROFILE, file: APP_KEY }));
    assert.strictEqual(await exec<string>('alipay.switchProfile', { profile: PROFILE }), PROFILE);
  });

  after(async () => {
    await exec('alipay.clearSecret', { profile: PROFILE, kind: 'privateKey' });
    await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Global);
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Sign Request adds app_cert_sn and alipay_root_cert_sn equal to the oracle; openssl verifies the signature over them', async () => {
    const r = await exec<{ params: Array<{ name: string; value: string }>; presign: string; sign: string; url: string } | undefined>('alipay.signRequest', { text: REQUEST, profile: PROFILE, action: 'return' });
    assert.ok(r, 'not signed');
    const got = new Map(r.params.map((p) => [p.name, p.value]));
    assert.strictEqual(got.get('app_cert_sn'), appSn);
    assert.strictEqual(got.get('alipay_root_cert_sn'), rootSn, 'the EC root is not part of the root SN');
    assert.ok(r.presign.includes(`alipay_root_cert_sn=${rootSn}&app_cert_sn=${appSn}&app_id=${APP_ID}`), r.presign);
    fs.writeFileSync(f('presign.txt'), r.presign, 'utf8');
    fs.writeFileSync(f('sig.bin'), Buffer.from(r.sign, 'base64'));
    assert.match(openssl(['dgst', '-sha256', '-verify', APP_PUBLIC, '-signature', f('sig.bin'), f('presign.txt')]).toString(), /Verified OK/);
  });

  it('a request file signs with the same SNs (copied URL and pre-sign string)', async () => {
    const file = f('query.alipay');
    fs.writeFileSync(file, `### query\nPOST ${PROFILE}\napp_id = ${APP_ID}\nmethod = alipay.trade.query\nformat = JSON\ncharset = utf-8\ntimestamp = 2026-11-30 08:00:00\nversion = 1.0\nbiz_content = {"out_trade_no":"CERT-2"}\n`);
    const uri = vscode.Uri.file(file).toString();
    await vscode.env.clipboard.writeText('');
    const copied = await exec<{ copied: boolean }>('alipay.copySignedUrl', { uri, index: 1 });
    assert.strictEqual(copied.copied, true);
    const url = new URL(await vscode.env.clipboard.readText());
    assert.strictEqual(url.searchParams.get('app_cert_sn'), appSn);
    assert.strictEqual(url.searchParams.get('alipay_root_cert_sn'), rootSn);
    const shown = await exec<{ presign?: string }>('alipay.showRequestPresign', { uri, index: 1 });
    assert.ok(shown.presign?.startsWith(`alipay_root_cert_sn=${rootSn}&app_cert_sn=${appSn}&app_id=${APP_ID}&`), shown.presign);
    // openssl accepts the URL's sign over that pre-sign string with the app's public key.
    fs.writeFileSync(f('presign2.txt'), shown.presign!, 'utf8');
    fs.writeFileSync(f('sig2.bin'), Buffer.from(url.searchParams.get('sign')!, 'base64'));
    assert.match(openssl(['dgst', '-sha256', '-verify', APP_PUBLIC, '-signature', f('sig2.bin'), f('presign2.txt')]).toString(), /Verified OK/);
  });

  it('the preview verifies a response with the certificate alipay_cert_sn names, and says when none matches', async () => {
    const ok = await preview(jsonResponse(alipaySn));
    assert.strictEqual(ok?.kind, 'openapi');
    assert.strictEqual(ok.verdict, 'valid');
    // The signature section names the certificate that checked it.
    const shown = await waitForWebviewText(alipaySn, 20000);
    assert.match(shown.text, new RegExp(`Signature valid[\\s\\S]*Alipay certificate \\(alipay_cert_sn\\)\\s+${alipaySn}`));
    // The other configured certificate named: its key did not sign this.
    const other = await preview(jsonResponse(oldSn));
    assert.strictEqual(other.verdict, 'invalid');
    const none = await preview(jsonResponse('0123456789abcdef0123456789abcdef'));
    assert.strictEqual(none.verdict, 'error');
    const frame = await waitForWebviewText('No configured Alipay certificate has the SN 0123456789abcdef0123456789abcdef', 20000);
    assert.ok(frame.text.includes(alipaySn) && frame.text.includes(oldSn), 'the message lists the configured SNs');
  });

  it('Verify Signature checks a notification with the named certificate, and says when none matches', async () => {
    const info = recordMessages('showInformationMessage');
    const errors = recordMessages('showErrorMessage');
    try {
      const ok = await exec<VerifyOutcome>('alipay.verifySignature', { text: notification(alipaySn), profile: PROFILE });
      assert.strictEqual(ok?.valid, true, JSON.stringify(ok));
      assert.strictEqual(ok.certSn, alipaySn);
      assert.ok(info.shown.some((m) => m.message.includes(`Alipay's certificate ${alipaySn}`)), JSON.stringify(info.shown));
      const wrongKey = await exec<VerifyOutcome>('alipay.verifySignature', { text: notification(alipaySn, f('old-alipay.key')), profile: PROFILE });
      assert.strictEqual(wrongKey?.valid, false);
      const none = await exec<VerifyOutcome | undefined>('alipay.verifySignature', { text: notification('fedcba9876543210fedcba9876543210'), profile: PROFILE });
      assert.strictEqual(none, undefined);
      assert.ok(errors.shown.some((m) => /No configured Alipay certificate has the SN fedcba9876543210fedcba9876543210 named by alipay_cert_sn/.test(m.message)), JSON.stringify(errors.shown));
      // An OpenAPI JSON answer: the response rule (the …_response node as sent), the same certificate pick.
      const answer = await exec<VerifyOutcome>('alipay.verifySignature', { text: jsonResponse(alipaySn), profile: PROFILE });
      assert.strictEqual(answer?.valid, true, JSON.stringify(answer));
      assert.strictEqual(answer.certSn, alipaySn);
      assert.strictEqual(answer.presign, NODE);
      const otherCert = await exec<VerifyOutcome>('alipay.verifySignature', { text: jsonResponse(oldSn), profile: PROFILE });
      assert.strictEqual(otherCert?.valid, false);
      assert.strictEqual(otherCert.certSn, oldSn);
      errors.shown.length = 0;
      assert.strictEqual(await exec('alipay.verifySignature', { text: jsonResponse('0123456789abcdef0123456789abcdef'), profile: PROFILE }), undefined);
      assert.ok(errors.shown.some((m) => /No configured Alipay certificate has the SN 0123456789abcdef0123456789abcdef/.test(m.message)), JSON.stringify(errors.shown));
    } finally {
      info.restore();
      errors.restore();
    }
  });

  it('the hover checks a logged notification with the named certificate, and says when none matches', async () => {
    const file = f('notify.log');
    fs.writeFileSync(file, `2026-11-30 08:00:01 INFO notify received: ${notification(alipaySn)}\n2026-11-30 08:00:02 INFO notify received: ${notification('fedcba9876543210fedcba9876543210')}\n`);
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = (line: number): number => doc.offsetAt(new vscode.Position(line, doc.lineAt(line).text.indexOf('notify_type') + 2));
    const ok = await hoverText(uri, at(0));
    assert.match(ok, /sign verifies with the key of profile "CertSandbox"|sign 已用配置 "CertSandbox"/, ok);
    const none = await hoverText(uri, at(1));
    assert.match(none, /No configured Alipay certificate has the SN fedcba9876543210fedcba9876543210|配置的支付宝证书中没有 alipay_cert_sn 指定的 SN fedcba9876543210fedcba9876543210/, none);
  });

  it('an expired certificate still verifies or signs, with a warning giving its dates (preview, Verify Signature, Sign Request)', async () => {
    const expired = expiredCert(dir, 'expired-alipay', ALIPAY_KEY, '/C=CN/O=Ant Financial/CN=Expired Alipay');
    await useProfile({ alipayCertPath: expired });
    const warnings = recordMessages('showWarningMessage');
    try {
      const sn = oracleSn(expired);
      const r = await preview(jsonResponse(sn));
      assert.strictEqual(r.verdict, 'valid');
      await waitForWebviewText('has expired (valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC)', 20000);
      const v = await exec<VerifyOutcome>('alipay.verifySignature', { text: notification(sn), profile: PROFILE });
      assert.strictEqual(v?.valid, true);
      assert.match(v.certWarning ?? '', /certificate CN=Expired Alipay,O=Ant Financial,C=CN has expired \(valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC\)/);
      assert.ok(warnings.shown.some((m) => m.message === v.certWarning));
      // Signing with an expired app certificate: signed, with its dates in a warning.
      const expiredApp = expiredCert(dir, 'expired-app', APP_KEY, `/C=CN/O=Some Merchant/CN=${APP_ID}`);
      await useProfile({ appCertPath: expiredApp });
      warnings.shown.length = 0;
      const signed = await exec<{ params: Array<{ name: string; value: string }> } | undefined>('alipay.signRequest', { text: REQUEST, profile: PROFILE, action: 'return' });
      assert.strictEqual(signed?.params.find((p) => p.name === 'app_cert_sn')?.value, oracleSn(expiredApp));
      assert.ok(warnings.shown.some((m) => new RegExp(`certificate CN=${APP_ID},O=Some Merchant,C=CN has expired \\(valid from 2020-01-01 00:00:00 UTC to 2021-01-01 00:00:00 UTC\\)`).test(m.message)), JSON.stringify(warnings.shown));
    } finally {
      warnings.restore();
      await useProfile();
    }
  });
});
