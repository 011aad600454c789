// From a token (and the field it is the value of, when known) to a catalog
// entry in both languages; and from one line of text plus a cursor column to
// the token under the cursor and its field. Hover, preview, CLI and the log
// summary all label things through here.
import {
  ActionHint, CatalogSource, EnumDef, ErrorLevel, OpenApiMethod, ParamSpec, Text,
  LEVEL_TEXT, allEnums, enumFor, enumValue, errorByCode, field as fieldDef, openApiMethod, paramSpec, service as serviceDef,
} from './catalog';

export type EntryKind = 'error' | 'enum' | 'service' | 'param' | 'field';

export interface Entry {
  kind: EntryKind;
  /** The token as the catalog spells it (e.g. `isv.invalid-signature`). */
  token: string;
  /** The field the token is a value of, when known. */
  field?: string;
  /** A short label: the meaning of a code/value, a service's purpose, a field's Chinese/English name. */
  title: Text;
  /** A longer meaning where the catalog has one (fields; enum notes). */
  detail?: Text;
  level?: ErrorLevel;
  levelText?: Text;
  check?: Text[];
  /** The enumeration an enum value belongs to (or a field's values come from). */
  enumName?: string;
  enumTitle?: Text;
  /** Facts such as type, length, format, required-ness, documented values. */
  facts?: Text[];
  action?: ActionHint;
  /** A bracketed list value explained element by element. */
  items?: Entry[];
  /** Set when the token is a value of a known field but is not a documented value. */
  unknownValue?: string;
  /** Where the meaning comes from, when the catalog records it. */
  source?: CatalogSource;
  /** The meaning is our reading, not stated by the reference documents: front ends say so. */
  inferred?: boolean;
}

export interface ExplainOptions {
  field?: string;
  /** The token was asked for on purpose (CLI `explain`): a bare number may then be an OpenAPI code such as 40002. */
  explicit?: boolean;
}

/** Shown first among the facts of an inferred meaning (hover and `explain` render facts). */
export const INFERRED_NOTE: Text = {
  en: 'Inferred meaning: not stated in the seed documents, catalog-facts.md or the Alipay sources the catalog cites.',
  zh: '推断的含义：种子文档、catalog-facts.md 及目录引用的支付宝资料中均未写明。',
};

/** Adds the source marker and, for an inferred meaning, the note in front of the facts. */
function sourced(e: Entry, source: CatalogSource | undefined): Entry {
  if (!source) return e;
  if (source !== 'inferred') return { ...e, source };
  return { ...e, source, inferred: true, facts: [INFERRED_NOTE, ...(e.facts ?? [])] };
}

/** Field names whose values are error codes. `code` carries the OpenAPI numeric codes. */
const ERROR_FIELDS = new Set(['error', 'error_code', 'errorcode', 'err_code', 'errcode', 'code', 'sub_code', 'subcode', 'result_code', 'resultcode']);

const T = (en: string, zh: string): Text => ({ en, zh });

