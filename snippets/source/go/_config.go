
// __CLASS__ holds the Alipay MAPI settings. Secrets come from the environment or a key file, never from source code.
type __CLASS__ struct {
	Partner  string
	SignType string // "MD5" or "RSA"
	Gateway  string
	// Signed bytes and URL encoding must use the same charset; Go strings are utf-8, so this stays utf-8.
	Charset string
}

// New__CLASS__ returns the settings for this shop.
func New__CLASS__() *__CLASS__ {
	return &__CLASS__{
		Partner:  "${1:2088XXXXXXXXXXXX}",
		SignType: "${2|MD5,RSA|}",
		Gateway:  "${3|https://mapi.alipaydev.com/gateway.do,https://mapi.alipay.com/gateway.do|}",
		Charset:  "utf-8",
	}
}

// gateway refuses plain http except to a local emulator on this machine.
func (a *__CLASS__) gateway() (string, error) {
	u, err := url.Parse(a.Gateway)
	if err != nil {
		return "", fmt.Errorf("alipay gateway %q: %w", a.Gateway, err)
	}
	local := u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost" || u.Hostname() == "::1"
	if u.Scheme != "https" && !(u.Scheme == "http" && local) {
		return "", fmt.Errorf("alipay gateway must be https: %s", a.Gateway)
	}
	return a.Gateway, nil
}

// Presign is the pre-sign string: raw (not URL-encoded) values, sign/sign_type and empty values dropped, names in byte order.
func (a *__CLASS__) Presign(params map[string]string) string {
	names := make([]string, 0, len(params))
	for name, value := range params {
		if value != "" && !strings.EqualFold(name, "sign") && !strings.EqualFold(name, "sign_type") {
			names = append(names, name)
		}
	}
	sort.Strings(names) // byte order
	pairs := make([]string, len(names))
	for i, name := range names {
		pairs[i] = name + "=" + params[name]
	}
	return strings.Join(pairs, "&")
}

// keyDER reads a key file: PEM, or the bare base64 Alipay's key tool prints.
func (a *__CLASS__) keyDER(envName string) ([]byte, error) {
	file := os.Getenv(envName)
	if file == "" {
		return nil, fmt.Errorf("set %s to the path of the key file", envName)
	}
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read the key file named by %s: %w", envName, err)
	}
	if block, _ := pem.Decode(text); block != nil {
		return block.Bytes, nil
	}
	return base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(text)), ""))
}

// md5Key is the merchant's MD5 key (MD5 sign type only).
func (a *__CLASS__) md5Key() (string, error) {
	key := strings.TrimSpace(os.Getenv("${4:ALIPAY_MD5_KEY}"))
	if key == "" {
		return "", errors.New("set $4 to the merchant MD5 key")
	}
	return key, nil
}
