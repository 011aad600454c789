// Bounded XML reading for gateway responses. Every input may be hostile: no
// DTD (so no entity expansion — billion laughs cannot start), a size bound that
// keeps parsing well under two seconds, a nesting bound, and invalid XML
// reported with its line and column. Well-formedness is checked while reading
// (one pass, no separate validator pass: fast-xml-parser validate + parse took
// ~10x as long on the 1.5 MB statement, which delayed the preview by seconds).
// Only ToolkitError leaves this file.
import { CHARSET_MISMATCH, Charset, charsetContradiction, declaredEncoding, decode, normalizeCharset } from '../charset';

export { declaredEncoding };
import { ToolkitError } from '../i18n';

/**
 * Largest input decoded. The one-pass reader below decodes the 1.5 MB
 * statement in well under 100 ms (bench/decode.js), so 5 MB stays far inside
 * the two-second budget even on a busy machine; a full gateway page
 * (account.page.query, 5,000 rows) is ~3 MB.
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

const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7-\uFFFF]*$/;
// One attribute after whitespace: name = "value" | 'value' (no '<' in values, as XML requires).
const ATTRIBUTE = /[ \t\r\n]+([^\s=/>"'<]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#\d+|#x[0-9a-fA-F]+);/y;

/** An element being read: its name, where it opened, its attributes/children, its text so far. */
interface Open {
  name: string;
  at: number;
  el: XmlElement | undefined;
  text: string;
}

function fail(text: string, at: number, reason: string): never {
  const { line, col } = lineCol(text, at);
  throw invalid(line, col, reason);
}

function addChild(parent: XmlElement, name: string, value: XmlValue): void {
  if (!Object.prototype.hasOwnProperty.call(parent, name)) {
    // An own property even for "__proto__": element names never touch the prototype.
    if (name === '__proto__') Object.defineProperty(parent, name, { value, enumerable: true, writable: true, configurable: true });
    else parent[name] = value;
    return;
  }
  const cur = parent[name];
  // Element values are strings or objects, so an array here is already the repeated list.
  if (Array.isArray(cur)) cur.push(value);
  else parent[name] = [cur, value];
}

/** Text between markup: entity references checked (a bare '&' is invalid XML) and decoded. */
function textSegment(text: string, from: number, to: number): string {
  const seg = text.slice(from, to);
  if (!seg.includes('&')) return seg;
  for (let i = seg.indexOf('&'); i !== -1; i = seg.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    if (!REFERENCE.test(seg)) fail(text, from + i, "'&' that does not start an entity reference (write &amp;)");
  }
  return decodeEntities(seg);
}

/**
 * Reads the XML in one pass, checking well-formedness as it goes (so invalid
 * XML gets its line and column without a separate validation pass). The
 * shape is fast-xml-parser's: attributes as `@_name`, text as `#text` beside
 * children or attributes, a bare string otherwise, repeated elements as
 * arrays, text trimmed. Declarations, processing instructions and comments are
 * skipped; CDATA is text taken literally. DOCTYPE is refused before this runs.
 */
