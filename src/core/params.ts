// Parameters in: a gateway URL, a query string or form body, a JSON object, or
// `name=value` lines — into one ordered list, decoded in `_input_charset`.
import { Charset, normalizeCharset, percentDecode, percentEncode } from './charset';
import { ToolkitError } from './i18n';
import { MAPI_CHARSET_PARAM, OPENAPI_CHARSET_PARAM, isSignParam } from './protocol';

export interface Param {
  name: string;
  value: string;
}

/** `order`: a mobile.securitypay order string (`partner="2088…"&…`: quoted values, kept in order). */
export type InputKind = 'url' | 'query' | 'json' | 'lines' | 'order';

export interface ParsedInput {
  kind: InputKind;
  /** `scheme://host/path` of a URL input, without the query. */
  gateway?: string;
  params: Param[];
  charset: Charset;
}

export interface ParseOptions {
  /** Overrides `_input_charset` (the CLI's --charset). */
  charset?: string;
  /**
   * The charset of an input that declares none, given its gateway (the editor
   * answers with the charset of that gateway's profile); UTF-8 when absent or undefined.
   */
  charsetFor?: (gateway: string | undefined) => Charset | undefined;
}

const MAX_INPUT = 16 * 1024 * 1024;
/**
 * Most parameters accepted in one input. Real requests have a few dozen; a
 * hostile form body with 100,000 must cost bounded work, not a stalled
 * emulator or editor.
 */
export const MAX_PARAMS = 1000;

function tooMany(): never {
  fail('TOO_MANY_PARAMS', 'More than {max} parameters: no gateway request has that many', '参数超过 {max} 个：网关请求不会有这么多参数', { max: MAX_PARAMS });
}

function fail(code: string, en: string, zh: string, args: Record<string, string | number> = {}): never {
  throw new ToolkitError(code, { en, zh }, args);
}

export function getParam(params: readonly Param[], name: string): string | undefined {
  return params.find((p) => p.name === name)?.value;
}

/** Returns a copy with `name` set (replacing in place, else appended). */
export function setParam(params: readonly Param[], name: string, value: string): Param[] {
  const out = params.map((p) => ({ ...p }));
  const hit = out.find((p) => p.name === name);
  if (hit) hit.value = value;
  else out.push({ name, value });
  return out;
}

export function removeParams(params: readonly Param[], ...names: string[]): Param[] {
  return params.filter((p) => !names.includes(p.name));
}

function duplicate(name: string): never {
  fail('DUPLICATE_PARAM', 'Parameter "{name}" appears more than once', '参数 "{name}" 出现了不止一次', { name });
}

function checkDuplicates(params: readonly Param[]): void {
  // A request has a dozen parameters or so: comparing each name with the earlier ones beats
  // a Set's hashing there (the emulator parses every request); the same name is reported.
  if (params.length <= 16) {
    for (let i = 1; i < params.length; i++) {
      const name = params[i].name;
      for (let j = 0; j < i; j++) if (params[j].name === name) duplicate(name);
    }
    return;
  }
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.name)) duplicate(p.name);
    seen.add(p.name);
  }
}

/**
 * The charset an input declares, as core/resolve reads it: `_input_charset`,
 * else OpenAPI's `charset` (the resolver refuses the two disagreeing). Found in
 * a raw query without decoding anything else (the value is ASCII).
 */
function rawCharsetOf(query: string): { name: string; value: string } | undefined {
  let other: { name: string; value: string } | undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value === '') continue; // an empty one declares nothing (as in core/resolve)
    if (name === MAPI_CHARSET_PARAM) return { name, value };
    if (name === OPENAPI_CHARSET_PARAM && other === undefined) other = { name, value };
  }
  return other;
}

/** The charset parsed parameters declare (`_input_charset`, else OpenAPI's `charset`), with the parameter's name. */
function declaredCharset(params: readonly Param[]): { name: string; value: string } | undefined {
  for (const name of [MAPI_CHARSET_PARAM, OPENAPI_CHARSET_PARAM]) {
    const value = getParam(params, name);
    if (value) return { name, value };
  }
  return undefined;
}

/** The charset to decode with: the override, else the declared one, else options.charsetFor's, else utf-8. */
function pickCharset(options: ParseOptions, declared: { name: string; value: string } | undefined, gateway?: string): Charset {
  if (options.charset) return normalizeCharset(options.charset, '--charset');
  if (declared?.value) return normalizeCharset(declared.value, declared.name);
  return options.charsetFor?.(gateway) ?? 'utf-8';
}

