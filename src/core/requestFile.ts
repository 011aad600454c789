// The `.alipay` request file: several gateway requests a developer keeps in a
// repository and sends from the editor or CI. Pure text in, typed requests and
// problems out; the parser never throws (every input is hostile), the resolver
// fills variables. Syntax (documented in README "Request files"):
//
//   @orderNo = T{{$timestamp}}          file variable (anywhere, whole file)
//   ### Query the trade                 separator; the text after ### names the request
//   # @sign-type RSA2                   metadata comment: the signature type of this request
//   GET Sandbox                         method + profile name or gateway URL (omit: active profile)
//   service = single_trade_query        one name = value per line (spaces around = ignored)
//   partner = {{partner}}               {{name}}: file variable, else the profile's value
//   # a comment (whole lines only: a # inside a value is part of the value)
import * as crypto from 'node:crypto';
import type { Text } from './i18n';
import { lineValue, type Param } from './params';
import { isSignParam, isSignTypeParam } from './protocol';

export type Method = 'GET' | 'POST';

/** Zero-based line and character offsets (what editors use). */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export type ProblemCode =
  | 'BAD_LINE'
  | 'NO_REQUEST_LINE'
  | 'BAD_METHOD'
  | 'EMPTY_NAME'
  | 'BAD_NAME'
  | 'HAND_SIGN'
  | 'HAND_SIGN_TYPE'
  | 'BAD_SIGN_TYPE'
  | 'UNCLOSED_VARIABLE'
  | 'UNKNOWN_VARIABLE'
  | 'VARIABLE_LOOP'
  | 'BAD_VARIABLE_DEF'
  | 'EMPTY_REQUEST'
  | 'TOO_LARGE';

export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  text: Text;
  args: Record<string, string | number>;
  span: Span;
}

export interface ParamLine {
  name: string;
  /** The value as written (variables not yet substituted). */
  value: string;
  line: number;
  nameSpan: Span;
  valueSpan: Span;
}

export interface FileVariable {
  name: string;
  value: string;
  span: Span;
}

export interface ParsedRequest {
  /** 1-based position in the file (what `send --request N` takes). */
  index: number;
  /** The text after `###`, or `# @name`. */
  name?: string;
  /** First and last line of the block (inclusive), separator line included. */
  startLine: number;
  endLine: number;
  method?: Method;
  /** Profile name, gateway URL or `{{variable}}` as written; '' means the active profile. */
  target: string;
  /** The request line, when there is one. */
  requestLine?: number;
  targetSpan?: Span;
  /** From `# @sign-type X`. */
  signType?: string;
  params: ParamLine[];
}

export interface ParsedFile {
  requests: ParsedRequest[];
  variables: FileVariable[];
  problems: Problem[];
}

const MAX_TEXT = 4 * 1024 * 1024;
const SIGN_TYPES = ['MD5', 'RSA', 'RSA2', 'DSA'];

function problem(code: ProblemCode, severity: Problem['severity'], en: string, zh: string, span: Span, args: Problem['args'] = {}): Problem {
  return { code, severity, text: { en, zh }, args, span };
}

const SEPARATOR = /^\s*###(.*)$/;
const VARIABLE_DEF = /^\s*@([^=\s]*)\s*(=?)(.*)$/;
const META = /^\s*#\s*@([\w-]+)\s*(.*)$/;
const REQUEST_LINE = /^\s*([A-Za-z]+)(?:\s+(.*?))?\s*$/;
const NAME_RE = /^[A-Za-z0-9_.\-[\]]+$/;

function checkBraces(text: string, line: number, offset: number, problems: Problem[]): void {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) return;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      problems.push(
        problem('UNCLOSED_VARIABLE', 'error', 'Line {line}: "{{" is not closed by "}}"', '第 {line} 行："{{" 没有对应的 "}}"', { line, start: offset + open, end: offset + text.length }, { line: line + 1 }),
      );
      return;
    }
    from = close + 2;
  }
}

