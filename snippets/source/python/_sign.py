

@functools.cache
def _merchant_private_key():
    # RSA needs the `cryptography` package (pip install cryptography); MD5 needs only the standard library.
    from cryptography.hazmat.primitives.serialization import load_der_private_key
    return load_der_private_key(_alipay_key_der("${5:ALIPAY_PRIVATE_KEY_FILE}"), password=None)


def alipay_sign(params: dict[str, str]) -> str:
    """Signs the parameters: MD5 with the merchant key, or SHA1withRSA with the merchant's PKCS#8 private key."""
    content = alipay_presign(params).encode(ALIPAY_CHARSET)
    if ALIPAY_SIGN_TYPE == "MD5":
        return hashlib.md5(content + _alipay_md5_key().encode(ALIPAY_CHARSET)).hexdigest()
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    return base64.b64encode(_merchant_private_key().sign(content, padding.PKCS1v15(), hashes.SHA1())).decode("ascii")


def alipay_request_url(service: str, business: dict[str, str]) -> str:
    """The signed gateway URL: every value (the base64 sign too: + / =) percent-encoded once."""
    params = {"service": service, "_input_charset": ALIPAY_CHARSET, "partner": ALIPAY_PARTNER, **business}
    params = {n: v for n, v in params.items() if v not in (None, "")}
    params["sign_type"] = ALIPAY_SIGN_TYPE
    params["sign"] = alipay_sign(params)
    return alipay_gateway() + "?" + urllib.parse.urlencode(params, encoding=ALIPAY_CHARSET)
