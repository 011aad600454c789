// The request-file commands: Send, Copy signed URL, Open in browser, Show
// pre-sign string, New Request, Show History. Glue only: core/prepareRequest
// signs, core/gateway sends, the preview shows. Every command takes an
// optional argument object (CodeLens and tests pass { uri, index }) and
// returns what it did, never a secret.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { allServices, service as serviceDef } from '../../core/catalog';
import { GatewayError, sendToGateway, type GatewayResponse } from '../../core/gateway';
import { localize, ToolkitError } from '../../core/i18n';
import { prepareRequest, signPrepared, type PreparedRequest, type SignedRequest } from '../../core/prepareRequest';
import { isSignatureParam, VARIANTS } from '../../core/protocol';
import { detectVariant } from '../../core/resolve';
import { parseRequestFile, requestAtLine } from '../../core/requestFile';
import { decodeResponse } from '../../core/response';
import { placeholderFor } from '../../core/validate';
import { userLang } from '../l10n';
import { withProfileCertSns } from '../profileCerts';
import { errorText, log, reportError } from '../shared';
import type { PreviewResult } from '../preview';
import { LANGUAGE_ID, type RequestFileDeps } from './deps';
import { findings, withoutLinePrefix } from './diagnostics';
import { History, lostSecret, requestBlock, type HistoryEntry } from './history';

const TIMEOUT_MS = 20000;

export const PRESIGN_SCHEME = 'alipay-presign';
const presignTexts = new Map<string, string>();
let presignSeq = 0;

/** Serves the pre-sign strings shown by "Show pre-sign string" (kept for the session, a few bytes each). */
export const presignContent: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => presignTexts.get(uri.toString()) ?? '',
};

export interface RequestArgs {
  /** The document (a URI string); default: the active editor. */
  uri?: string;
  /** 1-based request number; default: the request at `line`, else at the cursor. */
  index?: number;
  line?: number;
  /**
   * Tests only ever need to DECLINE the production confirmation; there is no
   * way to accept it without the modal dialog.
   */
  declineProduction?: boolean;
  /** How long to wait for the answer (default 20 s). */
  timeoutMs?: number;
  /**
   * A request with error diagnostics: 'ask' (default, a modal question whose default
   * is not to send), 'send' (callers that wrote the request themselves), 'decline'.
   */
  ifErrors?: 'ask' | 'send' | 'decline';
}

export interface SendOutcome {
  sent: boolean;
  reason?: 'invalid' | 'declined' | 'hasErrors' | 'noKey' | 'cancelled' | 'failed';
  failure?: string;
  message?: string;
  status?: number;
  kind?: GatewayResponse['kind'];
  success?: boolean;
  errorCode?: string;
  preview?: PreviewResult;
  historyId?: string;
  historyFile?: string;
}

interface Located {
  doc: vscode.TextDocument;
  index: number;
}

async function locate(args: RequestArgs | undefined): Promise<Located | undefined> {
  const doc = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
  if (!doc || (doc.languageId !== LANGUAGE_ID && !args?.uri)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .alipay request file and put the cursor in a request.'));
    return undefined;
  }
  if (args?.index) return { doc, index: args.index };
  const file = parseRequestFile(doc.getText());
  const line = args?.line ?? (vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor.selection.active.line : 0);
  const req = requestAtLine(file, line) ?? file.requests[0];
  return { doc, index: req?.index ?? 1 };
}

/** Certificate mode: app_cert_sn / alipay_root_cert_sn from the profile's certificates, set before signing (they are signed). */
function withCertSns(prepared: PreparedRequest): PreparedRequest {
  const family = VARIANTS[detectVariant(prepared.params).value].family;
  return { ...prepared, params: withProfileCertSns(prepared.profile, prepared.params, family) };
}

export class RequestCommands {
  readonly history: History;

  constructor(
    private readonly deps: RequestFileDeps,
    storage: vscode.Uri,
  ) {
    this.history = new History(storage);
  }

  private prepare(loc: Located): PreparedRequest {
    const profiles = this.deps.profiles();
    const p = prepareRequest(loc.doc.getText(), loc.index, { profiles, defaultProfile: this.deps.activeProfile() });
    // A cloned, untrusted repository must not send requests signed with your keys to a URL of its choosing.
    if (!vscode.workspace.isTrusted && !profiles.some((x) => x.gateway === p.gateway)) {
      throw new ToolkitError('UNTRUSTED_GATEWAY', {
        en: 'Request {n} names the gateway {url}, which is not one of your profiles; in an untrusted workspace requests go only to profile gateways',
        zh: '第 {n} 个请求指定的网关 {url} 不属于您的配置；在不受信任的工作区中，请求只能发往配置中的网关',
      }, { n: p.index, url: p.gateway });
    }
    return p;
  }

