// Diagnostics for `.alipay` request files, from the catalog (one table for
// hover, completion, the emulator and these checks). Each finding has zh/en
// text, a range, and a fix where the fix is clear.
import { canEncode, normalizeCharset, type Charset } from './charset';
import { allServices, enumByName, enumValue, service as serviceDef, type ParamSpec, type ServiceDef } from './catalog';
import { editDistance } from './editDistance';
import type { Text } from './i18n';
import { checkGateway } from './profile';
import { SIGN_PARAM, SIGN_TYPE_PARAM } from './protocol';
import { parseRequestFile, resolveRequest, type ParsedFile, type ParsedRequest, type ResolveContext, type Span } from './requestFile';

export type Severity = 'error' | 'warning' | 'info';

/** An edit a quick fix applies, in line terms the editor maps to its own. */
export type FixEdit =
  | { kind: 'replace'; span: Span; newText: string }
  | { kind: 'insertLines'; afterLine: number; lines: string[] }
  | { kind: 'deleteLine'; line: number };

export interface Fix {
  title: Text;
  args?: Record<string, string | number>;
  edits: FixEdit[];
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  text: Text;
  args: Record<string, string | number>;
  span: Span;
  fix?: Fix;
  /** 1-based request the finding belongs to (absent for file-level findings). */
  request?: number;
}

export interface ValidateOptions extends ResolveContext {
  /** Profile names a target may name (case-insensitive); unchecked when absent. */
  profiles?: string[];
  /** The variables of the profile a request line names (requests naming none use `profile`). */
  profileFor?: (name: string) => Record<string, string | undefined> | undefined;
}

const T = (en: string, zh: string): Text => ({ en, zh });

const MSG = {
  noService: T('Request {index} has no "service" parameter', '第 {index} 个请求缺少 "service" 参数'),
  unknownService: T('"{value}" is not a service the toolkit knows; check the spelling', '"{value}" 不是已知的接口名，请检查拼写'),
  unknownServiceHint: T('"{value}" is not a service the toolkit knows; did you mean "{suggestion}"?', '"{value}" 不是已知的接口名；是否应为 "{suggestion}"？'),
  missing: T('{service} needs {names}', '{service} 缺少必填参数：{names}'),
  oneOf: T('{service} needs one of {names}', '{service} 需要以下参数之一：{names}'),
  duplicate: T('"{name}" is already set on line {first}; the gateway would see it twice', '"{name}" 已在第 {first} 行设置，网关会收到两次'),
  emptyRequired: T('"{name}" is required and has no value (empty values are not sent)', '"{name}" 为必填参数但没有值（空值不会发送）'),
  unknownParam: T('"{name}" is not a parameter of {service}', '"{name}" 不是 {service} 的参数'),
  unknownParamHint: T('"{name}" is not a parameter of {service}; did you mean "{suggestion}"?', '"{name}" 不是 {service} 的参数；是否应为 "{suggestion}"？'),
  partner: T('"{name}" must be a 16-digit partner id starting with 2088, not "{value}"', '"{name}" 应为以 2088 开头的 16 位合作伙伴 ID，而不是 "{value}"'),
  amount: T('"{name}" must be an amount in yuan with at most 2 decimals (e.g. 0.01), not "{value}"', '"{name}" 应为以元为单位、最多两位小数的金额（如 0.01），而不是 "{value}"'),
  range: T('"{name}" must be between {min} and {max}, not {value}', '"{name}" 应在 {min} 到 {max} 之间，而不是 {value}'),
  int: T('"{name}" must be a whole number, not "{value}"', '"{name}" 应为整数，而不是 "{value}"'),
  date: T('"{name}" must be a date written yyyy-MM-dd HH:mm:ss, not "{value}"', '"{name}" 应为 yyyy-MM-dd HH:mm:ss 格式的时间，而不是 "{value}"'),
  url: T('"{name}" must be a full http(s) URL, not "{value}"', '"{name}" 应为完整的 http(s) URL，而不是 "{value}"'),
  email: T('"{name}" must be an email address, not "{value}"', '"{name}" 应为邮箱地址，而不是 "{value}"'),
  tooLong: T('"{name}" is {length} characters long; at most {max} are allowed', '"{name}" 长 {length} 个字符，最多允许 {max} 个'),
  tooShort: T('"{name}" is {length} characters long; at least {min} are needed', '"{name}" 长 {length} 个字符，至少需要 {min} 个'),
  enumValue: T('"{value}" is not a value of {name} (use {values})', '"{value}" 不是 {name} 的取值（可用：{values}）'),
  charset: T('"{name}" has characters that {charset} cannot encode; use _input_charset = utf-8', '"{name}" 含有 {charset} 无法编码的字符；请使用 _input_charset = utf-8'),
  badCharset: T('_input_charset must be utf-8, gbk or gb2312, not "{value}"', '_input_charset 应为 utf-8、gbk 或 gb2312，而不是 "{value}"'),
  unknownProfile: T('No profile is named "{value}" (profiles: {names})', '没有名为 "{value}" 的配置（现有配置：{names}）'),
  fixMissing: T('Add the missing parameters', '添加缺少的参数'),
  fixOneOf: T('Add {name}', '添加 {name}'),
  fixDelete: T('Remove the hand-written sign', '删除手写的 sign'),
  fixSignType: T('Write "# @sign-type {value}" instead', '改写为 "# @sign-type {value}"'),
  fixSpelling: T('Change to "{suggestion}"', '改为 "{suggestion}"'),
};

