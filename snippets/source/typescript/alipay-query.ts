@@name Alipay: single_trade_query
@@prefix alipay-query
@@description Alipay MAPI single_trade_query: signed request, reads the XML (is_success, error, trade_status) and verifies the response signature before trusting it.
---
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

@@include config
@@include sign
@@include verify
@@include xml

/** Looks a trade up by Alipay's trade_no (preferred) or your out_trade_no. */
export async function alipaySingleTradeQuery(by: { trade_no?: string; out_trade_no?: string }): Promise<AlipayResult & { tradeStatus?: string }> {
  const result = await alipayCall('single_trade_query', { trade_no: by.trade_no ?? '', out_trade_no: by.out_trade_no ?? '' });
  // is_success=F with TRADE_NOT_EXIST is an answer, not a failure of the call.
  return { ...result, tradeStatus: result.fields.trade_status };
}
$0
