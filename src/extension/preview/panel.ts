// One preview panel: turns a source (a document it follows, or a fixed text)
// into a decoded model and posts it to media/preview.js. Glue only: decoding
// is core/response; keys come from the deps the shell provides.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { ResponseModel, VerifyKeys } from '../../core/response';
import { isToolkitError } from '../../core/i18n';
import { escapeBlock } from '../../core/terminal';
import { userLang } from '../l10n';
import { errorText } from '../shared';
import { FIRST_ROWS, FromWebview, isFromWebview, PreviewSource, PreviewState, ToWebview, VIEW_TYPE } from './protocol';
import { webviewStrings } from './strings';

export { VIEW_TYPE };
const DEBOUNCE_MS = 300;

export interface PreviewDeps {
  /** The active profile's verifying keys (never logged, never sent to the webview). */
  getVerifyKeys?: () => Promise<{ keys: VerifyKeys; profile?: string; charset?: string }>;
  /** Events after which the verdict may change (profile switched, key stored). */
  keyEvents?: Array<vscode.Event<unknown>>;
}

/** What the preview command resolves to once the webview has painted (tests read it; no secrets). */
export interface PreviewResult {
  rendered: boolean;
  renderId: number;
  kind?: ResponseModel['kind'];
  success?: boolean;
  verdict?: ResponseModel['signature']['verdict'];
  title?: string;
  error?: string;
  sections: string[];
  rows: number;
  /** Milliseconds: decoding on the extension side; post → webview painted. */
  decodeMs: number;
  paintMs: number;
  /** The part of paintMs spent in the webview (message received → painted); the rest is transport. */
  renderMs?: number;
}

function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What the first paint needs: the model without its raw text and with each
 * table's first page only. Shallow copies: nothing is cloned here, and
 * postMessage serializes the (small) result once.
 */
function firstScreen(model: ResponseModel): { model: ResponseModel; totalRows: number[] } {
  const tables = model.tables.map((t) => (t.rows.length > FIRST_ROWS ? { ...t, rows: t.rows.slice(0, FIRST_ROWS) } : t));
  return { model: { ...model, raw: '', tables }, totalRows: model.tables.map((t) => t.rows.length) };
}

