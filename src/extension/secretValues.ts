/**
 * Validating, normalizing and fingerprinting secret values (feature bundle):
 * the key parser and node:crypto load with the first key stored or shown, not
 * at activation. The entry's ./secrets calls these through ./lazy.
 *
 * API: normalizeSecret(kind, input): string   keys → PEM, MD5/AES keys checked;
 *          invalid input throws a ToolkitError naming the problem (never the value)
 *      secretFingerprint(kind, value): string `sha256:1a2b3c4d5e6f7a8b` for MD5/AES
 *          keys, `SHA256:…` of the public half for keys (matches `openssl`/core keys)
 */
import * as crypto from 'node:crypto';
import { ToolkitError } from '../core/i18n';
import { derivePublicKey, fingerprintOf, loadAnyKey, toPkcs8 } from '../core/keys';
import { parseAesKey } from '../core/openapi/aes';
import { kindLabel, SecretKind } from './secretKinds';

export function secretFingerprint(kind: SecretKind, value: string): string {
  if (kind === 'md5Key') return 'sha256:' + crypto.createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16);
  if (kind === 'aesKey') return 'sha256:' + crypto.createHash('sha256').update(Buffer.from(value, 'base64')).digest('hex').slice(0, 16);
  try {
    return fingerprintOf(loadAnyKey(value, kindLabel(kind)).key);
  } catch {
    return '?';
  }
}

function invalid(en: string, zh: string, args: Record<string, string> = {}): ToolkitError {
  return new ToolkitError('BAD_SECRET', { en, zh }, args);
}

/** Validates and normalizes what a person pasted or picked; never echoes the value. */
export function normalizeSecret(kind: SecretKind, input: string | Uint8Array): string {
  if (kind === 'md5Key') {
    const v = (typeof input === 'string' ? input : Buffer.from(input).toString('utf8')).trim();
    if (v === '') throw invalid('The MD5 key is empty', 'MD5 密钥为空');
    if (/\s/.test(v)) throw invalid('The MD5 key contains spaces or line breaks; paste only the key', 'MD5 密钥包含空格或换行，请只粘贴密钥本身');
    if (!/^[\x21-\x7e]+$/.test(v)) throw invalid('The MD5 key contains characters other than letters and digits', 'MD5 密钥包含字母和数字以外的字符');
    return v;
  }
  if (kind === 'aesKey') return parseAesKey(typeof input === 'string' ? input : Buffer.from(input), kindLabel(kind)).toString('base64');
  const raw = typeof input === 'string' ? input : Buffer.from(input);
  if (kind === 'privateKey') return toPkcs8(raw, kindLabel(kind));
  if (loadAnyKey(raw, kindLabel(kind)).info.kind === 'private') {
    throw invalid(
      "This is a private key; Alipay's public key is needed here (copy it from the Alipay console)",
      '这是私钥；此处需要支付宝公钥（可从支付宝控制台复制）',
    );
  }
  return derivePublicKey(raw, kindLabel(kind));
}
