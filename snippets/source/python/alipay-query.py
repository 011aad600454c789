@@name Alipay: single_trade_query
@@prefix alipay-query
@@description Alipay MAPI single_trade_query (Python 3.10+; RSA via the cryptography package): signed request, reads the XML (is_success, error, trade_status) and verifies the response signature before trusting it.
---
import base64
import functools
import hashlib
import hmac
import os
import re
import urllib.parse
import urllib.request
from typing import NamedTuple
from xml.etree import ElementTree

@@include config
@@include sign
@@include verify
@@include xml


def alipay_single_trade_query(trade_no: str = "", out_trade_no: str = "") -> AlipayResult:
    """Looks a trade up by Alipay's trade_no (preferred) or your out_trade_no.

    is_success=F with TRADE_NOT_EXIST is an answer, not a failure; a bad response signature raises ValueError.
    """
    return _alipay_call("single_trade_query", {"trade_no": trade_no, "out_trade_no": out_trade_no})
$0
