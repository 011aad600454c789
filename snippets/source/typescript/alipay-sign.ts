@@name Alipay: sign a MAPI request (MD5 or RSA)
@@prefix alipay-sign
@@description Alipay MAPI: build a signed gateway.do URL (MD5 key from the environment, or RSA with a PKCS#8 private key file); raw values signed, sign/sign_type/empty dropped, names in byte order, https only.
---
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

@@include config
@@include sign
$0
