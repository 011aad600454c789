// OpenAPI certificate mode (公钥证书): the certificate SN rule every SDK
// re-implements (shared/protocol.md):
//   SN      = md5hex(issuer attributes in REVERSE order as k=v joined by "," + serial in decimal)
//   root SN = the SN of each certificate in the chain whose signature algorithm
//             is an RSA one (OID 1.2.840.113549.1.1.*), joined by "_"
// node:crypto does not expose the issuer's attributes in order nor the
// signature algorithm OID, so certificates are read with @peculiar/asn1-x509
// (it parses RSA, ECDSA and SM2 certificates alike). Loaded on first use only.
import * as crypto from 'node:crypto';
import { Text, ToolkitError } from '../i18n';

/** RFC 2253 keywords (what Java's getName(RFC2253) and openssl's -nameopt RFC2253 print); other types as dotted OIDs. */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const SIG_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.156.10197.1.501': 'SM2-with-SM3',
};

const RSA_SIGNATURE = /^1\.2\.840\.113549\.1\.1\./;

export interface CertInfo {
  /** Issuer attributes in reverse order, `k=v` joined by `,` (the SN rule's string). */
  issuer: string;
  subject: string;
  serialDecimal: string;
  serialHex: string;
  signatureOid: string;
  signatureName: string;
  /** True when the signature algorithm is an RSA one (counts in a root SN). */
  rsaSigned: boolean;
  notBefore: Date;
  notAfter: Date;
  /** md5 hex of issuer + serialDecimal. */
  sn: string;
  /** The certificate's public key (SPKI), for verifying what its owner signed; absent when node:crypto cannot use it (SM2). */
  publicKey?: crypto.KeyObject;
}

