@@name Alipay: handle the async notification (notify_url)
@@prefix alipay-notify
@@description Alipay MAPI notify_url handler (Python 3.10+; RSA via the cryptography package): verifies the signature (MD5 key, or Alipay's RSA public key), confirms with notify_verify, processes each trade_no + trade_status once, answers plain text "success".
---
import base64
import functools
import hashlib
import hmac
import os
import re
import threading
import urllib.parse
import urllib.request
from typing import Callable, Protocol

@@include config
@@include verify


class AlipayNotifyStore(Protocol):
    """Records handled notifications. Production: a table with UNIQUE(trade_no, trade_status), claim = INSERT that fails on a duplicate."""

    def claim(self, key: str) -> bool: ...  # True the first time; False if already handled (or being handled)

    def release(self, key: str) -> None: ...  # gives a claim back when processing failed, so Alipay's next delivery retries


class MemoryNotifyStore:
    """Single-process store for development and tests only."""

    def __init__(self) -> None:
        self._handled: set[str] = set()
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
        with self._lock:
            if key in self._handled:
                return False
            self._handled.add(key)
            return True

    def release(self, key: str) -> None:
        with self._lock:
            self._handled.discard(key)


def handle_alipay_notify(form: dict[str, str], store: AlipayNotifyStore, fulfil: Callable[[dict[str, str]], None]) -> str:
    """Handles one POSTed notification (the decoded form fields); returns the plain text to answer.

    "success" stops Alipay's re-sends (up to 24 h); "fail" makes it deliver again later. If `fulfil` raises,
    the claim is released and the exception propagates (answer HTTP 500: Alipay re-sends).
    Flask: `return handle_alipay_notify(request.form.to_dict(), store, fulfil), 200, {"Content-Type": "text/plain"}`
    """
    if not alipay_verify(form):
        return "fail"
    # notify_verify: Alipay confirms it really sent this notify_id (answers "true" for about a minute).
    check = urllib.parse.urlencode({"service": "notify_verify", "partner": ALIPAY_PARTNER, "notify_id": form.get("notify_id", "")})
    with urllib.request.urlopen(f"{alipay_gateway()}?{check}", timeout=15) as answer:
        if answer.read().decode(ALIPAY_CHARSET).strip() != "true":
            return "fail"
    # Alipay re-sends until it reads "success": handle each trade state once.
    key = f"{form.get('trade_no')}:{form.get('trade_status')}"
    if not store.claim(key):
        return "success"
    try:
        # ${7:Check out_trade_no, total_fee and seller_id against your order before fulfilling it.}
        fulfil(form)
    except BaseException:
        store.release(key)
        raise
    return "success"
$0
