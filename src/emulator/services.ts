// The MAPI services the emulator answers, after the gateway checks passed
// (service, partner, charset, sign_type, sign, privilege, parameters).
import { encode, type Charset } from '../core/charset';
import { errorByCode } from '../core/catalog';
import type { Param } from '../core/params';
import { isSignatureParam } from '../core/protocol';
import type { Merchant } from './config';
import { Engine, GatewayError } from './engine';
import { actionForm, bi, errorPage, htmlEscape, page, tradeTable } from './html';
import { queryFields, signXmlFields, tradeBaseFields } from './messages';
import type { ParamValues } from './paramValues';
import type { MapiSignType, Trade } from './types';
import { contentType, signedResponseXml, successXml, successXmlAround } from './xml';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ServiceCall {
  engine: Engine;
  params: Param[];
  values: ParamValues;
  merchant: Merchant;
  charset: Charset;
  signType: MapiSignType;
}

export type ServiceKind = 'page' | 'xml' | 'text';

export interface ServiceImpl {
  kind: ServiceKind;
  /** notify_verify is the one service without a signature. */
  unsigned?: boolean;
  run(call: ServiceCall): Promise<Reply> | Reply;
}

export function html(body: Buffer, charset: Charset, status = 200): Reply {
  return { status, headers: { 'content-type': contentType('html', charset), 'cache-control': 'no-store' }, body };
}

export function xml(body: Buffer, charset: Charset, status = 200): Reply {
  return { status, headers: { 'content-type': contentType('xml', charset) }, body };
}

/** notify_verify's plain-text answers: `true`, `false`, or `invalid` (unknown partner). */
export function plainText(text: 'true' | 'false' | 'invalid' | string, charset: Charset): Reply {
  return { status: 200, headers: { 'content-type': contentType('text', charset) }, body: Buffer.from(text) };
}

export function errorPageReply(code: string, charset: Charset): Reply {
  return html(errorPage(code, errorByCode(code)?.meaning, charset), charset);
}

/**
 * Links and forms are relative to `root` (the way back from the page's own path to the gateway's
 * root: './' for /gateway.do, '../../' for /__emulator/cashier/pay), so the pages work behind a
 * path prefix such as code-server's /proxy/8787/.
 */
export type Root = string;

/** The `root` of a page served at `path`. */
export function rootOf(path: string): Root {
  const depth = path.split('/').length - 2;
  return depth > 0 ? '../'.repeat(depth) : './';
}

/** The cashier page: the order, Pay and Cancel. */
export function cashierPage(t: Trade, root: Root = './'): Reply {
  const body =
    tradeTable(t) +
    `<p>${bi({ zh: '测试买家', en: 'Test buyer' })}: buyer@example.com</p><p>` +
    actionForm(`${root}__emulator/cashier/pay`, { trade_no: t.tradeNo }, { zh: '确认付款', en: 'Pay' }, 'pay') +
    actionForm(`${root}__emulator/cashier/cancel`, { trade_no: t.tradeNo }, { zh: '取消', en: 'Cancel' }, 'cancel') +
    '</p>';
  return html(page({ zh: '支付宝收银台', en: 'Alipay cashier' }, body, t.charset), t.charset);
}

/** A trade's detail page with what can be done next. */
export function detailPage(t: Trade, note?: { zh: string; en: string }, root: Root = './'): Reply {
  let actions = '';
  if (t.status === 'WAIT_BUYER_PAY') actions += actionForm(`${root}__emulator/cashier/pay`, { trade_no: t.tradeNo }, { zh: '付款', en: 'Pay' }, 'pay');
  if (t.status === 'WAIT_BUYER_CONFIRM_GOODS') actions += actionForm(`${root}__emulator/trade/confirm`, { trade_no: t.tradeNo }, { zh: '确认收货', en: 'Confirm receipt' }, 'confirm');
  const body = (note ? `<p>${bi(note)}</p>` : '') + tradeTable(t) + (actions ? `<p>${actions}</p>` : '');
  return html(page({ zh: '交易详情', en: 'Trade details' }, body, t.charset), t.charset);
}

function modifyPage(t: Trade): Reply {
  const body =
    tradeTable(t) +
    `<form method="post" action="__emulator/trade/modify"><input type="hidden" name="trade_no" value="${htmlEscape(t.tradeNo)}">` +
    `<label>${bi({ zh: '新金额（元）', en: 'New amount (CNY)' })} <input name="total_fee" value="${htmlEscape(t.totalFee)}"></label> ` +
    `<button type="submit">${bi({ zh: '修改价格', en: 'Modify price' })}</button></form>`;
  return html(page({ zh: '修改交易价格', en: 'Modify the price' }, body, t.charset), t.charset);
}

function closePage(t: Trade): Reply {
  const body = tradeTable(t) + `<p>${actionForm('__emulator/trade/close', { trade_no: t.tradeNo }, { zh: '关闭交易', en: 'Close trade' }, 'close')}</p>`;
  return html(page({ zh: '关闭交易', en: 'Close the trade' }, body, t.charset), t.charset);
}

// The <request> echo leaves out the signature parameters (seeds 002/003), by the one rule: any case.
function echo(params: readonly Param[]): Param[] {
  return params.filter((p) => !isSignatureParam(p.name));
}

