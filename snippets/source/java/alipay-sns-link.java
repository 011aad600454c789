@@name Alipay: sns.trade.operate.by.action link
@@prefix alipay-sns-link
@@description Alipay MAPI sns.trade.operate.by.action (Java 17+): a signed https link that opens a trade on Alipay to pay, view, re-price or close it (the SNS user key is a signed business parameter).
@@class AlipaySnsLink
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

/** Signed links to Alipay's trade pages (sns.trade.operate.by.action). */
public final class __CLASS__ {
    /** Buyer: payAction, detailAction. Seller: modifyAction, closeAction, detailAction. */
    public static final String DEFAULT_ACTION = "${7|payAction,detailAction,modifyAction,closeAction|}";

    /** `snsUserKey` is the SNS user's key from Alipay (stored per user), not the merchant's MD5 key; it is signed. */
    public static String link(String snsUserId, String snsUserKey, String orderNo, String tradeAction) throws GeneralSecurityException {
        Map<String, String> business = new LinkedHashMap<>();
        business.put("sns_user_id", snsUserId);
        business.put("key", snsUserKey);
        business.put("order_no", orderNo);
        business.put("trade_action", tradeAction);
        return requestUrl("sns.trade.operate.by.action", business);
    }
@@include config
@@include sign

    private __CLASS__() {}
}
$0
