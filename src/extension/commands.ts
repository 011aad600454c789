/**
 * Registers the signing and key commands as thin stubs: the modules doing the
 * work (./commands/sign, ./commands/keys — which pull in charset/iconv-lite,
 * the doctor and the catalog) load on the first call, not at activation.
 * Every command accepts an optional argument object and returns its result
 * (see those modules' headers), so tests and other features can drive them.
 *
 * API: registerCommands(context): Disposable
 */
import * as vscode from 'vscode';
import { log } from './log';

type Handler = (args?: never) => Promise<unknown>;

function lazy<M>(load: () => Promise<M>, pick: (m: M) => Handler): (args?: unknown) => Promise<unknown> {
  return async (args?: unknown) => pick(await load())(args as never);
}

export function registerCommands(_context: vscode.ExtensionContext): vscode.Disposable {
  const sign = (): Promise<typeof import('./commands/sign')> => import('./commands/sign');
  const keys = (): Promise<typeof import('./commands/keys')> => import('./commands/keys');
  const table: Array<[string, (args?: unknown) => unknown]> = [
    ['alipay.signRequest', lazy(sign, (m) => m.signRequest)],
    ['alipay.verifySignature', lazy(sign, (m) => m.verifySignature)],
    ['alipay.showPresignString', lazy(sign, (m) => m.showPresignString)],
    ['alipay.generateKeyPair', lazy(keys, (m) => m.generateKeyPair)],
    ['alipay.convertPrivateKey', lazy(keys, (m) => m.convertPrivateKey)],
    ['alipay.checkKeyPair', lazy(keys, (m) => m.checkKeyPair)],
    ['alipay.inspectKey', lazy(keys, (m) => m.inspectKey)],
    ['alipay.showLog', () => log.show()],
  ];
  return vscode.Disposable.from(...table.map(([id, fn]) => vscode.commands.registerCommand(id, fn)));
}
