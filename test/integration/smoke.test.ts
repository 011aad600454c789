// The test host itself works: our extension is loaded from the repo and
// activates, the samples workspace is open, and the webview probe sees what a
// panel rendered (the two halves of every webview test).
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { clickInWebview, waitForWebviewText, webviewFrames } from './probe';

const EXTENSION_ID = 'alipay-toolkit.alipay-toolkit';

describe('Integration host', () => {
  it('loads and activates the Alipay Toolkit extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in the test host`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('opens a copy of samples/ as the workspace', async () => {
    const found = await vscode.workspace.findFiles('{requests.alipay,single_trade_query.xml,gateway.log}');
    assert.deepStrictEqual(found.map((u) => u.path.split('/').pop()).sort(),
      ['gateway.log', 'requests.alipay', 'single_trade_query.xml']);
  });

  it('lets a test read what a webview rendered, including page-side script results', async () => {
    const nonce = crypto.randomBytes(16).toString('base64');
    const token = crypto.randomBytes(6).toString('hex');
    const panel = vscode.window.createWebviewPanel('alipayProbeCheck', 'Probe check', vscode.ViewColumn.One, { enableScripts: true });
    try {
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><p id="t">waiting for script</p>
<script nonce="${nonce}">window.__injected = 'script ran ${token}';
document.getElementById('t').textContent = 'probe ${token}';</script></body></html>`;
      const frame = await waitForWebviewText(`probe ${token}`, 15000, { globals: ['__injected'] });
      assert.strictEqual(frame.globals.__injected, `script ran ${token}`);
      assert.ok((await webviewFrames()).some((f) => f.text.includes(token)));
    } finally {
      panel.dispose();
    }
  });

  it('lets a test click in a webview and receive the message its script posts', async () => {
    const nonce = crypto.randomBytes(16).toString('base64');
    const token = crypto.randomBytes(6).toString('hex');
    const panel = vscode.window.createWebviewPanel('alipayProbeClick', 'Probe click', vscode.ViewColumn.One, { enableScripts: true });
    try {
      const received = new Promise<unknown>((resolve) => panel.webview.onDidReceiveMessage(resolve));
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><button id="go">loading</button>
<script nonce="${nonce}">const api = acquireVsCodeApi();
const go = document.getElementById('go');
go.addEventListener('click', () => api.postMessage({ clicked: '${token}' }));
go.textContent = 'send ${token}'; // shown only once the listener is in place</script></body></html>`;
      await waitForWebviewText(`send ${token}`, 15000);
      await clickInWebview('#go');
      assert.deepStrictEqual(await received, { clicked: token });
    } finally {
      panel.dispose();
    }
  });
});
