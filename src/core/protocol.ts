/**
 * The protocol's facts as data (../shared/protocol.md), in one place and with
 * no imports: every front end, the emulator, the doctor and the resolver read
 * them here instead of spelling out `'sign'`, a charset default or a host check.
 *
 *   SIGN_PARAM, SIGN_TYPE_PARAM, WAP_SIGN_TYPE_PARAM   the signature parameter names
 *   isSignatureParam(name)        sign / sign_type, case-insensitively (the Java demo's rule)
 *   FAMILIES, VARIANTS            MAPI / OpenAPI and each message variant's content rule
 *   DEFAULT_CHARSET               what a gateway reads when the request names no charset
 *   SANDBOX_HOSTS, PRODUCTION_HOSTS
 *   isProduction(url, profile?)   THE real-money decision (status bar, send, open, doctor)
 */

/** The signature itself. */
export const SIGN_PARAM = 'sign';
/** The signature type (MAPI and OpenAPI). */
export const SIGN_TYPE_PARAM = 'sign_type';
/** WAP 2.0's name for the signature type (`MD5` or `0001` = RSA); it IS signed. */
export const WAP_SIGN_TYPE_PARAM = 'sec_id';
/** The MAPI charset parameter (must be in the query string, even for POST). */
export const MAPI_CHARSET_PARAM = '_input_charset';
/** The OpenAPI charset parameter. */
export const OPENAPI_CHARSET_PARAM = 'charset';

/** `sign` or `sign_type`, names compared case-insensitively (as the Java demo does). */
export function isSignatureParam(name: string): boolean {
  // Only 4- and 9-letter names starting with s/S can be either: the rest skip the lower-casing (every signed request asks).
  const n = (name.length === 4 || name.length === 9) && (name.charCodeAt(0) | 0x20) === 0x73 ? name.toLowerCase() : '';
  return n === SIGN_PARAM || n === SIGN_TYPE_PARAM;
}

/** `sign`, case-insensitively. */
export function isSignParam(name: string): boolean {
  return name.length === 4 && name.toLowerCase() === SIGN_PARAM;
}

/** The signature a message carries (its first `sign`, any case), or undefined when it has none or an empty one. */
export function carriedSign(params: readonly { name: string; value: string }[]): string | undefined {
  const value = params.find((p) => isSignParam(p.name))?.value;
  return value ? value : undefined;
}

/** `sign_type`, case-insensitively. */
export function isSignTypeParam(name: string): boolean {
  return name.length === 9 && name.toLowerCase() === SIGN_TYPE_PARAM;
}

export type Family = 'mapi' | 'openapi';
export type CharsetName = 'utf-8' | 'gbk' | 'gb2312';
export type SignTypeName = 'MD5' | 'RSA' | 'RSA2' | 'DSA';

export interface FamilyFacts {
  id: Family;
  /** Sign types the family uses, the gateway's default first. */
  signTypes: readonly SignTypeName[];
  defaultSignType: SignTypeName;
  /** What Alipay's gateway takes in `sign_type`; anything else is ILLEGAL_SIGN_TYPE. */
  gatewaySignTypes: readonly SignTypeName[];
  /** The parameter that names the charset. */
  charsetParam: string;
  /** What the gateway reads when the request names no charset. */
  defaultCharset: CharsetName;
  label: { en: string; zh: string };
}

// `@__PURE__` on these tables: the extension's entry bundle imports this file for
// isProduction only, and esbuild drops an unused table only when told its call is pure.
export const FAMILIES: Readonly<Record<Family, FamilyFacts>> = /* @__PURE__ */ Object.freeze({
  // RSA2 is not a MAPI sign type on Alipay's gateway (the emulator rejects it as
  // ILLEGAL_SIGN_TYPE) but the toolkit signs with it when asked (README), so it is listed last.
  mapi: { id: 'mapi', signTypes: ['MD5', 'RSA', 'DSA', 'RSA2'], defaultSignType: 'MD5', gatewaySignTypes: ['MD5', 'RSA', 'DSA'], charsetParam: MAPI_CHARSET_PARAM, defaultCharset: 'gbk', label: { en: 'MAPI (gateway.do)', zh: 'MAPI（gateway.do）' } },
  openapi: { id: 'openapi', signTypes: ['RSA2', 'RSA'], defaultSignType: 'RSA2', gatewaySignTypes: ['RSA2', 'RSA'], charsetParam: OPENAPI_CHARSET_PARAM, defaultCharset: 'utf-8', label: { en: 'OpenAPI', zh: 'OpenAPI' } },
});

