// What the gateway says about a trade: the async notification, the return-URL
// parameters, and the business nodes of the XML answers (seed 003 <trade>,
// seed 002 <tradeBase>). Signing goes through src/core only.
import type { KeyObject } from 'node:crypto';
import type { Charset } from '../core/charset';
import type { Param } from '../core/params';
import { signContent, signParams } from '../core/sign';
import { xmlSignContent } from '../core/xmlSignContent';
import type { Merchant } from './config';
import { alipayTime, isEscrow, MapiSignType, Trade } from './types';

/** The emulator's only buyer. */
export const TEST_BUYER = { id: '2088102000000001', email: 'buyer@example.com' };

/** Sorted, without empty values: the form the XML and the sign content share. */
function clean(fields: Array<[string, string]>): Param[] {
  return fields
    .filter(([, v]) => v !== '')
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function paid(t: Trade): boolean {
  return t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_FINISHED';
}

function tradeCommon(t: Trade): Array<[string, string]> {
  return [
    ['out_trade_no', t.outTradeNo],
    ['subject', t.subject],
    ['body', t.body],
    ['payment_type', t.paymentType],
    ['trade_no', t.tradeNo],
    ['trade_status', t.status],
    ['seller_id', t.sellerId],
    ['seller_email', t.sellerEmail],
    ['buyer_id', t.buyerId],
    ['buyer_email', t.buyerEmail],
    ['total_fee', t.totalFee],
    ['price', t.price],
    ['quantity', t.quantity],
  ];
}

/** Parameters of the async notification (trade_status_sync), before signing. */
export function notifyParams(t: Trade, notifyId: string, nowMs: number): Param[] {
  const escrow: Array<[string, string]> =
    isEscrow(t.kind)
      ? [
          ['logistics_type', t.logisticsType],
          ['logistics_fee', t.logisticsFee],
          ['logistics_payment', t.logisticsPayment],
          ['gmt_send_goods', t.gmtSendGoods],
        ]
      : [];
  return clean([
    ['notify_time', alipayTime(nowMs)],
    ['notify_type', 'trade_status_sync'],
    ['notify_id', notifyId],
    ...tradeCommon(t),
    ['gmt_create', t.gmtCreate],
    ['gmt_payment', t.gmtPayment],
    ['gmt_close', t.gmtClose],
    ['is_total_fee_adjust', 'N'],
    ['use_coupon', 'N'],
    ['discount', '0.00'],
    ...escrow,
  ]);
}

/** Parameters appended to return_url after paying, before signing. */
export function returnParams(t: Trade, notifyId: string, nowMs: number): Param[] {
  return clean([
    ['is_success', 'T'],
    ['exterface', t.kind],
    // Real return URLs carry the base64 notify_id percent-encoded, and the URL encodes it again
    // (`%252F` on the wire): the once-decoded value (`%2F`) is what is signed (protocol.md).
    ['notify_id', encodeURIComponent(notifyId)],
    ['notify_time', alipayTime(nowMs)],
    ['notify_type', 'trade_status_sync'],
    ...tradeCommon(t),
  ]);
}

/** single_trade_query's <trade> (seed 003 field set). */
export function queryFields(t: Trade): Param[] {
  const toSeller = paid(t) ? t.totalFee : '0.00';
  return clean([
    ...tradeCommon(t),
    ['discount', '0.00'],
    ['flag_trade_locked', '0'],
    ['gmt_create', t.gmtCreate],
    ['gmt_last_modified_time', t.gmtLastModified],
    ['gmt_payment', t.gmtPayment],
    ['is_total_fee_adjust', 'F'],
    ['operator_role', 'B'],
    ['to_buyer_fee', '0.00'],
    ['to_seller_fee', toSeller],
    ['use_coupon', 'F'],
  ]);
}

const ACTIONS: Record<string, [string, string]> = {
  WAIT_BUYER_PAY: ['[PAY]', '[MODIFY_TRADE,REFUSE_TRADE]'],
  WAIT_SELLER_SEND_GOODS: ['[REFUND]', '[SEND_GOODS]'],
  WAIT_BUYER_CONFIRM_GOODS: ['[REFUND,CONFIRM_GOODS]', '[EXTEND_TIMEOUT]'],
};

/** send_goods_confirm_by_platform's <tradeBase> (seed 002 field set). */
export function tradeBaseFields(t: Trade): Param[] {
  const [buyerActions, sellerActions] = ACTIONS[t.status] ?? ['', ''];
  return clean([
    ['buyer_account', t.buyerId ? t.buyerId + '0156' : ''],
    ['buyer_actions', buyerActions],
    ['buyer_login_email', t.buyerEmail],
    ['buyer_type', 'PRIVATE_ACCOUNT'],
    ['buyer_user_id', t.buyerId],
    ['channel', 'interface/digital'],
    ['create_time', t.gmtCreate],
    ['currency', '156'],
    ['gathering_type', t.paymentType],
    ['last_modified_time', t.gmtLastModified],
    ['operator_role', 'B'],
    ['out_trade_no', t.outTradeNo],
    ['partner_id', t.partner],
    ['seller_account', t.sellerId + '0156'],
    ['seller_actions', sellerActions],
    ['seller_login_email', t.sellerEmail],
    ['seller_type', 'PRIVATE_ACCOUNT'],
    ['seller_user_id', t.sellerId],
    ['service_fee', '0.00'],
    ['service_fee_ratio', '0.0'],
    ['stop_timeout', 'F'],
    ['total_fee', t.totalFee],
    ['trade_from', 'INST_PARTNER'],
    ['trade_no', t.tradeNo],
    ['trade_status', t.status],
    ['trade_type', 'S'],
  ]);
}

/** Alipay-side keys: MD5 with the merchant's key, RSA or DSA with Alipay's private key of that kind. */
export interface SignerKeys {
  merchant: Merchant;
  alipayPrivateKey: KeyObject;
  alipayDsaPrivateKey?: KeyObject;
}

function signingKey(k: SignerKeys, signType: MapiSignType): { md5Key: string } | { privateKey: KeyObject } {
  if (signType === 'MD5') return { md5Key: k.merchant.md5Key ?? '' };
  // config.ts refuses a DSA merchant without Alipay's DSA key, so this is present for DSA.
  return { privateKey: signType === 'DSA' ? (k.alipayDsaPrivateKey as KeyObject) : k.alipayPrivateKey };
}

/** Signs parameters the gateway sends (notification, return URL). */
export function signOutgoing(params: Param[], signType: MapiSignType, charset: Charset, k: SignerKeys): Param[] {
  return signParams(params, signType, signingKey(k, signType), charset).params;
}

/** Signs an XML business node's fields (the inferred rule, src/core/xmlSignContent.ts). */
export function signXmlFields(fields: readonly Param[], signType: MapiSignType, charset: Charset, k: SignerKeys): string {
  return signContent(xmlSignContent(fields), signType, signingKey(k, signType), charset);
}
