// Keys as people actually have them: PEM or bare base64 (what Alipay's key tool
// prints), PKCS#1 or PKCS#8, SPKI or X.509, with stray whitespace, line breaks
// or literal "\n". Parsed once into KeyObjects and cached by content hash.
import * as crypto from 'node:crypto';
import { keyIsSafeToInspect } from './dsaGuard';
import { ToolkitError, isToolkitError } from './i18n';

/** `openssl-dsa`: OpenSSL's traditional "BEGIN DSA PRIVATE KEY" (gendsa, dsaparam -genkey), which is not PKCS#1. */
export type KeyFormat = 'pkcs1' | 'pkcs8' | 'spki' | 'x509' | 'sec1' | 'openssl-dsa';

/** Each format's name as the CLI, the editor and the doctor show it (one label per format). */
export const KEY_FORMAT_NAMES: Readonly<Record<KeyFormat, string>> = Object.freeze({
  pkcs1: 'PKCS#1', pkcs8: 'PKCS#8', spki: 'SPKI (X.509 SubjectPublicKeyInfo)', x509: 'X.509 certificate', sec1: 'SEC1',
  'openssl-dsa': 'OpenSSL traditional DSA (BEGIN DSA PRIVATE KEY)',
});
export type KeyEncoding = 'pem' | 'base64' | 'der';

export interface KeyInfo {
  kind: 'private' | 'public';
  algorithm: string; // 'rsa' | 'dsa' | 'ec' | …
  bits?: number;
  format: KeyFormat;
  encoding: KeyEncoding;
  /** SHA-256 of the public key's SPKI DER, base64 (as `ssh-keygen -l` shows). Safe to display. */
  fingerprint: string;
  /** A public key read as the public half of a private key (loadPublicKey given a private key). */
  fromPrivate?: true;
}

export interface LoadedKey {
  key: crypto.KeyObject;
  info: KeyInfo;
}

function keyError(code: string, en: string, zh: string, source: string, extra: Record<string, string> = {}): ToolkitError {
  return new ToolkitError(code, { en: `{source}: ${en}`, zh: `{source}：${zh}` }, { source, ...extra });
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

interface Cleaned {
  label?: string; // PEM label, when PEM
  der: Buffer;
  encoding: KeyEncoding;
}

/** Strips what copy-paste adds: literal `\n`, quotes, CRs, spaces inside base64. */
function clean(input: string | Buffer, source: string): Cleaned {
  if (Buffer.isBuffer(input) && input.length > 0 && input[0] === 0x30) {
    return { der: input, encoding: 'der' }; // binary DER (ASN.1 SEQUENCE)
  }
  let text = (Buffer.isBuffer(input) ? input.toString('utf8') : input).replace(/^\uFEFF/, '');
  text = text.replace(/\\r/g, '').replace(/\\n/g, '\n').trim().replace(/^["']|["']$/g, '');
  if (text === '') throw keyError('KEY_EMPTY', 'the key is empty', '密钥为空', source);
  // `openssl dsaparam -genkey` (and ecparam -genkey) write a PARAMETERS block before the key: skip it.
  const blocks = [...text.matchAll(PEM_RE)];
  const pem = blocks.find((b) => !/PARAMETERS$/.test(b[1].trim()));
  if (!pem && blocks.length) {
    throw keyError('KEY_ONLY_PARAMETERS', 'it holds only {label} (parameters, no key): generate the key from them (openssl gendsa FILE)', '其中只有 {label}（参数，不是密钥）：请用它生成密钥（openssl gendsa 文件）', source, { label: blocks[0][1].trim() });
  }
  if (pem) {
    const label = pem[1].trim();
    const body = pem[2].split(/\r?\n/).filter((l) => !/^[\w-]+:/.test(l)).join('');
    if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(pem[2])) throw encryptedError(source);
    return { label, der: base64Der(body, source), encoding: 'pem' };
  }
  // A header or footer cut off by a partial copy: the other line is still there.
  if (/-----(BEGIN|END) /.test(text)) {
    throw keyError('KEY_BAD_PEM', 'the PEM block is incomplete (its BEGIN and END lines do not match)', 'PEM 块不完整（BEGIN 与 END 行不匹配）', source);
  }
  return { der: base64Der(text, source), encoding: 'base64' };
}

function base64Der(body: string, source: string): Buffer {
  const b64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 === 1) {
    const bad = b64.match(/[^A-Za-z0-9+/=]/)?.[0];
    throw keyError(
      'KEY_NOT_BASE64',
      bad ? 'the key is not base64 (unexpected character "{bad}")' : 'the key is not valid base64',
      bad ? '密钥不是 base64（出现了意外的字符 "{bad}"）' : '密钥不是合法的 base64',
      source,
      bad ? { bad } : {},
    );
  }
  return Buffer.from(b64, 'base64');
}

function sha256(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('base64').replace(/=+$/, '');
}

export function fingerprintOf(key: crypto.KeyObject): string {
  const pub = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return 'SHA256:' + sha256(pub.export({ type: 'spki', format: 'der' }));
}

function describe(key: crypto.KeyObject, format: KeyFormat, encoding: KeyEncoding, source: string): KeyInfo {
  // Guard before node:crypto reads the details: a malformed DSA key aborts the process there (see dsaGuard).
  if (!keyIsSafeToInspect(key)) {
    throw keyError(
      'KEY_MALFORMED',
      'the DSA key is malformed (its parameters p, q, g or its key value are not well-formed; the data may be corrupted)',
      'DSA 密钥已损坏（参数 p、q、g 或密钥值的结构不正确；数据可能被破坏）',
      source,
    );
  }
  const d = key.asymmetricKeyDetails;
  return {
    kind: key.type === 'private' ? 'private' : 'public',
    algorithm: key.asymmetricKeyType ?? 'unknown',
    bits: d?.modulusLength,
    format,
    encoding,
    fingerprint: fingerprintOf(key),
  };
}

const PRIVATE_TYPES: Array<['pkcs8' | 'pkcs1' | 'sec1', KeyFormat]> = [
  ['pkcs8', 'pkcs8'],
  ['pkcs1', 'pkcs1'],
  ['sec1', 'sec1'],
];

/** OpenSSL's traditional "DSA PRIVATE KEY" has no DER type in node:crypto; it is read through PEM. */
function tryTraditionalDsa(c: Cleaned, source: string): LoadedKey | undefined {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem(c.der, 'DSA PRIVATE KEY'));
  } catch {
    return undefined; // malformed: the caller reports one clear error
  }
  return { key, info: describe(key, 'openssl-dsa', c.encoding, source) };
}

