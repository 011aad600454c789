@@name Alipay: send_goods_confirm_by_platform
@@prefix alipay-send-goods
@@description Alipay MAPI send_goods_confirm_by_platform (PHP 7.4+, ext-openssl, ext-simplexml): confirms shipment of an escrow trade with a signed request; reads is_success/error and verifies the signed tradeBase result.
@@class AlipaySendGoods
---
/** send_goods_confirm_by_platform: tells Alipay an escrow trade has shipped. */
final class __CLASS__
{
    /**
     * Returns ['is_success' => bool, 'error' => ?string, 'trade_status' => ?string, 'fields' => array].
     * A repeat for an already shipped trade comes back as is_success=false with an error code.
     */
    public static function send(string $tradeNo, string $logisticsName, string $invoiceNo, string $transportType = '${7|EXPRESS,POST,EMS|}'): array
    {
        $result = self::call('send_goods_confirm_by_platform', [
            'trade_no' => $tradeNo,
            'logistics_name' => $logisticsName,
            'invoice_no' => $invoiceNo,
            'transport_type' => $transportType,
        ]);
        return $result + ['trade_status' => $result['fields']['trade_status'] ?? null];
    }

@@include config
@@include sign
@@include verify
@@include xml
}
$0
