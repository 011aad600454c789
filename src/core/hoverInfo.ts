// What a hover shows for one position on one line: the token's catalog entry
// and, when the cursor is on a gateway URL or query string, its parameters
// decoded and labelled. Pure and line-local, so its cost does not depend on
// the document's size (bench/hover.js measures this function).
import { field as fieldDef } from './catalog';
import type { Charset } from './charset';
import { Entry, TokenAt, explainAt, rawXmlValueSpans } from './explain';
import { Text, isToolkitError } from './i18n';
import { Param, ParseOptions, parseInput } from './params';
import { hasUnsafeChars } from './terminal';

export interface QueryInfo {
  /** Columns of the URL / query string on the line: [start, end). */
  start: number;
  end: number;
  gateway?: string;
  params: Array<Param & { label?: Text; unsafe?: true }>;
  charset?: Charset;
  /** Why the text could not be decoded (then `params` is empty). */
  error?: Text;
}

export interface HoverInfo {
  at: TokenAt;
  entry?: Entry;
  query?: QueryInfo;
}

/** Parameters shown per URL; a longer list is cut (hovers must stay readable). */
export const MAX_QUERY_PARAMS = 60;

/** Stands in for a raw XML value while the rest is decoded (ASCII letters: no coding changes it). */
const RAW_MARK = (i: number): string => `ATKRAWXMLVALUE${i}Z`;
const RAW_MARK_RE = /^ATKRAWXMLVALUE(\d+)Z$/;

/** The charset to read an undeclared query in, by its gateway (the extension: that gateway's profile's, as Verify Signature reads it). */
export type CharsetFor = NonNullable<ParseOptions['charsetFor']>;

export function describeQuery(text: string, start: number, end: number, charsetFor?: CharsetFor): QueryInfo {
  try {
    // A raw XML value (`notify_data=<notify>…</notify>`) is taken as written: not
    // percent-decoded, its `&amp;` kept, its spaces part of it (it is signed so).
    const spans = rawXmlValueSpans(text);
    let rest = '';
    let at = 0;
    spans.forEach(([a, b], i) => {
      rest += text.slice(at, a) + RAW_MARK(i);
      at = b;
    });
    rest += text.slice(at);
    // Logs often carry XML/HTML-escaped URLs.
    // What the query declares wins; else the charset of its gateway's profile.
    const parsed = parseInput(rest.replace(/&amp;/g, '&'), { charsetFor });
    const params = spans.length ? parsed.params.map((p) => (RAW_MARK_RE.test(p.value) ? { name: p.name, value: text.slice(...spans[Number(RAW_MARK_RE.exec(p.value)![1])]) } : p)) : parsed.params;
    return {
      start, end, gateway: parsed.gateway, charset: parsed.charset,
      params: params.slice(0, MAX_QUERY_PARAMS).map((p) => ({ ...p, label: fieldDef(p.name)?.label, ...(hasUnsafeChars(p.name) || hasUnsafeChars(p.value) ? { unsafe: true as const } : {}) })),
    };
  } catch (e) {
    const error: Text = isToolkitError(e) ? { en: e.localized('en'), zh: e.localized('zh') } : { en: String(e), zh: String(e) };
    return { start, end, params: [], error };
  }
}

/** Everything a hover at (line, column) shows, or undefined when there is nothing to explain. */
export function hoverInfoAt(line: string, column: number, charsetFor?: CharsetFor): HoverInfo | undefined {
  const r = explainAt(line, column);
  if (!r) return undefined;
  const query = r.at.query ? describeQuery(r.at.query.text, r.at.query.start, r.at.query.end, charsetFor) : undefined;
  if (!r.entry && !query) return undefined;
  return { at: r.at, entry: r.entry, query };
}

