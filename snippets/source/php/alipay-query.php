@@name Alipay: single_trade_query
@@prefix alipay-query
@@description Alipay MAPI single_trade_query (PHP 7.4+, ext-openssl, ext-simplexml): signed request, reads the XML (is_success, error, trade_status) and verifies the response signature before trusting it.
@@class AlipayTradeQuery
---
/** single_trade_query: looks a trade up by Alipay's trade_no (preferred) or your out_trade_no. */
final class __CLASS__
{
    /**
     * Returns ['is_success' => bool, 'error' => ?string, 'trade_status' => ?string, 'fields' => array].
     * is_success=false with TRADE_NOT_EXIST is an answer, not a failure; a bad response signature throws.
     */
    public static function query(string $tradeNo = '', string $outTradeNo = ''): array
    {
        $result = self::call('single_trade_query', ['trade_no' => $tradeNo, 'out_trade_no' => $outTradeNo]);
        return $result + ['trade_status' => $result['fields']['trade_status'] ?? null];
    }

@@include config
@@include sign
@@include verify
@@include xml
}
$0
