// Verifying what came back, per shared/protocol.md ("Verifying what comes
// back"). The rules themselves live in core/sign (parameters) and
// core/xmlSignContent (the inferred XML rule); this file picks the content,
// the key and reports a verdict — it never throws.
import type * as crypto from 'node:crypto';
import type { Charset } from '../charset';
import { isToolkitError, Text } from '../i18n';
import type { Param } from '../params';
import { carriedSign, VARIANTS, WAP_SIGN_TYPE_PARAM, type VariantId } from '../protocol';
import { detectVariant, resolveCharset, resolveSignType, type Decided } from '../resolve';
import { decryptNotifyData, variantContent } from '../variants';
import { normalizeSignType, SignType, verifyContent, VerifyingKey } from '../sign';
import { XML_SIGN_RULE_INFERRED, xmlSignContent } from '../xmlSignContent';
import { validityWarning, type CertInfo } from '../openapi/certSn';
import type { SignatureView } from './model';

export interface VerifyKeys {
  md5Key?: string;
  /** Alipay's public key (PEM, bare base64, or a KeyObject); the merchant's for a merchant-signed request. */
  publicKey?: string | Buffer | crypto.KeyObject;
  /** The OpenAPI AES key (base64 text as the console shows it, or its bytes): decrypts encrypt_type=AES responses. */
  aesKey?: string | Buffer;
  /** The merchant's private key: decrypts a WAP 2.0 notify_data under sec_id=0001. */
  merchantPrivateKey?: string | Buffer | crypto.KeyObject;
  /** Certificate mode: Alipay's certificates (core/openapi/certSn readCertificates); the one whose SN matches alipay_cert_sn verifies. */
  alipayCerts?: ReadonlyArray<CertInfo>;
  /** Certificate mode: why the configured Alipay certificate could not be read (verification says this instead of trying another key). */
  alipayCertProblem?: Text;
}

/**
 * Certificate mode: picks the public key of the certificate named by the
 * response's `alipay_cert_sn` (the only one when the response names none).
 * Returns a reason when none matches, and the validity warning (with the
 * dates) of the certificate picked. Without certificates, `keys` as given.
 * The one rule for the CLI (decode --alipay-cert-file), the preview, the hover
 * and Verify Signature.
 */
export function keysForCert(keys: VerifyKeys, alipayCertSn: string | undefined, now = new Date()): { keys: VerifyKeys; problem?: Text; warning?: Text; sn?: string } {
  if (keys.alipayCertProblem) return { keys: { ...keys, publicKey: undefined }, problem: keys.alipayCertProblem };
  const certs = keys.alipayCerts;
  if (!certs || certs.length === 0) return { keys };
  const cert = alipayCertSn ? certs.find((c) => c.sn === alipayCertSn) : certs.length === 1 ? certs[0] : undefined;
  if (!cert) {
    const have = certs.map((c) => c.sn).join(', ');
    return {
      keys: { ...keys, publicKey: undefined },
      problem: alipayCertSn
        ? T(`No configured Alipay certificate has the SN ${alipayCertSn} named by alipay_cert_sn (have: ${have}): download Alipay's current certificate from the console.`, `配置的支付宝证书中没有 alipay_cert_sn 指定的 SN ${alipayCertSn}（已有：${have}）：请从控制台下载支付宝当前的证书。`)
        : T(`The response names no alipay_cert_sn and ${certs.length} certificates are configured: cannot tell which one signed.`, `响应没有 alipay_cert_sn，而配置了 ${certs.length} 个证书：无法判断由哪个签名。`),
    };
  }
  const warning = validityWarning(cert, now);
  if (!cert.publicKey) return { keys: { ...keys, publicKey: undefined }, problem: T(`The certificate ${cert.sn} holds a key this tool cannot verify with (SM2?).`, `证书 ${cert.sn} 的公钥本工具无法用于验签（SM2？）。`), warning, sn: cert.sn };
  return { keys: { ...keys, publicKey: cert.publicKey }, warning, sn: cert.sn };
}

/** A verdict checked with the certificate keysForCert picked: its problem (no certificate matches…) is the verdict, its warning travels along. */
export function withCertPick(view: SignatureView, picked: { problem?: Text; warning?: Text; sn?: string }): SignatureView {
  let out = view;
  if (picked.problem && view.present) out = { ...out, verdict: 'error', reason: picked.problem };
  else if (picked.sn && view.present) out = { ...out, certSn: picked.sn };
  if (picked.warning) out = { ...out, certWarning: picked.warning };
  return out;
}

const T = (en: string, zh: string): Text => ({ en, zh });

