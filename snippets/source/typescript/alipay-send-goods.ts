@@name Alipay: send_goods_confirm_by_platform
@@prefix alipay-send-goods
@@description Alipay MAPI send_goods_confirm_by_platform: confirms shipment of an escrow trade with a signed request; reads is_success/error and verifies the signed tradeBase result.
---
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

@@include config
@@include sign
@@include verify
@@include xml

/** Confirms shipment. A repeat for an already shipped trade comes back as is_success=F with an error code. */
export async function alipaySendGoods(
  tradeNo: string,
  logisticsName: string,
  invoiceNo: string,
  transportType: 'POST' | 'EXPRESS' | 'EMS' = '${7|EXPRESS,POST,EMS|}',
): Promise<AlipayResult & { tradeStatus?: string }> {
  const result = await alipayCall('send_goods_confirm_by_platform', {
    trade_no: tradeNo,
    logistics_name: logisticsName,
    invoice_no: invoiceNo,
    transport_type: transportType,
  });
  return { ...result, tradeStatus: result.fields.trade_status };
}
$0