/** The gateways' default charsets: MAPI without `_input_charset` in the query string → GBK; OpenAPI → utf-8. */
export const DEFAULT_CHARSET: Readonly<Record<Family, CharsetName>> = /* @__PURE__ */ Object.freeze({ mapi: 'gbk', openapi: 'utf-8' });

export type VariantId =
  | 'mapi.request'
  | 'mapi.notification'
  | 'mapi.return'
  | 'wap.request'
  | 'wap.notification'
  | 'securitypay.order'
  | 'openapi.request'
  | 'openapi.return'
  | 'openapi.notification';

/** How a variant's signed content is built from its parameters. */
export interface ContentRule {
  /** `sorted`: by name in byte order; `fixed`: the names in `fixedOrder`; `as-given`: the order written. */
  order: 'sorted' | 'fixed' | 'as-given';
  fixedOrder?: readonly string[];
  /** MAPI drops empty values; OpenAPI verification keeps them. */
  dropEmpty: boolean;
  /** Is `sign_type` part of the content? (`sign` never is.) */
  keepSignType: boolean;
  /** Also accept the content with `sign_type` kept (OpenAPI's rsaCheckV2), saying which matched. */
  alsoKeepSignType?: boolean;
  /** `key="value"` pairs, the content being the quoted string as written (mobile.securitypay). */
  quoted?: boolean;
  /** With `sec_id=0001`, `notify_data` is RSA-encrypted with the merchant's public key (WAP 2.0). */
  encryptedNotifyData?: boolean;
}

export interface VariantFacts {
  id: VariantId;
  family: Family;
  /** Who makes the signature: the merchant (the toolkit signs) or Alipay (the toolkit only verifies). */
  signer: 'merchant' | 'alipay';
  /** The parameter naming the sign type. */
  signTypeParam: string;
  rule: ContentRule;
  label: { en: string; zh: string };
  /** The rule in one line, for the doctor, the hover and the README table. */
  ruleText: { en: string; zh: string };
}

const MAPI_RULE: ContentRule = { order: 'sorted', dropEmpty: true, keepSignType: false };
const MAPI_RULE_TEXT = {
  en: 'all parameters except sign and sign_type, empty values dropped, sorted by name, raw values joined name=value&…',
  zh: '除 sign 和 sign_type 外的全部参数，去掉空值，按名称排序，原始值以 name=value&… 连接',
};
export const WAP_NOTIFY_ORDER: readonly string[] = /* @__PURE__ */ Object.freeze(['service', 'v', 'sec_id', 'notify_data']);

