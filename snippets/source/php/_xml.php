
    /**
     * Calls the gateway and checks the answer's signature (rule inferred from Alipay's own SDK: business fields
     * signed like a request). Returns ['is_success' => bool, 'error' => ?string, 'fields' => array].
     */
    private static function call(string $service, array $business): array
    {
        $context = stream_context_create(['http' => ['timeout' => 15, 'ignore_errors' => true]]);
        $body = @file_get_contents(self::requestUrl($service, $business), false, $context);
        if ($body === false) {
            throw new RuntimeException('Alipay gateway did not answer');
        }
        $xml = simplexml_load_string($body, SimpleXMLElement::class, LIBXML_NONET);
        if ($xml === false) {
            throw new RuntimeException('Alipay gateway answered something that is not XML');
        }
        $fields = [];
        foreach ($xml->response->children() as $node) {
            foreach ($node->children() as $field) {
                $fields[$field->getName()] = (string) $field;
            }
        }
        if (trim((string) $xml->is_success) !== 'T') {
            return ['is_success' => false, 'error' => trim((string) $xml->error) ?: 'UNKNOWN', 'fields' => $fields];
        }
        if (!self::verify($fields + ['sign_type' => trim((string) $xml->sign_type)], trim((string) $xml->sign))) {
            throw new RuntimeException("$service: the response signature does not verify; do not trust it");
        }
        return ['is_success' => true, 'error' => null, 'fields' => $fields];
    }
