
// Sign signs the parameters: MD5 with the merchant key, or SHA1withRSA with the merchant's PKCS#8 private key.
func (a *__CLASS__) Sign(params map[string]string) (string, error) {
	content := []byte(a.Presign(params))
	if a.SignType == "MD5" {
		key, err := a.md5Key()
		if err != nil {
			return "", err
		}
		sum := md5.Sum(append(content, key...))
		return hex.EncodeToString(sum[:]), nil
	}
	der, err := a.keyDER("${5:ALIPAY_PRIVATE_KEY_FILE}")
	if err != nil {
		return "", err
	}
	parsed, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return "", fmt.Errorf("the merchant private key is not PKCS#8: %w", err)
	}
	key, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return "", errors.New("the merchant private key is not an RSA key")
	}
	digest := sha1.Sum(content)
	signature, err := rsa.SignPKCS1v15(nil, key, crypto.SHA1, digest[:])
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(signature), nil
}

// RequestURL is the signed gateway URL: every value (the base64 sign too: + / =) percent-encoded once.
func (a *__CLASS__) RequestURL(service string, business map[string]string) (string, error) {
	gateway, err := a.gateway()
	if err != nil {
		return "", err
	}
	params := map[string]string{"service": service, "_input_charset": a.Charset, "partner": a.Partner}
	for name, value := range business {
		params[name] = value
	}
	query := url.Values{}
	for name, value := range params {
		if value != "" {
			query.Set(name, value)
		}
	}
	sign, err := a.Sign(params)
	if err != nil {
		return "", err
	}
	query.Set("sign_type", a.SignType)
	query.Set("sign", sign)
	return gateway + "?" + query.Encode(), nil
}