export class PreviewPanel {
  private source: PreviewSource | undefined;
  private ready = false;
  private last: ToWebview | undefined;
  private lastModel: ResponseModel | undefined;
  /** The answer as decoded text, when it carries the gateway's verify string (the compare button sends it). */
  private compareText: string | undefined;
  /** The tables as shown (escaped), for the rows sent after the first screen. */
  private shownTables: ResponseModel['tables'] = [];
  private renderId = 0;
  private postedAt = 0;
  private decodeMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiters = new Map<number, (r: PreviewResult) => void>();
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly deps: PreviewDeps,
    private readonly onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = undefined;
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.source?.type === 'document' && e.document.uri.toString() === this.source.uri) this.schedule();
      }),
      ...(deps.keyEvents ?? []).map((ev) => ev(() => this.schedule())),
    );
  }

  private html(): string {
    const w = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const script = w.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
    const css = w.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
    const lang = userLang() === 'zh' ? 'zh-CN' : 'en';
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${w.cspSource}; img-src ${w.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${htmlEscape(css.toString())}">
<title>${htmlEscape(vscode.l10n.t('Alipay response preview'))}</title>
</head>
<body>
<div id="root"><p>${htmlEscape(vscode.l10n.t('Decoding…'))}</p></div>
<script nonce="${nonce}" src="${htmlEscape(script.toString())}"></script>
</body>
</html>`;
  }

  /** Shows `source` and resolves once the webview reports it painted (or the panel closes). */
  show(source: PreviewSource): Promise<PreviewResult> {
    this.source = source;
    this.panel.title = vscode.l10n.t('Preview: {0}', this.sourceLabel());
    return this.update();
  }

  /** Text that is not a file is titled by what it is: "Preview: single_trade_query · ORDER-1", not "Preview: Text". */
  private titleFromModel(model: { service?: string; kind: string; request: Array<{ name: string; raw: string }>; fields: Array<{ name: string; raw: string }> }): void {
    if (!this.source || this.source.type === 'document') return;
    const out = [...model.fields, ...model.request].find((f) => f.name === 'out_trade_no')?.raw;
    const what = model.service ?? model.kind;
    this.panel.title = vscode.l10n.t('Preview: {0}', out ? `${what} · ${out}` : what);
  }

  private sourceLabel(): string {
    const s = this.source;
    if (!s) return '';
    if (s.type === 'document') {
      const uri = vscode.Uri.parse(s.uri);
      return uri.path.split('/').pop() || uri.toString();
    }
    if (s.origin === 'clipboard') return vscode.l10n.t('Clipboard');
    if (s.origin === 'selection') return vscode.l10n.t('Selection');
    return vscode.l10n.t('Text');
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, DEBOUNCE_MS);
  }

  /**
   * The input: a saved file's bytes (so a declared GBK encoding decodes right,
   * whatever the editor guessed), an edited document's text, or the fixed text.
   */
  private async input(): Promise<string | Buffer> {
    const s = this.source!;
    if (s.type === 'text') return s.text;
    const uri = vscode.Uri.parse(s.uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === s.uri);
    if (open && (open.isDirty || open.isUntitled)) return open.getText();
    if (uri.scheme === 'untitled') return open?.getText() ?? '';
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(uri));
    } catch {
      return (open ?? (await vscode.workspace.openTextDocument(uri))).getText();
    }
  }

  private async update(): Promise<PreviewResult> {
    if (!this.source || this.disposed) return this.result(false, this.renderId);
    const id = ++this.renderId;
    const state: PreviewState = { version: 1, source: this.source };
    const strings = webviewStrings();
    const sourceLabel = this.sourceLabel();
    let input: string | Buffer = '';
    let msg: ToWebview;
    this.compareText = undefined;
    try {
      input = await this.input();
      const text = typeof input === 'string' ? input : input.toString('utf8');
      const { hasVerifyString } = await import('../../core/openapi/compareRequest');
      if (hasVerifyString(text)) this.compareText = text;
      const { keys, profile, charset } = this.deps.getVerifyKeys ? await this.deps.getVerifyKeys() : { keys: {}, profile: undefined, charset: undefined };
      const t0 = performance.now();
      // Loaded on first preview, not at activation.
      const { decodeResponse, escapedForDisplay } = await import('../../core/response');
      const model = decodeResponse(input, { ...keys, lang: userLang(), profile: profile === undefined ? undefined : { name: profile, charset } });
      this.decodeMs = performance.now() - t0;
      this.lastModel = model;
      this.titleFromModel(model);
      // Control and bidi characters shown escaped, as the CLI prints them (core/terminal).
      const shown = escapedForDisplay(model);
      this.shownTables = shown.tables;
      msg = { type: 'render', renderId: id, lang: userLang(), strings, sourceLabel, profile, ...firstScreen(shown), rawLength: model.raw.length, state, canCompare: this.compareText !== undefined };
    } catch (e) {
      this.lastModel = undefined;
      if (!isToolkitError(e)) console.error(e);
      const raw = typeof input === 'string' ? input : input.toString('utf8');
      msg = { type: 'error', renderId: id, strings, sourceLabel, message: errorText(e), raw: escapeBlock(raw.slice(0, 1024 * 1024)), state, canCompare: this.compareText !== undefined };
    }
    if (id !== this.renderId || this.disposed) return this.result(false, id); // superseded by a newer edit
    const done = new Promise<PreviewResult>((resolve) => this.waiters.set(id, resolve));
    this.last = msg;
    if (this.ready) this.post(msg);
    return done;
  }

  private post(msg: ToWebview): void {
    this.postedAt = performance.now();
    void this.panel.webview.postMessage(msg);
  }

  private result(rendered: boolean, renderId: number, sections: string[] = [], rows = 0): PreviewResult {
    const m = this.last?.type === 'render' && this.last.renderId === renderId ? this.last.model : undefined;
    const lang = userLang();
    return {
      rendered,
      renderId,
      kind: m?.kind,
      success: m?.success,
      verdict: m?.signature.verdict,
      title: m?.status.title[lang],
      error: this.last?.type === 'error' && this.last.renderId === renderId ? this.last.message : undefined,
      sections,
      rows,
      decodeMs: Math.round(this.decodeMs),
      paintMs: Math.round(performance.now() - this.postedAt),
    };
  }

  private onMessage(raw: unknown): void {
    if (!isFromWebview(raw)) return;
    const m: FromWebview = raw;
    switch (m.type) {
      case 'ready':
        // Also after the webview was re-created (hidden panels are not retained).
        this.ready = true;
        if (this.last) this.post(this.last);
        break;
      case 'rendered': {
        // A newer render is under way (a profile or key change re-renders): what was painted is stale, and
        // the newer render's own 'rendered' settles this one's waiters with what the panel then shows.
        if (m.renderId !== this.renderId) break;
        // Painted: now the rows past the first page (every time, as a re-created webview starts over).
        if (this.lastModel && this.last?.type === 'render' && this.last.renderId === m.renderId) {
          this.shownTables.forEach((t, table) => {
            if (t.rows.length > FIRST_ROWS) {
              void this.panel.webview.postMessage({ type: 'rows', renderId: m.renderId, table, offset: FIRST_ROWS, rows: t.rows.slice(FIRST_ROWS) } satisfies ToWebview);
            }
          });
        }
        const r = this.result(true, m.renderId, m.sections.map(String).slice(0, 100), m.rows);
        if (typeof m.renderMs === 'number') r.renderMs = m.renderMs;
        // Earlier renders superseded by this one are settled too.
        for (const [id, resolve] of this.waiters) {
          if (id <= m.renderId) {
            this.waiters.delete(id);
            resolve(id === m.renderId ? r : { ...r, renderId: id });
          }
        }
        break;
      }
      case 'raw':
        if (this.lastModel && m.renderId === this.renderId) {
          void this.panel.webview.postMessage({ type: 'raw', renderId: m.renderId, text: escapeBlock(this.lastModel.raw) } satisfies ToWebview);
        }
        break;
      case 'copyJson':
        void this.copyJson();
        break;
      case 'compare':
        if (this.compareText !== undefined) void vscode.commands.executeCommand('alipay.compareWithMyRequest', { answer: this.compareText }).then(undefined, () => undefined);
        break;
      case 'setKey': {
        const md5 = this.lastModel?.signature.type?.toUpperCase() === 'MD5';
        void vscode.commands.executeCommand(md5 ? 'alipay.setMd5Key' : 'alipay.setAlipayPublicKey').then(undefined, () => undefined);
        break;
      }
    }
  }

  private async copyJson(): Promise<void> {
    if (!this.lastModel) return;
    const { responseToJson } = await import('../../core/response');
    await vscode.env.clipboard.writeText(JSON.stringify(responseToJson(this.lastModel), null, 2));
    void vscode.window.showInformationMessage(vscode.l10n.t('The decoded response was copied as JSON.'));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const [id, resolve] of this.waiters) resolve(this.result(false, id));
    this.waiters.clear();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}
