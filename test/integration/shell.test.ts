// The extension shell in a real VS Code: signing and verifying from the editor
// against the published vectors, profiles and the status bar, and the
// manifest's commands being exactly the registered ones.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SignOutcome, VerifyOutcome } from '../../src/extension/commands/sign';
import type { ExtensionApi } from '../../src/extension/extension';
import { allFrames, probeAvailable } from './probe';
import { EXTENSION_ID, Vector, activateExtension, exec, loadVectors, openDoc, vectorsDir } from './shell-helpers';

let api: ExtensionApi;
let root: string;
let vectors: Vector[];

before(async () => {
  ({ api, root } = await activateExtension());
  vectors = loadVectors(root);
});

async function setMd5Key(value: string, profile = 'Sandbox'): Promise<void> {
  const r = await exec<{ fingerprint: string } | undefined>('alipay.setMd5Key', { profile, value });
  assert.ok(r?.fingerprint.startsWith('sha256:'), 'the MD5 key was stored');
}

// Vectors are read when the suite loads so that each becomes its own test:
// a slow or failing vector is named, and no single test runs them all.
const extensionRoot = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? path.resolve(__dirname, '..', '..');
const allVectors = loadVectors(extensionRoot);

describe('Alipay: Sign Request', () => {
  it('has published URL vectors and MD5 and RSA parameter vectors', () => {
    assert.ok(allVectors.filter((v) => v.url && v.sign_type === 'MD5').length >= 3);
    assert.ok(allVectors.some((v) => v.params && v.sign_type === 'RSA'));
  });

  for (const v of allVectors.filter((x) => x.url && x.sign_type === 'MD5')) {
    it(`signs the published URL vector ${v.id} and produces the published sign`, async () => {
      await setMd5Key(v.md5_key!);
      // The document holds the request without its sign; the command adds it.
      await openDoc(v.url!.replace(/&sign=[^&]*/, ''));
      const r = await exec<SignOutcome>('alipay.signRequest', { action: 'return' });
      assert.ok(r, `${v.id}: no result`);
      assert.strictEqual(r.presign, v.presign, `${v.id}: pre-sign string`);
      assert.strictEqual(r.sign, v.sign, `${v.id}: sign`);
      assert.strictEqual(r.url, v.url, `${v.id}: the signed URL is the published one`);
    });
  }

  for (const v of allVectors.filter((x) => x.params)) {
    for (const form of ['lines', 'JSON'] as const) {
      it(`signs parameter vector ${v.id} (${v.sign_type}) written as ${form}`, async () => {
        if (v.md5_key) await setMd5Key(v.md5_key);
        else await exec('alipay.setPrivateKey', { profile: 'Sandbox', file: path.join(vectorsDir(root), v.private_key_file!) });
        const params = { ...v.params!, sign_type: v.sign_type };
        const text = form === 'JSON' ? JSON.stringify(params, null, 2) : Object.entries(params).map(([k, val]) => `${k}=${val}`).join('\n');
        await openDoc(text, form === 'JSON' ? 'json' : 'plaintext');
        // fill: false — the vectors were signed without _input_charset.
        const r = await exec<SignOutcome>('alipay.signRequest', { action: 'return', fill: false });
        assert.strictEqual(r?.sign, v.sign, `${v.id} as ${form}`);
      });
    }
  }

  it('fills partner and _input_charset from the active profile and replaces the document with the signed request', async () => {
    const key = 'k3j5h8g2l1m0n9b8v7c6x5z4a3s2d1f0';
    await vscode.workspace.getConfiguration('alipay').update('profiles', [{ name: 'Sandbox', partner: '2088101122136241' }], vscode.ConfigurationTarget.Workspace);
    try {
      await exec('alipay.switchProfile', { profile: 'Sandbox' });
      await setMd5Key(key);
      const editor = await openDoc('service=single_trade_query\nout_trade_no=20150320010101001\n');
      const r = await exec<SignOutcome>('alipay.signRequest', { action: 'replace' });
      const presign = '_input_charset=utf-8&out_trade_no=20150320010101001&partner=2088101122136241&service=single_trade_query';
      assert.strictEqual(r?.presign, presign);
      const expected = crypto.createHash('md5').update(presign + key, 'utf8').digest('hex');
      assert.strictEqual(r.sign, expected);
      const text = editor.document.getText();
      assert.match(text, /^service=single_trade_query\nout_trade_no=20150320010101001\n/);
      for (const line of ['partner=2088101122136241', '_input_charset=utf-8', `sign=${expected}`, 'sign_type=MD5']) {
        assert.ok(text.split('\n').includes(line), `the document has ${line}:\n${text}`);
      }
      assert.ok(r.url.startsWith('https://mapi.alipaydev.com/gateway.do?service=single_trade_query&'), r.url);
    } finally {
      await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('shows the pre-sign string in an editor', async () => {
    const v = vectors.find((x) => x.id === 'url-refund-raw-values-signed')!;
    const presign = await exec<string>('alipay.showPresignString', { text: v.url, open: true });
    assert.strictEqual(presign, v.presign);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.getText() === v.presign), 'an editor shows the pre-sign string');
  });

  it('signs the selection only when there is one', async () => {
    const v = vectors.find((x) => x.id === 'url-forex')!;
    await setMd5Key(v.md5_key!);
    const line = v.url!.replace(/&sign=[^&]*/, '');
    const editor = await openDoc(`# a comment line\nsee: ${line} (from the log)\n`);
    const start = editor.document.getText().indexOf(line);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + line.length));
    const r = await exec<SignOutcome>('alipay.signRequest', { action: 'replace' });
    assert.strictEqual(r?.sign, v.sign);
    assert.strictEqual(editor.document.getText(), `# a comment line\nsee: ${v.url} (from the log)\n`);
  });

  it('answers a request without a key with a message, not an exception', async () => {
    await exec('alipay.clearSecret', { profile: 'International', kind: 'all' });
    const r = await exec<SignOutcome | undefined>('alipay.signRequest', { text: 'service=test&partner=123', profile: 'International', action: 'return' });
    assert.strictEqual(r, undefined);
  });
});