/** The response or notification parameter naming which Alipay certificate signed it. */
export const ALIPAY_CERT_SN_PARAM = 'alipay_cert_sn';

export const SIGN_TEXTS = {
  xmlRule: T(
    'Inferred rule (no published vector): the business node\'s child elements, empty ones dropped, sorted by name, joined as name=value with &.',
    '推断的规则（无公开测试向量）：业务节点的子元素，去掉空值，按名称排序，以 name=value 用 & 连接。',
  ),
  xmlNested: T(' Nested elements (lists) are not part of this content.', ' 嵌套元素（列表）不包含在内。'),
  paramsRule: T(
    'Every parameter except sign and sign_type, empty values dropped, sorted by name, raw values joined as name=value with &.',
    '除 sign、sign_type 外的全部参数，去掉空值，按名称排序，以原始值 name=value 用 & 连接。',
  ),
  returnPlus: T(' Spaces in sign were turned back into "+" (a web framework decoded them).', ' sign 中的空格已还原为 "+"（被 Web 框架解码所致）。'),
  openapiRule: T(
    'The raw text of the {node} node, exactly as received (sign_type assumed RSA2 when absent).',
    '{node} 节点的原始文本，与收到的完全一致（未给出 sign_type 时按 RSA2）。',
  ),
  openapiEncryptedRule: T(
    'The raw text of the {node} node as received: the AES ciphertext string, verified before decrypting (encrypt_type=AES).',
    '{node} 节点的原始文本，与收到的完全一致：即 AES 密文字符串，先验签再解密（encrypt_type=AES）。',
  ),
  openapiSpacing: T(
    ' The content is the node exactly as sent; here it is written the way JSON.stringify writes it (no spaces): if a program parsed and re-serialised the response before verifying, the original text is needed.',
    ' 验签内容是节点的原始文本；此处内容与 JSON.stringify 的写法（无空格）相同：如果程序在验签前解析并重新序列化了响应，请改用原始文本。',
  ),
  openapiNotifyKept: T(' Verified with sign_type included in the content (OpenAPI notification).', ' 验签内容包含 sign_type（OpenAPI 通知）。'),
  matchedV1: T(' Matched without sign and sign_type (rsaCheckV1).', ' 匹配的是不含 sign 和 sign_type 的内容（rsaCheckV1）。'),
  matchedV2: T(' Matched with sign_type kept in the content (rsaCheckV2).', ' 匹配的是保留 sign_type 的内容（rsaCheckV2）。'),
  wapDecrypted: T(' notify_data was decrypted with the merchant private key first (sec_id=0001).', ' 已先用商户私钥解密 notify_data（sec_id=0001）。'),
  noMerchantKey: T(
    'sec_id=0001: notify_data is encrypted with your public key; give your merchant private key (--private-key-file, or set it for the profile) to decrypt it before verifying.',
    'sec_id=0001：notify_data 用商户公钥加密；请提供商户私钥（--private-key-file，或在配置中设置）以便先解密再验签。',
  ),
  noSign: T('The response carries no signature.', '响应没有签名。'),
  errorNoSign: T('Error responses (is_success=F) are not signed.', '错误响应（is_success=F）不带签名。'),
  noMd5Key: T('No MD5 key configured: add one to the active profile (or give --key-file / ALIPAY_MD5_KEY).', '未配置 MD5 密钥：请在当前配置中添加（或使用 --key-file / ALIPAY_MD5_KEY）。'),
  noPublicKey: T(
    'No Alipay public key configured: add it to the active profile (or give --public-key-file). Use Alipay\'s public key, not your own.',
    '未配置支付宝公钥：请在当前配置中添加（或使用 --public-key-file）。注意是支付宝公钥，不是商户自己的公钥。',
  ),
  mismatch: T(
    'The signature does not match this content with the configured key: wrong key (sandbox vs production, your own public key instead of Alipay\'s), wrong charset, or the content was altered.',
    '签名与该内容在当前密钥下不匹配：密钥不对（沙箱/生产混用、误用商户自己的公钥）、字符集不对，或内容被改动。',
  ),
  mismatchInferred: T(' The XML rule is inferred, so a mismatch here may also mean the rule differs.', ' XML 规则是推断的，因此不匹配也可能是规则本身不同。'),
} satisfies Record<string, Text>;

function join(a: Text, ...rest: Text[]): Text {
  return { en: a.en + rest.map((r) => r.en).join(''), zh: a.zh + rest.map((r) => r.zh).join('') };
}

function keyFor(type: SignType, keys: VerifyKeys): VerifyingKey | undefined {
  if (type === 'MD5') return keys.md5Key ? { md5Key: keys.md5Key } : undefined;
  return keys.publicKey ? { publicKey: keys.publicKey } : undefined;
}

