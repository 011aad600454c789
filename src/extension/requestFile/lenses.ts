// CodeLens above each request: Send, Copy signed URL, Open in browser (page services), Show pre-sign string.
import * as vscode from 'vscode';
import { service as serviceDef } from '../../core/catalog';
import { parseRequestFile } from '../../core/requestFile';
import type { RequestArgs } from './commands';

export class Lenses implements vscode.CodeLensProvider {
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
