// Trade life cycle shared by the gateway services, the emulator's pages and
// the admin API: create, pay, ship, confirm, modify, close. Every change is
// committed to the state file and announced by a notification.
import * as crypto from 'node:crypto';
import { Charset } from '../core/charset';
import { Param, serializeQuery } from '../core/params';
import type { LoadedConfig, Merchant } from './config';
import type { LogFn } from './log';
import { returnParams, signOutgoing, TEST_BUYER } from './messages';
import { newNotifyId, newReturnNotifyId, Notifier } from './notifier';
import type { ParamValues } from './paramValues';
import type { Store } from './state';
import { alipayTime, isEscrow, MapiSignType, Trade, TradeKind, TradeStatus } from './types';

/**
 * How long a query_timestamp key stays valid. Inferred: the seeds and catalog-facts.md give
 * no lifetime (only "expires quickly", ANTI_PHISHING_KEY_TIMEOUT); a minute, like a notify_id.
 */
export const ANTI_PHISHING_KEY_TTL_MS = 60_000;

/** A business outcome the gateway reports with a code (error XML or error page). */
export class GatewayError extends Error {
  constructor(
    readonly code: string,
    readonly why = '',
  ) {
    super(why ? `${code}: ${why}` : code);
  }
}

export class Engine {
  /** Signed answers about a trade (a few: node × sign type × charset), dropped on every change of it. */
  private readonly answers = new WeakMap<Trade, Array<{ node: string; signType: string; charset: string; bytes: Buffer }>>();

  /** notify_ids handed out on return URLs (and by notify-test): notify_verify accepts them for a minute too. */
  private readonly returnIds = new Map<string, { partner: string; at: number }>();

  /** The latest notify_verify calls (newest last): notify-test reports whether a handler made them. */
  readonly verifyCalls: Array<{ partner: string; notifyId: string; answer: string; at: number }> = [];

  /** A notify_id for a notification someone else sends (notify-test): valid for a minute, like a real one. */
  issueNotifyId(partner: string): string {
    const id = newNotifyId();
    this.returnIds.set(id, { partner, at: this.now() });
    return id;
  }

  /** Anti-phishing timestamp keys handed out by query_timestamp (kept to the last 1000). */
  private readonly timestampKeys = new Map<string, { partner: string; at: number }>();

  /** query_timestamp's encrypt_key for `partner` (base64-like, as real keys are). */
  issueTimestampKey(partner: string): string {
    const key = crypto.randomBytes(12).toString('base64');
    this.timestampKeys.set(key, { partner, at: this.now() });
    if (this.timestampKeys.size > 1000) this.timestampKeys.delete(this.timestampKeys.keys().next().value as string);
    return key;
  }

  /**
   * A request's anti_phishing_key: ILLEGAL_ANTI_PHISHING_KEY unless query_timestamp gave it to
   * this partner, ANTI_PHISHING_KEY_TIMEOUT once it is older than ANTI_PHISHING_KEY_TTL_MS.
   */
  checkAntiPhishingKey(partner: string, key: string): 'ILLEGAL_ANTI_PHISHING_KEY' | 'ANTI_PHISHING_KEY_TIMEOUT' | undefined {
    const k = this.timestampKeys.get(key);
    if (!k || k.partner !== partner) return 'ILLEGAL_ANTI_PHISHING_KEY';
    return this.now() - k.at > ANTI_PHISHING_KEY_TTL_MS ? 'ANTI_PHISHING_KEY_TIMEOUT' : undefined;
  }

  /** Records one notify_verify answer (kept to the last 1000). */
  recordVerify(partner: string, notifyId: string, answer: string): void {
    this.verifyCalls.push({ partner, notifyId, answer, at: this.now() });
    if (this.verifyCalls.length > 1000) this.verifyCalls.splice(0, this.verifyCalls.length - 1000);
  }

  constructor(
    readonly store: Store,
    readonly config: LoadedConfig,
    readonly notifier: Notifier,
    readonly now: () => number,
    readonly log: LogFn,
  ) {}

  merchant(partner: string): Merchant | undefined {
    return this.config.merchants.get(partner);
  }

  private newTradeNo(): string {
    const day = alipayTime(this.now()).slice(0, 10).replace(/-/g, '');
    this.store.seq++;
    return `${day}21001004${String(this.store.seq).padStart(12, '0')}`;
  }

  /**
   * The signed `<response>…<sign_type>` part of an answer about `t`, computed once per
   * version of the trade and node, sign type and charset: queries are the hot path.
   * Found by comparing the three (constants, so identity checks), no key string hashed.
   */
  signedAnswer(t: Trade, node: string, signType: string, charset: string, compute: () => Buffer): Buffer {
    let list = this.answers.get(t);
    if (!list) this.answers.set(t, (list = []));
    for (const a of list) if (a.node === node && a.signType === signType && a.charset === charset) return a.bytes;
    const bytes = compute();
    list.push({ node, signType, charset, bytes });
    return bytes;
  }

