// The gateway's XML answers, byte-for-byte in the shape of the real one
// (seeds 002/003): `<alipay><is_success>…`, encoded in the request's charset.
import { Charset, encode } from '../core/charset';
import type { Param } from '../core/params';

const DECL: Record<Charset, string> = { 'utf-8': 'utf-8', gbk: 'GBK', gb2312: 'GB2312' };

// XML 1.0 cannot carry most control characters at all: they are dropped from echoes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const NEEDS = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const entity = (c: string): string => ENTITY[c];

export function xmlEscape(s: string): string {
  if (!NEEDS.test(s)) return s; // the common case: nothing to escape (this runs per field per answer)
  return s.replace(CONTROL, '').replace(/[&<>"']/g, entity);
}

function head(charset: Charset): string {
  return `<?xml version="1.0" encoding="${DECL[charset]}"?>`;
}

export function errorXml(code: string, charset: Charset = 'utf-8'): Buffer {
  return encode(`${head(charset)}<alipay><is_success>F</is_success><error>${xmlEscape(code)}</error></alipay>`, charset);
}

export interface SuccessXml {
  /** The request's parameters echoed in `<request>` (sign and sign_type left out, as the seeds show). */
  request: readonly Param[];
  /** Business node, e.g. 'trade' or 'tradeBase'; absent for answers with no <response>. */
  node?: string;
  /** Its children, already sorted and without empty values. */
  fields?: readonly Param[];
  sign?: string;
  signType?: string;
}

/** `<response>…</response><sign>…</sign><sign_type>…</sign_type>`: the part that depends only on the trade (cacheable). */
export function signedResponseXml(node: string, fields: readonly Param[], sign: string, signType: string): string {
  let out = `<response><${node}>`;
  for (const f of fields) out += `<${f.name}>${xmlEscape(f.value)}</${f.name}>`;
  return out + `</${node}></response><sign>${xmlEscape(sign)}</sign><sign_type>${xmlEscape(signType)}</sign_type>`;
}

export function successXml(x: SuccessXml, charset: Charset, signedResponse = ''): Buffer {
  return encode(successHead(x, charset) + signedResponse + CLOSE, charset);
}

const CLOSE = '</alipay>';
/** ASCII: the same bytes in every charset. */
const CLOSE_BYTES = Buffer.from(CLOSE);

/**
 * The bytes of successXml around a signed response already encoded in `charset` (cached per
 * trade version): only the small per-request head is encoded. One buffer, as a plain server
 * answers (the socket gets head and body in one two-piece writev); encoding the head on its own
 * and concatenating costs less than measuring, then writing it into a buffer of the total size.
 */
export function successXmlAround(x: SuccessXml, charset: Charset, signedResponse: Buffer): Buffer {
  const head = encode(successHead(x, charset), charset);
  return Buffer.concat([head, signedResponse, CLOSE_BYTES], head.length + signedResponse.length + CLOSE_BYTES.length);
}

function successHead(x: SuccessXml, charset: Charset): string {
  let out = `${head(charset)}<alipay><is_success>T</is_success>`;
  if (x.request.length) {
    out += '<request>';
    for (const p of x.request) out += `<param name="${xmlEscape(p.name)}">${xmlEscape(p.value)}</param>`;
    out += '</request>';
  }
  if (x.node && x.fields && x.sign !== undefined) out += signedResponseXml(x.node, x.fields, x.sign, x.signType ?? '');
  return out;
}

type ContentKind = 'xml' | 'html' | 'text';
const MEDIA: Record<ContentKind, string> = { xml: 'text/xml', html: 'text/html', text: 'text/plain' };
// Made once: every answer carries one.
const CONTENT_TYPES = Object.fromEntries(
  (Object.keys(MEDIA) as ContentKind[]).map((kind) => [kind, Object.fromEntries((Object.keys(DECL) as Charset[]).map((c) => [c, `${MEDIA[kind]}; charset=${DECL[c]}`]))]),
) as Record<ContentKind, Record<Charset, string>>;

export function contentType(kind: ContentKind, charset: Charset): string {
  return CONTENT_TYPES[kind][charset];
}