/** Parses a query string or form body (a leading `?` is ignored); `gateway` is the URL's, for options.charsetFor. */
export function parseQuery(query: string, options: ParseOptions = {}, gateway?: string): { params: Param[]; charset: Charset } {
  const q = (query.charCodeAt(0) === 0x3f /* ? */ ? query.slice(1) : query).trim();
  // The override wins: only without one is the query scanned for `_input_charset` / `charset`.
  const charset = pickCharset(options, options.charset ? undefined : rawCharsetOf(q), gateway);
  const params: Param[] = [];
  // Pairs found with indexOf, no array of them (the emulator parses every request).
  for (let start = 0; start <= q.length; ) {
    let amp = q.indexOf('&', start);
    if (amp < 0) amp = q.length;
    const pair = q.slice(start, amp);
    start = amp + 1;
    if (pair === '') continue;
    if (params.length === MAX_PARAMS) tooMany();
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const name = percentDecode(rawName, charset, rawName);
    if (name === '') fail('EMPTY_NAME', 'A parameter has no name: "{pair}"', '有一个参数没有名字："{pair}"', { pair: pair.slice(0, 80) });
    params.push({ name, value: percentDecode(rawValue, charset, name) });
  }
  checkDuplicates(params);
  return { params, charset };
}

/** Form-encodes the parameters in their order. */
export function serializeQuery(params: readonly Param[], charset: Charset): string {
  return params.map((p) => `${percentEncode(p.name, charset)}=${percentEncode(p.value, charset)}`).join('&');
}

/** The gateway plus every parameter, percent-encoded in `charset`. */
export function buildUrl(gateway: string, params: readonly Param[], charset: Charset): string {
  return `${gateway}?${serializeQuery(params, charset)}`;
}

function parseJson(text: string, options: ParseOptions): { params: Param[]; charset: Charset } {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    fail('BAD_JSON', 'The input is not valid JSON: {reason}', '输入不是合法的 JSON：{reason}', { reason: (e as Error).message });
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    fail('BAD_JSON', 'The JSON input must be an object of parameter names to values', 'JSON 输入必须是"参数名: 值"的对象');
  }
  const params: Param[] = [];
  for (const [name, v] of Object.entries(obj as Record<string, unknown>)) {
    if (params.length === MAX_PARAMS) tooMany();
    // null/undefined are "no value" (dropped from signing like empty strings);
    // nested objects (OpenAPI biz_content) are sent as their JSON text.
    const value = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    params.push({ name, value });
  }
  const charset = pickCharset(options, declaredCharset(params));
  return { params, charset };
}

/**
 * In `name = value` lines and request files, spaces around `=` and at the end
 * of a line are layout. A value that must begin or end with whitespace is
 * written in double quotes: `subject = " foobar "` is ` foobar `. Quotes around
 * a value without such whitespace are part of the value (`memo = "x"` is `"x"`).
 */
export function lineValue(written: string): string {
  const v = written.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    const inner = v.slice(1, -1);
    if (/^\s|\s$/.test(inner)) return inner;
  }
  return v;
}

/** How `value` is written as a line's value so that lineValue reads it back (quotes when its edges are whitespace). */
export function writeLineValue(value: string): string {
  return /^\s|\s$/.test(value) ? `"${value}"` : value;
}

/** `name=value` per line; `#` comment lines and blank lines skipped; spaces around `=` are layout (see lineValue). */
function parseLines(text: string, options: ParseOptions): { params: Param[]; charset: Charset } {
  const params: Param[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    if (params.length === MAX_PARAMS) tooMany();
    const eq = t.indexOf('=');
    if (eq <= 0) {
      fail('BAD_LINE', 'Line {line}: expected name=value, found "{text}"', '第 {line} 行：应为 name=value，实际为 "{text}"', { line: i + 1, text: t.slice(0, 80) });
    }
    params.push({ name: t.slice(0, eq).trim(), value: lineValue(t.slice(eq + 1)) });
  });
  checkDuplicates(params);
  const charset = pickCharset(options, declaredCharset(params));
  return { params, charset };
}

/** A mobile.securitypay order string: the first value is quoted (`partner="2088…"`). */
export function isOrderString(text: string): boolean {
  // Also when only a later value is quoted (`partner=2088…"&total_fee="1"`): a query never has a raw
  // quote there (it would be %22), so it is an order string whose first quote is missing.
  return /^[A-Za-z_][\w.]*="/.test(text.trim()) || (!/[\r\n]/.test(text.trim()) && /&[A-Za-z_][\w.]*="/.test(text));
}

/**
 * `name="value"&…` as written: values between their quotes, raw (the content
 * signed is the quoted string as written); only `sign` is URL-encoded inside its
 * quotes, and is decoded here. A missing quote names the parameter.
 */
