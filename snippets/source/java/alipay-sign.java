@@name Alipay: sign a MAPI request (MD5 or RSA)
@@prefix alipay-sign
@@description Alipay MAPI (Java 17+): build a signed gateway.do URL (MD5 key from the environment, or RSA with a PKCS#8 private key file); raw values signed, sign/sign_type/empty dropped, names in byte order, https only.
@@class AlipaySigner
---
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Signs Alipay MAPI requests and builds gateway URLs. */
public final class __CLASS__ {
@@include config
@@include sign

    private __CLASS__() {}
}
$0
