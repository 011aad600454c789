// The MAPI signing rule (shared/protocol.md), written once: every front end,
// the emulator and the doctor call these functions.
import * as crypto from 'node:crypto';
import { Charset, canEncode, encode } from './charset';
import { ToolkitError } from './i18n';
import { loadPrivateKey, loadPublicKey } from './keys';
import { Param } from './params';
import { PresignOrder, isOpenApiRequest, presignOrder } from './presignOrder';
import { SIGN_PARAM, SIGN_TYPE_PARAM, carriedSign, isSignParam, isSignatureParam } from './protocol';

export type SignType = 'MD5' | 'RSA' | 'RSA2' | 'DSA';
export const SIGN_TYPES: readonly SignType[] = ['MD5', 'RSA', 'RSA2', 'DSA'];

/** `0001` is the WAP gateway's name for RSA. */
export function normalizeSignType(name: string): SignType {
  const n = name.trim().toUpperCase();
  if (n === '0001') return 'RSA';
  if ((SIGN_TYPES as readonly string[]).includes(n)) return n as SignType;
  throw new ToolkitError(
    'UNKNOWN_SIGN_TYPE',
    { en: 'sign_type: unknown signature type "{name}" (use MD5, RSA, RSA2 or DSA)', zh: 'sign_type：不支持的签名方式 "{name}"（请使用 MD5、RSA、RSA2 或 DSA）' },
    { name },
  );
}

/** Rule 1: names compared case-insensitively, as the Java demo does (the fact lives in core/protocol). */
export { isSignatureParam };
export { isOpenApiRequest };

export interface PresignOptions {
  /** Keep `sign_type` in the content (OpenAPI requests, WAP `sec_id`-style variants). */
  keepSignType?: boolean;
}

const NO_OPTIONS: PresignOptions = {};

/** Rules 1–2: drop sign/sign_type and empty values; sort by name in byte order. */
export function presignParams(params: readonly Param[], options: PresignOptions = NO_OPTIONS): Param[] {
  const { order } = presignOrder(params, options.keepSignType === true);
  const keep: Param[] = [];
  for (let i = 0; i < order.length; i++) {
    const p = params[order[i]];
    if (p.value !== '') keep.push(p);
  }
  return keep;
}

/** Rule 3 over an order: raw (not URL-encoded) values joined as name=value with `&`, empty values left out. */
function joinInOrder(params: readonly Param[], names: PresignOrder): string {
  // Appending piece by piece beats join() (no array, no intermediate strings); the
  // hash flattens the result once, at a cost per piece, so `&name=` is one piece.
  const { order, heads, links } = names;
  let out = '';
  let first = true;
  for (let i = 0; i < order.length; i++) {
    const value = params[order[i]].value;
    if (value === '') continue;
    out += first ? heads[i] : links[i];
    out += value;
    first = false;
  }
  return out;
}

/** Rule 3: raw (not URL-encoded) values joined as name=value with `&`. */
export function presignString(params: readonly Param[], options: PresignOptions = NO_OPTIONS): string {
  return joinInOrder(params, presignOrder(params, options.keepSignType === true));
}

/** What signs: the MD5 secret, or a private key (text in any accepted form, or a KeyObject). */
export type SigningKey = { md5Key: string } | { privateKey: string | Buffer | crypto.KeyObject };
/** What verifies: the MD5 secret, or the other party's public key (Alipay's, for what Alipay sends). */
export type VerifyingKey = { md5Key: string } | { publicKey: string | Buffer | crypto.KeyObject };

const DIGEST: Record<Exclude<SignType, 'MD5'>, string> = { RSA: 'sha1', RSA2: 'sha256', DSA: 'sha1' };
const KEY_TYPE: Record<Exclude<SignType, 'MD5'>, string> = { RSA: 'rsa', RSA2: 'rsa', DSA: 'dsa' };

