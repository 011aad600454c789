// The signature doctor: when a signature does not verify, re-create each
// mistake that protocol.md ("Why signatures fail") lists and name the one that
// makes it verify. Pure: no I/O, no clock; only ToolkitError escapes.
import * as crypto from 'node:crypto';
import { contextSummary, type ContextEvidence } from './contextSummary';
import { CHARSETS, Charset, encode, percentDecode, percentEncode } from './charset';
import { Args, Lang, Text, isToolkitError, localize } from './i18n';
import { KEY_FORMAT_NAMES, KeyInfo, fingerprintOf, loadPrivateKey, loadPublicKey } from './keys';
import { Param, parseQuery } from './params';
import { VARIANTS, isProduction, isSandboxHost, isSignParam, isSignTypeParam, normalizeHost, type VariantId } from './protocol';
import { detectVariant } from './resolve';
import { variantContent } from './variants';
import { SignType, VerifyingKey, isOpenApiRequest, isSignatureParam, presignFor, presignString, verifyContent } from './sign';

export type MistakeId =
  | 'url-encoded'
  | 'sign-type-included'
  | 'empty-included'
  | 'not-sorted'
  | 'wrong-charset'
  | 'md5-key-whitespace'
  | 'plus-as-space'
  | 'space-as-plus'
  | 'sign-plus-as-space'
  | 'double-encoded'
  | 'sign-double-encoded'
  | 'wrong-sign-type'
  | 'needs-alipay-key'
  | 'signed-with-merchant-key'
  | 'own-key-as-alipay'
  | 'key-pair-mismatch'
  | 'pkcs-format'
  | 'sandbox-gateway'
  | 'production-gateway'
  | 'no-sign';

/** A key in any accepted form: text (PEM or bare base64), DER bytes, or a KeyObject. */
export type KeyInput = string | Buffer | crypto.KeyObject;

export interface DoctorInput {
  /** The parameters as received, decoded once (what verifyParams got). */
  params: readonly Param[];
  signType: SignType;
  charset: Charset;
  /** The key that did not verify it: the MD5 key, or the public key meant to be Alipay's. */
  key: VerifyingKey;
  /** The query or form body exactly as received, when known: lets the doctor re-decode it in another charset. */
  rawQuery?: string;
  /** Other keys the user has, for the "wrong party's key" checks. */
  merchantPublicKey?: KeyInput;
  merchantPrivateKey?: KeyInput;
  alipayPublicKey?: KeyInput;
  /** The gateway the request goes to or came from, for the sandbox/production hint. */
  gateway?: string;
  /** The message variant (core/resolve detectVariant when absent): its content rule is the baseline. */
  variant?: VariantId;
  /** The resolver's decisions behind signType, charset and variant, with their evidence: the result says what it checked as. */
  context?: ContextEvidence;
}

export interface DoctorFinding {
  id: MistakeId;
  text: Text;
  args: Args;
  /** The content that verified, when the finding changes it. */
  presign?: string;
}

export interface DoctorResult {
  /** True when the signature verifies as given (no diagnosis needed). */
  valid: boolean;
  /** The pre-sign string by the rules of protocol.md: always present. */
  presign: string;
  signType: SignType;
  charset: Charset;
  /** The mistake(s) that, re-created, make the signature verify; empty when none does. */
  findings: DoctorFinding[];
  /** Things worth checking that the doctor cannot test by re-computing. */
  hints: DoctorFinding[];
  /** Every mistake that was tried, in order. */
  tried: MistakeId[];
  /** What it was checked as, with where each decision came from (core/contextSummary), when the input gave the context. */
  evidence?: Text;
}