function readXml(text: string): XmlElement {
  const doc: XmlElement = {};
  const stack: Open[] = [];
  const n = text.length;
  let rootDone = false;
  const names = new Set<string>(); // element names already checked (responses repeat a few dozen)
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const top = stack[stack.length - 1];
      if (top) {
        // Whitespace between elements (most segments of a response) adds nothing: text is trimmed.
        if (top.text !== '' || text.slice(i, end).trim() !== '') top.text += textSegment(text, i, end);
      }
      else {
        const lead = text.slice(i, end).search(/\S/);
        if (lead !== -1) fail(text, i + lead, 'text outside the root element');
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x2f /* </ */) {
      const gt = text.indexOf('>', lt);
      if (gt === -1) fail(text, lt, 'unterminated closing tag');
      const top = stack.pop();
      // The usual case compared in place: </name> right after the name.
      const name = top && gt === lt + 2 + top.name.length && text.startsWith(top.name, lt + 2) ? top.name : text.slice(lt + 2, gt).trimEnd();
      if (!top) fail(text, lt, `closing tag '${name.slice(0, 80)}' without an opening tag`);
      if (top.name !== name) {
        const o = lineCol(text, top.at);
        fail(text, lt, `expected closing tag '${top.name.slice(0, 80)}' (opened at line ${o.line}, column ${o.col}) instead of '${name.slice(0, 80)}'`);
      }
      const t = top.text.trim();
      let value: XmlValue;
      if (top.el) {
        if (t) top.el[TEXT] = t;
        value = top.el;
      } else value = t;
      const parent = stack[stack.length - 1];
      if (parent) addChild((parent.el ??= {}), top.name, value);
      else {
        addChild(doc, top.name, value);
        rootDone = true;
      }
      i = gt + 1;
    } else if (c === 0x3f /* <? */) {
      const e = text.indexOf('?>', lt + 2);
      if (e === -1) fail(text, lt, 'unterminated processing instruction');
      i = e + 2;
    } else if (c === 0x21 /* <! */) {
      if (text.startsWith('<!--', lt)) {
        const e = text.indexOf('-->', lt + 4);
        if (e === -1) fail(text, lt, 'unterminated comment');
        i = e + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const top = stack[stack.length - 1];
        if (!top) fail(text, lt, 'CDATA outside the root element');
        const e = text.indexOf(']]>', lt + 9);
        if (e === -1) fail(text, lt, 'unterminated CDATA section');
        top.text += text.slice(lt + 9, e);
        i = e + 3;
      } else fail(text, lt, 'unexpected markup declaration');
    } else {
      let j = lt + 1;
      for (; j < n; j++) {
        const ch = text.charCodeAt(j);
        if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e) break;
      }
      const name = text.slice(lt + 1, j);
      if (!names.has(name)) {
        if (!NAME.test(name)) fail(text, lt, `'${name.slice(0, 80)}' is not a valid element name`);
        names.add(name);
      }
      if (stack.length === 0 && rootDone) fail(text, lt, 'a second root element');
      if (stack.length >= MAX_XML_DEPTH) fail(text, lt, `elements nested deeper than ${MAX_XML_DEPTH} levels`);
      let el: XmlElement | undefined;
      while (text.charCodeAt(j) !== 0x3e) {
        ATTRIBUTE.lastIndex = j;
        const m = ATTRIBUTE.exec(text);
        if (!m) break;
        el ??= {};
        const key = ATTR + m[1];
        if (Object.prototype.hasOwnProperty.call(el, key)) fail(text, j, `attribute '${m[1].slice(0, 80)}' is repeated`);
        el[key] = decodeEntities(m[2] ?? m[3]);
        j = ATTRIBUTE.lastIndex;
      }
      while (j < n && /\s/.test(text[j])) j++;
      const self = text.charCodeAt(j) === 0x2f;
      if (text.charCodeAt(self ? j + 1 : j) !== 0x3e) fail(text, j, `malformed tag '${name.slice(0, 80)}' (attributes are written name="value")`);
      i = self ? j + 2 : j + 1;
      if (self) {
        const parent = stack[stack.length - 1];
        if (parent) addChild((parent.el ??= {}), name, el ?? '');
        else {
          addChild(doc, name, el ?? '');
          rootDone = true;
        }
      } else stack.push({ name, at: lt, el, text: '' });
    }
  }
  const open = stack[stack.length - 1];
  if (open) fail(text, open.at, `element '${open.name.slice(0, 80)}' is not closed`);
  if (!rootDone) fail(text, 0, 'no root element');
  return doc;
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
  return readXml(text);
}

/**
 * Bytes to text: a BOM wins, then an XML declaration's encoding, then the
 * `fallback` (a form body's charset), then strict UTF-8.
 */
export function decodeResponseBytes(bytes: Buffer, fallback?: Charset): { text: string; charset: Charset; warning?: { en: string; zh: string } } {
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
  // Bytes that contradict the declaration are read as what they are, with a warning naming both:
  // silent mojibake (or a bare "not utf-8" error) hides a sender's charset bug.
  const actual = charsetContradiction(bytes, charset);
  if (actual) {
    const where = declared ? { en: 'XML declaration', zh: 'XML 声明' } : fallback ? { en: '--charset option', zh: '--charset 选项' } : { en: 'input (utf-8 by default)', zh: '输入（默认 utf-8）' };
    const args = { declared: charset, actual };
    const fill = (t: string, lang: 'en' | 'zh') => t.replace(/\{(\w+)\}/g, (m, k: string) => (k === 'where' ? where[lang] : k in args ? args[k as keyof typeof args] : m));
    return { text: decode(bytes, actual, 'input'), charset: actual, warning: { en: fill(CHARSET_MISMATCH.en, 'en'), zh: fill(CHARSET_MISMATCH.zh, 'zh') } };
  }
  return { text: decode(bytes, charset, 'input'), charset };
}
