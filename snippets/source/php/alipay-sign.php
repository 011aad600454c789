@@name Alipay: sign a MAPI request (MD5 or RSA)
@@prefix alipay-sign
@@description Alipay MAPI (PHP 7.4+, ext-openssl): build a signed gateway.do URL (MD5 key from the environment, or RSA with a PKCS#8 private key file); raw values signed, sign/sign_type/empty dropped, names in byte order, https only.
@@class AlipaySigner
---
/** Signs Alipay MAPI requests and builds gateway URLs. */
final class __CLASS__
{
@@include config
@@include sign
}
$0