const TEXT: Record<MistakeId, Text> = {
  'url-encoded': {
    en: 'The signer URL-encoded the values before signing ({style}). Sign the raw values: "refund_date=2015-01-01 00:00:00", not "2015-01-01+00%3A00%3A00"; encode only when building the URL.',
    zh: '签名方在签名前对参数值做了 URL 编码（{style}）。应对原始值签名："refund_date=2015-01-01 00:00:00"，而不是 "2015-01-01+00%3A00%3A00"；只在拼接 URL 时编码。',
  },
  'sign-type-included': {
    en: 'The signer included sign_type in the signed content. For MAPI, leave out both sign and sign_type (OpenAPI is the family that signs sign_type).',
    zh: '签名方把 sign_type 也放进了待签名串。MAPI 接口应同时排除 sign 和 sign_type（只有 OpenAPI 才对 sign_type 签名）。',
  },
  'empty-included': {
    en: 'The signer included parameters with empty values ({names}). Drop empty values before sorting and joining.',
    zh: '签名方把空值参数（{names}）也放进了待签名串。排序拼接前应去掉值为空的参数。',
  },
  'not-sorted': {
    en: 'The signer joined the parameters in their original order. Sort them by name in byte (ASCII) order first.',
    zh: '签名方按参数原来的顺序拼接。应先按参数名的字节（ASCII）顺序排序。',
  },
  'wrong-charset': {
    en: 'The signature was made over {used} bytes, but _input_charset says {declared}. Sign the bytes of the declared charset (and send _input_charset={used} if that is what you use).',
    zh: '签名是按 {used} 字节计算的，但 _input_charset 声明的是 {declared}。应按声明的字符集的字节签名（若实际使用 {used}，请传 _input_charset={used}）。',
  },
  'md5-key-whitespace': {
    en: 'The MD5 key the signer used {how}. Remove stray whitespace and line breaks from the key (read from files and environment variables, keys often carry a trailing newline).',
    zh: '签名方使用的 MD5 密钥{howZh}。请去掉密钥中多余的空白和换行（从文件或环境变量读取的密钥常带有结尾换行）。',
  },
  'plus-as-space': {
    en: 'A "+" was turned into a space on the way ({names}): frameworks decode "+" in a query as a space. Use the value as sent (the legacy demo turns spaces back into "+").',
    zh: '传输途中 "+" 变成了空格（{names}）：很多框架会把查询串里的 "+" 解码为空格。请使用原始值（官方旧版 demo 会把空格还原为 "+"）。',
  },
  'space-as-plus': {
    en: 'The signer signed spaces where the received values have "+" ({names}): the values were form-decoded on one side only.',
    zh: '签名方签名时这些值里是空格，而收到的值是 "+"（{names}）：只有一方做了表单解码。',
  },
  'sign-plus-as-space': {
    en: 'The "+" characters of the base64 sign were turned into spaces (the sign was form-decoded, or sent unencoded). Encode the sign as %2B/%2F/%3D in the URL, or turn spaces back into "+" before verifying.',
    zh: 'base64 签名中的 "+" 变成了空格（签名被表单解码，或发送时未编码）。URL 中签名须编码为 %2B/%2F/%3D，或在验签前把空格还原为 "+"。',
  },
  'double-encoded': {
    en: 'The values arrived double-encoded ({names}, e.g. "%252F"). Sign and verify the once-decoded value.',
    zh: '参数值被编码了两次（{names}，如 "%252F"）。应对解码一次后的值签名和验签。',
  },
  'sign-double-encoded': {
    en: 'The sign itself arrived still percent-encoded ("%2B", "%2F", "%3D"). Decode it once before verifying.',
    zh: '签名本身仍是百分号编码的（"%2B"、"%2F"、"%3D"）。验签前先解码一次。',
  },
  'wrong-sign-type': {
    en: 'It verifies as {actual}, not {declared}: the signer used {actual} ({digest}). Send sign_type={actual}, or sign with {declared}.',
    zh: '按 {actual} 验签通过，而不是 {declared}：签名方使用了 {actual}（{digest}）。请传 sign_type={actual}，或改用 {declared} 签名。',
  },
  'needs-alipay-key': {
    en: "It verifies with Alipay's public key, not with the key given. What Alipay sends is verified with Alipay's public key (from the console), never the merchant's own public key.",
    zh: '用支付宝公钥可以验签通过，用所给的密钥则不行。验证支付宝发来的数据要用支付宝公钥（在控制台查看），而不是商户自己的公钥。',
  },
  'signed-with-merchant-key': {
    en: "It was signed with the merchant's own key (fingerprint {fingerprint}), so it is a request the merchant signed, not something Alipay sent; verify it with the merchant public key, and Alipay's messages with Alipay's public key.",
    zh: '它是用商户自己的密钥签名的（指纹 {fingerprint}），所以是商户签的请求，而不是支付宝发来的数据；请用商户公钥验证它，用支付宝公钥验证支付宝的消息。',
  },
  'own-key-as-alipay': {
    en: "The public key given as Alipay's is the merchant's own public key (fingerprint {fingerprint}). Use the Alipay public key shown in the console.",
    zh: '作为支付宝公钥提供的其实是商户自己的公钥（指纹 {fingerprint}）。请使用控制台显示的支付宝公钥。',
  },
  'key-pair-mismatch': {
    en: 'The merchant private key and the merchant public key are not a pair (fingerprints {privateFp} and {publicFp}). Upload the public key of the private key you sign with.',
    zh: '商户私钥与商户公钥不是一对（指纹 {privateFp} 与 {publicFp}）。请上传与签名私钥配对的公钥。',
  },
  'pkcs-format': {
    en: 'Key format: Java and the official SDKs read private keys as PKCS#8 ("PRIVATE KEY" or Alipay\'s bare base64); PHP\'s openssl and the legacy demos want PKCS#1 PEM ("RSA PRIVATE KEY"). A key in the other form fails to load. {detail}Convert with: alipay-toolkit keys convert FILE --to pkcs8|pkcs1.',
    zh: '密钥格式：Java 和官方 SDK 读取 PKCS#8 私钥（"PRIVATE KEY" 或支付宝工具输出的单行 base64）；PHP 的 openssl 和旧版 demo 需要 PKCS#1 PEM（"RSA PRIVATE KEY"）。格式不对会加载失败。{detailZh}转换：alipay-toolkit keys convert FILE --to pkcs8|pkcs1。',
  },
  'sandbox-gateway': {
    en: 'The gateway is the sandbox ({host}): sign with the sandbox app\'s keys and partner ID from the sandbox console; production keys do not verify there.',
    zh: '网关是沙箱环境（{host}）：请使用沙箱控制台中的沙箱密钥和合作伙伴 ID；正式环境的密钥在沙箱无法验签。',
  },
  'production-gateway': {
    en: 'The gateway is production ({host}): keys from the sandbox console do not work there; use the production keys.',
    zh: '网关是正式环境（{host}）：沙箱控制台的密钥在这里无效；请使用正式环境的密钥。',
  },
  'no-sign': {
    en: 'There is no sign parameter to verify.',
    zh: '没有可验证的 sign 参数。',
  },
};

