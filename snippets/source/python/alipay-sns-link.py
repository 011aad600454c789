@@name Alipay: sns.trade.operate.by.action link
@@prefix alipay-sns-link
@@description Alipay MAPI sns.trade.operate.by.action (Python 3.10+; RSA via the cryptography package): a signed https link that opens a trade on Alipay to pay, view, re-price or close it (the SNS user key is a signed business parameter).
---
import base64
import functools
import hashlib
import os
import re
import urllib.parse

@@include config
@@include sign


def alipay_sns_trade_link(sns_user_id: str, sns_user_key: str, order_no: str, trade_action: str = "${7|payAction,detailAction,modifyAction,closeAction|}") -> str:
    """A link for the buyer (payAction, detailAction) or the seller (modifyAction, closeAction, detailAction).

    `sns_user_key` is the SNS user's key from Alipay (stored per user), not the merchant's MD5 key; it is signed.
    """
    return alipay_request_url("sns.trade.operate.by.action", {
        "sns_user_id": sns_user_id, "key": sns_user_key, "order_no": order_no, "trade_action": trade_action,
    })
$0
