// Legacy MAPI services from catalog-facts.md and the seeds, with parameter
// specs that diagnostics, completion and the emulator read directly.
import type { ParamSpec, ServiceDef, Text } from './types';

const T = (en: string, zh: string): Text => ({ en, zh });

// Constraints shared by every service that uses the parameter (one place).
const P = {
  service: (): ParamSpec => ({ name: 'service', type: 'string', required: true, maxLength: 128 }),
  partner: (): ParamSpec => ({ name: 'partner', type: 'partnerId', required: true, minLength: 16, maxLength: 16 }),
  charset: (): ParamSpec => ({ name: '_input_charset', type: 'enum', enum: 'input_charset', required: true }),
  signType: (): ParamSpec => ({ name: 'sign_type', type: 'enum', enum: 'sign_type', required: true }),
  sign: (): ParamSpec => ({ name: 'sign', type: 'string', required: true }),
  notifyUrl: (required = false): ParamSpec => ({ name: 'notify_url', type: 'url', required, maxLength: 190 }),
  returnUrl: (): ParamSpec => ({ name: 'return_url', type: 'url', required: false, maxLength: 200 }),
  outTradeNo: (required = true, oneOf?: string): ParamSpec => ({ name: 'out_trade_no', type: 'string', required, maxLength: 64, oneOf }),
  tradeNo: (required = true, oneOf?: string): ParamSpec => ({ name: 'trade_no', type: 'string', required, minLength: 16, maxLength: 64, oneOf }),
  subject: (): ParamSpec => ({ name: 'subject', type: 'string', required: true, maxLength: 256 }),
  body: (required = false): ParamSpec => ({ name: 'body', type: 'string', required, maxLength: 1000 }),
  paymentType: (): ParamSpec => ({ name: 'payment_type', type: 'enum', enum: 'gathering_type', required: true, maxLength: 4 }),
  totalFee: (required = true, oneOf?: string, max = 1000000000): ParamSpec => ({ name: 'total_fee', type: 'amount', required, min: 0.01, max, oneOf }),
  price: (required = false, oneOf?: string): ParamSpec => ({ name: 'price', type: 'amount', required, min: 0.01, max: 1000000, oneOf }),
  quantity: (required = false): ParamSpec => ({ name: 'quantity', type: 'int', required, min: 1 }),
  sellerId: (required = false, oneOf?: string): ParamSpec => ({ name: 'seller_id', type: 'partnerId', required, minLength: 16, maxLength: 16, oneOf }),
  sellerEmail: (oneOf?: string): ParamSpec => ({ name: 'seller_email', type: 'email', required: false, maxLength: 100, oneOf }),
  sellerAccountName: (oneOf?: string): ParamSpec => ({ name: 'seller_account_name', type: 'string', required: false, maxLength: 100, oneOf }),
  date: (name: string, required = true): ParamSpec => ({ name, type: 'date', required, format: T('yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm:ss') }),
};

/** Common parameters of every MAPI request, in documentation order. */
export function commonParams(): ParamSpec[] {
  return [P.service(), P.partner(), P.charset(), P.signType(), P.sign()];
}

const SELLER = 'seller_id|seller_email|seller_account_name';
const DETAIL_REFUND = T('trade_no^amount^reason, records joined with #', 'trade_no^退款金额^退款理由，多笔用 # 连接');

