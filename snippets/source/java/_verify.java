
    private static PublicKey alipayPublicKey;

    /** Checks what Alipay signed: MD5 with the merchant key, RSA with ALIPAY's public key (not the merchant's). */
    public static synchronized boolean verify(Map<String, String> params, String signature) throws GeneralSecurityException {
        if (signature == null || signature.isEmpty()) return false;
        String signType = params.get("sign_type");
        if (signType != null && !signType.equalsIgnoreCase(SIGN_TYPE)) return false;
        byte[] content = presign(params).getBytes(CHARSET);
        if (SIGN_TYPE.equals("MD5")) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
            return MessageDigest.isEqual(given, md5(content));
        }
        if (alipayPublicKey == null) {
            alipayPublicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(keyDer("${6:ALIPAY_PUBLIC_KEY_FILE}")));
        }
        Signature rsa = Signature.getInstance("SHA1withRSA");
        rsa.initVerify(alipayPublicKey);
        rsa.update(content);
        try {
            return rsa.verify(Base64.getMimeDecoder().decode(signature));
        } catch (SignatureException | IllegalArgumentException malformed) {
            return false;
        }
    }
