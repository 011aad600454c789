@@name Alipay: send_goods_confirm_by_platform
@@prefix alipay-send-goods
@@description Alipay MAPI send_goods_confirm_by_platform (Python 3.10+; RSA via the cryptography package): confirms shipment of an escrow trade with a signed request; reads is_success/error and verifies the signed tradeBase result.
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


def alipay_send_goods(trade_no: str, logistics_name: str, invoice_no: str, transport_type: str = "${7|EXPRESS,POST,EMS|}") -> AlipayResult:
    """Confirms shipment. A repeat for an already shipped trade comes back as is_success=F with an error code."""
    return _alipay_call("send_goods_confirm_by_platform", {
        "trade_no": trade_no, "logistics_name": logistics_name, "invoice_no": invoice_no, "transport_type": transport_type,
    })
$0
