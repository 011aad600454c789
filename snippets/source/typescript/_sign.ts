
let merchantPrivateKey: crypto.KeyObject | undefined;

/** Signs the parameters: MD5 with the merchant key, or SHA1withRSA with the merchant's PKCS#8 private key. */
export function alipaySign(params: Record<string, string>): string {
  const content = Buffer.from(alipayPresign(params), ALIPAY_CHARSET);
  if (ALIPAY_SIGN_TYPE === 'MD5') {
    return crypto.createHash('md5').update(content).update(alipayMd5Key(), ALIPAY_CHARSET).digest('hex');
  }
  merchantPrivateKey ??= crypto.createPrivateKey({ key: alipayKeyDer('${5:ALIPAY_PRIVATE_KEY_FILE}'), format: 'der', type: 'pkcs8' });
  return crypto.sign('sha1', content, merchantPrivateKey).toString('base64');
}

/** The signed gateway URL: every value (the base64 sign too: + / =) percent-encoded once. */
export function alipayRequestUrl(service: string, business: Record<string, string>): string {
  const params: Record<string, string> = { service, _input_charset: ALIPAY_CHARSET, partner: ALIPAY_PARTNER, ...business };
  for (const name of Object.keys(params)) if (params[name] === '' || params[name] == null) delete params[name];
  params.sign_type = ALIPAY_SIGN_TYPE;
  params.sign = alipaySign(params);
  return `${alipayGateway()}?${new URLSearchParams(params).toString()}`;
}