/** `tradeStatus` → `trade_status`, so Java/TS property names find their field. */
export function normalizeFieldName(name: string): string {
  if (name.includes('_') || !/[A-Z]/.test(name) || fieldDef(name)) return name;
  return name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

function errorEntry(code: string, fieldName?: string): Entry | undefined {
  const e = errorByCode(code);
  if (!e) return undefined;
  const facts: Text[] = [];
  if (e.parent) facts.push(T(`Comes with code ${e.parent}`, `对应公共错误码 ${e.parent}`));
  return sourced({
    kind: 'error', token: e.code, field: fieldName, title: e.meaning, level: e.level, levelText: LEVEL_TEXT[e.level],
    check: e.check, action: e.action, facts: facts.length ? facts : undefined,
  }, e.source);
}

function enumEntry(def: EnumDef, value: string, fieldName?: string): Entry | undefined {
  const hit = enumValue(def, value);
  if (!hit) return undefined;
  return sourced({ kind: 'enum', token: hit.value, field: fieldName, title: hit.meaning, detail: hit.note, enumName: def.name, enumTitle: def.title }, hit.source);
}

function specFacts(spec: ParamSpec | undefined): Text[] {
  if (!spec) return [];
  const out: Text[] = [];
  const typeText: Record<ParamSpec['type'], Text> = {
    string: T('string', '字符串'), amount: T('amount in RMB yuan, two decimals', '金额（元，两位小数）'),
    date: T('date yyyy-MM-dd HH:mm:ss', '日期 yyyy-MM-dd HH:mm:ss'), enum: T('enumeration', '枚举'),
    partnerId: T('16 digits starting 2088', '2088 开头的 16 位数字'), int: T('integer', '整数'), url: T('URL', 'URL'), email: T('email / account', '邮箱/账号'),
  };
  out.push(T(`Type: ${typeText[spec.type].en}`, `类型：${typeText[spec.type].zh}`));
  if (spec.maxLength !== undefined) {
    out.push(spec.minLength !== undefined && spec.minLength !== spec.maxLength
      ? T(`Length ${spec.minLength} to ${spec.maxLength}`, `长度 ${spec.minLength}~${spec.maxLength}`)
      : T(`Max length ${spec.maxLength}`, `最大长度 ${spec.maxLength}`));
  }
  if (spec.min !== undefined || spec.max !== undefined) {
    out.push(T(`Range ${spec.min ?? ''} to ${spec.max ?? ''}`, `取值范围 ${spec.min ?? ''}~${spec.max ?? ''}`));
  }
  if (spec.format) out.push(T(`Format: ${spec.format.en}`, `格式：${spec.format.zh}`));
  return out;
}

function valuesFact(def: EnumDef): Text {
  const list = def.values.slice(0, 12).map((v) => v.value).join(', ') + (def.values.length > 12 ? ', …' : '');
  return T(`Documented values: ${list}`, `文档中的取值：${list}`);
}

/** Explains a field or parameter name. */
export function explainName(name: string): Entry | undefined {
  const f = fieldDef(name) ?? fieldDef(normalizeFieldName(name));
  if (!f) return undefined;
  const spec = paramSpec(f.name);
  const facts = specFacts(spec);
  const def = f.enum ? enumFor(f.name) : undefined;
  if (def) facts.push(valuesFact(def));
  const requestOnly = f.sources.every((s) => s === 'request');
  return sourced({
    kind: requestOnly ? 'param' : 'field', token: f.name, title: f.label, detail: f.meaning,
    enumName: def?.name, enumTitle: def?.title, facts: facts.length ? facts : undefined,
  }, f.source);
}

function explainList(token: string, fieldName: string | undefined): Entry | undefined {
  const parts = token.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
  const items = parts.map((p) => explain(p, { field: fieldName })).filter((e): e is Entry => !!e && !e.unknownValue);
  if (items.length === 0) return undefined;
  const def = fieldName ? enumFor(normalizeFieldName(fieldName)) : enumFor('buyer_actions');
  return {
    kind: 'enum', token, field: fieldName, enumName: def?.name, enumTitle: def?.title, items,
    title: T(items.map((i) => `${i.token}: ${i.title.en}`).join('; '), items.map((i) => `${i.token}：${i.title.zh}`).join('；')),
  };
}

/**
 * Explains a token. Bare numbers and short values (T, F, 1, POST…) are
 * explained only when the field is known; distinctive tokens (error codes,
 * TRADE_SUCCESS, service names, field names) in any context.
 */
export function explain(rawToken: string, options: ExplainOptions = {}): Entry | undefined {
  const token = rawToken.trim().replace(/^["']|["']$/g, '');
  if (!token) return undefined;
  const fieldName = options.field ? normalizeFieldName(options.field) : undefined;
  if (/^\[.*\]$/.test(token)) return explainList(token, fieldName);

  if (fieldName) {
    const def = enumFor(fieldName);
    if (def) {
      const hit = enumEntry(def, token, fieldName);
      if (hit) return hit;
    }
    if (ERROR_FIELDS.has(fieldName.toLowerCase())) {
      const err = errorEntry(token, fieldName);
      if (err) return err;
    }
    if (def && !errorByCode(token)) {
      const base = explainName(fieldName);
      return {
        kind: 'field', token: fieldName, field: fieldName, title: base?.title ?? def.title, detail: base?.detail,
        enumName: def.name, enumTitle: def.title, unknownValue: token,
        facts: [T(`"${token}" is not a documented value of ${def.title.en}.`, `"${token}" 不是文档中「${def.title.zh}」的取值。`), valuesFact(def)],
      };
    }
  }

  // Free text: numbers never (ambiguous) unless asked for on purpose, distinctive names always.
  if (/^\d+$/.test(token)) return options.explicit ? errorEntry(token, fieldName) : undefined;
  const err = errorEntry(token, fieldName);
  if (err) return err;
  for (const def of allEnums()) {
    if (def.needsField) continue;
    const hit = enumEntry(def, token, fieldName);
    if (hit) return hit;
  }
  const svc = serviceDef(token);
  if (svc) {
    const kindText: Record<typeof svc.kind, Text> = {
      page: T('page (browser redirect)', '页面跳转'), xml: T('synchronous XML', '同步 XML 返回'),
      text: T('plain text', '纯文本返回'), string: T('client order string', '客户端订单字符串'),
    };
    const required = svc.params.filter((p) => p.required).map((p) => p.name);
    const groups = [...new Set(svc.params.map((p) => p.oneOf).filter((g): g is string => !!g))].map((g) => g.replace(/\|/g, ' / '));
    const need = [...required, ...groups.map((g) => `(${g})`)].join(', ');
    return sourced({
      kind: 'service', token: svc.name, title: svc.purpose, detail: svc.note,
      facts: [T(`Answers with: ${kindText[svc.kind].en}`, `返回形式：${kindText[svc.kind].zh}`), T(`Required: ${need}`, `必填：${need}`)],
    }, svc.source);
  }
  const method = openApiMethod(token);
  if (method) return openApiMethodEntry(method);
  return explainName(token);
}

/** The first names of a list, for a one-line fact. */
function firstOf(names: readonly string[], n = 12): string {
  return names.slice(0, n).join(', ') + (names.length > n ? ', …' : '');
}

/** One of the OpenAPI methods the catalog labels (alipay.trade.query…): its purpose, parameters and sub-codes. */
function openApiMethodEntry(m: OpenApiMethod): Entry {
  const facts: Text[] = [T('OpenAPI method: app_id + method, signed with RSA2', 'OpenAPI 接口：app_id + method，使用 RSA2 签名')];
  if (m.request.length) facts.push(T(`biz_content: ${firstOf(m.request)}`, `biz_content：${firstOf(m.request)}`));
  if (m.subCodes.length) facts.push(T(`Sub-codes: ${firstOf(m.subCodes, 8)}`, `业务错误码：${firstOf(m.subCodes, 8)}`));
  return sourced({ kind: 'service', token: m.name, title: m.purpose, facts }, m.source);
}

// ---------------------------------------------------------------------------
// Finding the token under the cursor on one line.

export interface TokenAt {
  token: string;
  /** Columns of the token on the line: [start, end). */
  start: number;
  end: number;
  /** The field the token is a value of, when the line shows it. */
  field?: string;
  /** The token is itself a name (followed by `=`, `:`, `>`…). */
  isName: boolean;
  /** A gateway URL or query string around the cursor, if any. */
  query?: { text: string; start: number; end: number };
}

/** Lines longer than this are looked at only in a window around the cursor. */
export const LINE_WINDOW = 2000;
const CONTEXT = 300;

const isTokenChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;

// A partial bracketed list before the token: `[REFUND,` in `[REFUND,CONFIRM_GOODS]`.
const LIST = String.raw`(?:\[[\w ,.-]*)?`;
const PREFIX_RULES: RegExp[] = [
  new RegExp(String.raw`<param\s+name\s*=\s*["']([\w.-]+)["']\s*>\s*${LIST}$`),
  new RegExp(String.raw`<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>\s*${LIST}$`),
  new RegExp(String.raw`["']([A-Za-z_][\w.-]*)["']\s*(?::|=>|=|,)\s*["']?${LIST}$`),
  // (?<!\w): a name starts after a non-word character, which keeps these linear on long runs of letters.
  new RegExp(String.raw`(?<!\w)([A-Za-z_]\w*)\s*=\s*["']?${LIST}$`),
  new RegExp(String.raw`(?<!\w)([A-Za-z_]\w*)["']?\s*:\s*["']?${LIST}$`),
];

// Characters that end a URL or query string in running text: whitespace, quotes, brackets.
const STOP = new Set([...' \t\r\n\f\v"\'<>`()[]{}'].map((c) => c.charCodeAt(0)));
const isStop = (c: number): boolean => STOP.has(c) || c === 0xa0 || c === 0x3000;

const QUERY_HINT = /(?:^|[?&])(?:service|partner|sign|sign_type|_input_charset|notify_id|trade_status|out_trade_no|app_id|method)=/;

// A parameter whose value is raw XML: `notify_data=<notify>…</notify>` (a WAP 2.0
// notification logged without URL-encoding). The name starts after a separator.
const RAW_XML_VALUE = /(?:^|[?&\s"'])[A-Za-z_]\w*=<([A-Za-z_][\w.:-]*)(?=[\s/>])/g;

/**
 * The [start, end) spans of raw XML values in a query string: from `<root` to
 * its `</root>` (or `/>`). Inside one, spaces, quotes and brackets belong to the
 * value; an element without its end is not a span. The hover's finder and
 * decoder (core/hoverInfo) both read values by this one rule.
 */
export function rawXmlValueSpans(text: string): Array<[number, number]> {
  if (!text.includes('=<')) return [];
  const spans: Array<[number, number]> = [];
  RAW_XML_VALUE.lastIndex = 0;
  for (let m = RAW_XML_VALUE.exec(text); m; m = RAW_XML_VALUE.exec(text)) {
    const start = m.index + m[0].length - m[1].length - 1;
    const open = text.indexOf('>', start);
    if (open < 0) break;
    let end: number;
    if (text[open - 1] === '/') end = open + 1;
    else {
      const close = text.indexOf(`</${m[1]}>`, open);
      if (close < 0) continue;
      end = close + m[1].length + 3;
    }
    spans.push([start, end]);
    RAW_XML_VALUE.lastIndex = end;
  }
  return spans;
}

function findQuery(line: string, column: number): TokenAt['query'] {
  let s = column;
  let e = column;
  const spans = rawXmlValueSpans(line);
  const spanAt = (i: number): [number, number] | undefined => spans.find(([a, b]) => i >= a && i < b);
  for (;;) {
    while (s > 0 && !isStop(line.charCodeAt(s - 1))) s--;
    const span = s > 0 ? spanAt(s - 1) : undefined;
    if (!span) break;
    s = span[0];
  }
  for (;;) {
    while (e < line.length && !isStop(line.charCodeAt(e))) e++;
    const span = e < line.length ? spanAt(e) : undefined;
    if (!span) break;
    e = span[1];
  }
  const text = line.slice(s, e).replace(/[.,;]+$/, '');
  if (text.length < 3 || !text.includes('=')) return undefined;
  const isUrl = /^https?:\/\/[^?]+\?./i.test(text);
  const isQuery = text.includes('&') && QUERY_HINT.test(text);
  if (!isUrl && !isQuery) return undefined;
  return { text, start: s, end: s + text.length };
}

/**
 * Finds the token under `column` (0-based) on one line of text and the field
 * it belongs to, in `name=value`, `&name=value`, `<name>value</name>`,
 * `<param name="name">value</param>`, `"name": "value"`, `'name' => 'value'`
 * and `name: value` forms. Only a window around the cursor is read, so the
 * cost does not depend on the line's length.
 */
export function findTokenAt(fullLine: string, column: number): TokenAt | undefined {
  let offset = 0;
  let line = fullLine;
  if (fullLine.length > LINE_WINDOW) {
    offset = Math.max(0, column - LINE_WINDOW / 2);
    line = fullLine.slice(offset, offset + LINE_WINDOW);
  }
  let col = column - offset;
  if (col < 0 || col > line.length) return undefined;
  if (!isTokenChar(line.charCodeAt(col)) && col > 0 && isTokenChar(line.charCodeAt(col - 1))) col--;
  if (!isTokenChar(line.charCodeAt(col))) return undefined;
  let start = col;
  let end = col + 1;
  while (start > 0 && isTokenChar(line.charCodeAt(start - 1))) start--;
  while (end < line.length && isTokenChar(line.charCodeAt(end))) end++;
  // Sentence punctuation around a token is not part of it ("…ILLEGAL_SIGN.").
  while (start < end && /[.-]/.test(line[start])) start++;
  while (end > start && /[.-]/.test(line[end - 1])) end--;
  if (start >= end || col < start || col >= end) return undefined;
  const token = line.slice(start, end);

  const after = line.slice(end, end + 4);
  const before = line.slice(Math.max(0, start - 2), start);
  const isName = /^["']?\s*(?:=(?!=)|:|=>)/.test(after) || (/<\/?$/.test(before) && /^[\s>/]/.test(after)) || /name\s*=\s*["']$/.test(line.slice(Math.max(0, start - 8), start));

  let fieldName: string | undefined;
  if (!isName) {
    const prefix = line.slice(Math.max(0, start - CONTEXT), start);
    for (const rule of PREFIX_RULES) {
      const m = rule.exec(prefix);
      if (m) {
        fieldName = m[1];
        break;
      }
    }
  }
  const q = findQuery(line, col);
  return {
    token, start: start + offset, end: end + offset, field: fieldName, isName,
    query: q ? { text: q.text, start: q.start + offset, end: q.end + offset } : undefined,
  };
}

/** The token under the cursor, explained; a value of a non-enum field falls back to the field's own entry. */
export function explainAt(line: string, column: number): { at: TokenAt; entry?: Entry } | undefined {
  const at = findTokenAt(line, column);
  if (!at) return undefined;
  let entry = explain(at.token, { field: at.field });
  if (!entry && at.field) {
    const base = explainName(at.field);
    if (base) entry = { ...base, field: at.field };
  }
  return { at, entry };
}