describe('Alipay: Verify Signature', () => {
  it('reports a published signed URL as valid', async () => {
    const v = vectors.find((x) => x.id === 'url-create-direct-pay')!;
    await setMd5Key(v.md5_key!);
    const r = await exec<VerifyOutcome>('alipay.verifySignature', { text: v.url });
    assert.strictEqual(r?.valid, true);
    assert.strictEqual(r.presign, v.presign);
  });

  it('reports tampering as invalid', async () => {
    const v = vectors.find((x) => x.id === 'url-create-direct-pay')!;
    await setMd5Key(v.md5_key!);
    const r = await exec<VerifyOutcome>('alipay.verifySignature', { text: v.url!.replace('price=0.01', 'price=0.02') });
    assert.strictEqual(r?.valid, false);
  });

  it("names the doctor's finding when the signer URL-encoded the values", async () => {
    const v = vectors.find((x) => x.id === 'url-refund-raw-values-signed')!;
    await setMd5Key(v.md5_key!);
    // What a buggy signer does: sign the values as they appear in the URL.
    const query = v.url!.split('?')[1].replace(/&sign_type=MD5&sign=[^&]*/, '');
    const wrongPresign = query.split('&').sort().join('&');
    const wrongSign = crypto.createHash('md5').update(wrongPresign + v.md5_key, 'utf8').digest('hex');
    const r = await exec<VerifyOutcome>('alipay.verifySignature', { text: v.url!.replace(v.sign, wrongSign) });
    assert.strictEqual(r?.valid, false);
    assert.ok(r.findingIds.includes('url-encoded'), `findings: ${r.findingIds.join(', ')}`);
    assert.ok(r.findings.some((f) => /URL-encoded|URL 编码/.test(f)), r.findings.join(' | '));
  });

  it("verifies an RSA-signed request with the merchant's key", async () => {
    const v = vectors.find((x) => x.id === 'rsa-sha1-pkcs8')!;
    await exec('alipay.setPrivateKey', { profile: 'Sandbox', file: path.join(vectorsDir(root), v.private_key_file!) });
    const text = JSON.stringify({ ...v.params, sign_type: 'RSA', sign: v.sign });
    const r = await exec<VerifyOutcome>('alipay.verifySignature', { text });
    assert.strictEqual(r?.valid, true);
    assert.strictEqual(r.signer, 'merchant');
  });
});

describe('Profiles and the status bar', () => {
  afterEach(() => exec('alipay.switchProfile', { profile: 'Sandbox' }));

  it('shows the active profile, production in the warning colour', async () => {
    assert.strictEqual(await exec('alipay.switchProfile', { profile: 'Production' }), 'Production');
    let s = api.statusBar();
    assert.ok(s.visible);
    assert.match(s.text, /Alipay: Production/);
    assert.strictEqual(s.warning, true);
    assert.match(s.tooltip, /mapi\.alipay\.com/);
    if (probeAvailable()) await waitForWorkbenchText('Alipay: Production');

    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    s = api.statusBar();
    assert.match(s.text, /Alipay: Sandbox/);
    assert.strictEqual(s.warning, false);
    if (probeAvailable()) await waitForWorkbenchText('Alipay: Sandbox');
  });

  it('offers profiles from settings, skipping one with a plain-http remote gateway', async () => {
    const config = vscode.workspace.getConfiguration('alipay');
    await config.update('profiles', [
      { name: 'Emulator', gateway: 'http://127.0.0.1:8080/gateway.do' },
      { name: 'Leaky', gateway: 'http://example.com/gateway.do' },
    ], vscode.ConfigurationTarget.Workspace);
    try {
      assert.strictEqual(await exec('alipay.switchProfile', { profile: 'Emulator' }), 'Emulator');
      assert.match(api.statusBar().text, /Alipay: Emulator/);
      assert.strictEqual(api.statusBar().warning, false);
      assert.strictEqual(await exec('alipay.switchProfile', { profile: 'Leaky' }), undefined, 'an http gateway on another host is rejected');
      assert.match(api.statusBar().text, /Alipay: Emulator/);
    } finally {
      await config.update('profiles', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

/** Polls the workbench page (through the runner's probe) until its text shows `text`. */
async function waitForWorkbenchText(text: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = await allFrames();
    if (frames.some((f) => f.text.includes(text))) return;
    if (Date.now() > deadline) assert.fail(`the workbench never showed "${text}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Commands', () => {
  it('registers every command package.json declares, and declares every alipay.* command it registers', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string; category?: string }> } };
    const declared = pkg.contributes.commands.map((c) => c.command).sort();
    const views = ((pkg.contributes as { views?: Record<string, Array<{ id: string }>> }).views ?? {});
    const viewIds = Object.values(views).flat().map((v) => v.id);
    // VS Code itself registers <view>.focus, .open, .toggleVisibility… for every contributed view: not ours to declare.
    const generated = (c: string): boolean => viewIds.some((id) => c.startsWith(`${id}.`));
    const registered = (await vscode.commands.getCommands(true)).filter((c) => /^alipay\./.test(c) && !generated(c)).sort();
    assert.deepStrictEqual(declared.filter((c) => !registered.includes(c)), [], 'declared but not registered');
    assert.deepStrictEqual(registered.filter((c) => !declared.includes(c)), [], 'registered but not declared');
    for (const c of pkg.contributes.commands) assert.ok(c.category, `${c.command} has a category`);
  });
});
