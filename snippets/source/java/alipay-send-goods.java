@@name Alipay: send_goods_confirm_by_platform
@@prefix alipay-send-goods
@@description Alipay MAPI send_goods_confirm_by_platform (Java 17+): confirms shipment of an escrow trade with a signed request; reads is_success/error and verifies the signed tradeBase result.
@@class AlipaySendGoods
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

/** send_goods_confirm_by_platform: tells Alipay an escrow trade has shipped. */
public final class __CLASS__ {
    public static final String DEFAULT_TRANSPORT_TYPE = "${7|EXPRESS,POST,EMS|}";

    /** A repeat for an already shipped trade comes back as is_success=F with an error code. */
    public static Result sendGoods(String tradeNo, String logisticsName, String invoiceNo, String transportType)
            throws IOException, InterruptedException, GeneralSecurityException {
        Map<String, String> business = new LinkedHashMap<>();
        business.put("trade_no", tradeNo);
        business.put("logistics_name", logisticsName);
        business.put("invoice_no", invoiceNo);
        business.put("transport_type", transportType);
        return call("send_goods_confirm_by_platform", business);
    }
@@include config
@@include sign
@@include verify
@@include xml

    private __CLASS__() {}
}
$0