  private async sign(prepared: PreparedRequest): Promise<SignedRequest | undefined> {
    const key = await this.deps.signingKey(prepared.profile, prepared.signType);
    if (!key) return undefined;
    return signPrepared(withCertSns(prepared), key);
  }

  /**
   * The production gate: a modal question every time; declining sends nothing.
   * "Don't Send" comes first, so it is the dialog's default (Enter) button; VS Code adds Cancel (Escape).
   */
  private async confirmProduction(p: PreparedRequest, args: RequestArgs | undefined): Promise<boolean> {
    if (!p.production) return true;
    if (args?.declineProduction === true) {
      log.info(`Request ${p.index} (${p.service ?? '?'}) to production ${p.gateway}: declined, nothing sent`);
      return false;
    }
    const stay = vscode.l10n.t("Don't Send");
    const go = vscode.l10n.t('Send to production');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send request {0} ({1}) to the production gateway?', p.index, p.service ?? '?'),
      { modal: true, detail: vscode.l10n.t('{0} is a real-money gateway (profile {1}). Nothing is sent unless you confirm.', p.gateway, p.profile.name) },
      stay,
      go,
    );
    if (answer !== go) log.info(`Request ${p.index} (${p.service ?? '?'}) to production ${p.gateway}: declined, nothing sent`);
    return answer === go;
  }

  /**
   * A request the editor marks with errors (or an unknown service, which the gateway answers
   * with ILLEGAL_SERVICE) is sent only when the user says so (default: not).
   */
  private async confirmErrors(loc: Located, args: RequestArgs | undefined): Promise<boolean> {
    const mode = args?.ifErrors ?? 'ask';
    if (mode === 'send') return true;
    const errors = findings(loc.doc, this.deps).filter((d) => (d.severity === 'error' || d.code === 'UNKNOWN_SERVICE') && (d.request === undefined || d.request === loc.index));
    if (errors.length === 0) return true;
    const first = `${errors[0].span.line + 1}: ${localize(withoutLinePrefix(errors[0].text), userLang(), errors[0].args)}`;
    if (mode === 'decline') {
      log.info(`Request ${loc.index}: ${errors.length} problem(s), not sent`);
      return false;
    }
    const stay = vscode.l10n.t("Don't Send");
    const go = vscode.l10n.t('Send Anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Request {0} has {1} problem(s). Send it anyway?', loc.index, errors.length),
      { modal: true, detail: vscode.l10n.t('Line {0}', first) },
      stay,
      go,
    );
    if (answer !== go) log.info(`Request ${loc.index}: ${errors.length} problem(s), not sent`);
    return answer === go;
  }

  async send(args?: RequestArgs): Promise<SendOutcome> {
    const loc = await locate(args);
    if (!loc) return { sent: false, reason: 'invalid' };
    let prepared: PreparedRequest;
    try {
      prepared = this.prepare(loc);
    } catch (e) {
      reportError(e, vscode.l10n.t('Send Request'));
      return { sent: false, reason: 'invalid', message: errorText(e) };
    }
    if (!(await this.confirmErrors(loc, args))) return { sent: false, reason: 'hasErrors' };
    if (!(await this.confirmProduction(prepared, args))) return { sent: false, reason: 'declined' };
    let signed: SignedRequest | undefined;
    try {
      signed = await this.sign(prepared);
    } catch (e) {
      reportError(e, vscode.l10n.t('Send Request'));
      return { sent: false, reason: 'invalid', message: errorText(e) };
    }
    if (!signed) return { sent: false, reason: 'noKey' };
    const s = signed;
    const what = `${s.service ?? '?'} → ${s.gateway}`;
    log.info(`Sending request ${s.index} of ${loc.doc.uri.path.split('/').pop()}: ${s.method} ${what} (profile ${s.profile.name}, ${s.signType}, ${s.charset})`);
    const entry: HistoryEntry = {
      id: crypto.randomUUID(),
      time: new Date().toISOString(),
      file: loc.doc.uri.toString(),
      index: s.index,
      name: s.name,
      service: s.service,
      profile: s.profile.name,
      gateway: s.gateway,
      method: s.method,
      signType: s.signType,
      request: requestBlock({ name: s.name, method: s.method, profile: s.profile.name, signType: s.signType }, s.params),
    };
    let res: GatewayResponse;
    try {
      res = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending {0}…', what), cancellable: true },
        (_progress, token) => {
          const ac = new AbortController();
          token.onCancellationRequested(() => ac.abort());
          return sendToGateway({ gateway: s.gateway, method: s.method, params: s.signed, charset: s.charset, timeoutMs: args?.timeoutMs ?? TIMEOUT_MS, signal: ac.signal, acceptHtml: s.serviceKind === 'page' });
        },
      );
    } catch (e) {
      const failure = e instanceof GatewayError ? e.kind : 'UNKNOWN';
      const saved = await this.history.add({ ...entry, error: errorText(e) });
      if (failure === 'CANCELLED') {
        log.info(`Request ${s.index}: ${errorText(e)}`);
        return { sent: false, reason: 'cancelled', failure, message: errorText(e), historyId: saved.id, historyFile: this.history.file.fsPath };
      }
      reportError(e, vscode.l10n.t('Send Request'));
      return { sent: false, reason: 'failed', failure, message: errorText(e), historyId: saved.id, historyFile: this.history.file.fsPath };
    }
    let success: boolean | undefined;
    let errorCode: string | undefined;
    if (res.kind === 'xml' || res.kind === 'text') {
      try {
        const model = decodeResponse(res.body);
        success = model.success;
        errorCode = model.error?.code;
      } catch (e) {
        log.warn(`Request ${s.index}: ${errorText(e)}`);
      }
    } else success = true;
    log.info(`Answer to request ${s.index}: HTTP ${res.status}, ${res.kind}${success === undefined ? '' : success ? ', success' : `, failed${errorCode ? ` (${errorCode})` : ''}`}`);
    const saved = await this.history.add({ ...entry, status: res.status, kind: res.kind, success, errorCode, response: res.body });
    const outcome: SendOutcome = { sent: true, status: res.status, kind: res.kind, success, errorCode, historyId: saved.id, historyFile: this.history.file.fsPath };
    if (res.kind === 'xml' || res.kind === 'text') {
      outcome.preview = await vscode.commands.executeCommand<PreviewResult | undefined>('alipay.previewResponse', { text: res.body });
    } else {
      const open = vscode.l10n.t('Open in Browser');
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is a page service: the gateway answered with a page (HTTP {1}). Open the signed URL in a browser to use it.', s.service ?? '?', res.status), open).then((c) => {
        if (c === open) void this.openInBrowser({ uri: loc.doc.uri.toString(), index: s.index });
      });
    }
    return outcome;
  }

  /** Signs the request and puts its GET URL on the clipboard (nothing is sent). */
  async copySignedUrl(args?: RequestArgs): Promise<{ copied: boolean; service?: string }> {
    const signed = await this.signedFor(args);
    if (!signed) return { copied: false };
    await vscode.env.clipboard.writeText(signed.url);
    log.info(`Copied the signed URL of request ${signed.index} (${signed.service ?? '?'}, ${signed.signType})`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed URL of {0} copied to the clipboard.', signed.service ?? '?'));
    return { copied: true, service: signed.service };
  }

  /** Opens the signed URL in the browser (page services); production asks first. */
  async openInBrowser(args?: RequestArgs): Promise<{ opened: boolean }> {
    const loc = await locate(args);
    if (!loc) return { opened: false };
    let prepared: PreparedRequest;
    try {
      prepared = this.prepare(loc);
    } catch (e) {
      reportError(e, vscode.l10n.t('Open in Browser'));
      return { opened: false };
    }
    if (!(await this.confirmProduction(prepared, args))) return { opened: false };
    const signed = await this.sign(prepared).catch((e: unknown) => {
      reportError(e, vscode.l10n.t('Open in Browser'));
      return undefined;
    });
    if (!signed) return { opened: false };
    log.info(`Opening request ${signed.index} (${signed.service ?? '?'}) in the browser`);
    const opened = await vscode.env.openExternal(vscode.Uri.parse(signed.url, true));
    return { opened };
  }

  /** Shows the exact string that is signed, beside the editor. */
  async showPresign(args?: RequestArgs): Promise<{ presign?: string }> {
    const loc = await locate(args);
    if (!loc) return {};
    try {
      const p = this.prepare(loc);
      // The pre-sign string needs no key: it is the content the key signs.
      const { presignForSigning } = await import('../../core/sign');
      const presign = presignForSigning(withCertSns(p).params, p.signType);
      // A read-only virtual document: nothing to save, no prompt when it closes.
      const uri = vscode.Uri.from({ scheme: PRESIGN_SCHEME, path: `/request-${p.index}-${p.service ?? 'presign'}.txt`, query: String(++presignSeq) });
      presignTexts.set(uri.toString(), `${presign}\n`);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      return { presign };
    } catch (e) {
      reportError(e, vscode.l10n.t('Show Pre-sign String'));
      return {};
    }
  }

  private async signedFor(args?: RequestArgs): Promise<SignedRequest | undefined> {
    const loc = await locate(args);
    if (!loc) return undefined;
    try {
      return await this.sign(this.prepare(loc));
    } catch (e) {
      reportError(e, vscode.l10n.t('Copy Signed URL'));
      return undefined;
    }
  }

  /** Writes a block for a service with its required parameters as placeholders. */
  async newRequest(args?: { service?: string; uri?: string }): Promise<{ inserted: boolean; uri?: string }> {
    let name = args?.service;
    if (!name) {
      const l = userLang();
      const pick = await vscode.window.showQuickPick(
        allServices().map((s) => ({ label: s.name, description: s.purpose[l], detail: s.kind === 'page' ? vscode.l10n.t('page service: opens in a browser') : undefined })),
        { title: vscode.l10n.t('New Request'), placeHolder: vscode.l10n.t('Pick a service'), matchOnDescription: true },
      );
      name = pick?.label;
    }
    const svc = name ? serviceDef(name) : undefined;
    if (!svc) return { inserted: false };
    const profile = this.deps.activeProfile();
    const lines = [`### ${svc.name}`, `${svc.kind === 'page' ? 'GET' : 'POST'} ${profile.name}`];
    const seenGroups = new Set<string>();
    for (const p of svc.params) {
      if (isSignatureParam(p.name)) continue;
      if (p.name === 'service') lines.push(`service = ${svc.name}`);
      else if (p.name === 'partner' && !profile.partner) {
        // {{partner}} would be an undefined variable: leave the value to fill, and say where else it can live.
        lines.push(`# ${vscode.l10n.t('Your partner ID (2088…), or set "partner" in profile {0} and write {1}', profile.name, '{{partner}}')}`, 'partner = ');
      }
      else if (p.required) lines.push(`${p.name} = ${placeholderFor(p)}`);
      else if (p.oneOf && !seenGroups.has(p.oneOf)) {
        seenGroups.add(p.oneOf);
        lines.push(`${p.name} = ${placeholderFor(p)}`);
      }
    }
    const block = lines.join('\n') + '\n';
    let editor = vscode.window.activeTextEditor;
    if (args?.uri) editor = await vscode.window.showTextDocument(vscode.Uri.parse(args.uri));
    if (editor && editor.document.languageId === LANGUAGE_ID) {
      const doc = editor.document;
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      const prefix = doc.getText().trim() === '' ? '' : doc.lineAt(doc.lineCount - 1).text === '' ? '\n' : '\n\n';
      await editor.edit((b) => b.insert(end, prefix + block));
      return { inserted: true, uri: doc.uri.toString() };
    }
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: block });
    await vscode.window.showTextDocument(doc);
    return { inserted: true, uri: doc.uri.toString() };
  }

  /** Lists recent requests; re-opens an answer, re-sends, or opens the request. */
  async showHistory(args?: { id?: string; action?: 'open' | 'resend' | 'request' }): Promise<{ entry?: HistoryEntry; outcome?: SendOutcome; preview?: PreviewResult; uri?: string }> {
    const list = await this.history.list();
    let entry = args?.id ? list.find((e) => e.id === args.id) : undefined;
    if (!entry) {
      if (list.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No requests sent yet.'));
        return {};
      }
      const pick = await vscode.window.showQuickPick(
        list.map((e) => ({
          label: `${e.error ? '$(error)' : e.success === false ? '$(warning)' : '$(pass)'} ${e.service ?? '?'}`,
          description: `${e.profile} · ${new Date(e.time).toLocaleString()}`,
          detail: e.error ?? [`HTTP ${e.status ?? '?'}`, e.kind ?? '', e.errorCode ?? ''].filter(Boolean).join(' · '),
          entry: e,
        })),
        { title: vscode.l10n.t('Request History'), matchOnDescription: true, matchOnDetail: true },
      );
      entry = pick?.entry;
    }
    if (!entry) return {};
    let action = args?.action;
    if (!action) {
      const open = vscode.l10n.t('Open the answer');
      const resend = vscode.l10n.t('Send again');
      const request = vscode.l10n.t('Open the request');
      const choice = await vscode.window.showQuickPick([entry.response !== undefined ? open : undefined, resend, request].filter((x): x is string => !!x), { title: entry.service });
      action = choice === open ? 'open' : choice === resend ? 'resend' : choice === request ? 'request' : undefined;
    }
    if (action === 'open' && entry.response !== undefined) {
      const preview = await vscode.commands.executeCommand<PreviewResult | undefined>('alipay.previewResponse', { text: entry.response });
      return { entry, preview };
    }
    if (action === 'request' || action === 'resend') {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: entry.request });
      if (action === 'request') {
        await vscode.window.showTextDocument(doc);
        return { entry, uri: doc.uri.toString() };
      }
      if (lostSecret(entry)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('This request held a secret value that history does not keep; send it from its file instead.'));
        return { entry };
      }
      const outcome = await this.send({ uri: doc.uri.toString(), index: 1 });
      return { entry, outcome };
    }
    return { entry };
  }
}
