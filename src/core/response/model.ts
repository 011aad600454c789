// The one response model every front end shows (preview, CLI, emulator logs),
// and the labelling of fields from the catalog. Text carries both languages;
// a front end picks one.
import type { Charset } from '../charset';
import { enumFor, enumValue, errorByCode, field as catalogField } from '../catalog';
import type { ErrorEntry, FieldDef, FieldKind } from '../catalog';
import type { Text } from '../i18n';
import { hasUnsafeChars } from '../terminal';

export type ResponseKind = 'xml' | 'notification' | 'returnUrl' | 'text' | 'openapi';

/** A value recognised beyond its text: an amount (yuan) or a date-time. */
export type Recognised = { type: 'amount'; value: number } | { type: 'date'; iso: string };

export interface FieldView {
  name: string;
  /** Path of the enclosing element below the business node (`a/b`), when nested. */
  group?: string;
  /** Catalog label; absent for fields the catalog does not know. */
  label?: Text;
  /** Catalog description of the field. */
  description?: Text;
  raw: string;
  /** Decoded enumeration value (each item of a bracketed list, joined). */
  meaning?: Text;
  /** Extra advice for the value (e.g. TRADE_SUCCESS vs TRADE_FINISHED). */
  note?: Text;
  kind?: FieldKind;
  recognised?: Recognised;
  /** The name or value holds control or bidi characters (core/terminal): front ends show them escaped and flag the field. */
  unsafe?: true;
  /** The label or the value's meaning is the catalog's own reading (source 'inferred'): front ends say so. */
  inferred?: true;
}

export interface Column {
  name: string;
  label?: Text;
  kind?: FieldKind | 'amount' | 'date';
  /** Meanings of the enumeration values seen in this column. */
  meanings?: Record<string, Text>;
}

/** A repeated element (account statement rows…): one row per element, cells aligned with columns. */
export interface TableView {
  name: string;
  /** Path of the list element (`account_log_list/AccountQueryAccountLogVO`). */
  path: string;
  label?: Text;
  columns: Column[];
  rows: string[][];
  /**
   * Distinct element names past the column cap (MAX_TABLE_COLUMNS), left out of `columns` and
   * `rows` (their values stay in the raw view). Absent when none were.
   */
  omittedColumns?: number;
}

/**
 * Real lists have a few dozen columns. A dense rows × columns grid of a
 * hostile list whose every row has new names grows with the square of the
 * input (10,000 rows → 10⁸ cells), so columns are capped: the cost stays
 * linear in the input.
 */
export const MAX_TABLE_COLUMNS = 200;
/** And the grid stays under this many cells (a long list keeps at least MIN_TABLE_COLUMNS). */
const MAX_TABLE_CELLS = 2_000_000;
const MIN_TABLE_COLUMNS = 16;

export interface ErrorView {
  code: string;
  /** The catalog entry: meaning, what to check. Absent for unknown codes. */
  entry?: ErrorEntry;
  /** A message the response itself carried (OpenAPI msg / sub_msg). */
  message?: string;
}

export type Verdict = 'valid' | 'invalid' | 'noKey' | 'unsigned' | 'error';

export interface SignatureView {
  present: boolean;
  /** sign_type as given (or assumed: RSA2 for OpenAPI). */
  type?: string;
  value?: string;
  /** The exact content that was (or would be) verified. */
  content?: string;
  charset: Charset;
  /** True when the content rule is inferred, not published (synchronous XML). */
  inferred: boolean;
  /** How the content was built, and any caveat. */
  note?: Text;
  verdict: Verdict;
  /** Why, for invalid / noKey / error / unsigned. */
  reason?: Text;
  /** Certificate mode: the SN of Alipay's certificate whose key checked the signature (picked by alipay_cert_sn). */
  certSn?: string;
  /** Certificate mode: the certificate that verified is expired or not yet valid (with the dates). */
  certWarning?: Text;
  /** The resolver refused the message's variant markers (bad input): the CLI stops with this one line, exit 2. */
  badInput?: { code: string; text: Text };
}

export interface StatusView {
  /** true: processed / succeeded; false: failed; undefined: not applicable (a notification still pending…). */
  success?: boolean;
  title: Text;
  detail?: Text;
}