export const VARIANTS: Readonly<Record<VariantId, VariantFacts>> = /* @__PURE__ */ Object.freeze({
  'mapi.request': { id: 'mapi.request', family: 'mapi', signer: 'merchant', signTypeParam: SIGN_TYPE_PARAM, rule: MAPI_RULE, label: { en: 'MAPI request', zh: 'MAPI 请求' }, ruleText: MAPI_RULE_TEXT },
  'mapi.notification': { id: 'mapi.notification', family: 'mapi', signer: 'alipay', signTypeParam: SIGN_TYPE_PARAM, rule: MAPI_RULE, label: { en: 'MAPI notification', zh: 'MAPI 异步通知' }, ruleText: MAPI_RULE_TEXT },
  'mapi.return': { id: 'mapi.return', family: 'mapi', signer: 'alipay', signTypeParam: SIGN_TYPE_PARAM, rule: MAPI_RULE, label: { en: 'MAPI return URL', zh: 'MAPI 同步返回（return_url）' }, ruleText: MAPI_RULE_TEXT },
  'wap.request': {
    id: 'wap.request', family: 'mapi', signer: 'merchant', signTypeParam: WAP_SIGN_TYPE_PARAM, rule: MAPI_RULE,
    label: { en: 'WAP 2.0 request', zh: 'WAP 2.0 请求' },
    ruleText: { en: 'like MAPI: sorted, sign dropped, sec_id IS signed', zh: '与 MAPI 相同：排序、去掉 sign，sec_id 参与签名' },
  },
  'wap.notification': {
    id: 'wap.notification', family: 'mapi', signer: 'alipay', signTypeParam: WAP_SIGN_TYPE_PARAM,
    rule: { order: 'fixed', fixedOrder: WAP_NOTIFY_ORDER, dropEmpty: false, keepSignType: false, encryptedNotifyData: true },
    label: { en: 'WAP 2.0 notification', zh: 'WAP 2.0 异步通知' },
    ruleText: {
      en: 'service, v, sec_id, notify_data in that fixed order (not sorted); with sec_id=0001 notify_data is decrypted with the merchant private key first',
      zh: '按固定顺序 service、v、sec_id、notify_data（不排序）；sec_id=0001 时先用商户私钥解密 notify_data',
    },
  },
  'securitypay.order': {
    id: 'securitypay.order', family: 'mapi', signer: 'merchant', signTypeParam: SIGN_TYPE_PARAM,
    rule: { order: 'as-given', dropEmpty: false, keepSignType: false, quoted: true },
    label: { en: 'mobile.securitypay order string', zh: 'mobile.securitypay 订单串' },
    ruleText: {
      en: 'key="value" pairs as written, in the order given, without sign and sign_type; sign is URL-encoded inside its quotes',
      zh: '按书写顺序的 key="value" 串（保留引号），不含 sign 和 sign_type；sign 在引号内 URL 编码',
    },
  },
  'openapi.request': {
    id: 'openapi.request', family: 'openapi', signer: 'merchant', signTypeParam: SIGN_TYPE_PARAM,
    rule: { order: 'sorted', dropEmpty: true, keepSignType: true },
    label: { en: 'OpenAPI request', zh: 'OpenAPI 请求' },
    ruleText: { en: 'sorted, empty values dropped, sign dropped, sign_type IS signed', zh: '排序，去掉空值和 sign，sign_type 参与签名' },
  },
  'openapi.return': {
    id: 'openapi.return', family: 'openapi', signer: 'alipay', signTypeParam: SIGN_TYPE_PARAM,
    rule: { order: 'sorted', dropEmpty: false, keepSignType: false, alsoKeepSignType: true },
    label: { en: 'OpenAPI return URL', zh: 'OpenAPI 同步返回' },
    ruleText: { en: 'sorted, without sign and sign_type, empty values KEPT (rsaCheckV1); the sign_type-kept content is accepted too (rsaCheckV2)', zh: '排序，不含 sign 和 sign_type，保留空值（rsaCheckV1）；也接受含 sign_type 的内容（rsaCheckV2）' },
  },
  'openapi.notification': {
    id: 'openapi.notification', family: 'openapi', signer: 'alipay', signTypeParam: SIGN_TYPE_PARAM,
    rule: { order: 'sorted', dropEmpty: false, keepSignType: false, alsoKeepSignType: true },
    label: { en: 'OpenAPI notification', zh: 'OpenAPI 异步通知' },
    ruleText: { en: 'sorted, without sign and sign_type, empty values KEPT (rsaCheckV1); the sign_type-kept content is accepted too (rsaCheckV2)', zh: '排序，不含 sign 和 sign_type，保留空值（rsaCheckV1）；也接受含 sign_type 的内容（rsaCheckV2）' },
  },
});

/** Sandbox hosts (never real money). */
export const SANDBOX_HOSTS: readonly string[] = /* @__PURE__ */ Object.freeze(['mapi.alipaydev.com', 'openapi-sandbox.dl.alipaydev.com', 'openapi.alipaydev.com']);
/** Known production hosts; any other `alipay.com` host is production too. */
export const PRODUCTION_HOSTS: readonly string[] = /* @__PURE__ */ Object.freeze(['mapi.alipay.com', 'intlmapi.alipay.com', 'openapi.alipay.com', 'www.alipay.com', 'wappaygw.alipay.com']);
/** The real-money domain. */
export const PRODUCTION_DOMAIN = 'alipay.com';

/**
 * The host of a URL (or of a bare host name) normalised the way a browser
 * resolves it: lower case, IDNA (full-width letters, punycode) via WHATWG URL,
 * userinfo and port stripped, trailing dots removed. '' when it has none.
 */
export function normalizeHost(urlOrHost: string): string {
  const text = urlOrHost.trim();
  let host: string;
  try {
    // A bare host (no `scheme://`) is read as an https URL's host.
    // Letter ranges, not the `i` flag: the same match, and the status bar's first call at
    // activation skips compiling a case-insensitive class (about 0.2 ms).
    host = new URL(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return ''; // not a URL (or an invalid IDNA label): no host
  }
  return host.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');
}

export function isSandboxHost(host: string): boolean {
  const h = normalizeHost(host);
  return SANDBOX_HOSTS.includes(h) || h === 'alipaydev.com' || h.endsWith('.alipaydev.com');
}

/** What `isProduction` needs of a profile (core/profile's Profile has it). */
export interface ProductionMark {
  production?: boolean;
}

/**
 * THE real-money decision: any `alipay.com` host that is not a sandbox host,
 * or a profile marked `"production": true` (whatever its URL says).
 */
export function isProduction(url: string | undefined, profile?: ProductionMark): boolean {
  if (profile?.production === true) return true;
  if (!url) return false;
  const h = normalizeHost(url);
  if (!h || isSandboxHost(h)) return false;
  return h === PRODUCTION_DOMAIN || h.endsWith('.' + PRODUCTION_DOMAIN);
}
