@@name Alipay: sign a MAPI request (MD5 or RSA)
@@prefix alipay-sign
@@description Alipay MAPI (Python 3.10+): build a signed gateway.do URL (MD5 key from the environment with the standard library, or RSA with a PKCS#8 private key file via the cryptography package); raw values signed, sign/sign_type/empty dropped, names in byte order, https only.
---
import base64
import functools
import hashlib
import os
import re
import urllib.parse

@@include config
@@include sign
$0
