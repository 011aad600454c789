// Charsets of the legacy gateway (`_input_charset`): utf-8, gbk, gb2312.
// Values are percent-coded and signed over the bytes of this charset, so a
// wrong charset is a wrong signature: decoding is strict where it can be.
import { ToolkitError } from './i18n';
import { MAPI_CHARSET_PARAM, OPENAPI_CHARSET_PARAM } from './protocol';

export type Charset = 'utf-8' | 'gbk' | 'gb2312';

// iconv-lite and its GBK tables load on the first GBK/GB2312 use, not at start-up.
let iconvModule: typeof import('iconv-lite') | undefined;
function iconv(): typeof import('iconv-lite') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));
}
export const CHARSETS: readonly Charset[] = ['utf-8', 'gbk', 'gb2312'];

/** Accepts the spellings seen in the wild (`UTF-8`, `utf8`, `GBK`, `GB2312`). */
export function normalizeCharset(name: string, where = '_input_charset'): Charset {
  // Already canonical, as nearly every request writes it (the emulator asks per request);
  // the literal is returned, so later comparisons with it are identity checks.
  if (name === 'utf-8') return 'utf-8';
  if (name === 'gbk') return 'gbk';
  if (name === 'gb2312') return 'gb2312';
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  if (n === 'gbk' || n === 'cp936') return 'gbk';
  if (n === 'gb2312' || n === 'gb-2312') return 'gb2312';
  throw new ToolkitError(
    'UNKNOWN_CHARSET',
    {
      en: '{where}: unknown charset "{name}" (use utf-8, gbk or gb2312)',
      zh: '{where}：不支持的字符集 "{name}"（请使用 utf-8、gbk 或 gb2312）',
    },
    { where, name },
  );
}

export function encode(text: string, charset: Charset): Buffer {
  return charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv().encode(text, charset);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes; invalid UTF-8 is an error (it usually means the text is GBK),
 * not a silent U+FFFD that would break the signature later.
 */
export function decode(bytes: Uint8Array, charset: Charset, where = 'text'): string {
  if (charset !== 'utf-8') return iconv().decode(Buffer.from(bytes), charset);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ToolkitError(
      'BAD_BYTES',
      {
        en: '{where}: the bytes are not valid utf-8 (is it gbk? set _input_charset or --charset)',
        zh: '{where}：字节不是合法的 utf-8（是否为 gbk？请设置 _input_charset 或 --charset）',
      },
      { where },
    );
  }
}

/** True when every character can be written in the charset (GBK cannot hold every Unicode char). */
export function canEncode(text: string, charset: Charset): boolean {
  if (charset === 'utf-8') return true;
  return iconv().decode(iconv().encode(text, charset), charset) === text;
}

// Unreserved characters kept as-is by Java's URLEncoder and Ruby's encode_www_form,
// which produced the published vectors: A-Z a-z 0-9 * - . _ ; space becomes '+'.
const KEEP = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._') KEEP[c.charCodeAt(0)] = 1;
const HEX = '0123456789ABCDEF';

/** Form-style percent encoding of `text` in `charset` (`+` for space, uppercase hex). */
export function percentEncode(text: string, charset: Charset): string {
  // Fast path: plain ASCII that needs no escaping is the common case.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || !KEEP[c]) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  const bytes = encode(text, charset);
  let out = '';
  for (const b of bytes) {
    if (KEEP[b]) out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/**
 * Decodes one form-encoded component (`+` is a space). A bad escape names the
 * parameter and the offending text.
 */
export function percentDecode(text: string, charset: Charset, name: string): string {
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text; // nothing escaped (two scans beat a regex test here)
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '+') bytes.push(0x20);
    else if (ch === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new ToolkitError(
          'BAD_ESCAPE',
          {
            en: 'Parameter "{name}": bad percent escape "{escape}" at character {pos}',
            zh: '参数 "{name}"：第 {pos} 个字符处的百分号编码 "{escape}" 不合法',
          },
          { name, escape: text.slice(i, i + 3), pos: i + 1 },
        );
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // A run of literal characters (non-ASCII ones pasted from a log stay as typed).
      let end = i + 1;
      while (end < text.length && text[end] !== '%' && text[end] !== '+') end++;
      for (const b of encode(text.slice(i, end), charset)) bytes.push(b);
      i = end - 1;
    }
  }
  return decode(Buffer.from(bytes), charset, name);
}

