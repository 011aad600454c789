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
import { service as serviceDef } from '../../core/catalog';
import { parseRequestFile } from '../../core/requestFile';
import type { RequestArgs, RequestCommands } from './commands';
import { SELECTOR, shellDeps, type RequestFileDeps } from './deps';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './language';

class Lenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const file = parseRequestFile(doc.getText());
    const out: vscode.CodeLens[] = [];
    for (const r of file.requests) {
      const line = r.requestLine ?? r.params[0]?.line ?? r.startLine;
      const range = new vscode.Range(line, 0, line, 0);
      const args: RequestArgs = { uri: doc.uri.toString(), index: r.index };
      const service = r.params.find((p) => p.name === 'service')?.value;
      out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Send'), command: 'alipay.sendRequest', arguments: [args] }));
      out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Copy signed URL'), command: 'alipay.copySignedUrl', arguments: [args] }));
      if (service && serviceDef(service)?.kind === 'page') {
        out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Open in browser'), command: 'alipay.openRequestInBrowser', arguments: [args] }));
      }
      out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Show pre-sign string'), command: 'alipay.showRequestPresign', arguments: [args] }));
    }
    return out;
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerRequestFiles(context: vscode.ExtensionContext, deps: RequestFileDeps = shellDeps()): vscode.Disposable {
  // The sending side (http, the response decoder) loads on the first command, not at activation.
  let loaded: Promise<RequestCommands> | undefined;
  const commands = (): Promise<RequestCommands> => (loaded ??= import('./commands').then((m) => new m.RequestCommands(deps, context.globalStorageUri)));
  const lenses = new Lenses();
  const table: Array<[string, (args?: never) => unknown]> = [
    ['alipay.sendRequest', async (a?: RequestArgs) => (await commands()).send(a)],
    ['alipay.copySignedUrl', async (a?: RequestArgs) => (await commands()).copySignedUrl(a)],
    ['alipay.openRequestInBrowser', async (a?: RequestArgs) => (await commands()).openInBrowser(a)],
    ['alipay.showRequestPresign', async (a?: RequestArgs) => (await commands()).showPresign(a)],
    ['alipay.newRequest', async (a?: { service?: string; uri?: string }) => (await commands()).newRequest(a)],
    ['alipay.showHistory', async (a?: { id?: string; action?: 'open' | 'resend' | 'request' }) => (await commands()).showHistory(a)],
  ];
  return vscode.Disposable.from(
    registerDiagnostics(deps),
    registerLanguageFeatures(deps),
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    ...deps.changes.map((ev) => ev(() => lenses.refresh())),
    ...table.map(([id, fn]) => vscode.commands.registerCommand(id, fn)),
    vscode.workspace.registerTextDocumentContentProvider('alipay-presign', {
      provideTextDocumentContent: async (uri) => (await import('./commands')).presignContent.provideTextDocumentContent(uri, new vscode.CancellationTokenSource().token) ?? '',
    }),
  );
}
