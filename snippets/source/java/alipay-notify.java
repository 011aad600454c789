@@name Alipay: handle the async notification (notify_url)
@@prefix alipay-notify
@@description Alipay MAPI notify_url handler (Java 17+): verifies the signature (MD5 key, or Alipay's RSA public key), confirms with notify_verify, processes each trade_no + trade_status once, answers plain text "success".
@@class AlipayNotifyHandler
---
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
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alipay's asynchronous notification (POST form to notify_url). Servlet wiring:
 * Map<String, String> form = new HashMap<>(); request.getParameterMap().forEach((k, v) -> form.put(k, v[0]));
 * response.setContentType("text/plain"); response.getWriter().print(AlipayNotifyHandler.handle(form, store, this::fulfil));
 */
public final class __CLASS__ {
    /** Records handled notifications. Production: a table with UNIQUE(trade_no, trade_status), claim = INSERT that fails on a duplicate. */
    public interface Store {
        /** True the first time `key` is claimed; false if it was already handled (or is being handled). */
        boolean claim(String key);
        /** Gives a claim back when processing failed, so Alipay's next delivery retries it. */
        void release(String key);
    }

    /** Single-process store for development and tests only. */
    public static Store memoryStore() {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        return new Store() {
            @Override public boolean claim(String key) { return handled.add(key); }
            @Override public void release(String key) { handled.remove(key); }
        };
    }

    /** Your business step. ${7:Check out_trade_no, total_fee and seller_id against your order before fulfilling it.} */
    public interface Fulfil {
        void accept(Map<String, String> notification) throws Exception;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Handles one notification (the decoded form fields) and returns the plain text to answer:
     * "success" stops Alipay's re-sends (up to 24 h); "fail" makes it deliver again later. If `fulfil`
     * throws, the claim is released and the exception propagates (answer HTTP 500: Alipay re-sends).
     */
    public static String handle(Map<String, String> form, Store store, Fulfil fulfil) throws Exception {
        if (!verify(form, form.get("sign"))) return "fail";
        // notify_verify: Alipay confirms it really sent this notify_id (answers "true" for about a minute).
        String check = gateway() + "?service=notify_verify&partner=" + URLEncoder.encode(PARTNER, CHARSET)
            + "&notify_id=" + URLEncoder.encode(form.getOrDefault("notify_id", ""), CHARSET);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(check)).timeout(Duration.ofSeconds(15)).build(),
            HttpResponse.BodyHandlers.ofString(CHARSET));
        if (!"true".equals(answer.body().trim())) return "fail";
        // Alipay re-sends until it reads "success": handle each trade state once.
        String key = form.get("trade_no") + ":" + form.get("trade_status");
        if (!store.claim(key)) return "success";
        try {
            fulfil.accept(form);
        } catch (Exception e) {
            store.release(key);
            throw e;
        }
        return "success";
    }
@@include config
@@include verify

    private __CLASS__() {}
}
$0
