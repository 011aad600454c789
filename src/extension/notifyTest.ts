/**
 * "Alipay: Test Notify Endpoint…": runs the notify-test battery
 * (src/emulator/notifyBattery.ts, the same one as `alipay-toolkit notify-test`)
 * against a notify_url and opens the scorecard as a readable document. The URL
 * is remembered per workspace; the keys are the local gateway's test merchant
 * (never asked for, never shown). notify_verify goes to the running Local
 * gateway when there is one, else to a gateway started for the test.
 *
 * Part of the feature bundle; registered lazily by ./extension.ts.
 * API: testNotifyCommand(context) → Promise<Scorecard | undefined>  (alipay.testNotifyEndpoint)
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Scorecard } from '../emulator';
import { runningGatewayUrl } from './emulator';
import { userLang } from './l10n';
import { reportError } from './shared';

const URL_KEY = 'alipay.notifyTest.url';

export async function testNotifyCommand(context: vscode.ExtensionContext): Promise<Scorecard | undefined> {
  const remembered = context.workspaceState.get<string>(URL_KEY) ?? 'http://127.0.0.1:8000/alipay/notify';
  const url = await vscode.window.showInputBox({
    title: vscode.l10n.t('Test Notify Endpoint'),
    prompt: vscode.l10n.t('The notify_url of your handler: it receives notifications signed as Alipay, and each answer is judged'),
    value: remembered,
    validateInput: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an http:// or https:// URL')),
  });
  if (url === undefined) return undefined;
  await context.workspaceState.update(URL_KEY, url.trim());
  // dist/emulator.js, its own bundle (esbuild.js maps this require).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runNotifyBattery, scorecardLines, ensureKeyDir, BatteryInputError } = require('../emulator') as typeof import('../emulator');
  const lang = userLang();
  try {
    const cfg = ensureKeyDir(path.join(context.globalStorageUri.fsPath, 'emulator', 'keys'));
    const merchant = [...cfg.merchants.values()][0];
    const card = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing {0}…', url.trim()) },
      () => runNotifyBattery({ url: url.trim(), signType: 'MD5', partner: merchant.partner, md5Key: merchant.md5Key, alipayPrivateKey: cfg.alipayPrivateKey, gatewayUrl: runningGatewayUrl() }),
    );
    const doc = await vscode.workspace.openTextDocument({ content: scorecardLines(card, lang).join('\n') + '\n', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: false });
    const summary = vscode.l10n.t('Notify test: {0} passed, {1} warnings, {2} failed.', card.summary.pass, card.summary.warn, card.summary.fail);
    if (card.exitCode === 0) void vscode.window.showInformationMessage(summary);
    else void vscode.window.showWarningMessage(summary);
    return card;
  } catch (e) {
    if (e instanceof BatteryInputError) void vscode.window.showErrorMessage(e.text[lang]);
    else reportError(e);
    return undefined;
  }
}