function certError(code: string, text: Text, args: Record<string, string | number>): ToolkitError {
  return new ToolkitError(code, text, args);
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** DER bodies of every certificate in a PEM file (or the one DER certificate). */
export function certificateDers(input: string | Buffer, source: string): Buffer[] {
  if (Buffer.isBuffer(input) && input.length > 0 && input[0] === 0x30) return [input];
  const text = (Buffer.isBuffer(input) ? input.toString('utf8') : input).replace(/^\uFEFF/, '');
  const out: Buffer[] = [];
  for (const m of text.matchAll(PEM_CERT)) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  if (out.length === 0) {
    const isKey = /-----BEGIN [A-Z ]*KEY-----/.test(text);
    throw certError(
      'CERT_NONE',
      isKey
        ? { en: '{source}: this is a key, not a certificate (certificate mode needs the .crt files Alipay issued)', zh: '{source}：这是密钥而不是证书（证书模式需要支付宝签发的 .crt 证书文件）' }
        : { en: '{source}: no certificate found (expected -----BEGIN CERTIFICATE----- blocks)', zh: '{source}：没有找到证书（应包含 -----BEGIN CERTIFICATE----- 块）' },
      { source },
    );
  }
  return out;
}

/* eslint-disable @typescript-eslint/no-require-imports -- lazy: the X.509 parser loads only when a certificate is read */
type Asn1 = { schema: typeof import('@peculiar/asn1-schema'); x509: typeof import('@peculiar/asn1-x509') };
let asn1: Asn1 | undefined;
function lib(): Asn1 {
  asn1 ??= { schema: require('@peculiar/asn1-schema'), x509: require('@peculiar/asn1-x509') };
  return asn1;
}
/* eslint-enable @typescript-eslint/no-require-imports */

function attrValue(v: { toString(): string }): string {
  return v.toString();
}

function nameString(name: Array<Array<{ type: string; value: { toString(): string } }>>, reverse: boolean): string {
  const parts: string[] = [];
  for (const rdn of name) for (const a of rdn) parts.push(`${SHORT_NAMES[a.type] ?? a.type}=${attrValue(a.value)}`);
  return (reverse ? parts.reverse() : parts).join(',');
}

/** Reads one DER certificate. */
export function readCertificate(der: Buffer, source: string, index = 0): CertInfo {
  const { schema, x509 } = lib();
  let cert: InstanceType<typeof x509.Certificate>;
  try {
    cert = schema.AsnConvert.parse(der, x509.Certificate);
  } catch (e) {
    throw certError(
      'CERT_BAD',
      { en: '{source}: certificate {n} cannot be read: {reason}', zh: '{source}：第 {n} 个证书无法解析：{reason}' },
      { source, n: index + 1, reason: (e instanceof Error ? e.message : String(e)).slice(0, 120) },
    );
  }
  const tbs = cert.tbsCertificate;
  const serialHex = Buffer.from(tbs.serialNumber).toString('hex').replace(/^(00)+(?=.)/, '') || '0';
  const serialDecimal = BigInt('0x' + serialHex).toString(10);
  const issuer = nameString(tbs.issuer, true);
  const signatureOid = cert.signatureAlgorithm.algorithm;
  let publicKey: crypto.KeyObject | undefined;
  try {
    publicKey = crypto.createPublicKey({ key: Buffer.from(schema.AsnConvert.serialize(tbs.subjectPublicKeyInfo)), format: 'der', type: 'spki' });
  } catch {
    // SM2 and other keys node cannot use: the SN is still computable; verification names the problem.
    publicKey = undefined;
  }
  return {
    issuer,
    subject: nameString(tbs.subject, true),
    serialDecimal,
    serialHex,
    signatureOid,
    signatureName: SIG_NAMES[signatureOid] ?? signatureOid,
    rsaSigned: RSA_SIGNATURE.test(signatureOid),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    sn: crypto.createHash('md5').update(issuer + serialDecimal, 'utf8').digest('hex'),
    publicKey,
  };
}

export function readCertificates(input: string | Buffer, source: string): CertInfo[] {
  return certificateDers(input, source).map((d, i) => readCertificate(d, source, i));
}

/** `app_cert_sn` / `alipay_cert_sn`: the first (leaf) certificate of the file. */
export function certSn(input: string | Buffer, source: string): { sn: string; cert: CertInfo; ignored: number } {
  const certs = readCertificates(input, source);
  return { sn: certs[0].sn, cert: certs[0], ignored: certs.length - 1 };
}

export interface RootSn {
  sn: string;
  certs: Array<{ cert: CertInfo; used: boolean; why: Text }>;
}

/** `alipay_root_cert_sn`: RSA-signed certificates of the chain only, joined by `_`. */
export function rootCertSn(input: string | Buffer, source: string): RootSn {
  const certs = readCertificates(input, source).map((cert) => ({
    cert,
    used: cert.rsaSigned,
    why: cert.rsaSigned
      ? { en: `used: signed with ${cert.signatureName} (an RSA algorithm)`, zh: `已使用：签名算法 ${cert.signatureName}（RSA 算法）` }
      : { en: `skipped: signed with ${cert.signatureName}, not RSA (1.2.840.113549.1.1.*)`, zh: `已跳过：签名算法 ${cert.signatureName}，不是 RSA（1.2.840.113549.1.1.*）` },
  }));
  const used = certs.filter((c) => c.used);
  if (used.length === 0) {
    throw certError(
      'CERT_NO_RSA_ROOT',
      { en: '{source}: none of its {n} certificates is RSA-signed, so there is no root SN (is this alipayRootCert.crt?)', zh: '{source}：其中 {n} 个证书都不是 RSA 签名，无法得到根证书 SN（是否为 alipayRootCert.crt？）' },
      { source, n: certs.length },
    );
  }
  return { sn: used.map((c) => c.cert.sn).join('_'), certs };
}

const day = (d: Date): string => d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/** A warning when the certificate is outside its validity period at `now`. */
export function validityWarning(cert: CertInfo, now = new Date()): Text | undefined {
  const args = { from: day(cert.notBefore), to: day(cert.notAfter), subject: cert.subject };
  const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? args[k as keyof typeof args] : m));
  if (now < cert.notBefore) {
    return {
      en: fill('warning: certificate {subject} is not valid yet (valid from {from} to {to})'),
      zh: fill('警告：证书 {subject} 尚未生效（有效期 {from} 至 {to}）'),
    };
  }
  if (now > cert.notAfter) {
    return {
      en: fill('warning: certificate {subject} has expired (valid from {from} to {to}): download a new one from the Alipay console'),
      zh: fill('警告：证书 {subject} 已过期（有效期 {from} 至 {to}）：请从支付宝控制台下载新证书'),
    };
  }
  return undefined;
}
