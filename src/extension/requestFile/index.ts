// `.alipay` request files in the editor: diagnostics and quick fixes,
// completion, hovers, CodeLens above each request and the commands behind
// them (send, copy signed URL, open in browser, pre-sign string, new request,
// history). This file is in the entry bundle and only registers; the work is
// in the feature bundle (./editor, ./commands), loaded when a request file
// opens or a command runs.
//
// API: registerRequestFiles(context, deps?): Disposable
//   commands (each takes { uri?, index?, line? } and returns its result):
//     alipay.sendRequest → SendOutcome   alipay.copySignedUrl   alipay.openRequestInBrowser
//     alipay.showRequestPresign          alipay.newRequest({ service? })
//     alipay.showHistory({ id?, action?: 'open' | 'resend' | 'request' })
import * as vscode from 'vscode';
import { loadFeature } from '../lazy';
import * as profiles from '../profiles';
import * as secrets from '../secrets';
import type { RequestArgs, RequestCommands } from './commands';
import { LANGUAGE_ID, type RequestFileDeps } from './deps';

/** The shell's real profiles and secrets. */
export function shellDeps(): RequestFileDeps {
  return {
    profiles: () => profiles.getProfiles(),
    activeProfile: () => profiles.getActiveProfile(),
    signingKey: (p, t) => secrets.requireSigningKey(p, t),
    verifyKeys: async (p, t) => {
      const k = await secrets.getVerifyingKey(p, t);
      // Certificate mode: Alipay's certificate(s) of the profile; the answer's alipay_cert_sn picks one.
      const certs = p.alipayCertPath ? (await loadFeature('certs')).alipayCertKeys(p) : {};
      if (!k) return certs;
      return 'md5Key' in k ? { md5Key: k.md5Key } : { publicKey: k.publicKey, ...certs };
    },
    changes: [profiles.onDidChangeActiveProfile as vscode.Event<unknown>, secrets.onDidChangeSecrets as vscode.Event<unknown>],
  };
}

/** Starts the editor features once, as soon as a document of the request-file language is open. */
function whenFirstRequestFileOpens(deps: RequestFileDeps): vscode.Disposable {
  let features: vscode.Disposable | undefined;
  let disposed = false;
  let started = false;
  const isRequestFile = (d: vscode.TextDocument): boolean => d.languageId === LANGUAGE_ID;
  const start = (): void => {
    if (started) return;
    started = true;
    listener.dispose();
    void loadFeature('requestEditor').then((m) => {
      if (!disposed) features = m.registerEditorFeatures(deps);
    });
  };
  const listener = vscode.workspace.onDidOpenTextDocument((d) => {
    if (isRequestFile(d)) start();
  });
  if (vscode.workspace.textDocuments.some(isRequestFile)) start();
  return new vscode.Disposable(() => {
    disposed = true;
    listener.dispose();
    features?.dispose();
  });
}

export function registerRequestFiles(context: vscode.ExtensionContext, deps: RequestFileDeps = shellDeps()): vscode.Disposable {
  // The sending side (http, the response decoder) loads on the first command, not at activation.
  let loaded: Promise<RequestCommands> | undefined;
  const commands = (): Promise<RequestCommands> => (loaded ??= loadFeature('requestCommands').then((m) => new m.RequestCommands(deps, context.globalStorageUri)));
  const table: Array<[string, (args?: never) => unknown]> = [
    ['alipay.sendRequest', async (a?: RequestArgs) => (await commands()).send(a)],
    ['alipay.copySignedUrl', async (a?: RequestArgs) => (await commands()).copySignedUrl(a)],
    ['alipay.openRequestInBrowser', async (a?: RequestArgs) => (await commands()).openInBrowser(a)],
    ['alipay.showRequestPresign', async (a?: RequestArgs) => (await commands()).showPresign(a)],
    ['alipay.newRequest', async (a?: { service?: string; uri?: string }) => (await commands()).newRequest(a)],
    ['alipay.showHistory', async (a?: { id?: string; action?: 'open' | 'resend' | 'request' }) => (await commands()).showHistory(a)],
  ];
  return vscode.Disposable.from(
    whenFirstRequestFileOpens(deps),
    ...table.map(([id, fn]) => vscode.commands.registerCommand(id, fn)),
    vscode.workspace.registerTextDocumentContentProvider('alipay-presign', {
      provideTextDocumentContent: async (uri) => (await loadFeature('requestCommands')).presignContent.provideTextDocumentContent(uri, new vscode.CancellationTokenSource().token) ?? '',
    }),
  );
}
