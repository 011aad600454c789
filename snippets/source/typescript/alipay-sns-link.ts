@@name Alipay: sns.trade.operate.by.action link
@@prefix alipay-sns-link
@@description Alipay MAPI sns.trade.operate.by.action: a signed https link that opens a trade on Alipay to pay, view, re-price or close it (the SNS user key is a signed business parameter).
---
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

@@include config
@@include sign

export type AlipaySnsAction = 'payAction' | 'detailAction' | 'modifyAction' | 'closeAction';

/** A link for the buyer (payAction, detailAction) or the seller (modifyAction, closeAction, detailAction). */
export function alipaySnsTradeLink(snsUserId: string, snsUserKey: string, orderNo: string, action: AlipaySnsAction = '${7|payAction,detailAction,modifyAction,closeAction|}'): string {
  // `key` here is the SNS user's key from Alipay (stored per user), not the merchant's MD5 key.
  return alipayRequestUrl('sns.trade.operate.by.action', { sns_user_id: snsUserId, key: snsUserKey, order_no: orderNo, trade_action: action });
}
$0
