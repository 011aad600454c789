

@functools.cache
def _alipay_public_key():
    from cryptography.hazmat.primitives.serialization import load_der_public_key
    return load_der_public_key(_alipay_key_der("${6:ALIPAY_PUBLIC_KEY_FILE}"))


def alipay_verify(params: dict[str, str], signature: str | None = None) -> bool:
    """Checks what Alipay signed: MD5 with the merchant key, RSA with ALIPAY's public key (not the merchant's)."""
    signature = params.get("sign") if signature is None else signature
    if not signature:
        return False
    if params.get("sign_type") and params["sign_type"].upper() != ALIPAY_SIGN_TYPE:
        return False
    content = alipay_presign(params).encode(ALIPAY_CHARSET)
    if ALIPAY_SIGN_TYPE == "MD5":
        expected = hashlib.md5(content + _alipay_md5_key().encode(ALIPAY_CHARSET)).hexdigest()
        return hmac.compare_digest(signature.lower().encode(), expected.encode())
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    try:
        _alipay_public_key().verify(base64.b64decode(signature), content, padding.PKCS1v15(), hashes.SHA1())
        return True
    except (InvalidSignature, ValueError):
        return False