interface Check {
  content: string;
  sign: string;
  type: string | undefined;
  charset: Charset;
  inferred: boolean;
  note: Text;
  /** Other contents to try when the first does not verify (OpenAPI notifications). */
  alternatives?: Array<{ content: string; note: Text }>;
}

/** Verifies `sign` over `content`; every failure becomes a verdict with a reason. */
function verify(c: Check, keys: VerifyKeys): SignatureView {
  const base: SignatureView = {
    present: true,
    type: c.type,
    value: c.sign,
    content: c.content,
    charset: c.charset,
    inferred: c.inferred,
    note: c.note,
    verdict: 'error',
  };
  let type: SignType;
  try {
    type = normalizeSignType(c.type ?? '');
  } catch (e) {
    return { ...base, reason: isToolkitError(e) ? e.text : T('Unknown sign_type', '未知的 sign_type') };
  }
  const key = keyFor(type, keys);
  if (!key) return { ...base, verdict: 'noKey', reason: type === 'MD5' ? SIGN_TEXTS.noMd5Key : SIGN_TEXTS.noPublicKey };
  try {
    if (verifyContent(c.content, c.sign, type, key, c.charset)) return { ...base, verdict: 'valid' };
    for (const alt of c.alternatives ?? []) {
      if (verifyContent(alt.content, c.sign, type, key, c.charset)) return { ...base, content: alt.content, note: alt.note, verdict: 'valid' };
    }
    const reason = c.inferred ? join(SIGN_TEXTS.mismatch, SIGN_TEXTS.mismatchInferred) : SIGN_TEXTS.mismatch;
    return { ...base, verdict: 'invalid', reason };
  } catch (e) {
    // A key that does not load, or of the wrong kind: say so, never throw.
    const reason = isToolkitError(e) ? { en: e.localized('en'), zh: e.localized('zh') } : T('The key could not be used', '密钥无法使用');
    return { ...base, verdict: 'error', reason };
  }
}

function unsigned(charset: Charset, reason: Text, inferred = false): SignatureView {
  return { present: false, charset, inferred, verdict: 'unsigned', reason };
}

/** Synchronous XML: the inferred rule over the business node's leaf children. */
export function verifyXml(
  leaves: readonly Param[],
  hasNested: boolean,
  sign: string | undefined,
  signType: string | undefined,
  charset: Charset,
  keys: VerifyKeys,
  isError: boolean,
): SignatureView {
  if (!sign) return unsigned(charset, isError ? SIGN_TEXTS.errorNoSign : SIGN_TEXTS.noSign, XML_SIGN_RULE_INFERRED);
  const note = hasNested ? join(SIGN_TEXTS.xmlRule, SIGN_TEXTS.xmlNested) : SIGN_TEXTS.xmlRule;
  return verify({ content: xmlSignContent(leaves), sign, type: signType, charset, inferred: XML_SIGN_RULE_INFERRED, note }, keys);
}

export interface MessageCheck {
  params: readonly Param[];
  charset: Charset;
  keys: VerifyKeys;
  /** The variant, when the caller knows it (--variant); else detected from the markers (core/resolve). */
  variant?: VariantId;
  /** Arrived as a redirect (return URL): spaces in a base64 sign were `+`. */
  returnUrl?: boolean;
  /** --sign-type: overrides sign_type / sec_id. */
  signType?: string;
}

/** The view plus the variant it was checked as (and the evidence for it). */
export type MessageView = SignatureView & { variant: VariantId; variantFrom: Text };

/**
 * THE verification of signed parameters (notifications, return URLs, signed
 * requests, WAP 2.0, order strings): CLI verify and decode, the preview and the
 * hover all call this, so they cannot disagree. Never throws.
 */
