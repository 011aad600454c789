

class AlipayResult(NamedTuple):
    is_success: bool  # is_success=T: the gateway processed the request (not that the business succeeded)
    error: str | None  # the error code when is_success=F (e.g. TRADE_NOT_EXIST, ILLEGAL_SIGN)
    fields: dict[str, str]  # the signed business fields (children of <response><trade> / <tradeBase>)

    @property
    def trade_status(self) -> str | None:
        return self.fields.get("trade_status")


def _alipay_call(service: str, business: dict[str, str]) -> AlipayResult:
    """Calls the gateway and checks the answer's signature (rule inferred from Alipay's own SDK: business fields signed like a request)."""
    with urllib.request.urlopen(alipay_request_url(service, business), timeout=15) as response:
        root = ElementTree.fromstring(response.read())  # the gateway's XML has no DTD or entities
    top = {child.tag: (child.text or "").strip() for child in root if child.tag not in ("request", "response")}
    node = root.find("response/*")
    fields = {child.tag: child.text or "" for child in node} if node is not None else {}
    if top.get("is_success") != "T":
        return AlipayResult(False, top.get("error") or "UNKNOWN", fields)
    if not alipay_verify({**fields, "sign_type": top.get("sign_type", "")}, top.get("sign", "")):
        raise ValueError(f"{service}: the response signature does not verify; do not trust it")
    return AlipayResult(True, None, fields)