/** A placeholder value for a parameter a quick fix or "New Request" adds. */
export function placeholderFor(spec: ParamSpec): string {
  if (spec.name === 'partner') return '{{partner}}';
  if (spec.name === 'out_trade_no') return '{{$outTradeNo}}';
  if (spec.name === '_input_charset') return 'utf-8';
  if (spec.name === 'payment_type') return '1'; // 商品购买, what nearly every merchant sends
  if (spec.type === 'date') return '{{$timestamp}}';
  if (spec.example) return spec.example;
  if (spec.type === 'enum' && spec.enum) return enumByName(spec.enum)?.values[0]?.value ?? '';
  if (spec.type === 'amount') return String(spec.min && spec.min > 0 ? spec.min : '0.01');
  if (spec.type === 'int') return String(spec.min ?? 1);
  return '';
}

/** The parameters signing adds by itself; never required of the file. */
const COMPUTED = new Set([SIGN_PARAM, SIGN_TYPE_PARAM]);

/** The nearest of `names` to `name` (a service, or a parameter of one), if it is near enough to be a typo. */
function closestName(name: string, names: readonly string[]): string | undefined {
  const max = Math.max(2, Math.floor(name.length / 4));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = max + 1;
  for (const n of names) {
    const d = editDistance(lower, n.toLowerCase(), max);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

function validDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const dt = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** Checks one value against its spec; returns the finding's message and args, if any. */
export function checkValue(spec: ParamSpec, value: string, charset: Charset): { text: Text; args: Record<string, string | number> } | undefined {
  const name = spec.name;
  const short = value.length > 60 ? value.slice(0, 57) + '…' : value;
  const a = { name, value: short };
  if (value === '') return undefined;
  switch (spec.type) {
    case 'partnerId':
      if (!/^2088\d{12}$/.test(value)) return { text: MSG.partner, args: a };
      break;
    case 'amount': {
      if (!/^\d+(\.\d{1,2})?$/.test(value)) return { text: MSG.amount, args: a };
      const n = Number(value);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return { text: MSG.range, args: { ...a, min: spec.min ?? 0, max: spec.max ?? '∞' } };
      }
      break;
    }
    case 'int': {
      if (!/^\d+$/.test(value)) return { text: MSG.int, args: a };
      const n = Number(value);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return { text: MSG.range, args: { ...a, min: spec.min ?? 0, max: spec.max ?? '∞' } };
      }
      break;
    }
    case 'date':
      if (!validDate(value)) return { text: MSG.date, args: a };
      break;
    case 'url':
      if (!/^https?:\/\/[^\s/]+\S*$/i.test(value)) return { text: MSG.url, args: a };
      break;
    case 'email':
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return { text: MSG.email, args: a };
      break;
    case 'enum': {
      const def = spec.enum ? enumByName(spec.enum) : undefined;
      if (def && !def.list && !enumValue(def, value)) {
        if (spec.name === '_input_charset') return { text: MSG.badCharset, args: a };
        return { text: MSG.enumValue, args: { ...a, values: def.values.map((v) => v.value).join(', ') } };
      }
      break;
    }
    default:
      break;
  }
  const length = [...value].length;
  if (spec.maxLength !== undefined && length > spec.maxLength) return { text: MSG.tooLong, args: { name, length, max: spec.maxLength } };
  if (spec.minLength !== undefined && length < spec.minLength) return { text: MSG.tooShort, args: { name, length, min: spec.minLength } };
  if (!canEncode(value, charset)) return { text: MSG.charset, args: { name, charset } };
  return undefined;
}