function needKey(signType: SignType, have: string): ToolkitError {
  return new ToolkitError(
    'WRONG_KEY_KIND',
    { en: 'sign_type {signType} needs {need}, but {have} was given', zh: 'sign_type {signType} 需要{needZh}，但提供的是{haveZh}' },
    {
      signType,
      need: signType === 'MD5' ? 'the MD5 key' : `a ${KEY_TYPE[signType].toUpperCase()} key`,
      needZh: signType === 'MD5' ? ' MD5 密钥' : ` ${KEY_TYPE[signType].toUpperCase()} 密钥`,
      have,
      haveZh: have,
    },
  );
}

function asPrivate(k: string | Buffer | crypto.KeyObject): crypto.KeyObject {
  if (!(k instanceof crypto.KeyObject)) return loadPrivateKey(k, 'private key').key;
  if (k.type !== 'private') {
    throw new ToolkitError('KEY_IS_PUBLIC', { en: 'private key: this is a public key, but a private key is needed here', zh: '私钥：这是公钥，此处需要私钥' });
  }
  return k;
}

function asPublic(k: string | Buffer | crypto.KeyObject): crypto.KeyObject {
  if (k instanceof crypto.KeyObject) return k.type === 'private' ? crypto.createPublicKey(k) : k;
  return loadPublicKey(k, 'public key').key;
}

function checkAlgorithm(signType: Exclude<SignType, 'MD5'>, key: crypto.KeyObject): void {
  if (key.asymmetricKeyType !== KEY_TYPE[signType]) throw needKey(signType, `a ${key.asymmetricKeyType?.toUpperCase()} key`);
}

type OneShotHash = (algorithm: string, data: string | Buffer, outputEncoding: 'hex') => string;
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/** Rule 4: lowercase hex md5 of content + key, over the charset's bytes (no `&key=`). */
export function md5Sign(content: string, md5Key: string, charset: Charset): string {
  // crypto.hash (Node >= 20.12, our engines floor is 20.19) is the one-shot form: no Hash
  // stream object per call. utf-8 goes straight from the string; gbk/gb2312 through the encoder.
  const data = charset === 'utf-8' ? content + md5Key : encode(content + md5Key, charset);
  return oneShot ? oneShot('md5', data, 'hex') : crypto.createHash('md5').update(data).digest('hex');
}

/** Signs the exact content string (the pre-sign string) over its bytes in `charset`. */
export function signContent(content: string, signType: SignType, key: SigningKey, charset: Charset): string {
  if (signType === 'MD5') {
    if (!('md5Key' in key)) throw needKey(signType, 'a private key');
    return md5Sign(content, key.md5Key, charset);
  }
  if (!('privateKey' in key)) throw needKey(signType, 'the MD5 key');
  const pk = asPrivate(key.privateKey);
  checkAlgorithm(signType, pk);
  return crypto.sign(DIGEST[signType], encode(content, charset), pk).toString('base64');
}

/** Verifies a signature over the exact content; MD5 in constant time, case-insensitively. */
export function verifyContent(content: string, signature: string, signType: SignType, key: VerifyingKey, charset: Charset): boolean {
  if (signType === 'MD5') {
    if (!('md5Key' in key)) throw needKey(signType, 'a public key');
    const want = Buffer.from(md5Sign(content, key.md5Key, charset));
    const got = Buffer.from(signature.trim().toLowerCase());
    return got.length === want.length && crypto.timingSafeEqual(got, want);
  }
  if (!('publicKey' in key)) throw needKey(signType, 'the MD5 key');
  const pub = asPublic(key.publicKey);
  checkAlgorithm(signType, pub);
  const sig = Buffer.from(signature.replace(/\s+/g, ''), 'base64');
  if (sig.length === 0) return false;
  try {
    return crypto.verify(DIGEST[signType], encode(content, charset), pub, sig);
  } catch {
    return false; // malformed DER (DSA) is simply not a valid signature
  }
}

export interface SignResult {
  presign: string;
  sign: string;
  signType: SignType;
  /** The input parameters with `sign` and `sign_type` set or replaced (at the end when new); other Param objects are shared with the input. */
  params: Param[];
}

/**
 * GBK and GB2312 cannot hold every character; an unencodable one would be sent
 * and signed as "?". Fails naming the parameter instead.
 */
