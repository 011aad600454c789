@@name Alipay: single_trade_query
@@prefix alipay-query
@@description Alipay MAPI single_trade_query (Java 17+): signed request, reads the XML (is_success, error, trade_status) and verifies the response signature before trusting it.
@@class AlipayTradeQuery
---
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** single_trade_query: looks a trade up by Alipay's trade_no (preferred) or your out_trade_no. */
public final class __CLASS__ {
    /** is_success=F with TRADE_NOT_EXIST is an answer, not a failure; a bad response signature throws. */
    public static Result query(String tradeNo, String outTradeNo) throws IOException, InterruptedException, GeneralSecurityException {
        Map<String, String> business = new LinkedHashMap<>();
        business.put("trade_no", tradeNo);
        business.put("out_trade_no", outTradeNo);
        return call("single_trade_query", business);
    }
@@include config
@@include sign
@@include verify
@@include xml

    private __CLASS__() {}
}
$0
