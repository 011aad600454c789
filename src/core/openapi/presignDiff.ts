// The OpenAPI gateway's `isv.invalid-signature` error carries the exact string
// it verified ("…网关生成的验签字符串为：<string>"). This finds that string in
// what the gateway answered (JSON error, HTML error page, or the bare string),
// and compares it, parameter by parameter, with the pre-sign string of the
// request the user sent, naming the likely cause of each difference.
import type { Text } from '../i18n';
import { ToolkitError } from '../i18n';
import type { Param } from '../params';
import { isSignParam } from '../protocol';

export const VERIFY_STRING_MARKER = '网关生成的验签字符串为';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** `&amp;` `&quot;` `&#38;` `&#x26;` … → characters (one pass: `&amp;amp;` becomes `&amp;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? m;
  });
}

function noVerifyString(): ToolkitError {
  return new ToolkitError('NO_VERIFY_STRING', {
    en: 'No gateway verify string found: expected the isv.invalid-signature error (JSON or HTML) containing "网关生成的验签字符串为：", or the bare string',
    zh: '没有找到网关验签字符串：应为包含“网关生成的验签字符串为：”的 isv.invalid-signature 错误（JSON 或 HTML），或该字符串本身',
  });
}

/** Every string value in a JSON document (sub_msg may sit anywhere). */
function jsonStrings(v: unknown, out: string[], depth = 0): void {
  if (depth > 32) return;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => jsonStrings(x, out, depth + 1));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => jsonStrings(x, out, depth + 1));
}

function afterMarker(text: string): string | undefined {
  const i = text.indexOf(VERIFY_STRING_MARKER);
  if (i < 0) return undefined;
  return text.slice(i + VERIFY_STRING_MARKER.length).replace(/^\s*[:：]\s*/, '');
}

export interface VerifyStringFound {
  form: 'json' | 'html' | 'bare';
  /** The string the gateway verified, entities decoded. */
  text: string;
}

/** Finds the gateway's verify string in its answer. Throws NO_VERIFY_STRING. */
export function extractVerifyString(answer: string): VerifyStringFound {
  const t = answer.replace(/^\uFEFF/, '').trim();
  if (t.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(t);
    } catch {
      doc = undefined;
    }
    if (doc !== undefined) {
      const strings: string[] = [];
      jsonStrings(doc, strings);
      for (const s of strings) {
        const rest = afterMarker(s);
        if (rest !== undefined && rest.trim() !== '') return { form: 'json', text: decodeEntities(rest.replace(/[\r\n]+$/, '')) };
      }
      throw noVerifyString();
    }
  }
  if (/<(html|body|div|p|span|td|pre|h\d)\b/i.test(t)) {
    const rest = afterMarker(t);
    if (rest === undefined) throw noVerifyString();
    // The string runs to the end of its element; markup inside it is entity-encoded.
    const end = rest.search(/<|[\r\n]/);
    const s = (end < 0 ? rest : rest.slice(0, end)).trim();
    if (s === '') throw noVerifyString();
    return { form: 'html', text: decodeEntities(s) };
  }
  const rest = afterMarker(t);
  const s = (rest ?? t).replace(/[\r\n]+$/, '');
  if (!/^[A-Za-z_][\w.;]*=/.test(s)) throw noVerifyString();
  return { form: 'bare', text: decodeEntities(s) };
}

/**
 * Splits a pre-sign string into parameters. Values may hold `&` (biz_content
 * JSON, return URLs), so a new parameter starts only at `&name=` outside a
 * JSON value, and (when known) only for names the request also uses or that
 * look like parameter names.
 */
export function splitPresign(text: string, knownNames: ReadonlySet<string>): Param[] {
  const out: Param[] = [];
  const first = /^([A-Za-z_][\w.;]*)=/.exec(text);
  if (!first) return [{ name: text, value: '' }];
  let name = first[1];
  let start = first[0].length;
  let depth = 0;
  let inString = false;
  const jsonValue = (): boolean => text[start] === '{' || text[start] === '[';
  for (let i = start; i <= text.length; i++) {
    if (i === text.length) {
      out.push({ name, value: text.slice(start) });
      break;
    }
    const c = text[i];
    if (jsonValue()) {
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      if (depth > 0) continue;
    }
    if (c !== '&') continue;
    const m = /^&([A-Za-z_][\w.;]*)=/.exec(text.slice(i, i + 80));
    if (!m) continue;
    const next = m[1];
    // The string is sorted: a later parameter's name sorts after this one's. `&amp;name=` (an
    // encoded separator) also starts a parameter: the cause is reported later.
    if (next <= name) continue;
    if (!knownNames.has(next) && !knownNames.has(next.replace(/^amp;/, '')) && !COMMON_PARAMS.has(next) && !/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(next)) continue;
    out.push({ name, value: text.slice(start, i) });
    name = next;
    start = i + m[0].length;
    depth = 0;
    inString = false;
    i = start - 1;
  }
  return out;
}

/** OpenAPI common request parameters: a parameter boundary even when the request lacks them. */
const COMMON_PARAMS = new Set(['app_id', 'method', 'format', 'charset', 'sign_type', 'sign', 'timestamp', 'version', 'notify_url', 'return_url', 'biz_content', 'app_auth_token', 'auth_token', 'encrypt_type', 'app_cert_sn', 'alipay_root_cert_sn', 'prod_code', 'terminal_type', 'terminal_info']);

export interface Difference {
  name: string;
  ours?: string;
  gateway?: string;
  cause: Text;
}

const T = (en: string, zh: string): Text => ({ en, zh });

export const CAUSES = {
  onlyOurs: T('only in our request: the gateway did not receive it (lost in transit, or sent in the body while the gateway read the query)', '只在我方请求中：网关没有收到（传输中丢失，或放在请求体中而网关读取的是查询串）'),
  onlyGateway: T('only on the gateway side: it was sent but not signed (added after signing, or by a proxy / SDK)', '只在网关一侧：已发送但未参与签名（签名后才添加，或由代理/SDK 添加）'),
  emptyKept: T('empty value kept: empty parameters are left out of the string the gateway verifies; do not sign (or send) them', '保留了空值：网关验签字符串不含空值参数；不要签名（或发送）空值参数'),
  charsetCase: T('charset case differs (UTF-8 vs utf-8): sign exactly the value you send', '字符集大小写不同（UTF-8 与 utf-8）：签名的值必须与发送的值完全一致'),
  whitespace: T('whitespace differs (leading/trailing space or a line break): values are signed byte for byte, never trimmed', '空白字符不同（首尾空格或换行）：值按字节签名，不会去除空格'),
  entity: T('an HTML entity left encoded (&amp; / &quot;): the value was HTML-escaped on one side', 'HTML 实体未解码（&amp; / &quot;）：一方对值做了 HTML 转义'),
  entitySeparator: T('the separator before it was sent as "&amp;": the parameter arrived as "amp;{name}" (an HTML-escaped URL)', '它前面的分隔符以 "&amp;" 发出：网关收到的参数名为 "amp;{name}"（URL 被 HTML 转义）'),
  urlEncoded: T('URL-encoding differs: one side signed the percent-encoded value; sign the raw value', 'URL 编码不同：一方签名的是百分号编码后的值；应签名原始值'),
  plusSpace: T('"+" became a space (or the reverse): a form/URL decoder turned "+" into a space', '"+" 变成了空格（或相反）：表单/URL 解码把 "+" 当作空格'),
  bizReserialised: T('biz_content re-serialised: same JSON, different spacing or escaping; sign the exact string you send', 'biz_content 被重新序列化：JSON 内容相同但空格或转义不同；签名的字符串必须与发送的完全一致'),
  bizReordered: T('biz_content re-ordered: same members in a different order (a map re-serialised); sign the exact string you send', 'biz_content 成员顺序不同（映射被重新序列化）；签名的字符串必须与发送的完全一致'),
  timestamp: T('timestamp reformatted: same time written differently; the gateway expects "yyyy-MM-dd HH:mm:ss" exactly as signed', 'timestamp 格式被改写：同一时间的不同写法；网关要求 "yyyy-MM-dd HH:mm:ss"，且与签名时完全一致'),
  caseOnly: T('letter case differs', '大小写不同'),
  value: T('value differs', '值不同'),
} satisfies Record<string, Text>;

function sameJson(a: string, b: string): 'same-order' | 'reordered' | undefined {
  let x: unknown;
  let y: unknown;
  try {
    x = JSON.parse(a);
    y = JSON.parse(b);
  } catch {
    return undefined;
  }
  if (JSON.stringify(x) === JSON.stringify(y)) return 'same-order';
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([k1], [k2]) => (k1 < k2 ? -1 : 1)).map(([k, w]) => [k, canon(w)])) : v;
  return JSON.stringify(canon(x)) === JSON.stringify(canon(y)) ? 'reordered' : undefined;
}

function asTime(v: string): number | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(v.trim());
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
}

function safeDecode(v: string): string | undefined {
  try {
    return decodeURIComponent(v.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

/** Why two values of the same parameter differ. */
export function causeOf(name: string, ours: string, gateway: string): Text {
  if (name === 'charset' && ours.toLowerCase() === gateway.toLowerCase()) return CAUSES.charsetCase;
  if (ours.trim() === gateway.trim() || ours.replace(/\s+/g, '') === gateway.replace(/\s+/g, '')) {
    if (ours.replace(/ /g, '+') === gateway.replace(/ /g, '+')) return CAUSES.plusSpace;
    const j = sameJson(ours, gateway);
    if (name === 'biz_content' && j === 'same-order') return CAUSES.bizReserialised;
    return CAUSES.whitespace;
  }
  if (decodeEntities(ours) === gateway || ours === decodeEntities(gateway)) return CAUSES.entity;
  if (ours.replace(/ /g, '+') === gateway.replace(/ /g, '+')) return CAUSES.plusSpace;
  const j = sameJson(ours, gateway);
  if (j === 'same-order') return CAUSES.bizReserialised;
  if (j === 'reordered') return CAUSES.bizReordered;
  if (safeDecode(ours) === gateway || ours === safeDecode(gateway)) return CAUSES.urlEncoded;
  const ta = asTime(ours);
  if (ta !== undefined && ta === asTime(gateway)) return CAUSES.timestamp;
  if (ours.toLowerCase() === gateway.toLowerCase()) return CAUSES.caseOnly;
  return CAUSES.value;
}

export interface PresignDiff {
  same: boolean;
  ours: string;
  gateway: string;
  form: VerifyStringFound['form'];
  differences: Difference[];
}

/**
 * Compares the request as sent (every parameter but `sign`, sorted — OpenAPI
 * signs `sign_type` — empty values kept so that they can be named) with the
 * gateway's verify string.
 */
export function diffPresign(answer: string, request: readonly Param[]): PresignDiff {
  const found = extractVerifyString(answer);
  const mine = request.filter((p) => !isSignParam(p.name));
  const sorted = [...mine].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const oursText = sorted.filter((p) => p.value !== '').map((p) => `${p.name}=${p.value}`).join('&');
  const names = new Set(sorted.map((p) => p.name));
  const theirs = splitPresign(found.text, names);
  const theirMap = new Map(theirs.map((p) => [p.name, p.value]));
  const diffs: Difference[] = [];
  const seen = new Set<string>();
  for (const p of sorted) {
    seen.add(p.name);
    const g = theirMap.get(p.name);
    if (g === undefined) {
      if (theirMap.has(`amp;${p.name}`)) {
        seen.add(`amp;${p.name}`);
        diffs.push({ name: p.name, ours: p.value, gateway: theirMap.get(`amp;${p.name}`), cause: { en: CAUSES.entitySeparator.en.replace('{name}', p.name), zh: CAUSES.entitySeparator.zh.replace('{name}', p.name) } });
      } else diffs.push({ name: p.name, ours: p.value, cause: p.value === '' ? CAUSES.emptyKept : CAUSES.onlyOurs });
    } else if (g !== p.value) {
      diffs.push({ name: p.name, ours: p.value, gateway: g, cause: causeOf(p.name, p.value, g) });
    }
  }
  for (const p of theirs) {
    if (seen.has(p.name)) continue;
    diffs.push({ name: p.name, gateway: p.value, cause: p.value === '' ? CAUSES.emptyKept : CAUSES.onlyGateway });
  }
  const same = diffs.length === 0 && oursText === found.text;
  if (!same && diffs.length === 0) diffs.push({ name: '*', ours: oursText, gateway: found.text, cause: CAUSES.value });
  return { same, ours: oursText, gateway: found.text, form: found.form, differences: diffs };
}
