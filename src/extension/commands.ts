/**
 * Registers the signing and key commands as thin stubs: the modules doing the
 * work (./commands/sign, ./commands/keys — which pull in charset/iconv-lite,
 * the doctor and the catalog) are in the feature bundle and load on the first
 * call, not at activation (./lazy). Every command accepts an optional argument
 * object and returns its result (see those modules' headers), so tests and
 * other features can drive them.
 *
 * API: registerCommands(context): Disposable
 */
import * as vscode from 'vscode';
import { lazyCommand } from './lazy';
import { log } from './log';

export function registerCommands(_context: vscode.ExtensionContext): vscode.Disposable {
  const table: Array<[string, (args?: unknown) => unknown]> = [
    ['alipay.signRequest', lazyCommand('sign', (m) => m.signRequest)],
    ['alipay.verifySignature', lazyCommand('sign', (m) => m.verifySignature)],
    ['alipay.showPresignString', lazyCommand('sign', (m) => m.showPresignString)],
    ['alipay.generateKeyPair', lazyCommand('keys', (m) => m.generateKeyPair)],
    ['alipay.convertPrivateKey', lazyCommand('keys', (m) => m.convertPrivateKey)],
    ['alipay.checkKeyPair', lazyCommand('keys', (m) => m.checkKeyPair)],
    ['alipay.inspectKey', lazyCommand('keys', (m) => m.inspectKey)],
    ['alipay.analyzeLogFile', lazyCommand('logAnalyzer', (m) => m.analyze)],
    ['alipay.cancelLogAnalysis', lazyCommand('logAnalyzer', (m) => m.cancelAnalysis)],
    ['alipay.showLog', () => log.show()],
  ];
  return vscode.Disposable.from(...table.map(([id, fn]) => vscode.commands.registerCommand(id, fn)));
}
