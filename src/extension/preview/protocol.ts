// The messages between the preview panel (extension side) and media/preview.js
// (webview side). Both sides follow these shapes; preview.js is plain JS, so
// this file is the reference. Untrusted response data travels only inside
// `model` and is rendered with DOM APIs/textContent, never as HTML.
import type { ResponseModel } from '../../core/response';

export const VIEW_TYPE = 'alipay.responsePreview';

/** Rows per table in the first render message: one page of media/preview.js (PAGE). */
export const FIRST_ROWS = 200;

/** What the webview persists with setState and the serializer gets back (validated on restore). */
export type PreviewSource = { type: 'document'; uri: string } | { type: 'text'; text: string; origin: 'selection' | 'clipboard' | 'argument' };

export interface PreviewState {
  version: 1;
  source: PreviewSource;
}

/** Extension → webview. */
export type ToWebview =
  | {
      type: 'render';
      renderId: number;
      lang: 'en' | 'zh';
      /** UI strings, already localized (vscode.l10n.t) on the extension side. */
      strings: Record<string, string>;
      /** Where the content came from, for the header ("orders.xml", "Clipboard"). */
      sourceLabel: string;
      /** Profile whose key verified the signature. */
      profile?: string;
      /**
       * The model without its raw text (sent on demand: it can be as large as
       * the model), each table cut to its first FIRST_ROWS rows so the first
       * paint carries only what the first screen shows; the rest follows in
       * `rows` messages once the webview reports it painted.
       */
      model: ResponseModel;
      /** Each table's full row count (model.tables[i].rows may hold fewer, for now). */
      totalRows: number[];
      rawLength: number;
      state: PreviewState;
      /** The answer carries the OpenAPI gateway's verify string: offer "Compare with my request". */
      canCompare?: boolean;
    }
  /** The rows of table `table` from index `offset` on (the webview appends them only at that offset). */
  | { type: 'rows'; renderId: number; table: number; offset: number; rows: string[][] }
  | { type: 'raw'; renderId: number; text: string }
  | {
      type: 'error';
      renderId: number;
      strings: Record<string, string>;
      sourceLabel: string;
      /** One localized line: what is wrong and where. */
      message: string;
      raw: string;
      state: PreviewState;
      canCompare?: boolean;
    };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; renderId: number; sections: string[]; rows: number; /** message received → painted, in the webview */ renderMs?: number }
  | { type: 'copyJson' }
  | { type: 'setKey' }
  | { type: 'compare' }
  | { type: 'raw'; renderId: number };

/** Cheap check on the head of a document: a MAPI response envelope (drives the editor-title button). */
export function looksLikeResponse(head: string): boolean {
  return /<alipay[\s>]/.test(head) && /<is_success>/.test(head);
}

export const MAX_RESTORED_TEXT = 1024 * 1024;

/** Validates what a serializer hands back: anything else is ignored. */
export function validState(s: unknown): PreviewState | undefined {
  if (!s || typeof s !== 'object') return undefined;
  const st = s as { version?: unknown; source?: unknown };
  if (st.version !== 1 || !st.source || typeof st.source !== 'object') return undefined;
  const src = st.source as { type?: unknown; uri?: unknown; text?: unknown; origin?: unknown };
  if (src.type === 'document' && typeof src.uri === 'string' && src.uri.length < 4096 && /^[a-z][a-z0-9+.-]*:/i.test(src.uri)) {
    return { version: 1, source: { type: 'document', uri: src.uri } };
  }
  if (
    src.type === 'text' &&
    typeof src.text === 'string' &&
    src.text.length <= MAX_RESTORED_TEXT &&
    (src.origin === 'selection' || src.origin === 'clipboard' || src.origin === 'argument')
  ) {
    return { version: 1, source: { type: 'text', text: src.text, origin: src.origin } };
  }
  return undefined;
}

export function isFromWebview(m: unknown): m is FromWebview {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'rendered') {
    const r = m as { renderId?: unknown; sections?: unknown; rows?: unknown };
    return typeof r.renderId === 'number' && Array.isArray(r.sections) && typeof r.rows === 'number';
  }
  if (t === 'raw') return typeof (m as { renderId?: unknown }).renderId === 'number';
  return t === 'ready' || t === 'copyJson' || t === 'setKey' || t === 'compare';
}
