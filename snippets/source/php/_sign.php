
    /** Signs the parameters: MD5 with the merchant key, or SHA1withRSA with the merchant's PKCS#8 private key. */
    public static function sign(array $params): string
    {
        $content = self::presign($params);
        if (self::SIGN_TYPE === 'MD5') {
            return md5($content . self::md5Key());
        }
        $key = openssl_pkey_get_private(self::keyPem('${5:ALIPAY_PRIVATE_KEY_FILE}', 'PRIVATE KEY'));
        if ($key === false || !openssl_sign($content, $signature, $key, OPENSSL_ALGO_SHA1)) {
            throw new RuntimeException('RSA signing failed: is the key file a PKCS#8 RSA private key?');
        }
        return base64_encode($signature);
    }

    /** The signed gateway URL: every value (the base64 sign too: + / =) percent-encoded once. */
    public static function requestUrl(string $service, array $business): string
    {
        $params = ['service' => $service, '_input_charset' => self::CHARSET, 'partner' => self::PARTNER] + $business;
        $params = array_filter($params, fn ($v) => $v !== null && (string) $v !== '');
        $params['sign_type'] = self::SIGN_TYPE;
        $params['sign'] = self::sign($params);
        return self::gateway() . '?' . http_build_query($params, '', '&', PHP_QUERY_RFC1738);
    }
