
    /** What the gateway answered: isSuccess (processed, not business success), error code, signed business fields. */
    public record Result(boolean isSuccess, String error, Map<String, String> fields) {
        public String tradeStatus() { return fields.get("trade_status"); }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Calls the gateway and checks the answer's signature (rule inferred from Alipay's own SDK: business fields signed like a request). */
    private static Result call(String service, Map<String, String> business) throws IOException, InterruptedException, GeneralSecurityException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(requestUrl(service, business))).timeout(Duration.ofSeconds(15)).GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw new IOException("Alipay gateway answered HTTP " + response.statusCode());
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no XXE
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Alipay gateway answered something that is not XML", e);
        }
        Map<String, String> top = new HashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) continue;
            if (n.getNodeName().equals("response")) {
                for (Node node = n.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node.getNodeType() != Node.ELEMENT_NODE) continue;
                    for (Node f = node.getFirstChild(); f != null; f = f.getNextSibling()) {
                        if (f.getNodeType() == Node.ELEMENT_NODE) fields.put(f.getNodeName(), f.getTextContent());
                    }
                }
            } else if (!n.getNodeName().equals("request")) {
                top.put(n.getNodeName(), n.getTextContent().trim());
            }
        }
        if (!"T".equals(top.get("is_success"))) return new Result(false, top.getOrDefault("error", "UNKNOWN"), fields);
        Map<String, String> signed = new HashMap<>(fields);
        signed.put("sign_type", top.getOrDefault("sign_type", ""));
        if (!verify(signed, top.get("sign"))) {
            throw new SignatureException(service + ": the response signature does not verify; do not trust it");
        }
        return new Result(true, null, fields);
    }