/** `encoding="…"` of an XML declaration at the start of the text, if any. */
export function declaredEncoding(head: string): string | undefined {
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

/** True when the bytes hold at least one byte ≥ 0x80 (so utf-8 and gbk would read them differently). */
function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/**
 * What the bytes really are when they contradict the declared charset: valid
 * UTF-8 with multibyte sequences declared gbk/gb2312 (GBK text is almost never
 * valid UTF-8), or bytes declared utf-8 that are not UTF-8 but read cleanly as
 * GBK. Undefined when the declaration is plausible.
 */
export function charsetContradiction(bytes: Uint8Array, declared: Charset): Charset | undefined {
  if (!hasHighBytes(bytes)) return undefined;
  if (declared !== 'utf-8') {
    try {
      strictUtf8.decode(bytes);
      return 'utf-8';
    } catch {
      return undefined;
    }
  }
  try {
    strictUtf8.decode(bytes);
    return undefined;
  } catch {
    const text = iconv().decode(Buffer.from(bytes), 'gbk');
    return text.includes('\uFFFD') ? undefined : 'gbk';
  }
}

export const CHARSET_MISMATCH: { en: string; zh: string } = {
  en: 'The {where} declares {declared}, but its bytes are {actual}: decoded as {actual}. Check the charset the sender writes with (_input_charset / encoding).',
  zh: '{where}声明为 {declared}，但字节实际是 {actual}：已按 {actual} 解码。请检查发送方使用的字符集（_input_charset / encoding）。',
};

// `_input_charset=gbk`, `charset = GBK`, `"_input_charset": "gbk"`: the declaration as
// a query string, name = value lines or JSON write it (its value is ASCII in every charset).
const DECLARED = new RegExp(`(?:^|[?&\\s{,"])(${MAPI_CHARSET_PARAM}|${OPENAPI_CHARSET_PARAM})"?[ \\t]*[=:][ \\t]*"?[ \\t]*([A-Za-z0-9_-]{1,20})`, 'g');

/**
 * The charset parameter a request's bytes declare, read as ASCII: its name and
 * value as written. `_input_charset` wins over `charset` wherever each is, as core/params reads them.
 */
export function declaredRequestCharset(bytes: Uint8Array): { param: string; value: string } | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('latin1');
  let other: { param: string; value: string } | undefined;
  for (const m of text.matchAll(DECLARED)) {
    if (m[1] === MAPI_CHARSET_PARAM) return { param: m[1], value: m[2] };
    other ??= { param: m[1], value: m[2] };
  }
  return other;
}

/**
 * A request's text from its bytes (a file or standard input): UTF-8 when they
 * are UTF-8; else the charset `override` (--charset) names, else the one the
 * request itself declares (`_input_charset=gbk` in a GBK file). Bytes that are
 * not UTF-8 and declare nothing else are an error naming `where` and, when they
 * read cleanly as GBK, saying so.
 */
export function decodeRequestBytes(bytes: Uint8Array, where: string, override?: Charset): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // not UTF-8: the charset named below decides
  }
  const declared = declaredRequestCharset(bytes);
  let named: Charset | undefined = override;
  if (!named && declared) {
    try {
      named = normalizeCharset(declared.value, declared.param);
    } catch {
      named = undefined; // an unknown name: the parser reports it with its parameter
    }
  }
  if (named && named !== 'utf-8') return decode(bytes, named, where);
  // GBK text read as UTF-8 is almost never valid; saying so names the usual cause.
  const gbk = charsetContradiction(bytes, 'utf-8') === 'gbk';
  const asGbk = { en: gbk ? ' (they read as GBK)' : '', zh: gbk ? '（按 GBK 可正常读取）' : '' };
  if (declared && named === 'utf-8') {
    throw new ToolkitError(
      'BAD_BYTES',
      {
        en: `{where}: {param}={value} but the bytes are not UTF-8${asGbk.en}: save the file as UTF-8, or declare {param}=gbk`,
        zh: `{where}：{param}={value}，但字节不是 UTF-8${asGbk.zh}：请将文件保存为 UTF-8，或声明 {param}=gbk`,
      },
      { where, param: declared.param, value: declared.value },
    );
  }
  throw new ToolkitError(
    'BAD_BYTES',
    {
      en: `{where}: the bytes are not UTF-8${asGbk.en} and the request declares no charset: add _input_charset=gbk (charset=gbk for OpenAPI) or give --charset gbk`,
      zh: `{where}：字节不是 UTF-8${asGbk.zh}，且请求未声明字符集：请加上 _input_charset=gbk（OpenAPI 用 charset=gbk）或使用 --charset gbk`,
    },
    { where },
  );
}