export interface ResponseModel {
  kind: ResponseKind;
  /** What the message is when its kind says too little: a merchant's request pasted as a form (the resolver's variant). */
  kindLabel?: Text;
  success?: boolean;
  status: StatusView;
  error?: ErrorView;
  /** `service` from the request echo (or `method` for OpenAPI), when known. */
  service?: string;
  charset: Charset;
  /** The request parameters Alipay echoed (XML `<request>`). */
  request: FieldView[];
  /** Name of the business node under `<response>` (`trade`, `tradeBase`…) or the OpenAPI `…_response` key. */
  businessNode?: string;
  fields: FieldView[];
  tables: TableView[];
  signature: SignatureView;
  /** The decoded text (what the raw view shows). */
  raw: string;
  /** What the reader should know before trusting what is shown: charset mismatch, spoofing characters, omitted columns. */
  warnings?: Text[];
}

const T = (en: string, zh: string): Text => ({ en, zh });

const AMOUNT_NAME = /(^|_)(fee|amount|price|balance|income|outcome|discount)$/i;
const AMOUNT_VALUE = /^-?\d{1,13}(\.\d{1,4})?$/;
const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;

function recognise(name: string, raw: string, kind: FieldKind | undefined): Recognised | undefined {
  if ((kind === 'amount' || (kind === undefined && AMOUNT_NAME.test(name))) && AMOUNT_VALUE.test(raw)) {
    return { type: 'amount', value: Number(raw) };
  }
  const d = DATE_VALUE.exec(raw);
  if (d && (kind === 'date' || kind === undefined || kind === 'string')) {
    return { type: 'date', iso: d[4] ? `${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6]}` : `${d[1]}-${d[2]}-${d[3]}` };
  }
  return undefined;
}

