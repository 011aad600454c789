// Activation costs nothing until used: opening a TypeScript file activates the
// extension (onStartupFinished in the manifest), and activation evaluates only
// the entry bundle — the feature bundle loads when a hover, a command or a
// request file (the editor features of that view) first asks for it, and the
// emulator bundle only when a gateway starts. Evidence from two sides: the
// entry's own record of features asked for, and which of the extension's
// bundle files Node's require.cache holds.
//
// This file sorts first in the suite on purpose: it needs a host where no
// other test has used a feature yet.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';

const EXTENSION_ID = 'alipay-toolkit.alipay-toolkit';

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Activation (lazy feature loading)', function () {
  this.timeout(60_000);
  let dir: string;
  let api: ExtensionApi;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-activation-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('activates when a TypeScript file is open, having loaded only the entry bundle', async () => {
    const file = path.join(dir, 'pay.ts');
    fs.writeFileSync(file, "// the gateway answered ILLEGAL_SIGN\nexport const signType = 'MD5';\n");
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'typescript');
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    // No activate() call from the test: the manifest's events must do it.
    await until('the extension is active', () => ext.isActive);
    api = ext.exports;
    assert.deepStrictEqual(api.loadedFeatures(), []);
    assert.deepStrictEqual(api.loadedBundles(), ['extension.js']);
    // The status bar (an entry service) is up without any feature code.
    assert.match(api.statusBar().text, /Alipay: /);
  });

  it('loads the feature bundle on the first hover, and only the hover feature', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'pay.ts'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = doc.positionAt(doc.getText().indexOf('ILLEGAL_SIGN') + 2);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /ILLEGAL\\?_SIGN/);
    assert.deepStrictEqual(api.loadedFeatures(), ['hover']);
    assert.deepStrictEqual(api.loadedBundles(), ['extension.js', 'features.js']);
  });

  it('adds a feature per command run, and the request-file features when a request file opens; never the emulator', async () => {
    const presign = await vscode.commands.executeCommand<string>('alipay.showPresignString', { text: 'b=2&a=1&sign=x&sign_type=MD5', open: false });
    assert.strictEqual(presign, 'a=1&b=2');
    assert.deepStrictEqual(api.loadedFeatures(), ['hover', 'sign']);
    const file = path.join(dir, 'first.alipay');
    fs.writeFileSync(file, '### Query\nGET Sandbox\nservice = single_trade_query\nout_trade_no = T1\n');
    await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await until('the request-file features load', () => api.loadedFeatures().includes('requestEditor'));
    assert.deepStrictEqual(api.loadedFeatures(), ['hover', 'sign', 'requestEditor']);
    assert.deepStrictEqual(api.loadedBundles(), ['extension.js', 'features.js']);
  });
});