function tryPrivate(c: Cleaned, source: string): LoadedKey | undefined {
  if (c.label === 'DSA PRIVATE KEY') return tryTraditionalDsa(c, source);
  for (const [type, format] of PRIVATE_TYPES) {
    try {
      const key = crypto.createPrivateKey({ key: c.der, format: 'der', type });
      return { key, info: describe(key, format, c.encoding, source) };
    } catch (e) {
      if (isToolkitError(e)) throw e;
      // Encrypted PKCS#8 given as bare base64 or DER: say so rather than "unreadable".
      if ((e as NodeJS.ErrnoException).code === 'ERR_MISSING_PASSPHRASE') throw encryptedError(source);
      // otherwise try the next structure
    }
  }
  // Bare base64 of a traditional DSA key (no label to tell us).
  return c.label === undefined ? tryTraditionalDsa(c, source) : undefined;
}

function encryptedError(source: string): ToolkitError {
  return keyError('KEY_ENCRYPTED', 'the key is password-protected; decrypt it first (openssl pkey -in key.pem -out plain.pem)', '密钥有密码保护，请先解密（openssl pkey -in key.pem -out plain.pem）', source);
}

function tryPublic(c: Cleaned, source: string): LoadedKey | undefined {
  if (c.label === 'CERTIFICATE' || c.label === undefined) {
    try {
      const key = new crypto.X509Certificate(c.der).publicKey;
      return { key, info: describe(key, 'x509', c.encoding, source) };
    } catch (e) {
      if (isToolkitError(e)) throw e;
      // not a certificate
    }
  }
  for (const [type, format] of [['spki', 'spki'], ['pkcs1', 'pkcs1']] as const) {
    try {
      const key = crypto.createPublicKey({ key: c.der, format: 'der', type });
      return { key, info: describe(key, format, c.encoding, source) };
    } catch (e) {
      if (isToolkitError(e)) throw e;
      // try the next structure
    }
  }
  return undefined;
}

const CACHE_MAX = 64;

/** A small LRU-ish map: the oldest entry goes when it is full. */
function remember<K>(map: Map<K, LoadedKey>, id: K, load: () => LoadedKey): LoadedKey {
  let hit = map.get(id);
  if (!hit) {
    hit = load();
    if (map.size >= CACHE_MAX) map.delete(map.keys().next().value as K);
    map.set(id, hit);
  }
  return hit;
}

// Text keys are looked up by the string itself: V8 keeps a string's hash on the
// string, so signing again with the same key text costs no re-hashing (hot path).
// Buffers are looked up by their SHA-256.
const byText = { priv: new Map<string, LoadedKey>(), pub: new Map<string, LoadedKey>() };
const byDigest = new Map<string, LoadedKey>();

function cached(kind: 'priv' | 'pub', input: string | Buffer, load: () => LoadedKey): LoadedKey {
  if (typeof input === 'string') return remember(byText[kind], input, load);
  return remember(byDigest, kind + ':' + crypto.createHash('sha256').update(input).digest('base64'), load);
}

