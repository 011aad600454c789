// Issue #11's checks in the real editor, through the real commands and hover:
// Verify Signature on an OpenAPI return URL, the sign check in the hover of a
// WAP 2.0 notification, and Sign Request → Open in browser to production asking
// first. Signatures are made here with node:crypto (not src/core), so the
// product's content rules are checked against the test's own reading of them.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SignOutcome, VerifyOutcome } from '../../src/extension/commands/sign';
import { activateExtension, exec, hoverText, recordMessages } from './shell-helpers';

const md5 = (s: string): string => crypto.createHash('md5').update(s, 'utf8').digest('hex');
const form = (pairs: Array<[string, string]>): string => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

describe('Protocol variants in the editor (#11)', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-protocol-'));
  });
  after(async () => {
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Verify Signature says valid for an OpenAPI return URL signed without sign and sign_type, empty values kept', async () => {
    const profile = 'OpenAPI Sandbox';
    const alipay = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const alipayPublic = alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    assert.ok(await exec('alipay.setAlipayPublicKey', { profile, value: alipayPublic }));
    const info = recordMessages('showInformationMessage');
    const warnings = recordMessages('showWarningMessage');
    try {
      const params: Array<[string, string]> = [
        ['charset', 'utf-8'],
        ['out_trade_no', 'R-11-1'],
        ['method', 'alipay.trade.page.pay.return'],
        ['total_amount', '88.88'],
        ['trade_no', '2026113022001400000000000001'],
        ['auth_app_id', '2021000000000011'],
        ['version', '1.0'],
        ['app_id', '2021000000000011'],
        ['seller_id', '2088101122136241'],
        ['timestamp', '2026-11-30 07:00:00'],
        ['passback_params', ''],
      ];
      // rsaCheckV1: sorted name=value of everything but sign and sign_type, empty values kept.
      const content = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
      assert.match(content, /&passback_params=&/);
      const sign = crypto.sign('sha256', Buffer.from(content, 'utf8'), alipay.privateKey).toString('base64');
      const url = `https://merchant.example.com/alipay/return?${form([...params.slice(0, 4), ['sign', sign], ...params.slice(4, 8), ['sign_type', 'RSA2'], ...params.slice(8)])}`;

      const ok = await exec<VerifyOutcome>('alipay.verifySignature', { text: url, profile });
      assert.ok(ok, 'the command returns its outcome');
      assert.deepStrictEqual([ok.valid, ok.signType, ok.signer, ok.profile], [true, 'RSA2', 'alipay', profile], JSON.stringify(ok));
      assert.strictEqual(ok.presign, content, 'the content checked is the rsaCheckV1 content');
      // The resolver's evidence: what it was checked as, and why.
      assert.match(ok.checkedAs, /^RSA2 \(from sign_type\) · UTF-8 \(from charset\) · OpenAPI return URL$|^RSA2（来自 sign_type） · UTF-8（来自 charset） · OpenAPI 同步返回$/, ok.checkedAs);
      assert.strictEqual(info.shown.length, 1);
      assert.match(info.shown[0].message, /Signature valid: RSA2|签名有效：RSA2/);
      assert.strictEqual(warnings.shown.length, 0, warnings.shown.map((s) => s.message).join(' | '));

      // The same URL with one value changed: not valid (the check can fail).
      const tampered = url.replace('total_amount=88.88', 'total_amount=0.01');
      const bad = await exec<VerifyOutcome>('alipay.verifySignature', { text: tampered, profile });
      assert.strictEqual(bad?.valid, false, JSON.stringify(bad));
      assert.strictEqual(warnings.shown.length, 1);
      assert.match(warnings.shown[0].message, /Signature invalid|签名无效/);
      assert.ok(warnings.shown[0].message.includes(bad!.checkedAs), warnings.shown[0].message);
    } finally {
      info.restore();
      warnings.restore();
      await exec('alipay.clearSecret', { profile, kind: 'all' });
    }
  });

  it('the hover of a WAP 2.0 notification line checks the sign over service, v, sec_id, notify_data in that order', async () => {
    const key = 'wapmd5key0123456789abcdefghijklm';
    const profile = 'Sandbox';
    await exec('alipay.switchProfile', { profile });
    assert.ok(await exec('alipay.setMd5Key', { profile, value: key }));
    try {
      const notify = (status: string): string =>
        `<notify><payment_type>1</payment_type><subject>测试 WAP</subject><trade_no>2026113000001000</trade_no><buyer_email>buyer@example.com</buyer_email><out_trade_no>WAP-11</out_trade_no><total_fee>0.01</total_fee><trade_status>${status}</trade_status><notify_id>abc123</notify_id></notify>`;
      const head: Array<[string, string]> = [['service', 'alipay.wap.trade.create.direct'], ['v', '1.0'], ['sec_id', 'MD5']];
      const fixed = (data: string): string => [...head, ['notify_data', data]].map(([k, v]) => `${k}=${v}`).join('&');
      const sorted = (data: string): string => `notify_data=${data}&sec_id=MD5&service=alipay.wap.trade.create.direct&v=1.0`;
      const body = (data: string, sign: string): string => form([...head, ['notify_data', data], ['sign', sign]]);

      const good = notify('TRADE_FINISHED');
      const valid = body(good, md5(fixed(good) + key));
      // A copy whose notify_data changed after signing.
      const tampered = body(notify('TRADE_SUCCESS'), md5(fixed(good) + key));
      // Signed over the sorted parameters (the usual MAPI rule): wrong for WAP 2.0 notifications.
      const sortedSigned = body(good, md5(sorted(good) + key));
      // Logged as received, notify_data not URL-encoded (raw XML with a space in it): valid, then changed after signing.
      const raw = `${fixed(good)}&sign=${md5(fixed(good) + key)}`;
      const rawTampered = raw.replace('TRADE_FINISHED', 'TRADE_SUCCESS');
      const lines = [valid, tampered, sortedSigned, raw, rawTampered].map((b, i) => `2026-11-30 07:00:0${i} INFO notify POST ${b}`);
      const file = path.join(dir, 'wap-notify.log');
      fs.writeFileSync(file, lines.join('\n') + '\n');
      const uri = vscode.Uri.file(file);
      const at = (line: number): number => lines.slice(0, line).join('\n').length + (line ? 1 : 0) + lines[line].indexOf('service=') + 3;

      const ok = await hoverText(uri, at(0));
      assert.match(ok, /notify_data/);
      assert.match(ok, /sign verifies with the key of profile "Sandbox"|sign 已用配置 "Sandbox" 的密钥验证通过/, ok);
      // Undeclared charset: the profile's, as Verify Signature reads it.
      assert.match(ok, /Checked as: MD5 \(from sec_id\) · UTF-8 \(profile Sandbox\) · WAP 2\.0 notification|验签依据：MD5（来自 sec_id） · UTF-8（配置 Sandbox） · WAP 2\.0 异步通知/, ok);
      const rawOk = await hoverText(uri, at(3));
      assert.match(rawOk, /sign verifies with the key of profile "Sandbox"|sign 已用配置 "Sandbox" 的密钥验证通过/, rawOk);
      assert.ok(rawOk.includes('<subject>测试 WAP</subject>'), `the raw XML value is shown as written: ${rawOk}`);
      for (const line of [1, 2, 4]) {
        const text = await hoverText(uri, at(line));
        assert.match(text, /sign does NOT verify with the key of profile "Sandbox"|sign 无法用配置 "Sandbox" 的密钥验证通过/, `line ${line + 1}: ${text}`);
      }
    } finally {
      await exec('alipay.clearSecret', { profile, kind: 'all' });
    }
  });

  it("Sign Request and Verify Signature read an OpenAPI request's charset=GBK, though the profile says UTF-8", async () => {
    const profile = 'OpenAPI Sandbox';
    // 中文商品 in GBK, written here as bytes so the test does not lean on the product's encoder.
    const gbkText = Buffer.from('d6d0cec4c9ccc6b7', 'hex');
    const subjectEscaped = '%D6%D0%CE%C4%C9%CC%C6%B7';
    const merchant = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const merchantPem = merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const alipay = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    assert.ok(await exec('alipay.setPrivateKey', { profile, value: merchantPem }));
    assert.ok(await exec('alipay.setAlipayPublicKey', { profile, value: alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string }));
    try {
      // Signing: the content is sorted, sign_type kept (OpenAPI), and its bytes are GBK.
      const request = `app_id=2021000000000011&method=alipay.trade.query&charset=GBK&sign_type=RSA2&timestamp=2026-11-30 08:00:00&version=1.0&subject=${subjectEscaped}`;
      const signed = await exec<SignOutcome>('alipay.signRequest', { text: request, profile, action: 'return', fill: false });
      assert.ok(signed, 'the command returns its outcome');
      assert.strictEqual(signed.charset, 'gbk');
      const content = 'app_id=2021000000000011&charset=GBK&method=alipay.trade.query&sign_type=RSA2&subject=中文商品&timestamp=2026-11-30 08:00:00&version=1.0';
      assert.strictEqual(signed.presign, content);
      const bytes = Buffer.concat([Buffer.from(content.slice(0, content.indexOf('中')), 'ascii'), gbkText, Buffer.from(content.slice(content.indexOf('品') + 1), 'ascii')]);
      assert.ok(crypto.verify('sha256', bytes, merchant.publicKey, Buffer.from(signed.sign, 'base64')), 'signed over the GBK bytes');

      // Verifying: an OpenAPI notification in GBK, signed by "Alipay" over the GBK bytes (sign and sign_type left out).
      const notifyContent = Buffer.concat([Buffer.from('app_id=2021000000000011&charset=GBK&notify_type=trade_status_sync&subject=', 'ascii'), gbkText, Buffer.from('&trade_status=TRADE_SUCCESS', 'ascii')]);
      const sign = crypto.sign('sha256', notifyContent, alipay.privateKey).toString('base64');
      const notify = `notify_type=trade_status_sync&charset=GBK&subject=${subjectEscaped}&app_id=2021000000000011&trade_status=TRADE_SUCCESS&sign_type=RSA2&sign=${encodeURIComponent(sign)}`;
      const ok = await exec<VerifyOutcome>('alipay.verifySignature', { text: notify, profile });
      assert.deepStrictEqual([ok?.valid, ok?.presign], [true, 'app_id=2021000000000011&charset=GBK&notify_type=trade_status_sync&subject=中文商品&trade_status=TRADE_SUCCESS'], JSON.stringify(ok));
    } finally {
      await exec('alipay.clearSecret', { profile, kind: 'all' });
    }
  });

  it('Sign Request → Open in browser to a production gateway asks first; the default answer opens nothing', async () => {
    const profile = 'Production';
    assert.ok(await exec('alipay.setMd5Key', { profile, value: 'prodmd5key0123456789abcdefghijkl' }));
    const env = vscode.env as unknown as Record<string, unknown>;
    const openExternal = env.openExternal;
    const opened: unknown[] = [];
    // VS Code leaves `env` unfrozen when extension tests run, so the browser call can be recorded.
    env.openExternal = (target: unknown) => {
      opened.push(target);
      return Promise.resolve(true);
    };
    assert.notStrictEqual(vscode.env.openExternal, openExternal, 'vscode.env.openExternal is recorded');
    const dialogs = recordMessages('showWarningMessage');
    try {
      const text = 'https://mapi.alipay.com/gateway.do?service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&out_trade_no=T1';
      const r = await exec<SignOutcome>('alipay.signRequest', { text, profile, action: 'open' });
      assert.ok(r, 'the command returns its outcome');
      assert.strictEqual(r.production, true);
      assert.strictEqual(r.opened, false, 'declined: not opened');
      assert.strictEqual(dialogs.shown.length, 1, 'one question before opening');
      const [q] = dialogs.shown;
      assert.strictEqual((q.options as { modal?: boolean } | undefined)?.modal, true, 'the question is modal');
      assert.match(q.message, /production gateway|生产/);
      assert.match(String(q.items[0]), /^(Don't Open|不打开)$/, 'the first (default) button does not open');
      assert.match(String(q.items[1]), /Open production URL|打开生产环境 URL/);

      // The tests-only option declines without a dialog; still nothing opened.
      const declined = await exec<SignOutcome>('alipay.signRequest', { text, profile, action: 'open', declineProduction: true });
      assert.strictEqual(declined?.opened, false);
      assert.strictEqual(dialogs.shown.length, 1);

      assert.deepStrictEqual(opened, [], 'openExternal was never called');

      // Control: a sandbox URL opens without asking, so the recorder does see an open.
      assert.ok(await exec('alipay.setMd5Key', { profile: 'Sandbox', value: 'sandboxkey0123456789abcdefghijkl' }));
      const sandbox = await exec<SignOutcome>('alipay.signRequest', { text: text.replace('mapi.alipay.com', 'mapi.alipaydev.com'), profile: 'Sandbox', action: 'open', fill: false });
      assert.strictEqual(sandbox?.production, false);
      assert.strictEqual(sandbox.opened, true);
      assert.strictEqual(dialogs.shown.length, 1, 'no question for the sandbox');
      assert.deepStrictEqual(opened.map(String), [sandbox.url]);
    } finally {
      dialogs.restore();
      env.openExternal = openExternal;
      await exec('alipay.clearSecret', { profile, kind: 'all' });
      await exec('alipay.clearSecret', { profile: 'Sandbox', kind: 'all' });
    }
  });
});
