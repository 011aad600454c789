// OpenAPI content encryption (`encrypt_type=AES`): AES-CBC, zero IV, PKCS#7,
// base64 text; the key is the console's base64 AES key (16 bytes → aes-128,
// 32 bytes → aes-256). Decryption failures say which of key / base64 /
// padding is wrong: each has a different fix.
import * as crypto from 'node:crypto';
import { ToolkitError } from '../i18n';

const ZERO_IV = Buffer.alloc(16);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function aesError(code: string, en: string, zh: string, args: Record<string, string | number> = {}): ToolkitError {
  return new ToolkitError(code, { en, zh }, args);
}

/** The console's base64 AES key → its bytes; surrounding whitespace (a file's newline) ignored. */
export function parseAesKey(text: string | Buffer, where = 'AES key'): Buffer {
  const t = (Buffer.isBuffer(text) ? text.toString('utf8') : text).replace(/^\uFEFF/, '').trim();
  if (t === '') throw aesError('AES_KEY_EMPTY', '{where}: the AES key is empty', '{where}：AES 密钥为空', { where });
  if (!BASE64.test(t) || t.length % 4 !== 0) {
    throw aesError(
      'AES_KEY_BASE64',
      "{where}: the AES key is not base64 (copy it as the console shows it, e.g. 24 characters ending in '==')",
      '{where}：AES 密钥不是 base64（请按控制台显示的原样复制，例如以 "==" 结尾的 24 个字符）',
      { where },
    );
  }
  const key = Buffer.from(t, 'base64');
  if (key.length !== 16 && key.length !== 32) {
    throw aesError(
      'AES_KEY_LENGTH',
      '{where}: the AES key is {n} bytes; Alipay AES keys are 16 bytes (aes-128) or 32 bytes (aes-256)',
      '{where}：AES 密钥为 {n} 字节；支付宝 AES 密钥应为 16 字节（aes-128）或 32 字节（aes-256）',
      { where, n: key.length },
    );
  }
  return key;
}

function cipherName(key: Buffer): string {
  return key.length === 16 ? 'aes-128-cbc' : 'aes-256-cbc';
}

/** Plain text (utf-8) → base64 ciphertext. */
export function aesEncrypt(plain: string | Buffer, key: Buffer): string {
  const c = crypto.createCipheriv(cipherName(key), key, ZERO_IV);
  return Buffer.concat([c.update(Buffer.isBuffer(plain) ? plain : Buffer.from(plain, 'utf8')), c.final()]).toString('base64');
}

/** base64 ciphertext → plain bytes. */
export function aesDecryptBytes(cipherText: string, key: Buffer, where = 'ciphertext'): Buffer {
  const t = cipherText.trim().replace(/\s+/g, '');
  if (t === '' || !BASE64.test(t) || t.length % 4 !== 0) {
    throw aesError('AES_BAD_BASE64', '{where}: not base64 ciphertext', '{where}：不是 base64 密文', { where });
  }
  const bytes = Buffer.from(t, 'base64');
  if (bytes.length % 16 !== 0) {
    throw aesError(
      'AES_BAD_LENGTH',
      '{where}: {n} bytes is not a whole number of AES blocks (16 bytes): the ciphertext is truncated or not AES',
      '{where}：{n} 字节不是 AES 块（16 字节）的整数倍：密文被截断或不是 AES 密文',
      { where, n: bytes.length },
    );
  }
  const d = crypto.createDecipheriv(cipherName(key), key, ZERO_IV);
  try {
    return Buffer.concat([d.update(bytes), d.final()]);
  } catch {
    // With CBC a wrong key almost always shows up as bad padding.
    throw aesError(
      'AES_BAD_PADDING',
      '{where}: decryption gives bad PKCS#7 padding: wrong AES key (sandbox vs production, another app) or the ciphertext was altered',
      '{where}：解密后 PKCS#7 填充错误：AES 密钥不对（沙箱/生产混用、其他应用的密钥），或密文被改动',
      { where },
    );
  }
}

/** base64 ciphertext → utf-8 text; bytes that are not utf-8 mean the wrong key. */
export function aesDecrypt(cipherText: string, key: Buffer, where = 'ciphertext'): string {
  const bytes = aesDecryptBytes(cipherText, key, where);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw aesError(
      'AES_NOT_UTF8',
      '{where}: the decrypted bytes are not UTF-8 text: probably the wrong AES key',
      '{where}：解密结果不是 UTF-8 文本：AES 密钥可能不对',
      { where },
    );
  }
}