export function assertEncodable(params: readonly Param[], charset: Charset): void {
  if (charset === 'utf-8') return;
  for (const p of params) {
    if (!canEncode(p.value, charset) || !canEncode(p.name, charset)) {
      throw new ToolkitError(
        'UNENCODABLE',
        { en: 'Parameter "{name}": its value has characters that {charset} cannot represent (use _input_charset=utf-8)', zh: '参数 "{name}"：其值包含 {charset} 无法表示的字符（请使用 _input_charset=utf-8）' },
        { name: p.name.slice(0, 60), charset },
      );
    }
  }
}

/**
 * A new list with `sign` and `sign_type` set in place, else appended. Which
 * parameters those are is the one rule (core/protocol: names compared
 * case-insensitively, as the content excludes them): an input's `SIGN=` is
 * replaced, not kept beside a new `sign`. They are written with the names the
 * gateway reads (`sign`, `sign_type`), and a second spelling of either is
 * dropped. The other Param objects are shared with the input, not cloned
 * (hot path; treat Params as values).
 */
function withSignature(params: readonly Param[], sign: string, signType: SignType): Param[] {
  const out: Param[] = [];
  let hasSign = false;
  let hasType = false;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const n = p.name;
    if (isSignatureParam(n)) {
      if (isSignParam(n)) {
        if (!hasSign) out.push({ name: SIGN_PARAM, value: sign });
        hasSign = true;
      } else {
        if (!hasType) out.push({ name: SIGN_TYPE_PARAM, value: signType });
        hasType = true;
      }
      continue;
    }
    out.push(p);
  }
  if (!hasSign) out.push({ name: SIGN_PARAM, value: sign });
  if (!hasType) out.push({ name: SIGN_TYPE_PARAM, value: signType });
  return out;
}

/** `params` (which hold neither sign nor sign_type) with both appended. */
function appendSignature(params: readonly Param[], sign: string, signType: SignType): Param[] {
  const out = params.slice();
  out.push({ name: SIGN_PARAM, value: sign }, { name: SIGN_TYPE_PARAM, value: signType });
  return out;
}

const KEEP_SIGN_TYPE: PresignOptions = { keepSignType: true };

/** The pre-sign string by the rule of the request's family: MAPI, or OpenAPI keeping sign_type. */
export function presignFor(params: readonly Param[]): string {
  return presignString(params, isOpenApiRequest(params) ? KEEP_SIGN_TYPE : undefined);
}

/** What signParams will sign with `signType`: OpenAPI signs the sign_type it is sent with. */
export function presignForSigning(params: readonly Param[], signType: SignType): string {
  return presignFor(isOpenApiRequest(params) ? withSignature(params, '', signType) : params);
}

/** Signs a request: pre-sign string, signature, and the parameters ready for the URL. */
export function signParams(params: readonly Param[], signType: SignType, key: SigningKey, charset: Charset): SignResult {
  const names = presignOrder(params, false);
  const presign = names.openApi ? presignString(withSignature(params, '', signType), KEEP_SIGN_TYPE) : joinInOrder(params, names);
  const sign = signContent(presign, signType, key, charset);
  // Without a sign or sign_type to replace, both are appended to a copy.
  const signed = names.hasSignatureParam ? withSignature(params, sign, signType) : appendSignature(params, sign, signType);
  return { presign, sign, signType, params: signed };
}

export interface VerifyResult {
  valid: boolean;
  presign: string;
  signType: SignType;
  /** Why it is invalid, when it is: missing sign, or the signature does not match. */
  reason?: 'NO_SIGN' | 'MISMATCH';
}

/** Verifies signed parameters (a notification, a return URL, a signed request). */
export function verifyParams(params: readonly Param[], signType: SignType, key: VerifyingKey, charset: Charset): VerifyResult {
  const presign = presignFor(params);
  const sign = carriedSign(params);
  if (sign === undefined) return { valid: false, presign, signType, reason: 'NO_SIGN' };
  const valid = verifyContent(presign, sign, signType, key, charset);
  return valid ? { valid, presign, signType } : { valid, presign, signType, reason: 'MISMATCH' };
}