function checkTarget(req: ParsedRequest, target: string, options: ValidateOptions, out: Diagnostic[]): void {
  const span = req.targetSpan;
  if (!span || target === '' || target.includes('{{')) return;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    const why = checkGateway(target);
    if (why) out.push({ code: 'BAD_GATEWAY', severity: 'error', text: why, args: { url: target.slice(0, 120) }, span, request: req.index });
    return;
  }
  if (options.profiles && !options.profiles.some((p) => p.toLowerCase() === target.toLowerCase())) {
    out.push({ code: 'UNKNOWN_PROFILE', severity: 'error', text: MSG.unknownProfile, args: { value: target, names: options.profiles.join(', ') }, span, request: req.index });
  }
}

/** Diagnostics of one request (resolution problems included). */
export function validateRequest(file: ParsedFile, req: ParsedRequest, options: ValidateOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const named = req.target && !req.target.includes('://') ? options.profileFor?.(req.target.trim()) : undefined;
  const resolved = resolveRequest(file, req, named ? { ...options, profile: named } : options);
  for (const p of resolved.problems) out.push({ ...p, request: req.index });
  checkTarget(req, resolved.target, options, out);
  const headSpan: Span = req.targetSpan && req.requestLine !== undefined ? { line: req.requestLine, start: 0, end: req.targetSpan.end } : { line: req.startLine, start: 0, end: 3 };
  const lastLine = req.params.length > 0 ? req.params[req.params.length - 1].line : (req.requestLine ?? req.startLine);

  // Duplicates (compared as the gateway does: exact names).
  const first = new Map<string, number>();
  req.params.forEach((p) => {
    const at = first.get(p.name);
    if (at !== undefined) {
      out.push({ code: 'DUPLICATE', severity: 'error', text: MSG.duplicate, args: { name: p.name, first: at + 1 }, span: p.nameSpan, request: req.index, fix: { title: T('Remove this line', '删除这一行'), edits: [{ kind: 'deleteLine', line: p.line }] } });
    } else first.set(p.name, p.line);
  });

  const serviceLine = req.params.find((p) => p.name === 'service');
  const serviceName = serviceLine ? resolved.params.find((p) => p.name === 'service')?.value ?? '' : '';
  let svc: ServiceDef | undefined;
  if (!serviceLine) {
    if (req.requestLine !== undefined || req.params.length > 0) {
      out.push({ code: 'NO_SERVICE', severity: 'error', text: MSG.noService, args: { index: req.index }, span: headSpan, request: req.index, fix: { title: MSG.fixOneOf, args: { name: 'service' }, edits: [{ kind: 'insertLines', afterLine: req.requestLine ?? lastLine, lines: ['service = '] }] } });
    }
  } else if (!serviceName.includes('{{')) {
    svc = serviceDef(serviceName);
    if (!svc) {
      const suggestion = closestName(serviceName, allServices().map((s) => s.name));
      out.push({
        code: 'UNKNOWN_SERVICE',
        severity: 'warning',
        text: suggestion ? MSG.unknownServiceHint : MSG.unknownService,
        args: suggestion ? { value: serviceName, suggestion } : { value: serviceName },
        span: serviceLine.valueSpan,
        request: req.index,
        fix: suggestion ? { title: MSG.fixSpelling, args: { suggestion }, edits: [{ kind: 'replace', span: serviceLine.valueSpan, newText: suggestion }] } : undefined,
      });
    }
  }

  // The charset values are checked in (a bad one is its own finding).
  const rawCharset = resolved.params.find((p) => p.name === '_input_charset')?.value;
  let charset: Charset = 'utf-8';
  try {
    if (rawCharset) charset = normalizeCharset(rawCharset);
  } catch {
    // reported below through the _input_charset spec
  }

  const present = new Set(resolved.params.filter((p) => p.value !== '').map((p) => p.name));
  if (svc) {
    const missing = svc.params.filter((s) => s.required && !COMPUTED.has(s.name) && !req.params.some((p) => p.name === s.name));
    if (missing.length > 0) {
      out.push({
        code: 'MISSING_REQUIRED',
        severity: 'error',
        text: MSG.missing,
        args: { service: svc.name, names: missing.map((m) => m.name).join(', ') },
        span: headSpan,
        request: req.index,
        fix: { title: MSG.fixMissing, edits: [{ kind: 'insertLines', afterLine: lastLine, lines: missing.map((m) => `${m.name} = ${placeholderFor(m)}`) }] },
      });
    }
    const groups = new Map<string, ParamSpec[]>();
    for (const s of svc.params) if (s.oneOf) groups.set(s.oneOf, [...(groups.get(s.oneOf) ?? []), s]);
    for (const [group, specs] of groups) {
      if (specs.some((s) => present.has(s.name))) continue;
      const names = group.split('|');
      const firstSpec = specs[0];
      out.push({
        code: 'MISSING_ONE_OF',
        severity: 'error',
        text: MSG.oneOf,
        args: { service: svc.name, names: names.join(', ') },
        span: headSpan,
        request: req.index,
        fix: { title: MSG.fixOneOf, args: { name: firstSpec.name }, edits: [{ kind: 'insertLines', afterLine: lastLine, lines: [`${firstSpec.name} = ${placeholderFor(firstSpec)}`] }] },
      });
    }
  }

  req.params.forEach((p, i) => {
    const value = resolved.params[i]?.value ?? p.value;
    const spec = svc?.params.find((s) => s.name === p.name) ?? (p.name === '_input_charset' || p.name === 'partner' ? { name: p.name, type: p.name === 'partner' ? 'partnerId' : 'enum', enum: 'input_charset', required: true } as ParamSpec : undefined);
    if (svc && !spec) {
      const suggestion = closestName(p.name, svc.params.map((s) => s.name));
      out.push({
        code: 'UNKNOWN_PARAM',
        severity: 'info',
        text: suggestion ? MSG.unknownParamHint : MSG.unknownParam,
        args: { name: p.name, service: svc.name, ...(suggestion ? { suggestion } : {}) },
        span: p.nameSpan,
        request: req.index,
        fix: suggestion ? { title: MSG.fixSpelling, args: { suggestion }, edits: [{ kind: 'replace', span: p.nameSpan, newText: suggestion }] } : undefined,
      });
      return;
    }
    if (!spec) {
      if (!canEncode(value, charset)) out.push({ code: 'CHARSET', severity: 'error', text: MSG.charset, args: { name: p.name, charset }, span: p.valueSpan.start === p.valueSpan.end ? p.nameSpan : p.valueSpan, request: req.index });
      return;
    }
    if (value === '' && spec.required && !COMPUTED.has(spec.name)) {
      out.push({ code: 'EMPTY_REQUIRED', severity: 'error', text: MSG.emptyRequired, args: { name: p.name }, span: p.nameSpan, request: req.index });
      return;
    }
    if (p.value.includes('{{') && resolved.problems.some((x) => x.span.line === p.line)) return; // unresolved: already reported
    const bad = checkValue(spec, value, charset);
    if (bad) out.push({ code: 'BAD_VALUE', severity: 'error', text: bad.text, args: bad.args, span: p.valueSpan.start === p.valueSpan.end ? p.nameSpan : p.valueSpan, request: req.index });
  });
  return out;
}

/** Every diagnostic of a file: parse problems (with their fixes) and each request's findings. */
export function validateFile(input: string | ParsedFile, options: ValidateOptions = {}): Diagnostic[] {
  const file = typeof input === 'string' ? parseRequestFile(input) : input;
  const out: Diagnostic[] = file.problems.map((p) => {
    const d: Diagnostic = { ...p };
    if (p.code === 'HAND_SIGN') d.fix = { title: MSG.fixDelete, edits: [{ kind: 'deleteLine', line: p.span.line }] };
    if (p.code === 'HAND_SIGN_TYPE') {
      const value = String(p.args.value);
      d.fix = { title: MSG.fixSignType, args: { value }, edits: [{ kind: 'replace', span: { line: p.span.line, start: 0, end: Number.MAX_SAFE_INTEGER }, newText: `# @sign-type ${value}` }] };
    }
    return d;
  });
  for (const r of file.requests) out.push(...validateRequest(file, r, options));
  return out;
}
