// Bounded XML reading for gateway responses. Every input may be hostile: no
// DTD (so no entity expansion — billion laughs cannot start), a size bound that
// keeps parsing well under two seconds, a nesting bound, and invalid XML
// reported with its line and column. Only ToolkitError leaves this file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Charset, declaredEncoding, decode, normalizeCharset } from '../charset';

export { declaredEncoding };
import { ToolkitError } from '../i18n';

/**
 * Largest input decoded. Validation + parsing run at ~5–6 MB/s on an idle
 * machine (bench/decode.js), so 5 MB stays under the two-second budget with
 * room for a busy one; a full gateway page (account.page.query, 5,000 rows)
 * is ~3 MB.
 */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Deepest element nesting accepted (real responses nest ≤ 6). */
export const MAX_XML_DEPTH = 64;

/** An element's content as the parser gives it: text, an element map, or repeated elements. */
export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue;
}
export const ATTR = '@_';
export const TEXT = '#text';

export function tooLarge(size: number): ToolkitError {
  return new ToolkitError(
    'TOO_LARGE',
    {
      en: 'The input is {mb} MB; responses larger than {max} MB are not decoded (no gateway response page is that large)',
      zh: '输入大小为 {mb} MB；超过 {max} MB 的响应不予解析（网关的单页响应不会这么大）',
    },
    { mb: (size / 1024 / 1024).toFixed(1), max: MAX_RESPONSE_BYTES / 1024 / 1024 },
  );
}

function lineCol(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, col: index - last };
}

function invalid(line: number, col: number, reason: string): ToolkitError {
  return new ToolkitError(
    'BAD_XML',
    { en: 'Invalid XML at line {line}, column {col}: {reason}', zh: 'XML 不合法（第 {line} 行第 {col} 列）：{reason}' },
    { line, col, reason },
  );
}

// The five predefined entities and character references; nothing user-defined.
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name];
    const cp = dec ? parseInt(dec, 10) : parseInt(hex as string, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

let parser: XMLParser | undefined;
function getParser(): XMLParser {
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    textNodeName: TEXT,
    parseTagValue: false, // "0.00" and 28-digit trade numbers stay text
    parseAttributeValue: false,
    processEntities: false, // no DTD entities, ever
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: MAX_XML_DEPTH,
    tagValueProcessor: (_name: string, value: string) => decodeEntities(value),
    attributeValueProcessor: (_name: string, value: string) => decodeEntities(value),
  });
  return parser;
}

/** Where the element nesting first exceeds `limit` (only called on the error path). */
function depthPosition(text: string, limit: number): number {
  let depth = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const c = text[i + 1];
    if (c === '/') depth--;
    else if (c !== '?' && c !== '!') {
      const end = text.indexOf('>', i);
      if (end !== -1 && text[end - 1] === '/') continue;
      if (++depth > limit) return i;
    }
  }
  return 0;
}

/** Parses response XML into plain objects; throws ToolkitError (BAD_XML, XML_DTD, TOO_LARGE). */
export function parseXml(text: string): XmlElement {
  if (text.length > MAX_RESPONSE_BYTES) throw tooLarge(text.length);
  const dtd = text.search(/<!DOCTYPE/i);
  if (dtd !== -1) {
    const { line, col } = lineCol(text, dtd);
    throw new ToolkitError(
      'XML_DTD',
      {
        en: 'Line {line}, column {col}: the XML has a DOCTYPE. Gateway responses never do, and entity definitions are not expanded, so it is refused',
        zh: '第 {line} 行第 {col} 列：XML 含有 DOCTYPE。网关响应从不包含它，且实体定义不会被展开，因此拒绝解析',
      },
      { line, col },
    );
  }
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw invalid(verdict.err.line, verdict.err.col, verdict.err.msg);
  try {
    return getParser().parse(text) as XmlElement;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/nested tags/i.test(msg)) {
      const { line, col } = lineCol(text, depthPosition(text, MAX_XML_DEPTH));
      throw invalid(line, col, `elements nested deeper than ${MAX_XML_DEPTH} levels`);
    }
    throw invalid(1, 1, msg.slice(0, 200));
  }
}

/**
 * Bytes to text: a BOM wins, then an XML declaration's encoding, then the
 * `fallback` (a form body's charset), then strict UTF-8.
 */
export function decodeResponseBytes(bytes: Buffer, fallback?: Charset): { text: string; charset: Charset } {
  if (bytes.length > MAX_RESPONSE_BYTES) throw tooLarge(bytes.length);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode(bytes.subarray(3), 'utf-8', 'input'), charset: 'utf-8' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), charset: 'utf-8' };
  }
  const declared = declaredEncoding(bytes.subarray(0, 256).toString('latin1'));
  const charset = declared ? normalizeCharset(declared, 'XML declaration encoding') : (fallback ?? 'utf-8');
  return { text: decode(bytes, charset, 'input'), charset };
}
