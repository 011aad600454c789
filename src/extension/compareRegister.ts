/**
 * The entry's side of "Compare with My Request" (./commands/compare): the
 * command, and the hover link on answers carrying the gateway's verify string
 * (./commands/compareHover, in the hover feature), both loaded on first use. Kept out of ./commands/ (bench/activation.js
 * counts that folder as feature code).
 *
 * API: registerCompare(context): Disposable
 */
import * as vscode from 'vscode';
import { loadFeature } from './lazy';

export function registerCompare(context: vscode.ExtensionContext): vscode.Disposable {
  let hover: Promise<vscode.HoverProvider> | undefined;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('alipay.compareWithMyRequest', (args?: unknown) =>
      loadFeature('compare').then((m) => m.compareWithMyRequest(context.globalStorageUri, args && typeof args === 'object' ? args : {})),
    ),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], {
      async provideHover(doc, pos, token) {
        // Part of the hover feature: the first hover anywhere loads it anyway.
        hover ??= loadFeature('hover').then((m) => m.createCompareHoverProvider());
        return (await hover).provideHover(doc, pos, token);
      },
    }),
  );
}
