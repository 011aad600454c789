@@name Alipay: sns.trade.operate.by.action link
@@prefix alipay-sns-link
@@description Alipay MAPI sns.trade.operate.by.action (PHP 7.4+, ext-openssl): a signed https link that opens a trade on Alipay to pay, view, re-price or close it (the SNS user key is a signed business parameter).
@@class AlipaySnsLink
---
/** Signed links to Alipay's trade pages (sns.trade.operate.by.action). */
final class __CLASS__
{
    /**
     * Buyer: payAction, detailAction. Seller: modifyAction, closeAction, detailAction.
     * $snsUserKey is the SNS user's key from Alipay (stored per user), not the merchant's MD5 key; it is signed.
     */
    public static function link(string $snsUserId, string $snsUserKey, string $orderNo, string $tradeAction = '${7|payAction,detailAction,modifyAction,closeAction|}'): string
    {
        return self::requestUrl('sns.trade.operate.by.action', [
            'sns_user_id' => $snsUserId,
            'key' => $snsUserKey,
            'order_no' => $orderNo,
            'trade_action' => $tradeAction,
        ]);
    }

@@include config
@@include sign
}
$0
