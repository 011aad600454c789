// The rough edges a user hit in the editor (issue #15), each checked in the real
// editor: the cashier behind a path prefix, the URL hover's profile, Verify
// Signature without `sign`, New Request without a partner, the error gate
// before sending, the Local profile's lifetime, and the production gate's default.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildUrl } from '../../src/core/params';
import { signParams } from '../../src/core/sign';
import type { SignOutcome } from '../../src/extension/commands/sign';
import type { SendOutcome } from '../../src/extension/requestFile/commands';
import { formOf, startPrefixProxy } from '../support/prefixProxy';
import { waitForWebviewText } from './probe';
import { activateExtension, exec, hoverText, recordMessages } from './shell-helpers';

function fetchText(url: string): Promise<string> {
  return fetch(url).then((r) => r.text());
}

describe('Editor defects (#15)', function () {
  this.timeout(60000);
  let dir: string;
  let counting: http.Server;
  let countingUrl: string;
  let counted = 0;

  before(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-defects-'));
    counting = http.createServer((_q, res) => {
      counted++;
      res.end('<alipay><is_success>T</is_success></alipay>');
    });
    await new Promise<void>((r) => counting.listen(0, '127.0.0.1', r));
    countingUrl = `http://127.0.0.1:${(counting.address() as net.AddressInfo).port}/gateway.do`;
  });
  after(async () => {
    await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Global);
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    counting.closeAllConnections();
    await new Promise<void>((r) => counting.close(() => r()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = async (name: string, text: string): Promise<vscode.TextEditor> => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)), { preview: false });
  };

  it('1: the cashier pays when its pages are served under a path prefix', async () => {
    const started = await exec<{ url: string; partner: string } | undefined>('alipay.startLocalGateway');
    assert.ok(started);
    const proxy = await startPrefixProxy(new URL(started.url).origin);
    try {
      const signed = await exec<SignOutcome>('alipay.signRequest', {
        profile: 'Local',
        action: 'return',
        text: `service=create_direct_pay_by_user&partner=${started.partner}&_input_charset=utf-8&out_trade_no=PFX-${Date.now()}&subject=t&total_fee=0.01&payment_type=1&seller_id=${started.partner}&return_url=http%3A%2F%2F127.0.0.1%3A9%2Fback`,
      });
      assert.ok(signed?.url);
      const pageUrl = `${proxy.base}gateway.do${signed.url.slice(signed.url.indexOf('?'))}`;
      const form = formOf(await fetchText(pageUrl), 'pay');
      const paid = await fetch(new URL(form.action, pageUrl), { method: 'POST', body: form.body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(pageUrl).origin } });
      assert.strictEqual(paid.status, 302, `paid through the proxy (escaped: ${proxy.escaped.join(', ')})`);
      assert.match(String(paid.headers.get('location')), /^http:\/\/127\.0\.0\.1:9\/back\?.*trade_status=TRADE_SUCCESS/);
      assert.deepStrictEqual(proxy.escaped, []);
    } finally {
      await proxy.close();
      await exec('alipay.stopLocalGateway');
    }
  });

  it('2: the URL hover verifies with the profile whose gateway the URL names, or says none matches', async () => {
    const key = 'hoverkey0123456789abcdefghijklmn';
    assert.ok(await exec('alipay.setMd5Key', { profile: 'International', value: key }));
    try {
      await exec('alipay.switchProfile', { profile: 'Sandbox' });
      const params = [
        { name: 'service', value: 'single_trade_query' },
        { name: 'partner', value: '2088101122136241' },
        { name: '_input_charset', value: 'utf-8' },
        { name: 'out_trade_no', value: 'H1' },
      ];
      const signed = signParams(params, 'MD5', { md5Key: key }, 'utf-8').params;
      const intl = buildUrl('https://intlmapi.alipay.com/gateway.do', signed, 'utf-8');
      const other = buildUrl('https://pay.example.com/gateway.do', signed, 'utf-8');
      const file = path.join(dir, 'urls.log');
      fs.writeFileSync(file, `GET ${intl}\nGET ${other}\n`);
      const uri = vscode.Uri.file(file);
      assert.match(await hoverText(uri, 'GET https://intlmapi'.length), /sign verifies with the key of profile "International"|sign 已用配置 "International"/);
      assert.match(await hoverText(uri, `GET ${intl}\nGET https://pay`.length), /No profile has the gateway https:\/\/pay\.example\.com\/gateway\.do|没有配置使用网关 https:\/\/pay\.example\.com/);
    } finally {
      await exec('alipay.clearSecret', { profile: 'International', kind: 'all' });
    }
  });

  it('3: Verify Signature on text without sign says there is nothing to verify', async () => {
    const r = await exec<{ nothingToVerify?: boolean; valid?: boolean }>('alipay.verifySignature', { text: 'service=single_trade_query&partner=2088101122136241&out_trade_no=1' });
    assert.deepStrictEqual(r, { nothingToVerify: true });
  });

  it('4: New Request without a profile partner writes no {{partner}}; diagnostics do not repeat the line number', async () => {
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    const ed = await write('new.alipay', '');
    const r = await exec<{ inserted: boolean }>('alipay.newRequest', { service: 'single_trade_query', uri: ed.document.uri.toString() });
    assert.ok(r.inserted);
    const text = ed.document.getText();
    assert.doesNotMatch(text, /^partner = \{\{partner\}\}/m);
    assert.match(text, /^partner = $/m);

    const bad = await write('badline.alipay', '### q\nPOST Sandbox\nservice = single_trade_query\nthis is not a parameter\n');
    const diags = await new Promise<vscode.Diagnostic[]>((resolve) => {
      const now = vscode.languages.getDiagnostics(bad.document.uri);
      if (now.some((d) => d.code === 'BAD_LINE')) return resolve(now);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        const d = vscode.languages.getDiagnostics(bad.document.uri);
        if (!d.some((x) => x.code === 'BAD_LINE')) return;
        sub.dispose();
        resolve(d);
      });
    });
    const badLine = diags.find((d) => d.code === 'BAD_LINE')!;
    assert.strictEqual(badLine.range.start.line, 3);
    assert.doesNotMatch(badLine.message, /^(Line \d+|第 \d+ 行)/, badLine.message);
    assert.match(badLine.message, /name = value/);
  });

  it('5: a request with error diagnostics is sent only after saying so; Enter does not send', async () => {
    await vscode.workspace.getConfiguration('alipay').update('profiles', [{ name: 'Counting', gateway: countingUrl, partner: '2088101122136241', signType: 'MD5' }], vscode.ConfigurationTarget.Global);
    assert.ok(await exec('alipay.setMd5Key', { profile: 'Counting', value: 'countingkey0123456789abcdefghijk' }));
    const ed = await write('errors.alipay', '### q\nPOST Counting\nservice = no_such_service\npartner = 2088101122136241\n_input_charset = utf-8\n');
    const before = counted;
    const dialogs = recordMessages('showWarningMessage');
    try {
      const r = await exec<SendOutcome>('alipay.sendRequest', { uri: ed.document.uri.toString(), index: 1 });
      assert.deepStrictEqual([r.sent, r.reason], [false, 'hasErrors']);
      assert.strictEqual(dialogs.shown.length, 1);
      assert.match(dialogs.shown[0].message, /Request 1 has 1 problem|第 1 个请求有 1 个问题/);
      assert.deepStrictEqual((dialogs.shown[0].options as { modal?: boolean }).modal, true);
      assert.match(String(dialogs.shown[0].items[0]), /Don't Send|不发送/, 'the default button does not send');
      assert.strictEqual(counted, before, 'nothing reached the gateway');
    } finally {
      dialogs.restore();
    }
    const sent = await exec<SendOutcome>('alipay.sendRequest', { uri: ed.document.uri.toString(), index: 1, ifErrors: 'send' });
    assert.strictEqual(sent.sent, true, sent.message);
    assert.strictEqual(counted, before + 1);
    await exec('alipay.clearSecret', { profile: 'Counting', kind: 'all' });
  });

  it('6: the Local profile exists only while the local gateway runs, never in settings; its merchant survives a restart', async () => {
    const config = (): unknown => vscode.workspace.getConfiguration('alipay').inspect('profiles')?.globalValue;
    const settingsBefore = JSON.stringify(config());
    const first = await exec<{ url: string; partner: string } | undefined>('alipay.startLocalGateway');
    assert.ok(first);
    assert.strictEqual(await exec<string>('alipay.switchProfile', { profile: 'Local' }), 'Local');
    assert.strictEqual(JSON.stringify(config()), settingsBefore, 'user settings untouched');
    assert.strictEqual(await exec<boolean>('alipay.stopLocalGateway'), true);
    assert.strictEqual(await exec<string | undefined>('alipay.switchProfile', { profile: 'Local' }), undefined, 'no Local profile after Stop');
    const second = await exec<{ url: string; partner: string } | undefined>('alipay.startLocalGateway');
    try {
      assert.strictEqual(second?.partner, first.partner, 'the same test merchant after a restart');
      assert.strictEqual(JSON.stringify(config()), settingsBefore);
    } finally {
      await exec('alipay.stopLocalGateway');
      await exec('alipay.switchProfile', { profile: 'Sandbox' });
    }
  });

  it('8: pre-sign strings open read-only, Analyze Log File takes the active log, preview tabs are named by what they show', async () => {
    const presign = await exec<string>('alipay.showPresignString', { text: 'service=single_trade_query&partner=2088101122136241&out_trade_no=1', open: true });
    assert.ok(presign);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.getText().includes(presign));
    assert.ok(shown, 'the pre-sign string is shown');
    assert.strictEqual(shown.document.uri.scheme, 'alipay-readonly');
    assert.strictEqual(shown.document.isDirty, false, 'nothing to save');

    const logFile = path.join(dir, 'small.log');
    fs.writeFileSync(logFile, 'pay failed: ILLEGAL_SIGN\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(logFile)), { preview: false });
    const analyzed = await exec<{ file: string } | undefined>('alipay.analyzeLogFile');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(analyzed?.file, logFile, 'the active .log, no file dialog');

    const xml = '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success><request><param name="service">single_trade_query</param><param name="out_trade_no">ORDER-8</param></request><response><trade><out_trade_no>ORDER-8</out_trade_no><trade_status>WAIT_BUYER_PAY</trade_status></trade></response></alipay>';
    await exec('alipay.previewResponse', { text: xml });
    const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    assert.ok(labels.some((l) => /single_trade_query · ORDER-8/.test(l)), labels.join(' | '));
    // The outcome leads: trade_status and out_trade_no in the status banner, before the long tables.
    const frame = await waitForWebviewText('out_trade_no ORDER-8', 15000, { html: true });
    const html = frame.html ?? '';
    assert.match(frame.text, /trade_status WAIT_BUYER_PAY/);
    assert.ok(html.indexOf('id="outcome"') >= 0 && html.indexOf('id="outcome"') < html.indexOf('id="fields"'), 'the outcome comes before the fields');
  });

  it('7: the production question is modal and its default button does not send', async () => {
    await vscode.workspace.getConfiguration('alipay').update('profiles', [{ name: 'Production', gateway: countingUrl, partner: '2088101122136241', signType: 'MD5' }], vscode.ConfigurationTarget.Global);
    assert.ok(await exec('alipay.setMd5Key', { profile: 'Production', value: 'prodkey0123456789abcdefghijklmno' }));
    const ed = await write('prod.alipay', '### q\nPOST Production\nservice = single_trade_query\npartner = 2088101122136241\n_input_charset = utf-8\nout_trade_no = 1\n');
    const before = counted;
    const dialogs = recordMessages('showWarningMessage');
    try {
      const r = await exec<SendOutcome>('alipay.sendRequest', { uri: ed.document.uri.toString(), index: 1 });
      assert.deepStrictEqual([r.sent, r.reason], [false, 'declined']);
      assert.strictEqual(dialogs.shown.length, 1);
      assert.strictEqual((dialogs.shown[0].options as { modal?: boolean }).modal, true);
      assert.match(String(dialogs.shown[0].items[0]), /Don't Send|不发送/);
      assert.match(String(dialogs.shown[0].items[1]), /Send to production|发送到正式环境|生产/);
      assert.strictEqual(counted, before);
    } finally {
      dialogs.restore();
      await exec('alipay.clearSecret', { profile: 'Production', kind: 'all' });
    }
  });
});
