// "Alipay: Preview Response" in a real VS Code: the panel shows labelled values
// as text, hostile values never run (a page-side marker they would set stays
// unset while the preview's own nonce script provably ran), GBK bytes decode,
// edits are followed, and a 2,500-row statement pages, sorts and reports its
// first-paint time.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PreviewResult } from '../../src/extension/preview';
import { allFrames, clickInWebview, screenshot, waitForWebviewText, webviewFrames } from './probe';

const EXTENSION_ID = 'alipay-toolkit.alipay-toolkit';
// The bundle runs from out/test/integration/; fixtures stay in the repo.
const REPO = path.resolve(__dirname, '..', '..', '..');
const FIX = path.join(REPO, 'test', 'fixtures', 'responses');
const MARKERS = ['__pwned', '__alipayPreview'];

async function previewFile(file: string): Promise<PreviewResult> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  const r = await vscode.commands.executeCommand<PreviewResult | undefined>('alipay.previewResponse');
  assert.ok(r, 'the command returned no result');
  assert.strictEqual(r.rendered, true, `not rendered: ${JSON.stringify(r)}`);
  return r;
}

describe('Response preview (webview)', function () {
  this.timeout(60000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows hostile values as text, and no injected script runs', async () => {
    const r = await previewFile(path.join(FIX, 'hostile_values.xml'));
    assert.strictEqual(r.kind, 'xml');
    assert.deepStrictEqual(r.sections.slice(0, 4), ['status', 'signature', 'request', 'fields']);
    const frame = await waitForWebviewText('HOSTILE_BODY', 20000, { globals: MARKERS, html: true });
    const text = frame.text;
    // Labelled values, as text.
    for (const s of ['Trade status', 'TRADE_FINISHED', 'Trade finished successfully', 'Total amount', 'Request processed (is_success=T)']) {
      assert.ok(text.includes(s), `missing "${s}" in the preview text`);
    }
    // The hostile values appear literally, as characters on screen.
    for (const s of [
      "<script>window.__pwned=1;document.title='pwned'</script>HOSTILE_BODY",
      '<img src=x onerror="window.__pwned=2">HOSTILE_SUBJECT',
      "' onmouseover='window.__pwned=4' x='",
      'javascript:window.__pwned=5//',
      '</td><td onclick=window.__pwned=6>HOSTILE_TD',
      '<svg onload=window.__pwned=7>HOSTILE_ROW',
    ]) {
      assert.ok(text.includes(s), `hostile value not shown as text: ${s}`);
    }
    // Our own nonce-tagged script ran (positive control)…
    assert.ok(frame.globals.__alipayPreview, 'the preview script did not run');
    // …and nothing the response carried did: no marker, no element, no title change.
    assert.strictEqual(frame.globals.__pwned, undefined);
    const html = frame.html ?? '';
    // In outerHTML, text is escaped (&lt;), so every '<' starts a real element.
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    assert.ok(tags.length > 20, 'the frame HTML was read');
    const bad = tags.filter((t) => /\son\w+\s*=|javascript:|__pwned/i.test(t));
    assert.deepStrictEqual(bad, [], 'elements or handlers from the response are in the DOM');
    assert.ok(!/<title>pwned/i.test(html));
    for (const f of await allFrames({ globals: ['__pwned'] })) {
      assert.strictEqual(f.globals.__pwned, undefined, `marker set in frame ${f.url.slice(0, 80)}`);
    }
    // Clicking the hostile row's cells, or opening the raw view (fetched on demand), runs nothing either.
    await clickInWebview('table.list td');
    await clickInWebview('#raw summary');
    const raw = await waitForWebviewText('&lt;script&gt;window.__pwned=1', 20000, { globals: ['__pwned'] });
    assert.ok(raw.text.includes('<![CDATA[<img src=x onerror="window.__pwned=2">HOSTILE_SUBJECT]]>'));
    const after = await webviewFrames({ globals: ['__pwned'] });
    assert.ok(after.every((f) => f.globals.__pwned === undefined));
  });

  it('decodes a GBK file from its bytes and shows Chinese labels\' values', async () => {
    await previewFile(path.join(FIX, 'gbk_single_trade_query.xml'));
    const frame = await waitForWebviewText('测试商品（GBK）', 20000);
    assert.ok(frame.text.includes('贝尔金数据线'));
    assert.ok(frame.text.includes('Payment succeeded'));
    assert.ok(frame.text.includes('Not verified: no key configured'));
    await screenshot('preview-gbk'); // for the README / review, in test-results/
  });

  it('follows edits of the document it previews', async () => {
    const text = fs.readFileSync(path.join(FIX, 'seed003_single_trade_query.xml'), 'utf8');
    const doc = await vscode.workspace.openTextDocument({ language: 'xml', content: text });
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const r = await vscode.commands.executeCommand<PreviewResult>('alipay.previewResponse');
    assert.strictEqual(r?.rendered, true);
    await waitForWebviewText('Trade finished successfully', 20000);
    const at = text.indexOf('TRADE_FINISHED');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'TRADE_FINISHED'.length)), 'TRADE_CLOSED'));
    const frame = await waitForWebviewText('Trade closed before completion', 20000);
    assert.ok(frame.text.includes('TRADE_CLOSED'));
    // Close the edited scratch document without a save prompt.
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('explains an error response in the status banner, and copies the model as JSON', async () => {
    await previewFile(path.join(FIX, 'seed003_error_illegal_sign.xml'));
    const frame = await waitForWebviewText('Request failed: ILLEGAL_SIGN', 20000);
    assert.ok(frame.text.includes('What to check'));
    await vscode.env.clipboard.writeText('');
    await clickInWebview('#copyJson');
    // The copy is a round trip webview → extension → clipboard: wait for it, bounded.
    let copied = '';
    for (const deadline = Date.now() + 20000; Date.now() < deadline && !copied.includes('ILLEGAL_SIGN'); ) {
      copied = await vscode.env.clipboard.readText();
      if (!copied.includes('ILLEGAL_SIGN')) await new Promise((r) => setTimeout(r, 100));
    }
    const j = JSON.parse(copied);
    assert.strictEqual(j.version, 1);
    assert.strictEqual(j.error.code, 'ILLEGAL_SIGN');
    assert.strictEqual(j.signature.verdict, 'unsigned');
  });

  it('previews the clipboard and verifies with the active profile\'s key once it is set', async () => {
    const MD5_KEY = '0123456789abcdefghijklmnopqrstuv'; // the fixtures' TEST key
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.env.clipboard.writeText(fs.readFileSync(path.join(FIX, 'notify_trade_status_sync.txt'), 'utf8'));
    const r = await vscode.commands.executeCommand<PreviewResult>('alipay.previewResponse');
    assert.strictEqual(r?.kind, 'notification');
    assert.strictEqual(r.verdict, 'noKey');
    await waitForWebviewText('Not verified: no key configured', 20000);
    try {
      await vscode.commands.executeCommand('alipay.setMd5Key', { value: MD5_KEY });
      // Storing the key re-renders the open preview.
      const frame = await waitForWebviewText('Signature valid', 20000);
      assert.ok(frame.text.includes('Asynchronous notification: TRADE_SUCCESS (Payment succeeded)'));
      assert.ok(!frame.text.includes(MD5_KEY), 'the key is never shown');
    } finally {
      await vscode.commands.executeCommand('alipay.clearSecret', { kind: 'md5Key' });
    }
  });

  it("reads a notification that declares no charset in the active profile's charset (GBK) and verifies it, as Verify Signature does", async () => {
    const profile = 'GBK Shop';
    const key = 'gbkshopmd5key0123456789abcdefghi';
    await vscode.workspace.getConfiguration('alipay').update('profiles', [{ name: profile, gateway: 'https://mapi.alipay.com/gateway.do', partner: '2088101122136241', signType: 'MD5', charset: 'gbk' }], vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('alipay.switchProfile', { profile });
      await vscode.commands.executeCommand('alipay.setMd5Key', { profile, value: key });
      // 测试 in GBK is B2 E2 CA D4: signed over the GBK bytes with the test's own MD5.
      const content = Buffer.concat([Buffer.from('notify_id=n1&notify_type=trade_status_sync&subject=', 'ascii'), Buffer.from('b2e2cad4', 'hex'), Buffer.from(`&trade_status=TRADE_SUCCESS${key}`, 'ascii')]);
      const sign = crypto.createHash('md5').update(content).digest('hex');
      const body = `notify_type=trade_status_sync&notify_id=n1&subject=%B2%E2%CA%D4&trade_status=TRADE_SUCCESS&sign_type=MD5&sign=${sign}`;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.env.clipboard.writeText(body);
      const r = await vscode.commands.executeCommand<PreviewResult>('alipay.previewResponse');
      assert.deepStrictEqual([r?.kind, r?.verdict], ['notification', 'valid'], JSON.stringify(r));
      const frame = await waitForWebviewText('测试', 20000);
      assert.ok(frame.text.includes('Signature valid'), frame.text.slice(0, 400));
    } finally {
      await vscode.commands.executeCommand('alipay.clearSecret', { profile, kind: 'all' });
      await vscode.commands.executeCommand('alipay.switchProfile', { profile: 'Sandbox' });
      await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('pages and sorts a 2,500-row statement, and reports its first paint', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS dev script shared with bench/
    const { statementXml } = require(path.join(REPO, 'scripts', 'gen-statement.js')) as { statementXml: (n: number) => string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-preview-'));
    try {
      const file = path.join(dir, 'statement.xml');
      fs.writeFileSync(file, statementXml(2500));
      const r = await previewFile(file);
      assert.strictEqual(r.rows, 2500);
      // A figure for the closing note / bench, not an assertion.
      console.log(`preview first paint, 2,500-row statement: decode ${r.decodeMs} ms, post→painted ${r.paintMs} ms (of which webview render ${r.renderMs} ms)`);
      await waitForWebviewText('200 of 2500 shown (2500 rows in total)', 20000);
      await clickInWebview('button.more');
      await waitForWebviewText('400 of 2500 shown', 20000);
      await clickInWebview('th button.sort');
      const frame = (await webviewFrames({ html: true })).find((f) => f.text.includes('2500 rows in total'));
      assert.ok(frame?.html?.includes('aria-sort="ascending"'), 'clicking a column header sorts');
      await screenshot('preview-statement');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