const escrowParams = (): ParamSpec[] => [
  P.notifyUrl(), P.returnUrl(), P.outTradeNo(), P.subject(), P.paymentType(),
  { name: 'logistics_type', type: 'enum', enum: 'logistics_type', required: true },
  { name: 'logistics_fee', type: 'amount', required: true, min: 0, max: 1000000 },
  { name: 'logistics_payment', type: 'enum', enum: 'logistics_payment', required: true },
  { ...P.price(true) }, { ...P.quantity(true) }, P.sellerId(false, SELLER), P.sellerEmail(SELLER), P.sellerAccountName(SELLER), P.body(),
  { name: 'show_url', type: 'url', required: false, maxLength: 400 },
  { name: 'receive_name', type: 'string', required: false, maxLength: 128 },
  { name: 'receive_address', type: 'string', required: false, maxLength: 256 },
  { name: 'receive_zip', type: 'string', required: false, maxLength: 20 },
  { name: 'receive_phone', type: 'string', required: false, maxLength: 30 },
  { name: 'receive_mobile', type: 'string', required: false, maxLength: 11 },
];

const SERVICES: ServiceDef[] = [
  {
    name: 'sns.trade.operate.by.action', kind: 'page',
    purpose: T('Trade detail operation: jump to pay, modify the price, close or view a trade', '交易详情操作：根据交易动作跳转到付款、修改价格、关闭交易或查看详情页面'),
    params: [
      ...commonParams(),
      { name: 'sns_user_id', type: 'string', required: true, maxLength: 50 },
      { name: 'key', type: 'string', required: true, maxLength: 40 },
      { name: 'order_no', type: 'string', required: true, maxLength: 22 },
      { name: 'trade_action', type: 'enum', enum: 'trade_action', required: true, maxLength: 30 },
    ],
    note: T('https only; the SNS user key `key` is a business parameter and is signed.', '仅支持 https；SNS 用户 key 参数属于业务参数，参与签名。'),
  },
  {
    name: 'send_goods_confirm_by_platform', kind: 'xml',
    purpose: T('Confirm shipment of an escrow trade', '确认发货'),
    params: [
      ...commonParams(), P.notifyUrl(), P.returnUrl(), P.tradeNo(),
      { name: 'logistics_name', type: 'string', required: true, maxLength: 64 },
      { name: 'transport_type', type: 'enum', enum: 'transport_type', required: false, oneOf: 'transport_type|create_transport_type' },
      { name: 'create_transport_type', type: 'enum', enum: 'transport_type', required: false, oneOf: 'transport_type|create_transport_type' },
      { name: 'invoice_no', type: 'string', required: false, maxLength: 32 },
      { name: 'agent', type: 'partnerId', required: false, minLength: 16, maxLength: 16 },
    ],
  },
  {
    name: 'single_trade_query', kind: 'xml',
    purpose: T('Query one trade by trade_no or out_trade_no', '单笔交易查询'),
    params: [...commonParams(), P.tradeNo(false, 'trade_no|out_trade_no'), P.outTradeNo(false, 'trade_no|out_trade_no')],
    note: T('Querying by trade_no is faster than by out_trade_no.', '建议使用支付宝交易号查询，用商户订单号查询效率较低。'),
  },
  {
    name: 'create_direct_pay_by_user', kind: 'page',
    purpose: T('PC instant payment (cashier page)', '即时到账（PC 网页支付）'),
    params: [
      ...commonParams(), P.notifyUrl(), P.returnUrl(), P.outTradeNo(), P.subject(), P.paymentType(),
      P.totalFee(false, 'total_fee|price'), P.price(false, 'total_fee|price'), P.quantity(),
      P.sellerId(false, SELLER), P.sellerEmail(SELLER), P.sellerAccountName(SELLER), P.body(),
      { name: 'show_url', type: 'url', required: false, maxLength: 400 },
      { name: 'anti_phishing_key', type: 'string', required: false },
      { name: 'exter_invoke_ip', type: 'string', required: false, maxLength: 15 },
      { name: 'it_b_pay', type: 'string', required: false, format: T('timeout such as 30m, 2h, 1d', '超时时间，如 30m、2h、1d') },
    ],
    note: T('Give total_fee, or price with quantity.', '提供 total_fee，或 price 与 quantity。'),
  },
  {
    name: 'create_partner_trade_by_buyer', kind: 'page',
    purpose: T('Escrow trade (guaranteed transaction)', '纯担保交易'),
    params: [...commonParams(), ...escrowParams()],
  },
  {
    name: 'trade_create_by_buyer', kind: 'page',
    purpose: T('Dual interface: escrow or instant payment chosen by the buyer', '标准双接口'),
    params: [...commonParams(), ...escrowParams()],
  },
  {
    name: 'create_cod_trade', kind: 'page', source: 'seed 002',
    purpose: T('Cash-on-delivery trade (COD interface)', '货到付款交易（cod接口）'),
    params: [...commonParams(), P.notifyUrl()],
    note: T('Seed 002 names it among the services that notify notify_url; its business parameters are not in the reference documents and are not checked.',
      '种子文档 002 将其列为会通知 notify_url 的接口之一；其业务参数不在参考文档中，不做检查。'),
  },
  {
    name: 'close_trade', kind: 'xml',
    purpose: T('Close an unpaid trade', '关闭交易（仅限未付款交易）'),
    params: [
      ...commonParams(), P.tradeNo(false, 'trade_no|out_order_no'),
      { name: 'out_order_no', type: 'string', required: false, maxLength: 64, oneOf: 'trade_no|out_order_no' },
      { name: 'ip', type: 'string', required: false, maxLength: 15 },
      { name: 'trade_role', type: 'enum', enum: 'operator_role', required: false },
    ],
  },
  ...(['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'] as const).map((name): ServiceDef => ({
    name, kind: name.endsWith('_pwd') ? 'page' : 'xml',
    purpose: name.endsWith('_pwd')
      ? T('Batch refund with the seller\'s password (page)', '即时到账批量退款（有密，页面）')
      : T('Batch refund without password (XML)', '即时到账批量退款（无密，XML）'),
    params: [
      ...commonParams(), P.notifyUrl(),
      { name: 'seller_email', type: 'email', required: false, maxLength: 100 },
      { name: 'seller_user_id', type: 'partnerId', required: false, minLength: 16, maxLength: 16 },
      P.date('refund_date'),
      { name: 'batch_no', type: 'string', required: true, minLength: 3, maxLength: 32, format: T('refund date yyyyMMdd + 3 to 24 digits', '退款日期 yyyyMMdd + 3~24 位流水号') },
      { name: 'batch_num', type: 'int', required: true, min: 1, max: 1000 },
      { name: 'detail_data', type: 'string', required: true, format: DETAIL_REFUND },
    ],
  })),
  {
    name: 'notify_verify', kind: 'text',
    purpose: T('Check that a notify_id really comes from Alipay (answers true or false; invalid for an unknown partner)', '验证通知 notify_id 是否由支付宝发出（返回 true 或 false；partner 不存在时返回 invalid）'),
    params: [{ ...P.service() }, P.partner(), { name: 'notify_id', type: 'string', required: true, maxLength: 128 }],
    note: T('Answers false also when the check comes over a minute after the notification.', '通知发出超过一分钟后再验证也会返回 false。'),
  },
  {
    name: 'query_timestamp', kind: 'xml',
    purpose: T('Get the anti-phishing timestamp key', '获取防钓鱼时间戳'),
    params: [...commonParams()],
  },
  {
    name: 'alipay.wap.create.direct.pay.by.user', kind: 'page',
    purpose: T('Mobile web (WAP) instant payment', '手机网站支付'),
    params: [
      ...commonParams(), P.notifyUrl(), P.returnUrl(), P.outTradeNo(), P.subject(), P.totalFee(), P.sellerId(true), P.paymentType(), P.body(),
      { name: 'show_url', type: 'url', required: false, maxLength: 400 },
      { name: 'it_b_pay', type: 'string', required: false },
    ],
  },
  {
    name: 'mobile.securitypay.pay', kind: 'string',
    purpose: T('App payment order string for the mobile SDK', '移动支付（App SDK 订单字符串）'),
    params: [
      ...commonParams(), P.notifyUrl(true), P.outTradeNo(), P.subject(), P.totalFee(), P.body(true), P.paymentType(), P.sellerId(true),
      { name: 'it_b_pay', type: 'string', required: false },
    ],
    note: T('Values are quoted (key="value"), order is kept, and sign is URL-encoded inside the quotes.', '参数值带双引号（key="value"），保持参数顺序，sign 在引号内做 URL 编码。'),
  },
  {
    name: 'account.page.query', kind: 'xml',
    purpose: T('Account statement query, paged', '账务明细分页查询'),
    params: [
      ...commonParams(),
      { name: 'page_no', type: 'int', required: true, min: 1 },
      P.date('gmt_start_time'), P.date('gmt_end_time'),
      { name: 'page_size', type: 'int', required: false, min: 1, max: 5000 },
    ],
  },
  {
    name: 'batch_trans_notify', kind: 'page',
    purpose: T('Batch payout to Alipay accounts', '批量付款到支付宝账户'),
    params: [
      ...commonParams(), P.notifyUrl(),
      { name: 'account_name', type: 'string', required: true, maxLength: 128 },
      { name: 'detail_data', type: 'string', required: true, format: T('serial^account^name^amount^note, records joined with |', '流水号^收款账号^真实姓名^金额^备注，多笔用 | 连接') },
      { name: 'batch_no', type: 'string', required: true, minLength: 11, maxLength: 32 },
      { name: 'batch_num', type: 'int', required: true, min: 1, max: 1000 },
      { name: 'batch_fee', type: 'amount', required: true, min: 0.01, max: 1000000000 },
      { name: 'email', type: 'email', required: true, maxLength: 100 },
      { name: 'pay_date', type: 'string', required: true, maxLength: 8, format: T('yyyyMMdd', 'yyyyMMdd') },
    ],
  },
  {
    name: 'create_forex_trade', kind: 'page',
    purpose: T('Cross-border payment (forex)', '境外收单支付'),
    params: [
      ...commonParams(), P.notifyUrl(), P.returnUrl(), P.subject(), P.outTradeNo(),
      { name: 'currency', type: 'string', required: true, maxLength: 10, format: T('ISO currency code, e.g. USD', 'ISO 币种代码，如 USD') },
      P.totalFee(false, 'total_fee|rmb_fee'),
      { name: 'rmb_fee', type: 'amount', required: false, min: 0.01, max: 1000000000, oneOf: 'total_fee|rmb_fee' },
      P.body(),
      { name: 'timeout_rule', type: 'string', required: false },
    ],
  },
  {
    name: 'forex_refund', kind: 'xml',
    purpose: T('Cross-border refund (forex)', '境外收单退款'),
    params: [
      ...commonParams(), P.notifyUrl(),
      { name: 'out_return_no', type: 'string', required: true, maxLength: 64 },
      P.outTradeNo(),
      { name: 'return_amount', type: 'amount', required: true, min: 0.01, max: 1000000000 },
      { name: 'currency', type: 'string', required: true, maxLength: 10 },
      P.date('gmt_return'),
      { name: 'reason', type: 'string', required: false, maxLength: 256 },
    ],
  },
];

const BY_NAME = new Map(SERVICES.map((s) => [s.name, s]));

export function service(name: string): ServiceDef | undefined {
  return BY_NAME.get(name);
}

export function allServices(): readonly ServiceDef[] {
  return SERVICES;
}

/** The spec of a parameter in a service, or the common-parameter spec when no service is given. */
export function paramSpec(name: string, serviceName?: string): ParamSpec | undefined {
  const svc = serviceName ? BY_NAME.get(serviceName) : undefined;
  if (svc) return svc.params.find((p) => p.name === name);
  for (const s of SERVICES) {
    const p = s.params.find((x) => x.name === name);
    if (p) return p;
  }
  return undefined;
}