/** An answer with a signed business node about `t` (the node's XML and sign cached per trade version). */
function signedTradeXml(call: ServiceCall, t: Trade, node: string, fieldsOf: (t: Trade) => Param[]): Reply {
  const fragment = call.engine.signedAnswer(t, node, call.signType, call.charset, () => {
    const fields = fieldsOf(t);
    const sign = signXmlFields(fields, call.signType, call.charset, { merchant: call.merchant, alipayPrivateKey: call.engine.config.alipayPrivateKey, alipayDsaPrivateKey: call.engine.config.alipayDsaPrivateKey });
    return encode(signedResponseXml(node, fields, sign, call.signType), call.charset);
  });
  return xml(successXmlAround({ request: echo(call.params) }, call.charset, fragment), call.charset);
}

function tradeOf(call: ServiceCall, tradeNoName: string, outName: string): Trade {
  const t = call.engine.store.find(call.merchant.partner, call.values.get(tradeNoName), call.values.get(outName));
  if (!t) throw new GatewayError('TRADE_NOT_EXIST');
  return t;
}

const createPage =
  (kind: Trade['kind']) =>
  async (call: ServiceCall): Promise<Reply> => {
    const t = await call.engine.create(kind, call.values, call.merchant, call.charset, call.signType);
    return cashierPage(t);
  };

const SNS_ACTIONS = new Set(['payAction', 'modifyAction', 'closeAction', 'detailAction']);

export const SERVICES: Record<string, ServiceImpl> = {
  create_direct_pay_by_user: { kind: 'page', run: createPage('create_direct_pay_by_user') },
  create_partner_trade_by_buyer: { kind: 'page', run: createPage('create_partner_trade_by_buyer') },
  trade_create_by_buyer: { kind: 'page', run: createPage('trade_create_by_buyer') },

  /** The anti-phishing timestamp key (防钓鱼时间戳): `<response><timestamp><encrypt_key>`, signed like the other nodes. */
  query_timestamp: {
    kind: 'xml',
    run: (call) => {
      // The engine remembers the key: a later request's anti_phishing_key is checked against it (server.ts).
      const fields = [{ name: 'encrypt_key', value: call.engine.issueTimestampKey(call.merchant.partner) }];
      const sign = signXmlFields(fields, call.signType, call.charset, { merchant: call.merchant, alipayPrivateKey: call.engine.config.alipayPrivateKey, alipayDsaPrivateKey: call.engine.config.alipayDsaPrivateKey });
      return xml(successXml({ request: echo(call.params) }, call.charset, signedResponseXml('timestamp', fields, sign, call.signType)), call.charset);
    },
  },

  single_trade_query: {
    kind: 'xml',
    run: (call) => signedTradeXml(call, tradeOf(call, 'trade_no', 'out_trade_no'), 'trade', queryFields),
  },

  send_goods_confirm_by_platform: {
    kind: 'xml',
    run: async (call) => {
      const t = tradeOf(call, 'trade_no', '');
      const v = (n: string) => call.values.get(n) ?? '';
      await call.engine.ship(t, v('logistics_name'), v('transport_type') || v('create_transport_type'), v('invoice_no'));
      return signedTradeXml(call, t, 'tradeBase', tradeBaseFields);
    },
  },

  close_trade: {
    kind: 'xml',
    run: async (call) => {
      await call.engine.close(tradeOf(call, 'trade_no', 'out_order_no'));
      return xml(successXml({ request: [] }, call.charset), call.charset);
    },
  },

  'sns.trade.operate.by.action': {
    kind: 'page',
    run: (call) => {
      const v = (n: string) => call.values.get(n) ?? '';
      const action = v('trade_action');
      if (!SNS_ACTIONS.has(action)) throw new GatewayError('ILLEGAL_ARGUMENT', `trade_action ${action}`);
      const user = call.merchant.snsUsers.find((u) => u.id === v('sns_user_id'));
      if (!user) throw new GatewayError('USER_IS_NOT_BIND', `sns_user_id ${v('sns_user_id')}`);
      if (user.key !== v('key')) throw new GatewayError('ILLEGAL_USER_KEY');
      // order_no is the merchant's order number (≤ 22), or Alipay's trade_no.
      const t = call.engine.store.byOutTradeNo(call.merchant.partner, v('order_no')) ?? call.engine.store.find(call.merchant.partner, v('order_no'));
      if (!t) throw new GatewayError('ILLEGAL_ORDER', `order_no ${v('order_no')}`);
      if (action === 'detailAction') return detailPage(t);
      if (t.status !== 'WAIT_BUYER_PAY') throw new GatewayError('TRADE_STATUS_NOT_AVAILD', `trade is ${t.status}`);
      if (action === 'payAction') return cashierPage(t);
      if (action === 'modifyAction') return modifyPage(t);
      return closePage(t);
    },
  },

  notify_verify: {
    kind: 'text',
    unsigned: true,
    run: (call) => {
      const id = call.values.get('notify_id') ?? '';
      const answer = String(call.engine.verifyNotifyId(call.merchant.partner, id));
      call.engine.recordVerify(call.merchant.partner, id, answer);
      return plainText(answer, call.charset);
    },
  },
};
