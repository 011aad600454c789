// `.alipay` request files in the editor: diagnostics and quick fixes,
// completion, hovers, CodeLens above each request and the commands behind
// them (send, copy signed URL, open in browser, pre-sign string, new request,
// history).
//
// API: registerRequestFiles(context, deps?): Disposable
//   commands (each takes { uri?, index?, line? } and returns its result):
//     alipay.sendRequest → SendOutcome   alipay.copySignedUrl   alipay.openRequestInBrowser
//     alipay.showRequestPresign          alipay.newRequest({ service? })
//     alipay.showHistory({ id?, action?: 'open' | 'resend' | 'request' })
import * as vscode from 'vscode';
import type { RequestArgs, RequestCommands } from './commands';
import { LANGUAGE_ID, SELECTOR, shellDeps, type RequestFileDeps } from './deps';

/**
 * Diagnostics, completion, hovers and CodeLens need the catalog and the
 * validator: they load when the first request file opens, not at activation.
 */
function registerEditorFeatures(deps: RequestFileDeps): vscode.Disposable {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { registerDiagnostics } = require('./diagnostics') as typeof import('./diagnostics');
  const { registerLanguageFeatures } = require('./language') as typeof import('./language');
  const { Lenses } = require('./lenses') as typeof import('./lenses');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const lenses = new Lenses();
  return vscode.Disposable.from(
    registerDiagnostics(deps),
    registerLanguageFeatures(deps),
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    ...deps.changes.map((ev) => ev(() => lenses.refresh())),
  );
}

/** Runs `register` once, as soon as a document of the request-file language is open. */
function whenFirstRequestFileOpens(register: () => vscode.Disposable): vscode.Disposable {
  let features: vscode.Disposable | undefined;
  const isRequestFile = (d: vscode.TextDocument): boolean => d.languageId === LANGUAGE_ID;
  const start = (): void => {
    if (features) return;
    features = register();
    listener.dispose();
  };
  const listener = vscode.workspace.onDidOpenTextDocument((d) => {
    if (isRequestFile(d)) start();
  });
  if (vscode.workspace.textDocuments.some(isRequestFile)) start();
  return new vscode.Disposable(() => {
    listener.dispose();
    features?.dispose();
  });
}

export function registerRequestFiles(context: vscode.ExtensionContext, deps: RequestFileDeps = shellDeps()): vscode.Disposable {
  // The sending side (http, the response decoder) loads on the first command, not at activation.
  let loaded: Promise<RequestCommands> | undefined;
  const commands = (): Promise<RequestCommands> => (loaded ??= import('./commands').then((m) => new m.RequestCommands(deps, context.globalStorageUri)));
  const table: Array<[string, (args?: never) => unknown]> = [
    ['alipay.sendRequest', async (a?: RequestArgs) => (await commands()).send(a)],
    ['alipay.copySignedUrl', async (a?: RequestArgs) => (await commands()).copySignedUrl(a)],
    ['alipay.openRequestInBrowser', async (a?: RequestArgs) => (await commands()).openInBrowser(a)],
    ['alipay.showRequestPresign', async (a?: RequestArgs) => (await commands()).showPresign(a)],
    ['alipay.newRequest', async (a?: { service?: string; uri?: string }) => (await commands()).newRequest(a)],
    ['alipay.showHistory', async (a?: { id?: string; action?: 'open' | 'resend' | 'request' }) => (await commands()).showHistory(a)],
  ];
  return vscode.Disposable.from(
    whenFirstRequestFileOpens(() => registerEditorFeatures(deps)),
    ...table.map(([id, fn]) => vscode.commands.registerCommand(id, fn)),
    vscode.workspace.registerTextDocumentContentProvider('alipay-presign', {
      provideTextDocumentContent: async (uri) => (await import('./commands')).presignContent.provideTextDocumentContent(uri, new vscode.CancellationTokenSource().token) ?? '',
    }),
  );
}