export function parseOrderString(text: string): { params: Param[]; charset: Charset } {
  const t = text.trim();
  const params: Param[] = [];
  let i = 0;
  while (i < t.length) {
    const eq = t.indexOf('=', i);
    const name = eq < 0 ? t.slice(i) : t.slice(i, eq);
    if (eq < 0 || name === '' || /[&"\s]/.test(name)) {
      fail('ORDER_STRING', 'Order string: expected name="value" at "{text}"', '订单串：此处应为 name="value"："{text}"', { text: t.slice(i, i + 40) });
    }
    if (t[eq + 1] !== '"') {
      fail('ORDER_STRING_QUOTE', 'Order string: the value of "{name}" has no opening quote: write {name}="…"', '订单串："{name}" 的值缺少开头的引号：请写成 {name}="…"', { name: name.slice(0, 60) });
    }
    // The value ends at the quote followed by `&` or the end of the string.
    let end = eq + 2;
    for (;;) {
      end = t.indexOf('"', end);
      if (end < 0 || end === t.length - 1 || t[end + 1] === '&') break;
      end++;
    }
    if (end < 0) {
      fail('ORDER_STRING_QUOTE', 'Order string: the value of "{name}" has no closing quote: write {name}="…"', '订单串："{name}" 的值缺少结尾的引号：请写成 {name}="…"', { name: name.slice(0, 60) });
    }
    const raw = t.slice(eq + 2, end);
    // `subject="a b&total_fee="1"`: the next parameter ran into this value — its closing quote is missing.
    if (/&[A-Za-z_][\w.]*="/.test(raw)) {
      fail('ORDER_STRING_QUOTE', 'Order string: the value of "{name}" has no closing quote: write {name}="…"', '订单串："{name}" 的值缺少结尾的引号：请写成 {name}="…"', { name: name.slice(0, 60) });
    }
    params.push({ name, value: isSignParam(name) ? percentDecode(raw, 'utf-8', name) : raw });
    i = end + 2;
  }
  checkDuplicates(params);
  // The app SDK signs UTF-8 (`_input_charset="utf-8"` is the usual value).
  const declared = getParam(params, MAPI_CHARSET_PARAM);
  return { params, charset: declared ? normalizeCharset(declared) : 'utf-8' };
}

/** Tells which of the accepted shapes `text` is. */
export function detectKind(text: string): InputKind {
  const t = text.trim();
  if (t.startsWith('{')) return 'json';
  if (/^https?:\/\//i.test(t)) return 'url';
  if (isOrderString(t)) return 'order';
  const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (lines.length > 1 || (lines.length === 1 && /^\s*[\w.]+\s+=\s/.test(lines[0]))) return 'lines';
  return 'query';
}

/** Parses any accepted input into an ordered parameter list. */
export function parseInput(text: string, options: ParseOptions = {}): ParsedInput {
  if (text.length > MAX_INPUT) {
    fail('TOO_LARGE', 'The input is larger than 16 MB; a gateway request never is', '输入超过 16 MB，网关请求不会这么大');
  }
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') fail('EMPTY_INPUT', 'The input is empty: give a URL, a query string, JSON or name=value lines', '输入为空：请提供 URL、查询串、JSON 或 name=value 行');
  const kind = detectKind(t);
  if (kind === 'json') return { kind, ...parseJson(t, options) };
  if (kind === 'order') {
    const r = parseOrderString(t);
    return { kind, params: r.params, charset: options.charset ? normalizeCharset(options.charset, '--charset') : r.charset };
  }
  if (kind === 'lines') return { kind, ...parseLines(t, options) };
  if (kind === 'url') {
    let url: URL;
    try {
      url = new URL(t);
    } catch {
      fail('BAD_URL', 'Not a valid URL: "{url}"', '不是合法的 URL："{url}"', { url: t.slice(0, 120) });
    }
    const q = t.indexOf('?');
    const hash = t.indexOf('#', q < 0 ? 0 : q);
    const query = q < 0 ? '' : t.slice(q + 1, hash < 0 ? undefined : hash);
    const gateway = `${url.protocol}//${url.host}${url.pathname}`;
    return { kind, gateway, ...parseQuery(query, options, gateway) };
  }
  return { kind, ...parseQuery(queryPart(t), options) };
}

/**
 * The query of a query-string input. Text before a `?` that holds no `=` or `&`
 * is not a parameter: a path as access logs print it (`/gateway.do?…`) is
 * dropped; a URL whose scheme is missing or not http(s) (`mapi.alipay.com/gateway.do?…`)
 * is refused, since its gateway cannot be known and "host/path?service" would be signed as a name.
 */
function queryPart(t: string): string {
  const head = /^([^=&?\s]+)\?/.exec(t);
  if (!head) return t;
  const before = head[1];
  if (before.startsWith('/') && !before.startsWith('//')) return t.slice(head[0].length);
  const start = before.slice(0, 60);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(before)) {
    fail('BAD_URL', 'Not an http(s) URL: "{start}" (a gateway URL starts with https://)', '不是 http(s) URL："{start}"（网关 URL 以 https:// 开头）', { start });
  }
  fail(
    'BAD_URL',
    '"{start}?…" looks like a URL without https://: give the whole URL (https://…/gateway.do?…) or only the query string',
    '"{start}?…" 像是缺少 https:// 的 URL：请给出完整的 URL（https://…/gateway.do?…）或只给查询串',
    { start },
  );
}
