    // Alipay MAPI settings. Secrets come from the environment or a key file, never from source code.
    private static final String PARTNER = "${1:2088XXXXXXXXXXXX}";
    private static final String SIGN_TYPE = "${2|MD5,RSA|}";
    private static final String GATEWAY = "${3|https://mapi.alipaydev.com/gateway.do,https://mapi.alipay.com/gateway.do|}";
    // Signed bytes and URL encoding must use the same charset; utf-8 is the one to use.
    private static final Charset CHARSET = StandardCharsets.UTF_8;

    /** The gateway, refusing plain http except to a local emulator on this machine. */
    private static String gateway() {
        URI uri = URI.create(GATEWAY);
        boolean local = Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local)) {
            throw new IllegalStateException("Alipay gateway must be https: " + GATEWAY);
        }
        return GATEWAY;
    }

    /** The pre-sign string: raw (not URL-encoded) values, sign/sign_type and empty values dropped, names in byte order. */
    public static String presign(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {  // String order = byte order for ASCII names
            if (value != null && !value.isEmpty() && !name.equalsIgnoreCase("sign") && !name.equalsIgnoreCase("sign_type")) {
                joined.add(name + "=" + value);
            }
        });
        return joined.toString();
    }

    /** A key file's DER bytes: PEM, or the bare base64 Alipay's key tool prints. */
    private static byte[] keyDer(String envName) {
        String file = System.getenv(envName);
        if (file == null || file.isEmpty()) throw new IllegalStateException("Set " + envName + " to the path of the key file");
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            return Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file named by " + envName, e);
        }
    }

    /** The merchant's MD5 key (MD5 sign type only). */
    private static String md5Key() {
        String key = System.getenv("${4:ALIPAY_MD5_KEY}");
        if (key == null || key.isBlank()) throw new IllegalStateException("Set $4 to the merchant MD5 key");
        return key.trim();
    }

    private static byte[] md5(byte[] content) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(content);
        return md5.digest(md5Key().getBytes(CHARSET));
    }
