
// Verify checks what Alipay signed: MD5 with the merchant key, RSA with ALIPAY's public key (not the merchant's).
func (a *__CLASS__) Verify(params map[string]string, signature string) (bool, error) {
	if signature == "" {
		return false, nil
	}
	if t := params["sign_type"]; t != "" && !strings.EqualFold(t, a.SignType) {
		return false, nil
	}
	content := []byte(a.Presign(params))
	if a.SignType == "MD5" {
		key, err := a.md5Key()
		if err != nil {
			return false, err
		}
		sum := md5.Sum(append(content, key...))
		expected := hex.EncodeToString(sum[:])
		return subtle.ConstantTimeCompare([]byte(strings.ToLower(signature)), []byte(expected)) == 1, nil
	}
	der, err := a.keyDER("${6:ALIPAY_PUBLIC_KEY_FILE}")
	if err != nil {
		return false, err
	}
	parsed, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return false, fmt.Errorf("Alipay's public key is not an X.509 public key: %w", err)
	}
	key, ok := parsed.(*rsa.PublicKey)
	if !ok {
		return false, errors.New("Alipay's public key is not an RSA key")
	}
	raw, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return false, nil
	}
	digest := sha1.Sum(content)
	return rsa.VerifyPKCS1v15(key, crypto.SHA1, digest[:], raw) == nil, nil
}
