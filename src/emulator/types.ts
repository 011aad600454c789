// The emulator's state model: trades and the notifications sent about them.
// Plain JSON-able objects, so the state file is the model itself.
import type { Charset } from '../core/charset';

export type TradeStatus = 'WAIT_BUYER_PAY' | 'WAIT_SELLER_SEND_GOODS' | 'WAIT_BUYER_CONFIRM_GOODS' | 'TRADE_FINISHED' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';
export const TRADE_STATUSES: readonly TradeStatus[] = ['WAIT_BUYER_PAY', 'WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_FINISHED', 'TRADE_SUCCESS', 'TRADE_CLOSED'];

export type TradeKind = 'create_direct_pay_by_user' | 'create_partner_trade_by_buyer' | 'trade_create_by_buyer';
export const TRADE_KINDS: readonly TradeKind[] = ['create_direct_pay_by_user', 'create_partner_trade_by_buyer', 'trade_create_by_buyer'];

/** Escrow (担保交易) and the dual interface (标准双接口) share the escrow life cycle: pay, ship, confirm. */
export function isEscrow(kind: TradeKind): boolean {
  return kind !== 'create_direct_pay_by_user';
}

/** Signature types the emulator accepts (MAPI; RSA2 belongs to OpenAPI). */
export type MapiSignType = 'MD5' | 'RSA' | 'DSA';
export const MAPI_SIGN_TYPES: readonly MapiSignType[] = ['MD5', 'RSA', 'DSA'];

export interface Trade {
  tradeNo: string;
  outTradeNo: string;
  partner: string;
  kind: TradeKind;
  status: TradeStatus;
  subject: string;
  body: string;
  totalFee: string;
  price: string;
  quantity: string;
  paymentType: string;
  sellerId: string;
  sellerEmail: string;
  buyerId: string;
  buyerEmail: string;
  /** Escrow logistics as requested (create_partner_trade_by_buyer). */
  logisticsType: string;
  logisticsFee: string;
  logisticsPayment: string;
  /** Set by send_goods_confirm_by_platform. */
  logisticsName: string;
  invoiceNo: string;
  transportType: string;
  notifyUrl: string;
  returnUrl: string;
  /** The request's charset and sign type: notifications and return URLs use them too. */
  charset: Charset;
  signType: MapiSignType;
  gmtCreate: string;
  gmtPayment: string;
  gmtSendGoods: string;
  gmtClose: string;
  gmtLastModified: string;
}

export interface NotifyAttempt {
  at: string;
  /** 1-based attempt number of this notification. */
  attempt: number;
  kind: 'scheduled' | 'resend' | 'tampered';
  /** HTTP status, or 0 when the request failed before a response. */
  status: number;
  /** First 200 characters of the merchant's answer, or the network error. */
  answer: string;
  ok: boolean;
  /** Why an answer that reads "success" was refused (a BOM) or only tolerated (whitespace around it). */
  note?: 'bom' | 'whitespace';
  /** Delay before the next scheduled attempt, when one is scheduled. */
  nextRetryMs?: number;
}

export interface NotificationRecord {
  notifyId: string;
  tradeNo: string;
  partner: string;
  notifyUrl: string;
  charset: Charset;
  /** The signed parameters exactly as POSTed (includes sign and sign_type). */
  params: Array<{ name: string; value: string }>;
  /** Epoch ms of the latest send: notify_verify answers true for a minute after it. */
  lastSentAt: number;
  delivered: boolean;
  /** Index into the retry schedule of the next scheduled attempt (== schedule length: no more). */
  nextSlot: number;
  attempts: NotifyAttempt[];
}

/** Alipay's time format, in Beijing time (UTC+8) like the real gateway. */
export function alipayTime(ms: number): string {
  const d = new Date(ms + 8 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