export function verifyMessage(c: MessageCheck): MessageView {
  let variant: Decided<VariantId>;
  try {
    variant = c.variant ? { value: c.variant, from: T('given', '指定') } : detectVariant(c.params);
    // _input_charset and charset disagreeing (or naming no charset) is bad input here as in CLI verify and sign.
    resolveCharset(c.params, VARIANTS[variant.value].family);
  } catch (e) {
    variant = { value: 'mapi.notification', from: T('', '') };
    const text = isToolkitError(e) ? { en: e.localized('en'), zh: e.localized('zh') } : SIGN_TEXTS.noSign;
    return { ...unsigned(c.charset, text), verdict: 'error', variant: variant.value, variantFrom: variant.from, ...(isToolkitError(e) ? { badInput: { code: e.code, text } } : {}) };
  }
  const facts = VARIANTS[variant.value];
  const tag = (v: SignatureView): MessageView => ({ ...v, variant: variant.value, variantFrom: variant.from });
  const carried = carriedSign(c.params);
  if (carried === undefined) return tag(unsigned(c.charset, SIGN_TEXTS.noSign));
  let sign = carried;
  let note: Text = facts.ruleText;
  if (c.returnUrl && sign.includes(' ')) {
    sign = sign.replace(/ /g, '+');
    note = join(note, SIGN_TEXTS.returnPlus);
  }
  let type: string | undefined;
  try {
    type = c.signType ?? resolveSignType(c.params, variant.value).value;
  } catch (e) {
    return tag({ ...unsigned(c.charset, isToolkitError(e) ? { en: e.localized('en'), zh: e.localized('zh') } : SIGN_TEXTS.noSign), present: true, value: sign, verdict: 'error' });
  }
  let params = c.params;
  if (facts.rule.encryptedNotifyData) {
    const secId = c.params.find((p) => p.name === WAP_SIGN_TYPE_PARAM)?.value.trim();
    const data = c.params.find((p) => p.name === 'notify_data');
    if (secId === '0001' && data && !data.value.trimStart().startsWith('<')) {
      if (!c.keys.merchantPrivateKey) return tag({ ...unsigned(c.charset, SIGN_TEXTS.noMerchantKey), present: true, value: sign, type, verdict: 'noKey' });
      try {
        const clear = decryptNotifyData(data.value, c.keys.merchantPrivateKey);
        params = c.params.map((p) => (p === data ? { name: p.name, value: clear } : p));
        note = join(note, SIGN_TEXTS.wapDecrypted);
      } catch (e) {
        return tag({ ...unsigned(c.charset, isToolkitError(e) ? { en: e.localized('en'), zh: e.localized('zh') } : SIGN_TEXTS.noMerchantKey), present: true, value: sign, type, verdict: 'error' });
      }
    }
  }
  const content = variantContent(variant.value, params);
  const alternatives = facts.rule.alsoKeepSignType ? [{ content: variantContent(variant.value, params, { keepSignType: true }), note: join(note, SIGN_TEXTS.matchedV2) }] : undefined;
  if (alternatives && alternatives[0].content === content) alternatives.length = 0;
  // Certificate mode: what Alipay signed is checked with the key of its certificate (alipay_cert_sn picks it).
  const certMode = facts.signer === 'alipay' && (c.keys.alipayCerts || c.keys.alipayCertProblem) && (type ?? '').toUpperCase() !== 'MD5';
  const picked = certMode ? keysForCert(c.keys, c.params.find((p) => p.name === ALIPAY_CERT_SN_PARAM)?.value || undefined) : { keys: c.keys };
  return tag(withCertPick(verify({ content, sign, type, charset: c.charset, inferred: false, note: alternatives ? join(note, SIGN_TEXTS.matchedV1) : note, alternatives }, picked.keys), picked));
}

/** Notifications and return URLs (decode, preview): verifyMessage with the variant detected. */
export function verifyParamsSignature(params: readonly Param[], returnUrl: boolean, charset: Charset, keys: VerifyKeys): SignatureView {
  return verifyMessage({ params, returnUrl, charset, keys });
}

/**
 * OpenAPI JSON: the raw text of the `…_response` node. An encrypted node is a
 * JSON string: the signature covers the ciphertext (quotes included, as the
 * Java SDK cuts it; without them is tried too) and is checked before decrypting.
 */
export function verifyOpenApi(node: string, rawNode: string, sign: string | undefined, signType: string | undefined, keys: VerifyKeys): SignatureView {
  if (!sign) return unsigned('utf-8', SIGN_TEXTS.noSign);
  const encrypted = rawNode.startsWith('"');
  const rule = encrypted ? SIGN_TEXTS.openapiEncryptedRule : SIGN_TEXTS.openapiRule;
  const note = { en: rule.en.replace('{node}', node), zh: rule.zh.replace('{node}', node) };
  const alternatives = encrypted ? [{ content: rawNode.slice(1, -1), note }] : undefined;
  const view = verify({ content: rawNode, sign, type: signType ?? 'RSA2', charset: 'utf-8', inferred: false, note, alternatives }, keys);
  // A node in exactly JSON.stringify's form is the mark of a client that parsed and re-serialised the answer.
  if (view.verdict === 'invalid' && !encrypted && rawNode === reserialised(rawNode)) {
    return { ...view, reason: join(view.reason ?? SIGN_TEXTS.mismatch, SIGN_TEXTS.openapiSpacing) };
  }
  return view;
}

/** The node as JSON.stringify would write it (what a client that re-serialises signs over). */
function reserialised(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw));
  } catch {
    return raw;
  }
}
