@@name Alipay: handle the async notification (notify_url)
@@prefix alipay-notify
@@description Alipay MAPI notify_url handler (PHP 7.4+, ext-openssl): verifies the signature (MD5 key, or Alipay's RSA public key), confirms with notify_verify, processes each trade_no + trade_status once (atomic claim file), answers plain text "success".
@@class AlipayNotifyHandler
---
/**
 * Alipay's asynchronous notification (POST form to notify_url). In the notify_url script:
 *   header('Content-Type: text/plain');
 *   echo AlipayNotifyHandler::handle($_POST, 'fulfil_order');
 */
final class __CLASS__
{
    /**
     * Where handled notifications are recorded: one claim file per trade_no + trade_status, created atomically.
     * Production: a table with UNIQUE(trade_no, trade_status), claim = INSERT that fails on a duplicate.
     */
    const STORE_DIR = '${9:/var/lib/myshop/alipay-notify}';

    /**
     * Handles one notification and returns the plain text to answer: 'success' stops Alipay's re-sends
     * (up to 24 h); 'fail' makes it deliver again later. If $fulfil throws, the claim is released and the
     * exception propagates (PHP answers HTTP 500: Alipay re-sends).
     * $fulfil(array $notification): ${8:check out_trade_no, total_fee and seller_id against your order before fulfilling it}.
     */
    public static function handle(array $form, callable $fulfil): string
    {
        if (!self::verify($form)) {
            return 'fail';
        }
        // notify_verify: Alipay confirms it really sent this notify_id (answers "true" for about a minute).
        $check = self::gateway() . '?' . http_build_query(['service' => 'notify_verify', 'partner' => self::PARTNER, 'notify_id' => $form['notify_id'] ?? '']);
        $answer = @file_get_contents($check, false, stream_context_create(['http' => ['timeout' => 15]]));
        if ($answer === false || trim($answer) !== 'true') {
            return 'fail';
        }
        // Alipay re-sends until it reads "success": handle each trade state once.
        if (!is_dir(self::STORE_DIR) && !@mkdir(self::STORE_DIR, 0700, true) && !is_dir(self::STORE_DIR)) {
            throw new RuntimeException('Cannot create ' . self::STORE_DIR);
        }
        $claim = self::STORE_DIR . '/' . hash('sha256', ($form['trade_no'] ?? '') . ':' . ($form['trade_status'] ?? ''));
        $handle = @fopen($claim, 'x'); // 'x' fails if the file exists: an atomic claim
        if ($handle === false) {
            return 'success';
        }
        fclose($handle);
        try {
            $fulfil($form);
        } catch (Throwable $e) {
            unlink($claim);
            throw $e;
        }
        return 'success';
    }

@@include config
@@include verify
}
$0
