// "Compare with My Request" in the real editor: an OpenAPI invalid-signature
// answer (built here from a request the test signs, with one parameter changed
// on the gateway's side) diffed against the request from the clipboard, the
// selection (quick pick), the hover's command link, the preview's button, and
// the last send kept in history (a real send over loopback HTTP).
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildUrl, parseQuery, type Param } from '../../src/core/params';
import { presignFor, signParams } from '../../src/core/sign';
import type { CompareOutcome } from '../../src/extension/commands/compare';
import { clickInWebview, waitForWebviewText } from './probe';
import { activateExtension, exec, hoverText, openDoc, recordMessages, waitActive } from './shell-helpers';
import { VERIFY_MARK, gatewayVerifyString } from '../support/openapiGateway';

const COMMAND = 'alipay.compareWithMyRequest';
const BIZ = '{"out_trade_no":"20240501001","total_amount":"88.88","subject":"Iphone6 16G"}';
const BIZ_REORDERED = '{"subject":"Iphone6 16G","out_trade_no":"20240501001","total_amount":"88.88"}';

function request(): Param[] {
  return [
    { name: 'app_id', value: '2021000122671234' },
    { name: 'method', value: 'alipay.trade.page.pay' },
    { name: 'format', value: 'JSON' },
    { name: 'charset', value: 'utf-8' },
    { name: 'timestamp', value: '2024-05-01 12:00:00' },
    { name: 'version', value: '1.0' },
    { name: 'return_url', value: 'https://m.example.com/return?a=1&b=2' },
    { name: 'biz_content', value: BIZ },
  ];
}

const change = (ps: Param[], name: string, value: string): Param[] => ps.map((p) => (p.name === name ? { name, value } : p));

/** The OpenAPI gateway's JSON error, pretty-printed as a user saves it (the sub_msg with &amp; entities, as real ones carry). */
function errorAnswer(verify: string): string {
  const html = verify.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return JSON.stringify({ alipay_trade_page_pay_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: VERIFY_MARK + html } }, null, 2) + '\n';
}

