// Verifying what came back, per shared/protocol.md ("Verifying what comes
// back"). The rules themselves live in core/sign (parameters) and
// core/xmlSignContent (the inferred XML rule); this file picks the content,
// the key and reports a verdict — it never throws.
import type * as crypto from 'node:crypto';
import type { Charset } from '../charset';
import { isToolkitError, Text } from '../i18n';
import type { Param } from '../params';
import { isSignParam, isSignTypeParam, WAP_SIGN_TYPE_PARAM } from '../protocol';
import { normalizeSignType, presignString, SignType, verifyContent, VerifyingKey } from '../sign';
import { XML_SIGN_RULE_INFERRED, xmlSignContent } from '../xmlSignContent';
import type { SignatureView } from './model';

export interface VerifyKeys {
  md5Key?: string;
  /** Alipay's public key (PEM, bare base64, or a KeyObject). */
  publicKey?: string | Buffer | crypto.KeyObject;
  /** The OpenAPI AES key (base64 text as the console shows it, or its bytes): decrypts encrypt_type=AES responses. */
  aesKey?: string | Buffer;
}

const T = (en: string, zh: string): Text => ({ en, zh });

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

/**
 * Notifications and return URLs: the request rule over the received
 * parameters. Return URL: a framework may have turned `+` in a base64 sign into
 * spaces; the legacy demo turns them back, and so do we (base64 has no spaces).
 */
export function verifyParamsSignature(params: readonly Param[], returnUrl: boolean, charset: Charset, keys: VerifyKeys): SignatureView {
  const signParam = params.find((p) => isSignParam(p.name));
  const typeParam = params.find((p) => isSignTypeParam(p.name) || p.name === WAP_SIGN_TYPE_PARAM);
  if (!signParam || signParam.value === '') return unsigned(charset, SIGN_TEXTS.noSign);
  let sign = signParam.value;
  let note = SIGN_TEXTS.paramsRule;
  if (returnUrl && sign.includes(' ')) {
    sign = sign.replace(/ /g, '+');
    note = join(note, SIGN_TEXTS.returnPlus);
  }
  const isOpenApi = params.some((p) => p.name === 'app_id');
  const type = typeParam?.value ?? (isOpenApi ? 'RSA2' : undefined);
  // OpenAPI notifications: checked without sign; the Node SDK retries without sign_type too.
  const alternatives = isOpenApi ? [{ content: presignString(params), note }] : undefined;
  const content = isOpenApi ? presignString(params, { keepSignType: true }) : presignString(params);
  return verify(
    { content, sign, type, charset, inferred: false, note: isOpenApi ? join(note, SIGN_TEXTS.openapiNotifyKept) : note, alternatives },
    keys,
  );
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