/** Meaning of an enumeration value, or of each item of a bracketed list `[A,B]`. */
export function enumMeaning(name: string, raw: string): { meaning: Text; note?: Text; inferred?: true } | undefined {
  const def = enumFor(name);
  if (!def || raw === '') return undefined;
  const list = /^\[(.*)\]$/.exec(raw);
  if (list) {
    const items = list[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
    const found = items.map((i) => enumValue(def, i));
    if (items.length === 0 || found.some((f) => !f)) return undefined;
    return {
      meaning: {
        en: found.map((f) => f!.meaning.en).join('; '),
        zh: found.map((f) => f!.meaning.zh).join('；'),
      },
      ...(found.some((f) => f!.source === 'inferred') ? { inferred: true as const } : {}),
    };
  }
  const v = enumValue(def, raw);
  return v ? { meaning: v.meaning, note: v.note, ...(v.source === 'inferred' ? { inferred: true as const } : {}) } : undefined;
}

/** Labels one field from the catalog: label, description, decoded value, amount/date. */
export function labelField(name: string, raw: string, group?: string, lookup: (name: string) => FieldDef | undefined = catalogField): FieldView {
  const def = lookup(name);
  const out: FieldView = { name, raw };
  if (group) out.group = group;
  if (hasUnsafeChars(name) || hasUnsafeChars(raw)) out.unsafe = true;
  if (def) {
    out.label = def.label;
    out.description = def.meaning;
    out.kind = def.kind;
    if (def.source === 'inferred') out.inferred = true;
  }
  const e = enumMeaning(name, raw);
  if (e) {
    out.meaning = e.meaning;
    if (e.note) out.note = e.note;
    if (e.inferred) out.inferred = true;
    out.kind ??= 'enum';
  }
  const r = recognise(name, raw, def?.kind);
  if (r) out.recognised = r;
  return out;
}

/** Builds a table, labelling columns and collecting the meanings of enum values seen. */
export function buildTable(name: string, path: string, records: Array<Array<[string, string]>>, lookup: (name: string) => FieldDef | undefined = catalogField): TableView {
  const index = new Map<string, number>();
  const columns: Column[] = [];
  const omitted = new Set<string>();
  const cap = Math.min(MAX_TABLE_COLUMNS, Math.max(MIN_TABLE_COLUMNS, Math.floor(MAX_TABLE_CELLS / Math.max(1, records.length))));
  for (const rec of records) {
    for (const [k] of rec) {
      if (index.has(k)) continue;
      if (columns.length < cap) {
        index.set(k, columns.length);
        columns.push({ name: k });
      } else omitted.add(k);
    }
  }
  const rows = records.map((rec) => {
    const row = new Array<string>(columns.length).fill('');
    for (const [k, v] of rec) {
      const i = index.get(k);
      if (i !== undefined) row[i] = v;
    }
    return row;
  });
  columns.forEach((c, i) => {
    const def = lookup(c.name);
    if (def) c.label = def.label;
    const values = rows.map((r) => r[i]).filter((v) => v !== '');
    if (enumFor(c.name)) {
      const meanings: Record<string, Text> = Object.create(null) as Record<string, Text>;
      for (const v of new Set(values)) {
        const m = enumMeaning(c.name, v);
        if (m) meanings[v] = m.meaning;
      }
      c.kind = 'enum';
      c.meanings = meanings;
    } else if (values.length > 0 && values.every((v) => recognise(c.name, v, def?.kind)?.type === 'amount')) c.kind = 'amount';
    else if (values.length > 0 && values.every((v) => DATE_VALUE.test(v))) c.kind = 'date';
    else if (def) c.kind = def.kind;
  });
  const def = lookup(name);
  const out: TableView = { name, path, label: def?.label, columns, rows };
  if (omitted.size) out.omittedColumns = omitted.size;
  return out;
}

export function errorView(code: string, message?: string): ErrorView {
  const out: ErrorView = { code };
  const entry = errorByCode(code);
  if (entry) out.entry = entry;
  if (message) out.message = message;
  return out;
}

export const TEXTS = {
  xmlOk: T('Request processed (is_success=T)', '请求已处理（is_success=T）'),
  xmlOkDetail: T(
    'is_success=T means the gateway processed the request, not that the business succeeded: read the business fields (trade_status…) below.',
    'is_success=T 表示网关已处理请求，并不代表业务成功：请查看下方的业务字段（trade_status 等）。',
  ),
  xmlFail: T('Request failed: {code}', '请求失败：{code}'),
  unknownCode: T('This code is not in the catalog.', '目录中没有这个错误码。'),
  xmlNoStatus: T('XML without is_success: not a MAPI gateway response', '没有 is_success 的 XML：不是 MAPI 网关响应'),
  notifyTitle: T('Asynchronous notification: {status}', '异步通知：{status}'),
  notifyNoStatus: T('Asynchronous notification', '异步通知'),
  notifyDetail: T(
    'Verify the signature, check that you have not already handled this trade (the same notification can arrive several times), then answer the plain text "success".',
    '先验签，再检查是否已处理过该交易（同一通知可能多次到达），然后返回纯文本 "success"。',
  ),
  requestDetail: T(
    'A request the merchant signs for the gateway, not something Alipay sent (decode is for answers, notifications and return URLs): alipay-toolkit verify checks and diagnoses its signature.',
    '这是商户签名、发往网关的请求，不是支付宝发来的内容（decode 用于解析应答、异步通知和同步返回）：请用 alipay-toolkit verify 验签并诊断。',
  ),
  returnTitle: T('Return URL (page redirect): {status}', '同步返回页（return_url）：{status}'),
  returnNoStatus: T('Return URL (page redirect)', '同步返回页（return_url）'),
  returnDetail: T(
    'The return URL only informs the buyer\'s page; fulfil orders from the asynchronous notification.',
    'return_url 只用于展示页面；请以异步通知为准处理订单。',
  ),
  textTrue: T('notify_verify answered "true": the notification is genuine', 'notify_verify 返回 "true"：通知是真实的'),
  textTrueDetail: T('Alipay confirms it sent this notify_id.', '支付宝确认该 notify_id 是它发出的。'),
  textFalse: T('notify_verify answered "false": not genuine, or checked too late', 'notify_verify 返回 "false"：通知不真实，或验证太晚'),
  textFalseDetail: T(
    'False also comes when the check is made more than a minute after the notification, or with the wrong partner.',
    '通知发出超过一分钟后再验证，或 partner 不对，也会返回 false。',
  ),
  textSuccess: T('"success": what a notify_url handler answers once it has processed the notification', '"success"：notify_url 处理完通知后应返回的内容'),
  textSuccessDetail: T('Anything else makes Alipay re-send the notification for up to 24 hours.', '返回其他内容，支付宝会在 24 小时内按策略重发通知。'),
  textFail: T('"fail": the handler did not accept the notification', '"fail"：处理程序未接受该通知'),
  textFailDetail: T('Alipay will re-send it on its schedule for up to 24 hours.', '支付宝会在 24 小时内按策略重发。'),
  openapiOk: T('OpenAPI call succeeded (code 10000)', 'OpenAPI 调用成功（code 10000）'),
  openapiFail: T('OpenAPI call failed: {code}', 'OpenAPI 调用失败：{code}'),
} satisfies Record<string, Text>;
