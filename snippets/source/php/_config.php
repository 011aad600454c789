    // Alipay MAPI settings. Secrets come from the environment or a key file, never from source code.
    const PARTNER = '${1:2088XXXXXXXXXXXX}';
    const SIGN_TYPE = '${2|MD5,RSA|}';
    const GATEWAY = '${3|https://mapi.alipaydev.com/gateway.do,https://mapi.alipay.com/gateway.do|}';
    // Signed bytes and URL encoding must use the same charset; utf-8 is the one to use (keep this file utf-8).
    const CHARSET = 'utf-8';

    /** The gateway, refusing plain http except to a local emulator on this machine. */
    private static function gateway(): string
    {
        $url = parse_url(self::GATEWAY);
        $local = in_array($url['host'] ?? '', ['127.0.0.1', 'localhost', '[::1]'], true);
        if (($url['scheme'] ?? '') !== 'https' && !(($url['scheme'] ?? '') === 'http' && $local)) {
            throw new RuntimeException('Alipay gateway must be https: ' . self::GATEWAY);
        }
        return self::GATEWAY;
    }

    /** The pre-sign string: raw (not URL-encoded) values, sign/sign_type and empty values dropped, names in byte order. */
    public static function presign(array $params): string
    {
        $pairs = [];
        foreach ($params as $name => $value) {
            $name = (string) $name;
            if ($value === null || (string) $value === '' || in_array(strtolower($name), ['sign', 'sign_type'], true)) {
                continue;
            }
            $pairs[$name] = $name . '=' . $value;
        }
        ksort($pairs, SORT_STRING); // byte order, even for names that look numeric
        return implode('&', $pairs);
    }

    /** A key file as PEM: the file may hold PEM or the bare base64 Alipay's key tool prints. */
    private static function keyPem(string $envName, string $label): string
    {
        $file = getenv($envName);
        if ($file === false || $file === '') {
            throw new RuntimeException("Set $envName to the path of the key file");
        }
        $text = file_get_contents($file);
        if ($text === false) {
            throw new RuntimeException("Cannot read the key file named by $envName");
        }
        $base64 = preg_replace('/-----[A-Z ]+-----|\s+/', '', $text);
        return "-----BEGIN $label-----\n" . chunk_split($base64, 64, "\n") . "-----END $label-----\n";
    }

    /** The merchant's MD5 key (MD5 sign type only). */
    private static function md5Key(): string
    {
        $key = trim((string) getenv('${4:ALIPAY_MD5_KEY}'));
        if ($key === '') {
            throw new RuntimeException('Set $4 to the merchant MD5 key');
        }
        return $key;
    }