  private touch(t: Trade, status?: TradeStatus): void {
    this.answers.delete(t); // what was signed about it is stale
    if (status) t.status = status;
    t.gmtLastModified = alipayTime(this.now());
  }

  /** Logs and persists a change; `strict`: a failed write fails the request (nothing is acknowledged that is not on disk). */
  private changed(t: Trade, what: string, strict = false): Promise<void> {
    this.log('trade', { en: 'trade {tradeNo} ({outTradeNo}): {what} → {status}', zh: '交易 {tradeNo}（{outTradeNo}）：{what} → {status}' }, { tradeNo: t.tradeNo, outTradeNo: t.outTradeNo, what, status: t.status });
    return this.store.commit().catch((e: Error) => {
      this.log('error', { en: '{reason}', zh: '{reason}' }, { reason: e.message });
      if (strict) throw new GatewayError('SYSTEM_ERROR', 'state not written');
    });
  }

  /** Creates the trade of a page request, or returns the same unpaid one when the merchant sends it again. */
  async create(kind: TradeKind, p: ParamValues, merchant: Merchant, charset: Charset, signType: MapiSignType): Promise<Trade> {
    const g = (n: string) => p.get(n) ?? '';
    const outTradeNo = g('out_trade_no');
    let price = g('price');
    let quantity = g('quantity');
    let total = g('total_fee');
    if (isEscrow(kind)) {
      const cents = Math.round(Number(price) * 100) * Number(quantity) + Math.round(Number(g('logistics_fee')) * 100);
      total = (cents / 100).toFixed(2);
      if (cents > 100000000) throw new GatewayError('ILLEGAL_ARGUMENT', 'escrow total above 1,000,000');
    } else if (!total) {
      if (!quantity) throw new GatewayError('ILLEGAL_ARGUMENT', 'price needs quantity');
      total = ((Math.round(Number(price) * 100) * Number(quantity)) / 100).toFixed(2);
    } else {
      total = Number(total).toFixed(2);
      if (!price) price = total;
      if (!quantity) quantity = '1';
    }
    const existing = this.store.byOutTradeNo(merchant.partner, outTradeNo);
    if (existing) {
      if (existing.status === 'TRADE_CLOSED') throw new GatewayError('TRADE_HAS_CLOSE', `out_trade_no ${outTradeNo} is closed`);
      // Paying an already-paid order again: the gateway says so, not "duplicate order number".
      if (existing.status !== 'WAIT_BUYER_PAY') throw new GatewayError('TRADE_HAS_SUCCESS', `out_trade_no ${outTradeNo} is already paid (${existing.status})`);
      if (existing.status !== 'WAIT_BUYER_PAY' || existing.totalFee !== total || existing.subject !== g('subject') || existing.kind !== kind) {
        throw new GatewayError('REPEAT_OUT_TRADE_NO', `out_trade_no ${outTradeNo} already used`);
      }
      return existing;
    }
    const nowText = alipayTime(this.now());
    const t: Trade = {
      tradeNo: this.newTradeNo(),
      outTradeNo,
      partner: merchant.partner,
      kind,
      status: 'WAIT_BUYER_PAY',
      subject: g('subject'),
      body: g('body'),
      totalFee: total,
      price,
      quantity,
      paymentType: g('payment_type'),
      sellerId: g('seller_id') || merchant.partner,
      sellerEmail: g('seller_email') || merchant.sellerEmail,
      buyerId: '',
      buyerEmail: '',
      logisticsType: g('logistics_type'),
      logisticsFee: g('logistics_fee'),
      logisticsPayment: g('logistics_payment'),
      logisticsName: '',
      invoiceNo: '',
      transportType: '',
      notifyUrl: g('notify_url'),
      returnUrl: g('return_url'),
      charset,
      signType,
      gmtCreate: nowText,
      gmtPayment: '',
      gmtSendGoods: '',
      gmtClose: '',
      gmtLastModified: nowText,
    };
    this.store.putTrade(t);
    try {
      await this.changed(t, 'created', true);
    } catch (e) {
      // Not on disk, so not created: the merchant gets an error, and a retry starts afresh.
      this.store.removeTrade(t);
      throw e;
    }
    return t;
  }

  need(tradeNo: string): Trade {
    const t = this.store.trades.get(tradeNo);
    if (!t) throw new GatewayError('TRADE_NOT_EXIST', `trade_no ${tradeNo}`);
    return t;
  }

  private signerKeys(t: Trade) {
    const merchant = this.merchant(t.partner);
    if (!merchant) throw new GatewayError('ILLEGAL_PARTNER', `partner ${t.partner} no longer configured`);
    return { merchant, alipayPrivateKey: this.config.alipayPrivateKey, alipayDsaPrivateKey: this.config.alipayDsaPrivateKey };
  }