/** The finding's text in the user's language. */
export function describeFinding(f: DoctorFinding, lang: Lang): string {
  return localize(f.text, lang, f.args);
}

function finding(id: MistakeId, args: Args = {}, presign?: string): DoctorFinding {
  return presign === undefined ? { id, text: TEXT[id], args } : { id, text: TEXT[id], args, presign };
}

function toPublic(k: KeyInput, source: string): crypto.KeyObject {
  if (k instanceof crypto.KeyObject) return k.type === 'private' ? crypto.createPublicKey(k) : k;
  return loadPublicKey(k, source).key;
}

/** Verification that treats "wrong kind of key for this sign type" as simply not verifying. */
function verifies(content: string, sig: string, signType: SignType, key: VerifyingKey, charset: Charset): boolean {
  try {
    return verifyContent(content, sig, signType, key, charset);
  } catch (e) {
    if (isToolkitError(e)) return false;
    throw e;
  }
}

function tryDecode(value: string, charset: Charset, name: string): string | undefined {
  try {
    return percentDecode(value, charset, name);
  } catch (e) {
    if (isToolkitError(e)) return undefined;
    throw e;
  }
}

/** The values' names where a transformation changed something (for the message). */
function changedNames(before: readonly Param[], after: readonly Param[]): string {
  const names = before.filter((p, i) => p.value !== after[i].value && !isSignatureParam(p.name)).map((p) => p.name);
  return names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
}

