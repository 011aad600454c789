
    private static PrivateKey merchantPrivateKey;

    /** Signs the parameters: MD5 with the merchant key, or SHA1withRSA with the merchant's PKCS#8 private key. */
    public static synchronized String sign(Map<String, String> params) throws GeneralSecurityException {
        byte[] content = presign(params).getBytes(CHARSET);
        if (SIGN_TYPE.equals("MD5")) return HexFormat.of().formatHex(md5(content));
        if (merchantPrivateKey == null) {
            merchantPrivateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(keyDer("${5:ALIPAY_PRIVATE_KEY_FILE}")));
        }
        Signature rsa = Signature.getInstance("SHA1withRSA");
        rsa.initSign(merchantPrivateKey);
        rsa.update(content);
        return Base64.getEncoder().encodeToString(rsa.sign());
    }

    /** The signed gateway URL: every value (the base64 sign too: + / =) percent-encoded once. */
    public static String requestUrl(String service, Map<String, String> business) throws GeneralSecurityException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("_input_charset", CHARSET.name().toLowerCase(Locale.ROOT));
        params.put("partner", PARTNER);
        params.putAll(business);
        params.values().removeIf(v -> v == null || v.isEmpty());
        params.put("sign_type", SIGN_TYPE);
        params.put("sign", sign(params));
        StringJoiner query = new StringJoiner("&", gateway() + "?", "");
        params.forEach((name, value) -> query.add(URLEncoder.encode(name, CHARSET) + "=" + URLEncoder.encode(value, CHARSET)));
        return query.toString();
    }