/** The diff editor that is active now: its title and both sides' text. */
async function activeDiff(): Promise<{ label: string; left: string; right: string }> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (tab?.input instanceof vscode.TabInputTextDiff) {
      const left = await vscode.workspace.openTextDocument(tab.input.original);
      const right = await vscode.workspace.openTextDocument(tab.input.modified);
      return { label: tab.label, left: left.getText(), right: right.getText() };
    }
    if (Date.now() > deadline) assert.fail(`no diff editor became active (active tab: ${tab?.label ?? 'none'})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Compare with my request (OpenAPI verify string diff)', function () {
  this.timeout(60000);
  let dir: string;
  let privatePem: string;
  let answerUri: vscode.Uri;
  let signedUrl: string;
  let ours: string;
  const gatewaySide = gatewayVerifyString([...change(request(), 'timestamp', '2024/05/01 12:00:00'), { name: 'sign_type', value: 'RSA2' }]);

  const run = <T = CompareOutcome | undefined>(args?: unknown): Thenable<T> => vscode.commands.executeCommand<T>(COMMAND, args);

  /** Checks the diff editor and the outcome: our pre-sign string left, the gateway's right, the timestamp named. */
  async function assertTimestampDiff(r: CompareOutcome | undefined, source: string): Promise<void> {
    assert.ok(r, 'the command returned an outcome');
    assert.strictEqual(r.source, source);
    assert.strictEqual(r.same, false);
    assert.deepStrictEqual(r.differences.map((d) => d.name), ['timestamp']);
    assert.match(r.differences[0].cause, /timestamp reformatted|timestamp 格式被改写/);
    assert.match(r.message, /timestamp: (timestamp reformatted|timestamp 格式被改写)/);
    const d = await activeDiff();
    assert.strictEqual(d.label, r.title);
    assert.match(d.label, /gateway's verify string|网关验签字符串/);
    // One parameter per line; without the line breaks, each side is its string byte for byte.
    assert.strictEqual(d.left.replace(/\n/g, ''), ours);
    assert.strictEqual(d.right.replace(/\n/g, ''), gatewaySide);
    assert.ok(d.left.split('\n').includes('timestamp=2024-05-01 12:00:00&'), d.left);
    assert.ok(d.right.split('\n').includes('timestamp=2024/05/01 12:00:00&'), d.right);
    const differing = d.left.split('\n').filter((l, i) => l !== d.right.split('\n')[i]);
    assert.deepStrictEqual(differing, ['timestamp=2024-05-01 12:00:00&']);
  }

  before(async () => {
    const { root } = await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-compare-'));
    privatePem = fs.readFileSync(path.join(root, 'test', 'fixtures', 'keys', 'rsa2048-pkcs1.pem'), 'utf8');
    const signed = signParams(request(), 'RSA2', { privateKey: privatePem }, 'utf-8');
    signedUrl = buildUrl('https://openapi-sandbox.dl.alipaydev.com/gateway.do', signed.params, 'utf-8');
    ours = signed.presign;
    // The oracle: the pre-sign string the request was signed over is the left side.
    assert.strictEqual(presignFor(signed.params), ours);
    const file = path.join(dir, 'answer.json');
    fs.writeFileSync(file, errorAnswer(gatewaySide));
    answerUri = vscode.Uri.file(file);
  });

  after(async () => {
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
    await vscode.env.clipboard.writeText('');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('from the palette: the open answer against the signed request on the clipboard, in a diff editor naming the cause', async () => {
    await vscode.env.clipboard.writeText(signedUrl);
    await waitActive(await vscode.workspace.openTextDocument(answerUri).then((doc) => vscode.window.showTextDocument(doc, { preview: false }).then((e) => e.document)));
    const info = recordMessages('showInformationMessage');
    let r: CompareOutcome | undefined;
    try {
      r = await run();
    } finally {
      info.restore();
    }
    await assertTimestampDiff(r, 'clipboard');
    assert.ok(info.shown.some((m) => /timestamp reformatted|timestamp 格式被改写/.test(m.message)), JSON.stringify(info.shown));
  });

  it('from the hover: the sub_msg line and the sub_code line offer the command link, which opens the diff', async () => {
    const doc = await vscode.workspace.openTextDocument(answerUri);
    const text = doc.getText();
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', answerUri, doc.positionAt(text.indexOf('sub_msg') + 2))) ?? [];
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    const link = /\(command:alipay\.compareWithMyRequest\?([^)\s]+)\)/.exec(md);
    assert.ok(link, `a command link in the hover: ${md}`);
    assert.match(await hoverText(answerUri, text.indexOf('invalid-signature') + 3), /Compare with my request|与我的请求对比/);
    // The hover never quotes the answer: the verify string stays out of the markdown.
    assert.ok(!md.includes('app_id='), 'the answer text is not in the hover');
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    await vscode.env.clipboard.writeText(signedUrl);
    await assertTimestampDiff(await vscode.commands.executeCommand<CompareOutcome>(COMMAND, ...args), 'clipboard');

    // In a log the answer is one line among others: the link's line is the answer, not the lines after it.
    const log = path.join(dir, 'pay.log');
    const oneLine = JSON.stringify(JSON.parse(errorAnswer(gatewaySide)));
    fs.writeFileSync(log, `2024-05-01 12:00:01 INFO c.e.Pay - sending\n2024-05-01 12:00:02 WARN c.e.Pay - alipay answered ${oneLine} in 85 ms\n2024-05-01 12:00:03 INFO c.e.Pay - next: app_id=1&method=x\n`);
    const logUri = vscode.Uri.file(log);
    const logDoc = await vscode.workspace.openTextDocument(logUri);
    const logHovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', logUri, new vscode.Position(1, 40))) ?? [];
    const logLink = /\(command:alipay\.compareWithMyRequest\?([^)\s]+)\)/.exec(logHovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
    assert.ok(logLink, 'the log line offers the link');
    assert.strictEqual(logDoc.lineCount, 4);
    await assertTimestampDiff(await vscode.commands.executeCommand<CompareOutcome>(COMMAND, ...(JSON.parse(decodeURIComponent(logLink[1])) as unknown[])), 'clipboard');
  });

  it('with a signed request selected and another on the clipboard, a quick pick names both; the selection is compared', async () => {
    // The clipboard's request differs from the gateway in biz_content order, the selection only in the timestamp.
    const reordered = signParams(change(request(), 'biz_content', BIZ_REORDERED), 'RSA2', { privateKey: privatePem }, 'utf-8');
    await vscode.env.clipboard.writeText(buildUrl('https://openapi-sandbox.dl.alipaydev.com/gateway.do', reordered.params, 'utf-8'));
    const editor = await openDoc(`answer:\n${errorAnswer(gatewaySide)}\nsent:\n${signedUrl}\n`);
    const line = editor.document.lineCount - 2;
    editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
    // The real quick pick, with what it was asked to show recorded.
    const w = vscode.window as unknown as { showQuickPick: (...a: unknown[]) => Thenable<unknown> };
    const original = w.showQuickPick;
    const offered: string[] = [];
    w.showQuickPick = (items: unknown, ...rest: unknown[]) => {
      offered.push(...(items as vscode.QuickPickItem[]).map((i) => i.label));
      return original.call(vscode.window, items, ...rest);
    };
    const pending = run({ answer: errorAnswer(gatewaySide) });
    // Wait until it is open, then take the first item (the selection).
    const deadline = Date.now() + 10000;
    let r: CompareOutcome | undefined;
    let settled = false;
    void Promise.resolve(pending).then((x) => {
      r = x;
      settled = true;
    });
    try {
      while (!settled) {
        if (Date.now() > deadline) assert.fail('the quick pick never closed');
        await new Promise((res) => setTimeout(res, 200));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
    } finally {
      w.showQuickPick = original;
    }
    assert.strictEqual(offered.length, 2, offered.join(' | '));
    assert.match(offered[0], /the selection|所选内容/);
    assert.match(offered[1], /the clipboard|剪贴板/);
    await assertTimestampDiff(r, 'selection');
  });

  it('with the answer on the clipboard and the request selected (no answer open): the clipboard is the answer', async () => {
    await vscode.env.clipboard.writeText(errorAnswer(gatewaySide));
    const editor = await openDoc(`sent:\n${signedUrl}\n`);
    editor.selection = new vscode.Selection(1, 0, 1, signedUrl.length);
    await assertTimestampDiff(await run(), 'selection');
  });

  it('with no signed request anywhere: one warning saying what to do, and no diff', async () => {
    await vscode.env.clipboard.writeText('not a request');
    await openDoc(errorAnswer(gatewaySide), 'json');
    const warn = recordMessages('showWarningMessage');
    let r: CompareOutcome | undefined;
    try {
      r = await run();
    } finally {
      warn.restore();
    }
    assert.strictEqual(r, undefined);
    assert.strictEqual(warn.shown.length, 1, JSON.stringify(warn.shown));
    assert.match(warn.shown[0].message, /No signed request to compare with: send the OpenAPI request|没有可对比的已签名请求/);
    // An answer without the verify string: core's one line.
    const warn2 = recordMessages('showWarningMessage');
    try {
      assert.strictEqual(await run({ answer: '{"error_response":{"code":"40004","sub_code":"ACQ.TRADE_NOT_EXIST"}}' }), undefined);
    } finally {
      warn2.restore();
    }
    assert.match(warn2.shown[0]?.message ?? '', /No gateway verify string found|没有找到网关验签字符串/);
  });

  it('from history: a real send over loopback HTTP is kept, and the preview of the gateway answer offers the button that diffs it', async () => {
    // A loopback "gateway" that verifies a re-ordered biz_content (as a proxy re-serialising it would) and answers the error.
    let answered = '';
    const server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const query = (req.url ?? '').split('?')[1] ?? '';
        const got = parseQuery(body || query, { charset: 'utf-8' }).params;
        answered = errorAnswer(gatewayVerifyString(change(got, 'biz_content', BIZ_REORDERED)));
        res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8' });
        res.end(answered);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await vscode.workspace.getConfiguration('alipay').update(
        'profiles',
        [{ name: 'CompareLocal', gateway: `http://127.0.0.1:${port}/gateway.do`, partner: '', appId: '2021000122671234', signType: 'RSA2', charset: 'utf-8' }],
        vscode.ConfigurationTarget.Global,
      );
      assert.ok(await exec('alipay.setPrivateKey', { profile: 'CompareLocal', value: privatePem }));
      const file = path.join(dir, 'pay.alipay');
      fs.writeFileSync(file, ['### pay', '# @sign-type RSA2', 'POST CompareLocal', ...request().map((p) => `${p.name} = ${p.value}`), ''].join('\n'));
      await vscode.env.clipboard.writeText('');
      await exec('alipay.sendRequest', { uri: vscode.Uri.file(file).toString(), index: 1, ifErrors: 'send' });
      assert.ok(answered.includes('isv.invalid-signature'), 'the loopback gateway answered');
      const answerFile = path.join(dir, 'answer-from-gateway.json');
      fs.writeFileSync(answerFile, answered);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(answerFile));
      await waitActive((await vscode.window.showTextDocument(doc, { preview: false })).document);

      const expectBiz = async (r: CompareOutcome | undefined): Promise<void> => {
        assert.ok(r, 'an outcome');
        assert.strictEqual(r.source, 'history');
        assert.deepStrictEqual(r.differences.map((x) => x.name), ['biz_content']);
        assert.match(r.differences[0].cause, /biz_content re-ordered|biz_content 成员顺序不同/);
        assert.match(r.title, /last send \(alipay\.trade\.page\.pay|最近一次发送（alipay\.trade\.page\.pay/);
        const d = await activeDiff();
        assert.ok(d.left.split('\n').includes(`biz_content=${BIZ}&`), d.left);
        assert.ok(d.right.split('\n').includes(`biz_content=${BIZ_REORDERED}&`), d.right);
      };
      await expectBiz(await run({ uri: doc.uri.toString() }));

      {
        // The preview of the same answer has the button; clicking it runs the same comparison.
        await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff));
        const preview = await exec<{ rendered: boolean }>('alipay.previewResponse', { uri: doc.uri.toString() });
        assert.ok(preview?.rendered, 'the preview painted');
        await waitForWebviewText('Compare with my request').catch(() => waitForWebviewText('与我的请求对比'));
        const opened = new Promise<void>((resolve) => {
          const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
            if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff))) {
              sub.dispose();
              resolve();
            }
          });
        });
        await clickInWebview('#compareRequest');
        await opened;
        const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff)!;
        const right = await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).modified);
        assert.ok(right.getText().split('\n').includes(`biz_content=${BIZ_REORDERED}&`), right.getText());
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
