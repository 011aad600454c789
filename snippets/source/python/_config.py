# Alipay MAPI settings. Secrets come from the environment or a key file, never from source code.
ALIPAY_PARTNER = "${1:2088XXXXXXXXXXXX}"
ALIPAY_SIGN_TYPE = "${2|MD5,RSA|}"
ALIPAY_GATEWAY = "${3|https://mapi.alipaydev.com/gateway.do,https://mapi.alipay.com/gateway.do|}"
# Signed bytes and URL encoding must use the same charset; utf-8 is the one to use.
ALIPAY_CHARSET = "utf-8"


def alipay_gateway() -> str:
    """The gateway, refusing plain http except to a local emulator on this machine."""
    url = urllib.parse.urlsplit(ALIPAY_GATEWAY)
    local = url.hostname in ("127.0.0.1", "localhost", "::1")
    if url.scheme != "https" and not (url.scheme == "http" and local):
        raise ValueError(f"Alipay gateway must be https: {ALIPAY_GATEWAY}")
    return ALIPAY_GATEWAY


def alipay_presign(params: dict[str, str]) -> str:
    """The pre-sign string: raw (not URL-encoded) values, sign/sign_type and empty values dropped, names in byte order."""
    names = sorted(
        (n for n, v in params.items() if v not in (None, "") and n.lower() not in ("sign", "sign_type")),
        key=lambda n: n.encode(ALIPAY_CHARSET),
    )
    return "&".join(f"{n}={params[n]}" for n in names)


def _alipay_key_der(env_name: str) -> bytes:
    """A key file's DER bytes: PEM, or the bare base64 Alipay's key tool prints."""
    path = os.environ.get(env_name)
    if not path:
        raise RuntimeError(f"Set {env_name} to the path of the key file")
    with open(path, encoding="ascii") as f:
        text = re.sub(r"-----[A-Z ]+-----", "", f.read())
    return base64.b64decode("".join(text.split()))


def _alipay_md5_key() -> str:
    """The merchant's MD5 key (MD5 sign type only)."""
    key = os.environ.get("${4:ALIPAY_MD5_KEY}", "").strip()
    if not key:
        raise RuntimeError("Set $4 to the merchant MD5 key")
    return key