/** Parses a whole file. Never throws: anything odd becomes a Problem with a line. */
export function parseRequestFile(input: string): ParsedFile {
  const requests: ParsedRequest[] = [];
  const variables: FileVariable[] = [];
  const problems: Problem[] = [];
  if (typeof input !== 'string') input = '';
  if (input.length > MAX_TEXT) {
    problems.push(problem('TOO_LARGE', 'error', 'The file is larger than 4 MB; a request file never is', '文件超过 4 MB，请求文件不会这么大', { line: 0, start: 0, end: 0 }));
    return { requests, variables, problems };
  }
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let current: ParsedRequest | undefined;
  let pendingStart = 0;
  let pendingName: string | undefined;

  const finish = (endLine: number): void => {
    if (current) {
      current.endLine = endLine;
      if (current.requestLine === undefined && current.params.length > 0) {
        problems.push(
          problem('NO_REQUEST_LINE', 'error', 'Request {index} has no request line: start it with "GET <profile or URL>" or "POST <profile or URL>"', '第 {index} 个请求缺少请求行：请以 "GET <配置或网关 URL>" 或 "POST <配置或网关 URL>" 开头', { line: current.params[0].line, start: 0, end: lines[current.params[0].line].length }, { index: current.index }),
        );
      }
      requests.push(current);
    }
    current = undefined;
  };
  const open = (line: number): ParsedRequest => {
    if (!current) {
      current = { index: requests.length + 1, name: pendingName, startLine: pendingStart, endLine: line, target: '', params: [] };
    }
    return current;
  };

  lines.forEach((raw, i) => {
    const sep = SEPARATOR.exec(raw);
    if (sep) {
      finish(i - 1);
      pendingStart = i;
      const name = sep[1].replace(/^#+/, '').trim();
      pendingName = name === '' ? undefined : name;
      return;
    }
    const t = raw.trim();
    if (t === '') return;
    const meta = META.exec(raw);
    if (meta) {
      const key = meta[1].toLowerCase();
      const val = meta[2].trim();
      const at = raw.indexOf(meta[2]);
      if (key === 'name' && val !== '') {
        if (current) current.name = val;
        else pendingName = val;
      } else if (key === 'sign-type' || key === 'signtype' || key === 'sign_type') {
        const up = val.toUpperCase();
        if (!SIGN_TYPES.includes(up)) {
          problems.push(problem('BAD_SIGN_TYPE', 'error', 'Line {line}: unknown signature type "{value}" (use MD5, RSA, RSA2 or DSA)', '第 {line} 行：不支持的签名方式 "{value}"（请使用 MD5、RSA、RSA2 或 DSA）', { line: i, start: at, end: at + meta[2].length }, { line: i + 1, value: val }));
        } else {
          open(i).signType = up;
        }
      }
      return; // other metadata is an ordinary comment
    }
    if (t.startsWith('#') || t.startsWith('//')) return;
    const vdef = VARIABLE_DEF.exec(raw);
    if (vdef) {
      const [, name, eq, rest] = vdef;
      const start = raw.indexOf('@');
      if (name === '' || !NAME_RE.test(name) || eq === '') {
        problems.push(problem('BAD_VARIABLE_DEF', 'error', 'Line {line}: a file variable is written "@name = value"', '第 {line} 行：文件变量的写法是 "@name = value"', { line: i, start, end: raw.length }, { line: i + 1 }));
        return;
      }
      const value = rest.trim();
      checkBraces(value, i, raw.length - rest.trimStart().length, problems);
      variables.push({ name, value, span: { line: i, start: start + 1, end: start + 1 + name.length } });
      return;
    }
    const req = open(i);
    const eq = raw.indexOf('=');
    const looksLikeRequestLine = /^\s*(GET|POST)(\s|$)/i.test(raw) || eq < 0;
    if (req.method === undefined && req.requestLine === undefined && req.params.length === 0 && looksLikeRequestLine) {
      const m = REQUEST_LINE.exec(raw);
      const method = m?.[1].toUpperCase();
      const lead = raw.length - raw.trimStart().length;
      if (method === 'GET' || method === 'POST') {
        req.method = method;
        req.requestLine = i;
        req.target = (m?.[2] ?? '').trim();
        const tStart = req.target === '' ? raw.trimEnd().length : raw.indexOf(req.target, lead + method.length);
        req.targetSpan = { line: i, start: tStart, end: tStart + req.target.length };
        checkBraces(req.target, i, tStart, problems);
      } else {
        const word = (m?.[1] ?? t.split(/\s+/)[0]).slice(0, 40);
        problems.push(problem('BAD_METHOD', 'error', 'Line {line}: "{word}" is not a method; a request starts with GET or POST', '第 {line} 行："{word}" 不是请求方法；请求以 GET 或 POST 开头', { line: i, start: lead, end: lead + word.length }, { line: i + 1, word }));
        req.method = undefined;
        req.requestLine = i; // counts as the (bad) request line, so later params are not re-reported
      }
      return;
    }
    if (eq < 0) {
      const lead = raw.length - raw.trimStart().length;
      problems.push(problem('BAD_LINE', 'error', 'Line {line}: expected "name = value", found "{text}"', '第 {line} 行：应为 "name = value"，实际为 "{text}"', { line: i, start: lead, end: raw.trimEnd().length }, { line: i + 1, text: t.slice(0, 60) }));
      return;
    }
    const rawName = raw.slice(0, eq);
    const name = rawName.trim();
    const nStart = rawName.length - rawName.trimStart().length;
    const nameSpan = { line: i, start: nStart, end: nStart + name.length };
    const rawValue = raw.slice(eq + 1);
    // Layout spaces are trimmed; a quoted value keeps its edge spaces (core/params lineValue).
    const written = rawValue.trim();
    const value = lineValue(rawValue);
    const vStart = written === '' ? raw.length : eq + 1 + (rawValue.length - rawValue.trimStart().length);
    const valueSpan = { line: i, start: vStart, end: vStart + written.length };
    if (name === '') {
      problems.push(problem('EMPTY_NAME', 'error', 'Line {line}: the parameter has no name before "="', '第 {line} 行："=" 前面没有参数名', { line: i, start: eq, end: eq + 1 }, { line: i + 1 }));
      return;
    }
    if (!NAME_RE.test(name)) {
      problems.push(problem('BAD_NAME', 'error', 'Line {line}: "{name}" is not a parameter name (letters, digits, _ . - only)', '第 {line} 行："{name}" 不是参数名（只能含字母、数字、_ . -）', nameSpan, { line: i + 1, name: name.slice(0, 60) }));
      return;
    }
    if (isSignParam(name)) {
      problems.push(problem('HAND_SIGN', 'error', 'Line {line}: "sign" is computed when the request is sent; remove this line', '第 {line} 行："sign" 在发送时计算，请删除这一行', nameSpan, { line: i + 1 }));
      return;
    }
    if (isSignTypeParam(name)) {
      problems.push(problem('HAND_SIGN_TYPE', 'error', 'Line {line}: "sign_type" is set at send time; write "# @sign-type {value}" instead', '第 {line} 行："sign_type" 在发送时设置；请改写为 "# @sign-type {value}"', nameSpan, { line: i + 1, value: value.toUpperCase() || 'MD5' }));
      return;
    }
    checkBraces(value, i, vStart, problems);
    req.params.push({ name, value, line: i, nameSpan, valueSpan });
  });
  finish(lines.length - 1);
  // A block of only comments/blank lines (e.g. before the first ###) is not a request.
  const real = requests.filter((r) => r.method !== undefined || r.params.length > 0 || r.requestLine !== undefined);
  real.forEach((r, k) => (r.index = k + 1));
  return { requests: real, variables, problems };
}

/** The request whose block holds `line` (0-based). */
export function requestAtLine(file: ParsedFile, line: number): ParsedRequest | undefined {
  return file.requests.find((r) => line >= r.startLine && line <= r.endLine);
}

// ---------------------------------------------------------------------------
// Resolving variables

export interface ResolveContext {
  /** Values from the active profile (partner, seller_email, …). */
  profile?: Record<string, string | undefined>;
  /** Injected for tests; default: now. */
  now?: Date;
  uuid?: () => string;
  outTradeNo?: () => string;
}

export interface ResolvedRequest {
  request: ParsedRequest;
  method: Method;
  /** Target with variables filled: a profile name, a URL, or '' for the active profile. */
  target: string;
  params: Param[];
  signType?: string;
  problems: Problem[];
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8), the gateway's clock. */
export function beijingTimestamp(now: Date = new Date()): string {
  const d = new Date(now.getTime() + 8 * 3600 * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

let outTradeNoCounter = 0;
/** A fresh merchant order number: Beijing time to the second + 3 counter digits + 5 random digits (22 chars, ≤ 64). */
export function freshOutTradeNo(now: Date = new Date()): string {
  outTradeNoCounter = (outTradeNoCounter + 1) % 1000;
  const ts = beijingTimestamp(now).replace(/\D/g, '');
  return `${ts}${String(outTradeNoCounter).padStart(3, '0')}${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`;
}

export const BUILTIN_VARIABLES = ['$timestamp', '$uuid', '$outTradeNo'] as const;

const VAR_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Fills `{{name}}` in the request's target and values: file variables first,
 * then the profile, then the built-ins. Built-ins are evaluated once per call,
 * so every `{{$outTradeNo}}` of one request is the same number.
 */
export function resolveRequest(file: ParsedFile, request: ParsedRequest, ctx: ResolveContext = {}): ResolvedRequest {
  const problems: Problem[] = [];
  const now = ctx.now ?? new Date();
  const builtins = new Map<string, () => string>([
    ['$timestamp', () => beijingTimestamp(now)],
    ['$uuid', ctx.uuid ?? (() => crypto.randomUUID())],
    ['$outTradeNo', ctx.outTradeNo ?? (() => freshOutTradeNo(now))],
  ]);
  const builtinValues = new Map<string, string>();
  const fileVars = new Map<string, string>();
  for (const v of file.variables) fileVars.set(v.name, v.value);

  const lookup = (name: string, span: Span, depth: number, seen: Set<string>): string | undefined => {
    if (name.startsWith('$')) {
      const make = builtins.get(name);
      if (!make) return undefined;
      if (!builtinValues.has(name)) builtinValues.set(name, make());
      return builtinValues.get(name);
    }
    if (fileVars.has(name)) {
      if (seen.has(name) || depth > 10) {
        problems.push(problem('VARIABLE_LOOP', 'error', 'Line {line}: variable "{name}" refers to itself', '第 {line} 行：变量 "{name}" 引用了自身', span, { line: span.line + 1, name }));
        return '';
      }
      return fill(fileVars.get(name) ?? '', span, depth + 1, new Set([...seen, name]));
    }
    const fromProfile = ctx.profile?.[name];
    return fromProfile === undefined || fromProfile === '' ? undefined : fromProfile;
  };
  const fill = (text: string, span: Span, depth = 0, seen = new Set<string>()): string =>
    text.replace(VAR_RE, (whole, name: string) => {
      const v = lookup(name, span, depth, seen);
      if (v !== undefined) return v;
      problems.push(
        problem('UNKNOWN_VARIABLE', 'error', 'Line {line}: "{{{name}}}" is not defined (define "@{name} = …" in the file, pass --var {name}=… on the command line, or set it in the VS Code profile)', '第 {line} 行："{{{name}}}" 未定义（在文件中写 "@{name} = …"，命令行用 --var {name}=…，或在 VS Code 的配置中设置）', span, { line: span.line + 1, name }),
      );
      return whole;
    });

  const target = request.targetSpan ? fill(request.target, request.targetSpan) : request.target;
  const params = request.params.map((p) => ({ name: p.name, value: fill(p.value, p.valueSpan) }));
  return { request, method: request.method ?? 'POST', target, params, signType: request.signType, problems };
}

/** The `{{name}}` (or `{{$builtin}}`) reference around character `ch` of `lineText`, if any. */
export function variableAt(lineText: string, ch: number): { name: string; start: number; end: number } | undefined {
  for (const m of lineText.matchAll(VAR_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (ch >= start && ch <= end) return { name: m[1], start, end };
  }
  return undefined;
}
