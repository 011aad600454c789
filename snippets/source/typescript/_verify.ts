
let alipayPublicKey: crypto.KeyObject | undefined;

/** Checks what Alipay signed: MD5 with the merchant key, RSA with ALIPAY's public key (not the merchant's). */
export function alipayVerify(params: Record<string, string>, signature: string | undefined = params.sign): boolean {
  if (!signature) return false;
  if (params.sign_type && params.sign_type.toUpperCase() !== ALIPAY_SIGN_TYPE) return false;
  const content = Buffer.from(alipayPresign(params), ALIPAY_CHARSET);
  if (ALIPAY_SIGN_TYPE === 'MD5') {
    const expected = crypto.createHash('md5').update(content).update(alipayMd5Key(), ALIPAY_CHARSET).digest();
    const given = Buffer.from(signature.toLowerCase(), 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  }
  alipayPublicKey ??= crypto.createPublicKey({ key: alipayKeyDer('${6:ALIPAY_PUBLIC_KEY_FILE}'), format: 'der', type: 'spki' });
  return crypto.verify('sha1', content, alipayPublicKey, Buffer.from(signature, 'base64'));
}
