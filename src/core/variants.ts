// Each message variant's signed content (core/protocol VARIANTS, shared/protocol.md
// "Variants"): built here once, for signing where the merchant signs and for
// verifying everywhere. Pure; only ToolkitError escapes.
import * as crypto from 'node:crypto';
import { Charset, percentEncode } from './charset';
import { ToolkitError } from './i18n';
import { loadPrivateKey } from './keys';
import type { Param } from './params';
import { SIGN_PARAM, SIGN_TYPE_PARAM, VARIANTS, WAP_NOTIFY_ORDER, isSignParam, isSignTypeParam, type VariantId } from './protocol';
import { SignType, SigningKey, presignString, signContent } from './sign';

const byName = (a: Param, b: Param): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface ContentOptions {
  /** Build the sign_type-kept content (OpenAPI rsaCheckV2), whatever the rule's default. */
  keepSignType?: boolean;
}

/** The exact content `variant` signs, from the parameters as received (values raw, never trimmed). */
export function variantContent(variant: VariantId, params: readonly Param[], options: ContentOptions = {}): string {
  const rule = VARIANTS[variant].rule;
  const keepType = options.keepSignType ?? rule.keepSignType;
  if (rule.order === 'fixed') {
    const order = rule.fixedOrder ?? WAP_NOTIFY_ORDER;
    const parts: string[] = [];
    for (const name of order) {
      const p = params.find((x) => x.name === name);
      if (p) parts.push(`${p.name}=${p.value}`);
    }
    return parts.join('&');
  }
  if (rule.order === 'as-given') {
    // mobile.securitypay: key="value" as written, in the order given.
    return params.filter((p) => !isSignParam(p.name) && !isSignTypeParam(p.name)).map((p) => `${p.name}="${p.value}"`).join('&');
  }
  if (rule.dropEmpty) return presignString(params, { keepSignType: keepType });
  // OpenAPI verification: sorted, sign (and sign_type unless kept) out, empty values KEPT.
  return params
    .filter((p) => !isSignParam(p.name) && (keepType || !isSignTypeParam(p.name)))
    .sort(byName)
    .map((p) => `${p.name}=${p.value}`)
    .join('&');
}

/**
 * mobile.securitypay.pay order string, signed: the content, then
 * `&sign="<URL-encoded sign>"&sign_type="RSA"` (quotes kept, as the app SDK expects).
 */
export function signOrderString(params: readonly Param[], signType: SignType, key: SigningKey, charset: Charset): { content: string; sign: string; orderString: string } {
  const content = variantContent('securitypay.order', params);
  const sign = signContent(content, signType, key, charset);
  return { content, sign, orderString: `${content}&${SIGN_PARAM}="${percentEncode(sign, charset)}"&${SIGN_TYPE_PARAM}="${signType}"` };
}

/**
 * WAP 2.0 `sec_id=0001`: `notify_data` arrives RSA-encrypted with the merchant's
 * public key, base64, in blocks of the modulus size (128 bytes for 1024-bit keys),
 * as the official PHP demo's rsaDecrypt reads it. PKCS#1 v1.5 padding is removed
 * here because Node refuses RSA_PKCS1_PADDING for private decryption (CVE-2023-46809).
 */
export function decryptNotifyData(encrypted: string, merchantPrivateKey: string | Buffer | crypto.KeyObject): string {
  const key = merchantPrivateKey instanceof crypto.KeyObject ? merchantPrivateKey : loadPrivateKey(merchantPrivateKey, 'merchant private key').key;
  const fail = (): never => {
    throw new ToolkitError('NOTIFY_DATA_DECRYPT', {
      en: 'notify_data: it does not decrypt with the merchant private key (sec_id=0001 encrypts it with the merchant public key): check that the key is the one paired with the public key uploaded to Alipay',
      zh: 'notify_data：无法用商户私钥解密（sec_id=0001 时用商户公钥加密）：请确认该私钥与上传给支付宝的公钥配对',
    });
  };
  if (key.asymmetricKeyType !== 'rsa') fail();
  const size = ((key.asymmetricKeyDetails?.modulusLength ?? 1024) + 7) >> 3;
  const bytes = Buffer.from(encrypted.replace(/\s+/g, '').replace(/ /g, '+'), 'base64');
  if (bytes.length === 0 || bytes.length % size !== 0) fail();
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    let block: Buffer;
    try {
      block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, bytes.subarray(i, i + size));
    } catch {
      return fail();
    }
    // EM = 0x00 || 0x02 || PS (>= 8 non-zero bytes) || 0x00 || M
    if (block[0] !== 0 || block[1] !== 2) fail();
    const sep = block.indexOf(0, 2);
    if (sep < 10) fail();
    out.push(block.subarray(sep + 1));
  }
  return Buffer.concat(out).toString('utf8');
}