  /** The cashier's Pay: returns the signed return URL (empty when the merchant gave none). */
  async pay(tradeNo: string): Promise<{ trade: Trade; returnUrl: string }> {
    const t = this.need(tradeNo);
    if (t.status !== 'WAIT_BUYER_PAY') throw new GatewayError('TRADE_STATUS_NOT_AVAILD', `trade is ${t.status}`);
    const keys = this.signerKeys(t);
    t.buyerId = TEST_BUYER.id;
    t.buyerEmail = TEST_BUYER.email;
    t.gmtPayment = alipayTime(this.now());
    this.touch(t, t.kind === 'create_direct_pay_by_user' ? 'TRADE_SUCCESS' : 'WAIT_SELLER_SEND_GOODS');
    this.notifier.issue(t);
    await this.changed(t, 'paid');
    let returnUrl = '';
    if (t.returnUrl) {
      const notifyId = newReturnNotifyId();
      this.returnIds.set(notifyId, { partner: t.partner, at: this.now() });
      const params: Param[] = signOutgoing(returnParams(t, notifyId, this.now()), t.signType, t.charset, keys);
      returnUrl = t.returnUrl + (t.returnUrl.includes('?') ? '&' : '?') + serializeQuery(params, t.charset);
    }
    return { trade: t, returnUrl };
  }

  /** send_goods_confirm_by_platform. */
  async ship(t: Trade, logisticsName: string, transportType: string, invoiceNo: string): Promise<Trade> {
    if (!isEscrow(t.kind) || t.status !== 'WAIT_SELLER_SEND_GOODS') throw new GatewayError('TRADE_STATUS_NOT_AVAILD', `trade is ${t.status}`);
    t.logisticsName = logisticsName;
    t.transportType = transportType;
    t.invoiceNo = invoiceNo;
    t.gmtSendGoods = alipayTime(this.now());
    this.touch(t, 'WAIT_BUYER_CONFIRM_GOODS');
    this.notifier.issue(t);
    await this.changed(t, 'shipped');
    return t;
  }

  /** The buyer confirms receipt of an escrow trade. */
  async confirmReceipt(tradeNo: string): Promise<Trade> {
    const t = this.need(tradeNo);
    if (t.status !== 'WAIT_BUYER_CONFIRM_GOODS') throw new GatewayError('TRADE_STATUS_NOT_AVAILD', `trade is ${t.status}`);
    this.touch(t, 'TRADE_FINISHED');
    this.notifier.issue(t);
    await this.changed(t, 'receipt confirmed');
    return t;
  }

  /** close_trade and the SNS closeAction: only an unpaid trade can be closed. */
  async close(t: Trade): Promise<Trade> {
    if (t.status !== 'WAIT_BUYER_PAY') throw new GatewayError('TRADE_STATUS_NOT_AVAILD', `trade is ${t.status}`);
    t.gmtClose = alipayTime(this.now());
    this.touch(t, 'TRADE_CLOSED');
    this.notifier.issue(t);
    await this.changed(t, 'closed');
    return t;
  }

  /** The SNS modifyAction: the seller changes the price of an unpaid trade. */
  async modifyPrice(tradeNo: string, totalFee: string): Promise<Trade> {
    const t = this.need(tradeNo);
    if (t.status !== 'WAIT_BUYER_PAY') throw new GatewayError('TRADE_STATUS_NOT_AVAILD', `trade is ${t.status}`);
    if (!/^\d{1,10}(\.\d{1,2})?$/.test(totalFee) || Number(totalFee) < 0.01 || Number(totalFee) > 1000000000) throw new GatewayError('ILLEGAL_ARGUMENT', 'total_fee');
    t.totalFee = Number(totalFee).toFixed(2);
    t.price = t.totalFee;
    t.quantity = '1';
    this.touch(t);
    await this.changed(t, `price set to ${t.totalFee}`);
    return t;
  }

  /** notify_verify: true for a notify_id this gateway sent to this partner within the last minute. */
  verifyNotifyId(partner: string, notifyId: string): boolean {
    const now = this.now();
    const n = this.store.notifications.get(notifyId);
    if (n && n.partner === partner && n.lastSentAt > 0 && now - n.lastSentAt <= 60_000) return true;
    // A return URL's id is signed percent-encoded (`%2F`); a merchant may pass either form.
    let r = this.returnIds.get(notifyId);
    if (!r && notifyId.includes('%')) {
      try {
        r = this.returnIds.get(decodeURIComponent(notifyId));
      } catch {
        r = undefined;
      }
    }
    return !!r && r.partner === partner && now - r.at <= 60_000;
  }
}
