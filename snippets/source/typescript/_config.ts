// Alipay MAPI settings. Secrets come from the environment or a key file, never from source code.
const ALIPAY_PARTNER = '${1:2088XXXXXXXXXXXX}';
const ALIPAY_SIGN_TYPE = '${2|MD5,RSA|}' as 'MD5' | 'RSA';
const ALIPAY_GATEWAY = '${3|https://mapi.alipaydev.com/gateway.do,https://mapi.alipay.com/gateway.do|}';
// Signed bytes and URL encoding must use the same charset; utf-8 is the one to use.
const ALIPAY_CHARSET = 'utf-8';

/** The gateway, refusing plain http except to a local emulator on this machine. */
function alipayGateway(): string {
  const url = new URL(ALIPAY_GATEWAY);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(`Alipay gateway must be https: ${ALIPAY_GATEWAY}`);
  }
  return ALIPAY_GATEWAY;
}

/** The pre-sign string: raw (not URL-encoded) values, sign/sign_type and empty values dropped, names in byte order. */
export function alipayPresign(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => params[name] !== '' && params[name] != null && !['sign', 'sign_type'].includes(name.toLowerCase()))
    .sort() // code-unit order: byte order for the ASCII parameter names
    .map((name) => `${name}=${params[name]}`)
    .join('&');
}

/** A key file's DER bytes: PEM, or the bare base64 Alipay's key tool prints. */
function alipayKeyDer(envName: string): Buffer {
  const file = process.env[envName];
  if (!file) throw new Error(`Set ${envName} to the path of the key file`);
  const base64 = fs.readFileSync(file, 'utf8').replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(base64, 'base64');
}

/** The merchant's MD5 key (MD5 sign type only). */
function alipayMd5Key(): string {
  const key = process.env.${4:ALIPAY_MD5_KEY};
  if (!key) throw new Error('Set $4 to the merchant MD5 key');
  return key.trim();
}
