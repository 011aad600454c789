
// __CLASS__Result is what the gateway answered.
type __CLASS__Result struct {
	IsSuccess bool              // is_success=T: the gateway processed the request (not that the business succeeded)
	Error     string            // the error code when is_success=F (e.g. TRADE_NOT_EXIST, ILLEGAL_SIGN)
	Fields    map[string]string // the signed business fields (children of <response><trade> / <tradeBase>)
}

// TradeStatus is the trade_status business field.
func (r *__CLASS__Result) TradeStatus() string { return r.Fields["trade_status"] }

type __CLASS__XMLField struct {
	XMLName xml.Name
	Value   string `xml:",chardata"`
}

type __CLASS__XML struct {
	IsSuccess string `xml:"is_success"`
	Error     string `xml:"error"`
	Sign      string `xml:"sign"`
	SignType  string `xml:"sign_type"`
	Response  struct {
		Node struct {
			Fields []__CLASS__XMLField `xml:",any"`
		} `xml:",any"`
	} `xml:"response"`
}

// call calls the gateway and checks the answer's signature (rule inferred from Alipay's own SDK: business fields signed like a request).
func (a *__CLASS__) call(service string, business map[string]string) (*__CLASS__Result, error) {
	requestURL, err := a.RequestURL(service, business)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: 15 * time.Second}
	response, err := client.Get(requestURL)
	if err != nil {
		return nil, err
	}
	defer response.Body.Close()
	if response.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("alipay gateway answered HTTP %d", response.StatusCode)
	}
	var doc __CLASS__XML
	if err := xml.NewDecoder(io.LimitReader(response.Body, 1<<20)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("alipay gateway answered something that is not XML: %w", err)
	}
	result := &__CLASS__Result{Fields: map[string]string{}}
	for _, f := range doc.Response.Node.Fields {
		result.Fields[f.XMLName.Local] = f.Value
	}
	if strings.TrimSpace(doc.IsSuccess) != "T" {
		result.Error = strings.TrimSpace(doc.Error)
		if result.Error == "" {
			result.Error = "UNKNOWN"
		}
		return result, nil
	}
	signed := map[string]string{"sign_type": strings.TrimSpace(doc.SignType)}
	for name, value := range result.Fields {
		signed[name] = value
	}
	ok, err := a.Verify(signed, strings.TrimSpace(doc.Sign))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s: the response signature does not verify; do not trust it", service)
	}
	result.IsSuccess = true
	return result, nil
}