const PUBLIC_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE']);

/** Loads a private key in any accepted form. `source` names it in errors (a file name, "merchant private key"). */
export function loadPrivateKey(input: string | Buffer, source = 'private key'): LoadedKey {
  return cached('priv', input, () => {
    const c = clean(input, source);
    if (c.label && PUBLIC_LABELS.has(c.label)) {
      throw keyError('KEY_IS_PUBLIC', 'this is a public key, but a private key is needed here', '这是公钥，此处需要私钥', source);
    }
    const k = tryPrivate(c, source);
    if (k) return k;
    if (!c.label && tryPublic(c, source)) {
      throw keyError('KEY_IS_PUBLIC', 'this is a public key, but a private key is needed here', '这是公钥，此处需要私钥', source);
    }
    throw keyError('KEY_UNREADABLE', 'not a private key in PKCS#1 or PKCS#8 form (the data may be truncated)', '不是 PKCS#1 或 PKCS#8 格式的私钥（数据可能被截断）', source);
  });
}

/** Loads a public key (SPKI, PKCS#1 RSA public, or an X.509 certificate); a private key yields its public half. */
export function loadPublicKey(input: string | Buffer, source = 'public key'): LoadedKey {
  return cached('pub', input, () => {
    const c = clean(input, source);
    // A private key (labelled so, or bare base64 that reads as one) is tried first, as loadAnyKey
    // does: createPublicKey would take it too and derive its public half without saying so.
    const priv = !c.label || !PUBLIC_LABELS.has(c.label) ? tryPrivate(c, source) : undefined;
    if (priv) return { key: crypto.createPublicKey(priv.key), info: { ...priv.info, kind: 'public', fromPrivate: true } };
    const k = tryPublic(c, source);
    if (k) return k;
    throw keyError('KEY_UNREADABLE', 'not a public key (X.509 SubjectPublicKeyInfo, PKCS#1 or certificate)', '不是公钥（X.509 SubjectPublicKeyInfo、PKCS#1 或证书）', source);
  });
}

/** Loads whatever the key is, private or public. */
export function loadAnyKey(input: string | Buffer, source = 'key'): LoadedKey {
  const c = clean(input, source);
  const k = (!c.label || !PUBLIC_LABELS.has(c.label) ? tryPrivate(c, source) : undefined) ?? tryPublic(c, source);
  if (!k) throw keyError('KEY_UNREADABLE', 'not a key in any form this tool reads (PEM or base64; PKCS#1, PKCS#8, SPKI or X.509)', '不是可识别的密钥（PEM 或 base64；PKCS#1、PKCS#8、SPKI 或 X.509）', source);
  return k;
}

export function describeKey(input: string | Buffer, source = 'key'): KeyInfo {
  return loadAnyKey(input, source).info;
}

function pem(der: Buffer, label: string): string {
  return `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

/** Bare base64 on one line: the form Alipay's console and key tool use. */
export function toBareBase64(pemText: string): string {
  return pemText.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
}

/** PKCS#8 PEM of a private key (the form Java's SDK and most tools want). */
export function toPkcs8(input: string | Buffer, source?: string): string {
  return loadPrivateKey(input, source).key.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** PKCS#1 ("RSA PRIVATE KEY") PEM of an RSA private key (PHP's and the legacy demos' form). */
export function toPkcs1(input: string | Buffer, source = 'private key'): string {
  const { key } = loadPrivateKey(input, source);
  if (key.asymmetricKeyType !== 'rsa') {
    throw keyError('KEY_NOT_RSA', 'PKCS#1 exists only for RSA keys; this is a {alg} key', 'PKCS#1 仅适用于 RSA 密钥；这是 {alg} 密钥', source, { alg: key.asymmetricKeyType ?? '?' });
  }
  return pem(key.export({ type: 'pkcs1', format: 'der' }) as Buffer, 'RSA PRIVATE KEY');
}

/** SPKI PEM of the public half. */
export function derivePublicKey(input: string | Buffer, source?: string): string {
  return loadPublicKey(input, source).key.export({ type: 'spki', format: 'pem' }) as string;
}

export interface GeneratedPair {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** SPKI PEM. */
  publicKey: string;
}

/** RSA pair: 2048 bits by default; 1024 only for legacy accounts that demand it. */
export function generateRsaPair(bits: 1024 | 2048 | 3072 | 4096 = 2048): GeneratedPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

/** True when the private key and the public key are two halves of one pair. */
export function keysMatch(privateKey: string | Buffer, publicKey: string | Buffer): boolean {
  const priv = loadPrivateKey(privateKey, 'private key').key;
  const pub = loadPublicKey(publicKey, 'public key').key;
  const a = crypto.createPublicKey(priv).export({ type: 'spki', format: 'der' });
  const b = pub.export({ type: 'spki', format: 'der' });
  return a.equals(b);
}
