// Key commands in a real VS Code, checked against the openssl command line.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { GenerateOutcome, PairOutcome } from '../../src/extension/commands/keys';
import { activateExtension, exec, openDoc, vectorsDir, waitActive } from './shell-helpers';

let keysDir: string;
let tmp: string;

before(async () => {
  const { root } = await activateExtension();
  keysDir = path.join(vectorsDir(root), 'keys');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-keys-'));
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8' });
}

/** The key's public half as openssl prints it (SPKI PEM). */
function opensslPublic(privatePemFile: string): string {
  return openssl(['pkey', '-in', privatePemFile, '-pubout']);
}

describe('Key commands', () => {
  it('generates an RSA-2048 pair: private key stored (and saved to the chosen file), public key opened for the console', async () => {
    const file = path.join(tmp, 'merchant-private.pem');
    const r = await exec<GenerateOutcome>('alipay.generateKeyPair', { profile: 'International', replace: true, saveTo: file });
    assert.ok(r);
    const text = openssl(['pkey', '-in', file, '-noout', '-text']);
    assert.match(text, /Private-Key: \(2048 bit/);
    assert.strictEqual(opensslPublic(file), r.publicKey, 'the saved private key and the shown public key are one pair');
    const editorText = vscode.window.activeTextEditor?.document.getText().trim();
    assert.strictEqual(editorText, r.publicKeyBase64, 'the public key is open as bare base64');
    assert.doesNotMatch(editorText, /PRIVATE/);
    // The stored private key of the profile matches the generated public key.
    const pair = await exec<PairOutcome>('alipay.checkKeyPair', { profile: 'International', publicKey: r.publicKey });
    assert.strictEqual(pair?.match, true);
    assert.strictEqual(pair.publicFingerprint, r.fingerprint);
  });

  it('tells when a private key and a public key are not a pair', async () => {
    const priv = fs.readFileSync(path.join(keysDir, 'omnipay-test-rsa1024-pkcs1.pem'), 'utf8');
    const otherPublic = fs.readFileSync(path.join(keysDir, 'ruby-gem-test-rsa1024-public.pem'), 'utf8');
    const no = await exec<PairOutcome>('alipay.checkKeyPair', { privateKey: priv, publicKey: otherPublic });
    assert.strictEqual(no?.match, false);
    const rubyPrivate = fs.readFileSync(path.join(keysDir, 'ruby-gem-test-rsa1024-pkcs8.pem'), 'utf8');
    const yes = await exec<PairOutcome>('alipay.checkKeyPair', { privateKey: rubyPrivate, publicKey: otherPublic });
    assert.strictEqual(yes?.match, true);
  });

  it('converts PKCS#1 to PKCS#8 and back in the editor, as openssl does', async () => {
    const pkcs1File = path.join(keysDir, 'omnipay-test-rsa1024-pkcs1.pem');
    const pkcs1 = fs.readFileSync(pkcs1File, 'utf8');
    let editor = await openDoc(pkcs1);
    editor = await waitActive(editor.document);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.positionAt(editor.document.getText().length));
    const to8 = await exec<{ from: string; to: string; text: string }>('alipay.convertPrivateKey', { to: 'pkcs8', action: 'replace' });
    const seen = (): string => `active: ${JSON.stringify(vscode.window.activeTextEditor?.document.getText().slice(0, 40))}, selection: ${JSON.stringify(vscode.window.activeTextEditor?.selection)}, visible: ${vscode.window.visibleTextEditors.length}`;
    assert.strictEqual(to8?.from, 'pkcs1', seen());
    const expected8 = openssl(['pkcs8', '-topk8', '-nocrypt', '-in', pkcs1File]);
    assert.strictEqual(editor.document.getText().trim(), expected8.trim());

    editor = await waitActive(editor.document);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), editor.document.positionAt(editor.document.getText().length));
    const to1 = await exec<{ from: string; to: string; text: string }>('alipay.convertPrivateKey', { to: 'pkcs1', action: 'replace' });
    assert.strictEqual(to1?.from, 'pkcs8');
    const expected1 = openssl(['rsa', '-traditional'], expected8);
    assert.strictEqual(editor.document.getText().trim(), expected1.trim());
    assert.strictEqual(expected1.replace(/\s+/g, ''), pkcs1.replace(/\s+/g, ''), 'round trip gives the original key');
  });

  it('inspects the key in the selection: metadata and the openssl fingerprint, nothing secret', async () => {
    const file = path.join(keysDir, 'ruby-gem-test-rsa1024-pkcs8.pem');
    const text = fs.readFileSync(file, 'utf8');
    await openDoc(text);
    const info = await exec<{ kind: string; algorithm: string; bits: number; format: string; fingerprint: string }>('alipay.inspectKey');
    assert.deepStrictEqual([info?.kind, info?.algorithm, info?.bits, info?.format], ['private', 'rsa', 1024, 'pkcs8']);
    const der = execFileSync('openssl', ['pkey', '-in', file, '-pubout', '-outform', 'DER']);
    const sha = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64').replace(/=+$/, '');
    assert.strictEqual(info.fingerprint, `SHA256:${sha}`);
  });

  it('answers a public key given to the converter with a message, not an exception', async () => {
    const pub = fs.readFileSync(path.join(keysDir, 'ruby-gem-test-rsa1024-public.pem'), 'utf8');
    assert.strictEqual(await exec('alipay.convertPrivateKey', { text: pub, to: 'pkcs8', action: 'return' }), undefined);
  });
});
