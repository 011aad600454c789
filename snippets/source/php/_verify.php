
    /** Checks what Alipay signed: MD5 with the merchant key, RSA with ALIPAY's public key (not the merchant's). */
    public static function verify(array $params, ?string $signature = null): bool
    {
        $signature ??= $params['sign'] ?? '';
        if ($signature === '') {
            return false;
        }
        if (isset($params['sign_type']) && $params['sign_type'] !== '' && strtoupper($params['sign_type']) !== self::SIGN_TYPE) {
            return false;
        }
        $content = self::presign($params);
        if (self::SIGN_TYPE === 'MD5') {
            return hash_equals(md5($content . self::md5Key()), strtolower($signature));
        }
        $key = openssl_pkey_get_public(self::keyPem('${6:ALIPAY_PUBLIC_KEY_FILE}', 'PUBLIC KEY'));
        $raw = base64_decode($signature, true);
        return $key !== false && $raw !== false && openssl_verify($content, $raw, $key, OPENSSL_ALGO_SHA1) === 1;
    }