function mapValues(params: readonly Param[], f: (p: Param) => string): Param[] {
  return params.map((p) => (isSignatureParam(p.name) ? { ...p } : { name: p.name, value: f(p) }));
}

interface Candidate {
  id: MistakeId;
  args: Args;
  content: string;
  charset: Charset;
  signType: SignType;
  key: VerifyingKey;
}

function gatewayHint(gateway: string | undefined): DoctorFinding | undefined {
  if (!gateway) return undefined;
  const host = normalizeHost(gateway);
  if (!host) return undefined;
  if (isSandboxHost(host)) return finding('sandbox-gateway', { host });
  if (isProduction(gateway)) return finding('production-gateway', { host });
  return undefined;
}

/** Runs every known mistake; `findings` names the one that makes the signature verify. */
export function diagnose(input: DoctorInput): DoctorResult {
  const { params, signType, charset, key } = input;
  // Each variant's own rule (core/variants): the doctor never advises against it.
  let variant: VariantId | undefined = input.variant;
  if (!variant) {
    try {
      variant = detectVariant(params).value;
    } catch {
      variant = undefined;
    }
  }
  const rule = variant ? VARIANTS[variant].rule : undefined;
  const contentOf = (ps: readonly Param[]): string => (variant ? variantContent(variant, ps) : presignFor(ps));
  const presign = contentOf(params);
  const base = { presign, signType, charset, ...(input.context ? { evidence: contextSummary(input.context, { full: true }) } : {}) };
  const sign = params.find((p) => isSignParam(p.name))?.value ?? '';
  const tried: MistakeId[] = [];
  const hints: DoctorFinding[] = [];

  if (sign === '') return { ...base, valid: false, findings: [finding('no-sign')], hints, tried };
  if (verifies(presign, sign, signType, key, charset)) return { ...base, valid: true, findings: [], hints, tried };

  // Signature variants: what transport does to a base64 sign.
  const sigs: Array<{ sig: string; id?: MistakeId }> = [{ sig: sign }];
  if (/ /.test(sign)) sigs.push({ sig: sign.replace(/ /g, '+'), id: 'sign-plus-as-space' });
  if (/%[0-9a-fA-F]{2}/.test(sign)) {
    const d = tryDecode(sign, 'utf-8', 'sign');
    if (d !== undefined && d !== sign) sigs.push({ sig: d, id: 'sign-double-encoded' });
  }

  const candidates: Candidate[] = [];
  const add = (id: MistakeId, content: string, args: Args = {}, over: Partial<Candidate> = {}): void => {
    candidates.push({ id, args, content, charset, signType, key, ...over });
  };

  // 1. The sign alone was damaged: the content is right.
  for (const s of sigs.slice(1)) add(s.id as MistakeId, presign);

  // 2a. `+` turned into a space, and the reverse (before URL-encoding: for a value whose only
  // special character is a space both explain it, and transport is the likelier cause).
  if (params.some((p) => !isSignatureParam(p.name) && p.value.includes(' '))) {
    const plus = mapValues(params, (p) => p.value.replace(/ /g, '+'));
    add('plus-as-space', contentOf(plus), { names: changedNames(params, plus) });
  }
  if (params.some((p) => !isSignatureParam(p.name) && p.value.includes('+'))) {
    const space = mapValues(params, (p) => p.value.replace(/\+/g, ' '));
    add('space-as-plus', contentOf(space), { names: changedNames(params, space) });
  }

  // 2b. Values URL-encoded before signing (Java URLEncoder style, and %20 style).
  const encoded = mapValues(params, (p) => percentEncode(p.value, charset));
  const encodedContent = contentOf(encoded);
  if (encodedContent !== presign) {
    add('url-encoded', encodedContent, { style: 'form: space as +' });
    const pct20 = contentOf(mapValues(encoded, (p) => p.value.replace(/\+/g, '%20')));
    if (pct20 !== encodedContent) add('url-encoded', pct20, { style: 'RFC 3986: space as %20' });
  }

  // 3. sign_type included.
  // MAPI leaves sign_type out; an OpenAPI request's content already holds it.
  if (!isOpenApiRequest(params) && !rule?.keepSignType && !rule?.alsoKeepSignType && rule?.order !== 'fixed' && params.some((p) => isSignTypeParam(p.name))) {
    add('sign-type-included', presignString(params, { keepSignType: true }));
  }

  // 4. Empty values included.
  const empties = params.filter((p) => p.value === '' && !isSignatureParam(p.name));
  if (empties.length > 0 && rule?.dropEmpty !== false) {
    const withEmpty = params
      .filter((p) => !isSignatureParam(p.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((p) => `${p.name}=${p.value}`)
      .join('&');
    add('empty-included', withEmpty, { names: empties.map((p) => p.name).slice(0, 5).join(', ') });
  }

  // 5. Not sorted (original order).
  const unsorted = params.filter((p) => p.value !== '' && !isSignatureParam(p.name)).map((p) => `${p.name}=${p.value}`).join('&');
  if (unsorted !== presign && (rule === undefined || rule.order === 'sorted')) add('not-sorted', unsorted);

  // 7. Double encoding: decode the values once more.
  if (params.some((p) => !isSignatureParam(p.name) && /%[0-9a-fA-F]{2}/.test(p.value))) {
    const once = mapValues(params, (p) => (/%[0-9a-fA-F]{2}/.test(p.value) ? (tryDecode(p.value, charset, p.name) ?? p.value) : p.value));
    const c = contentOf(once);
    if (c !== presign) add('double-encoded', c, { names: changedNames(params, once) });
  }

  // 8. Wrong charset: the same text signed as another charset's bytes, or the raw query decoded in another charset.
  for (const other of CHARSETS) {
    if (other === charset) continue;
    if (!encode(presign, other).equals(encode(presign, charset))) add('wrong-charset', presign, { used: other, declared: charset }, { charset: other });
    if (input.rawQuery !== undefined) {
      try {
        const reparsed = contentOf(parseQuery(input.rawQuery, { charset: other }).params);
        if (reparsed !== presign) add('wrong-charset', reparsed, { used: other, declared: charset }, { charset: other });
      } catch (e) {
        if (!isToolkitError(e)) throw e; // not decodable in that charset: not the mistake
      }
    }
  }

  // 9. Whitespace around or inside the MD5 key.
  if ('md5Key' in key) {
    const k = key.md5Key;
    const variants: Array<[string, string, string]> = [
      [k + '\n', 'had a trailing newline', '带有结尾换行'],
      [k + '\r\n', 'had a trailing CR LF (Windows line end)', '带有结尾的 CR LF（Windows 换行）'],
      [k + ' ', 'had a trailing space', '带有结尾空格'],
      [' ' + k, 'had a leading space', '带有开头空格'],
      [k.trim(), 'had no surrounding whitespace (the key given here has some)', '没有首尾空白（此处提供的密钥带有空白）'],
      [k.replace(/\s+/g, ''), 'had no whitespace inside (the key given here has some)', '中间没有空白（此处提供的密钥中间有空白）'],
    ];
    const seen = new Set<string>([k]);
    for (const [variant, how, howZh] of variants) {
      if (seen.has(variant)) continue;
      seen.add(variant);
      add('md5-key-whitespace', presign, { how, howZh }, { key: { md5Key: variant } });
    }
  }

  // 10. RSA vs RSA2 (SHA1 vs SHA256), the commonest mix-up between MAPI and OpenAPI.
  if (signType === 'RSA' || signType === 'RSA2') {
    const actual: SignType = signType === 'RSA' ? 'RSA2' : 'RSA';
    add('wrong-sign-type', presign, { actual, declared: signType, digest: actual === 'RSA' ? 'SHA1withRSA' : 'SHA256withRSA' }, { signType: actual });
  }

  // 11. The other party's key.
  const publicOf = (k: KeyInput | undefined, source: string, priv = false): crypto.KeyObject | undefined => {
    if (k === undefined) return undefined;
    if (priv && !(k instanceof crypto.KeyObject)) return crypto.createPublicKey(loadPrivateKey(k, source).key);
    return toPublic(k, source);
  };
  const given = 'publicKey' in key ? toPublic(key.publicKey, 'public key') : undefined;
  const alipay = publicOf(input.alipayPublicKey, "Alipay's public key");
  const merchantPub = publicOf(input.merchantPublicKey, 'merchant public key');
  const merchantFromPriv = publicOf(input.merchantPrivateKey, 'merchant private key', true);
  if (signType !== 'MD5') {
    if (alipay && (!given || !alipay.equals(given))) add('needs-alipay-key', presign, {}, { key: { publicKey: alipay } });
    for (const m of [merchantPub, merchantFromPriv]) {
      if (m && (!given || !m.equals(given))) add('signed-with-merchant-key', presign, { fingerprint: fingerprintOf(m) }, { key: { publicKey: m } });
    }
  }

  const findings: DoctorFinding[] = [];
  search: for (const c of candidates) {
    if (!tried.includes(c.id)) tried.push(c.id);
    for (const s of c.id === 'sign-plus-as-space' || c.id === 'sign-double-encoded' ? [{ sig: sigs.find((x) => x.id === c.id)?.sig ?? sign }] : sigs) {
      if (verifies(c.content, s.sig, c.signType, c.key, c.charset)) {
        findings.push(finding(c.id, c.args, c.content !== presign ? c.content : undefined));
        if (s.id && s.id !== c.id) findings.push(finding(s.id));
        break search;
      }
    }
  }

  // Hints: what cannot be re-computed but is worth checking.
  if (given && merchantPub && given.equals(merchantPub)) hints.push(finding('own-key-as-alipay', { fingerprint: fingerprintOf(given) }));
  if (merchantPub && merchantFromPriv && !merchantPub.equals(merchantFromPriv)) {
    hints.push(finding('key-pair-mismatch', { privateFp: fingerprintOf(merchantFromPriv), publicFp: fingerprintOf(merchantPub) }));
  }
  if (findings.length === 0) {
    if (signType !== 'MD5') {
      let info: KeyInfo | undefined;
      if (input.merchantPrivateKey !== undefined && !(input.merchantPrivateKey instanceof crypto.KeyObject)) {
        info = loadPrivateKey(input.merchantPrivateKey, 'merchant private key').info;
      }
      const name = info ? `${KEY_FORMAT_NAMES[info.format]} (${info.encoding === 'base64' ? 'bare base64' : info.encoding.toUpperCase()})` : '';
      const detail = info ? `The merchant private key given is ${name}. ` : '';
      const detailZh = info ? `所给商户私钥为 ${name}。` : '';
      hints.push(finding('pkcs-format', { detail, detailZh }));
    }
    const g = gatewayHint(input.gateway);
    if (g) hints.push(g);
  }
  return { ...base, valid: false, findings, hints, tried };
}

