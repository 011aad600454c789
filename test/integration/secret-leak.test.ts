// Secrets stay in SecretStorage: after storing an MD5 key and a private key and
// running commands — including ones that fail — neither appears in settings.json,
// any workspace file, the "Alipay" log file, or any message shown to the user.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import { activateExtension, exec, openDoc } from './shell-helpers';

const PROFILE = 'Production';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile() && fs.statSync(f).size < 5_000_000);
}

describe('Secrets never leak', () => {
  let api: ExtensionApi;
  const md5Key = Array.from(crypto.randomBytes(32), (b) => '0123456789abcdefghijklmnopqrstuvwxyz'[b % 36]).join('');
  const privatePem = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const body = privatePem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  /** Pieces of the private key that must appear nowhere: any 24-character run of it. */
  const keyPieces = [body.slice(60, 84), body.slice(300, 324), body.slice(500, 524)];
  const shown: string[] = [];
  const restore: Array<() => void> = [];

  function leaks(text: string): string[] {
    const found: string[] = [];
    if (text.includes(md5Key)) found.push('the MD5 key');
    if (keyPieces.some((p) => text.includes(p))) found.push('the private key');
    return found;
  }

  before(async () => {
    ({ api } = await activateExtension());
    // Record every message the extension shows (the test shares its vscode API object).
    const w = vscode.window as unknown as Record<string, (...a: unknown[]) => Thenable<unknown>>;
    for (const name of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
      const original = w[name];
      w[name] = (...args: unknown[]) => {
        shown.push(args.filter((a) => typeof a === 'string').join(' '));
        return original.apply(vscode.window, args);
      };
      restore.push(() => {
        w[name] = original;
      });
    }
  });

  after(async () => {
    restore.forEach((r) => r());
    await exec('alipay.clearSecret', { profile: PROFILE, kind: 'all' });
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
  });

  it('keeps secrets out of settings, workspace files, the log and every message', async () => {
    await exec('alipay.switchProfile', { profile: PROFILE });
    assert.ok(await exec('alipay.setMd5Key', { profile: PROFILE, value: md5Key }));
    assert.ok(await exec('alipay.setPrivateKey', { profile: PROFILE, value: privatePem }));

    // Succeeding commands.
    assert.ok(await exec('alipay.signRequest', { text: 'service=single_trade_query&partner=2088101122136241&out_trade_no=1', action: 'return' }));
    assert.ok(await exec('alipay.signRequest', { text: 'service=single_trade_query&partner=2088101122136241&out_trade_no=1&sign_type=RSA', action: 'return' }));
    await exec('alipay.verifySignature', { text: `service=x&partner=2088101122136241&sign_type=MD5&sign=${md5Key}` });
    await openDoc(privatePem);
    assert.ok(await exec('alipay.inspectKey'));
    assert.ok(await exec('alipay.checkKeyPair', { privateKey: privatePem, publicKey: crypto.createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }) }));

    // Failing commands: their messages must not echo what they were given.
    assert.strictEqual(await exec('alipay.setMd5Key', { profile: PROFILE, value: `${md5Key} trailing words` }), undefined);
    assert.strictEqual(await exec('alipay.setPrivateKey', { profile: PROFILE, value: privatePem.slice(0, 400) + '!!' }), undefined);
    assert.strictEqual(await exec('alipay.setAlipayPublicKey', { profile: PROFILE, value: privatePem }), undefined);
    assert.strictEqual(await exec('alipay.signRequest', { text: `{"sign": "${md5Key}", broken json`, action: 'return' }), undefined);
    assert.strictEqual(await exec('alipay.signRequest', { text: 'service=a&service=b', action: 'return' }), undefined);
    assert.strictEqual(await exec('alipay.convertPrivateKey', { text: privatePem.replace(/[A-Z]/g, '#').slice(0, 300), to: 'pkcs1', action: 'return' }), undefined);

    assert.ok(shown.length >= 8, `messages were recorded (${shown.length})`);
    assert.ok(shown.some((m) => /contains spaces|空格/.test(m)), 'the bad MD5 key was reported');
    const leakingMessages = shown.filter((m) => leaks(m).length);
    assert.deepStrictEqual(leakingMessages, [], 'a message shown to the user holds a secret');

    // What went to the "Alipay" log channel, and its log file where the host writes one
    // (the code-server host lacks the native logger, so the file may not exist there).
    const logText = api.logLines().join('\n');
    assert.match(logText, /Signed single_trade_query/);
    assert.match(logText, /Could not convert the key|无法转换密钥/);
    assert.deepStrictEqual(leaks(logText), [], 'the log holds a secret');
    for (const f of filesUnder(path.dirname(api.logUri.fsPath))) assert.deepStrictEqual(leaks(fs.readFileSync(f, 'utf8')), [], `${f} holds a secret`);

    // Settings and every file of the workspace.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const f of filesUnder(folder.uri.fsPath)) assert.deepStrictEqual(leaks(fs.readFileSync(f, 'utf8')), [], `${f} holds a secret`);
    }
    const userSettings = path.join(api.globalStorageUri.fsPath, '..', '..', 'settings.json');
    if (fs.existsSync(userSettings)) assert.deepStrictEqual(leaks(fs.readFileSync(userSettings, 'utf8')), [], 'user settings.json holds a secret');
    const inspect = vscode.workspace.getConfiguration('alipay');
    assert.deepStrictEqual(leaks(JSON.stringify([inspect.inspect('profiles'), inspect.inspect('activeProfile')])), []);
  });
});
