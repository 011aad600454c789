// The 12 most used OpenAPI trade methods: their biz_content and response
// fields, the enumerations and sub-codes they bring. None of it is in the seed
// documents or catalog-facts.md: every meaning here is our reading of Alipay's
// public OpenAPI documentation, so every entry is marked 'inferred' (front ends
// flag it). Plain data, imported only by the other catalog modules (no cycles:
// this file imports types only), so it loads with the catalog, lazily.
import type { CatalogSource, EnumDef, EnumValue, ErrorEntry, FieldKind, Text } from './types';

const T = (en: string, zh: string): Text => ({ en, zh });
const INFERRED: CatalogSource = 'inferred';

/** Same shape as fields.ts rows: name, zh label, en label, zh meaning, en meaning, kind, where, max length. */
export type OpenApiFieldRow = [name: string, zhLabel: string, enLabel: string, zh: string, en: string, kind: FieldKind, sources: string, maxLength?: number];

/** Fields of the OpenAPI methods below; 'openapi' = response, 'request' = biz_content. */
export const OPENAPI_FIELD_ROWS: OpenApiFieldRow[] = [
  // Common response envelope.
  ['code', '网关返回码', 'Gateway code', '网关返回码：10000 成功，10003 等待用户付款，其余见公共错误码。', 'Gateway result code: 10000 success, 10003 waiting for the user, others are common error codes.', 'string', 'openapi'],
  ['msg', '网关返回码描述', 'Gateway message', '网关返回码的描述，如 Success、Business Failed。', 'Description of the gateway code, e.g. Success or Business Failed.', 'string', 'openapi'],
  ['sub_code', '业务返回码', 'Business sub-code', '业务返回码（如 ACQ.TRADE_NOT_EXIST），成功时不返回。', 'Business result code (e.g. ACQ.TRADE_NOT_EXIST); absent on success.', 'string', 'openapi'],
  ['sub_msg', '业务返回码描述', 'Business message', '业务返回码的描述，可直接展示给开发者排查。', 'Description of the sub-code, meant for the developer.', 'string', 'openapi'],
  // Trade identity.
  ['trade_no', '支付宝交易号', 'Alipay trade number', '支付宝交易号，与 out_trade_no 二选一用于查询、退款、关闭、撤销。', 'Alipay\'s trade number; either it or out_trade_no identifies the trade for query, refund, close and cancel.', 'string', 'openapi request', 64],
  ['out_trade_no', '商户订单号', 'Merchant order number', '商户订单号，64 个字符以内，商户内唯一。', 'The merchant\'s order number, at most 64 characters, unique per merchant.', 'string', 'openapi request', 64],
  ['buyer_logon_id', '买家支付宝账号', 'Buyer Alipay account', '买家支付宝账号（脱敏显示）。', 'The buyer\'s Alipay login account (masked).', 'string', 'openapi', 100],
  ['buyer_user_id', '买家支付宝用户号', 'Buyer user id', '买家在支付宝的用户 ID（2088 开头的 16 位数字）。', 'The buyer\'s Alipay user id (16 digits starting 2088).', 'partnerId', 'openapi request', 28],
  ['buyer_open_id', '买家 OpenID', 'Buyer OpenID', '买家在该应用下的 OpenID（替代 buyer_user_id）。', 'The buyer\'s OpenID for this app (replaces buyer_user_id).', 'string', 'openapi request', 128],
  ['seller_id', '卖家支付宝用户号', 'Seller user id', '卖家支付宝用户 ID（2088 开头），不传默认为签约商户。', 'The seller\'s Alipay user id (2088…); the signed merchant when absent.', 'partnerId', 'openapi request', 28],
  ['trade_status', '交易状态', 'Trade status', '交易状态：WAIT_BUYER_PAY、TRADE_CLOSED、TRADE_SUCCESS、TRADE_FINISHED。', 'Trade status: WAIT_BUYER_PAY, TRADE_CLOSED, TRADE_SUCCESS or TRADE_FINISHED.', 'enum', 'openapi'],
  // Amounts (yuan, two decimals).
  ['total_amount', '订单总金额', 'Total amount', '订单总金额，单位为元，精确到小数点后两位，取值范围 [0.01,100000000]。', 'Order total in yuan, two decimals, 0.01 to 100000000.', 'amount', 'openapi request'],
  ['receipt_amount', '实收金额', 'Amount received', '商家实际收到的金额，单位为元。', 'What the merchant actually received, in yuan.', 'amount', 'openapi'],
  ['buyer_pay_amount', '买家实付金额', 'Amount paid by buyer', '买家实际付款的金额，单位为元。', 'What the buyer actually paid, in yuan.', 'amount', 'openapi'],
  ['point_amount', '积分支付金额', 'Paid with points', '使用集分宝支付的金额，单位为元。', 'Amount paid with Alipay points, in yuan.', 'amount', 'openapi'],
  ['invoice_amount', '可开票金额', 'Invoiceable amount', '交易中可给用户开具发票的金额，单位为元。', 'Amount of the trade the merchant may invoice, in yuan.', 'amount', 'openapi'],
  ['discountable_amount', '可打折金额', 'Discountable amount', '参与优惠计算的金额，单位为元。', 'Amount eligible for discounts, in yuan.', 'amount', 'request'],
  ['undiscountable_amount', '不可打折金额', 'Non-discountable amount', '不参与优惠计算的金额，单位为元。', 'Amount excluded from discounts, in yuan.', 'amount', 'request'],
  ['mdiscount_amount', '商家优惠金额', 'Merchant discount', '商家优惠的金额，单位为元。', 'Discount given by the merchant, in yuan.', 'amount', 'openapi'],
  ['discount_amount', '平台优惠金额', 'Platform discount', '平台优惠的金额，单位为元。', 'Discount given by the platform, in yuan.', 'amount', 'openapi'],
  ['settle_amount', '结算币种订单金额', 'Settlement amount', '以结算币种计的订单金额。', 'Order amount in the settlement currency.', 'amount', 'openapi'],
  ['pay_amount', '支付币种订单金额', 'Payment-currency amount', '以支付币种计的订单金额。', 'Order amount in the payment currency.', 'amount', 'openapi'],
  // Payment times and details.
  ['send_pay_date', '本次交易打款时间', 'Paid to seller at', '本次交易打款给卖家的时间，格式 yyyy-MM-dd HH:mm:ss。', 'When the payment was made to the seller (yyyy-MM-dd HH:mm:ss).', 'date', 'openapi'],
  ['gmt_payment', '交易支付时间', 'Paid at', '买家付款时间，格式 yyyy-MM-dd HH:mm:ss。', 'When the buyer paid (yyyy-MM-dd HH:mm:ss).', 'date', 'openapi'],
  ['store_id', '商户门店编号', 'Store id', '商户门店编号。', 'The merchant\'s store number.', 'string', 'openapi request', 32],
  ['terminal_id', '商户机具终端编号', 'Terminal id', '商户的机具终端编号。', 'The merchant\'s terminal number.', 'string', 'openapi request', 32],
  ['store_name', '门店名称', 'Store name', '发生支付交易的门店名称。', 'Name of the store where the payment happened.', 'string', 'openapi', 512],
  ['operator_id', '商户操作员编号', 'Operator id', '商户操作员编号。', 'The merchant\'s operator id.', 'string', 'request', 28],
  ['fund_bill_list', '交易支付使用的资金渠道', 'Funding channels', '本次交易使用的资金渠道列表（fund_channel、amount、real_amount）。', 'Funding channels used by the trade (fund_channel, amount, real_amount).', 'list', 'openapi'],
  ['fund_channel', '资金渠道', 'Fund channel', '交易使用的资金渠道，如 ALIPAYACCOUNT 余额、PCREDIT 花呗、BANKCARD 银行卡。', 'Funding channel, e.g. ALIPAYACCOUNT balance, PCREDIT Huabei, BANKCARD bank card.', 'string', 'openapi'],
  ['amount', '渠道金额', 'Channel amount', '该资金渠道支付的金额，单位为元。', 'Amount paid through this channel, in yuan.', 'amount', 'openapi'],
  ['real_amount', '渠道实际付款金额', 'Channel real amount', '渠道实际付款金额，单位为元。', 'Amount actually paid through the channel, in yuan.', 'amount', 'openapi'],
  ['voucher_detail_list', '优惠券信息', 'Voucher details', '本交易支付时使用的所有优惠券信息。', 'Vouchers used by this payment.', 'list', 'openapi'],
  ['buyer_user_type', '买家用户类型', 'Buyer user type', '买家用户类型，如 PRIVATE 个人、CORPORATE 企业。', 'Buyer user type: PRIVATE or CORPORATE.', 'enum', 'openapi'],
  ['trans_currency', '标价币种', 'Price currency', '订单标价币种，如 CNY、USD。', 'Currency the order is priced in, e.g. CNY or USD.', 'string', 'openapi request'],
  ['settle_currency', '结算币种', 'Settlement currency', '商户指定的结算币种。', 'Settlement currency chosen by the merchant.', 'string', 'openapi request'],
  ['pay_currency', '支付币种', 'Payment currency', '买家支付所用币种。', 'Currency the buyer paid in.', 'string', 'openapi'],
  // Request biz_content of the payment methods.
  ['subject', '订单标题', 'Order title', '订单标题，不可含 / = & 等特殊字符，256 个字符以内。', 'Order title, at most 256 characters, without / = & and similar characters.', 'string', 'request', 256],
  ['body', '订单附加信息', 'Order description', '订单附加信息（描述）。', 'Extra description of the order.', 'string', 'request', 128],
  ['product_code', '销售产品码', 'Product code', '销售产品码：FAST_INSTANT_TRADE_PAY（电脑网站）、QUICK_WAP_WAY（手机网站）、QUICK_MSECURITY_PAY（App）、FACE_TO_FACE_PAYMENT（当面付）。', 'Product code: FAST_INSTANT_TRADE_PAY (PC site), QUICK_WAP_WAY (mobile site), QUICK_MSECURITY_PAY (app), FACE_TO_FACE_PAYMENT (in person).', 'enum', 'request', 64],
  ['timeout_express', '相对超时时间', 'Relative timeout', '订单最晚付款时间（相对），如 90m，取值 1m~15d。', 'Latest payment time, relative, e.g. 90m (1m to 15d).', 'string', 'request', 6],
  ['time_expire', '绝对超时时间', 'Absolute expiry', '订单绝对超时时间，格式 yyyy-MM-dd HH:mm:ss。', 'Absolute order expiry (yyyy-MM-dd HH:mm:ss).', 'date', 'request', 32],
  ['qr_pay_mode', 'PC扫码支付方式', 'PC QR mode', '电脑网站支付的二维码模式（0、1、2、3、4）。', 'How the PC page shows the QR code (0 to 4).', 'string', 'request', 2],
  ['qrcode_width', '二维码宽度', 'QR code width', 'qr_pay_mode=4 时的二维码宽度。', 'QR code width when qr_pay_mode=4.', 'number', 'request', 4],
  ['quit_url', '用户付款中途退出返回地址', 'Quit URL', '手机网站支付中用户中途退出时返回的商户地址。', 'Merchant page the buyer returns to when quitting a mobile-site payment.', 'url', 'request', 400],
  ['passback_params', '公用回传参数', 'Pass-back parameters', '公用回传参数，异步通知时原样返回（需 URL 编码）。', 'Pass-back parameters, returned unchanged in the notification (URL-encode them).', 'string', 'request', 512],
  ['goods_detail', '订单包含的商品列表', 'Goods details', '订单包含的商品列表（goods_id、goods_name、quantity、price）。', 'Goods in the order (goods_id, goods_name, quantity, price).', 'list', 'request'],
  ['extend_params', '业务扩展参数', 'Extension parameters', '业务扩展参数（如 sys_service_provider_id、hb_fq_num）。', 'Business extension parameters (e.g. sys_service_provider_id, hb_fq_num).', 'string', 'request'],
  ['merchant_order_no', '商户原始订单号', 'Merchant original order number', '商户原始订单号。', 'The merchant\'s original order number.', 'string', 'openapi request', 32],
  ['enable_pay_channels', '可用渠道', 'Enabled channels', '可用的支付渠道，用逗号分隔。', 'Payment channels allowed, comma-separated.', 'string', 'request', 128],
  ['disable_pay_channels', '禁用渠道', 'Disabled channels', '禁用的支付渠道，用逗号分隔。', 'Payment channels not allowed, comma-separated.', 'string', 'request', 128],
  ['scene', '支付场景', 'Payment scene', '付款码支付的场景：bar_code 条码、security_code 声波。', 'Scene of a payment-code payment: bar_code or security_code.', 'enum', 'request', 32],
  ['auth_code', '支付授权码', 'Payment auth code', '用户付款码（条码/声波）中的授权码。', 'The auth code from the buyer\'s payment code (bar code or sound wave).', 'string', 'request', 32],
  ['qr_code', '二维码码串', 'QR code string', '当面付预下单生成的二维码码串，商户据此生成二维码供用户扫码。', 'The QR code string from precreate; render it as a QR code for the buyer to scan.', 'url', 'openapi', 1024],
  // Query options.
  ['query_options', '查询选项', 'Query options', '需要额外返回的信息，如 trade_settle_info、fund_bill_list、refund_detail_item_list。', 'Extra information to return, e.g. trade_settle_info, fund_bill_list, refund_detail_item_list.', 'list', 'request'],
  // Refund.
  ['refund_amount', '退款金额', 'Refund amount', '需要退款（或本次已退款）的金额，单位为元，不能大于订单剩余可退金额。', 'Amount to refund (or refunded by this request) in yuan; at most what is still refundable.', 'amount', 'openapi request'],
  ['refund_reason', '退款原因', 'Refund reason', '退款原因说明。', 'Reason for the refund.', 'string', 'openapi request', 256],
  ['out_request_no', '退款请求号', 'Refund request number', '标识一次退款请求，部分退款时必传；同一笔交易多次退款需不同，重试时须相同。', 'Identifies one refund request: required for partial refunds, different per refund, identical when retrying.', 'string', 'openapi request', 64],
  ['refund_fee', '退款总金额', 'Total refunded', '该笔交易累计已退款的总金额，单位为元。', 'Total refunded on this trade so far, in yuan.', 'amount', 'openapi'],
  ['gmt_refund_pay', '退款时间', 'Refunded at', '退款支付时间，格式 yyyy-MM-dd HH:mm:ss。', 'When the refund was paid (yyyy-MM-dd HH:mm:ss).', 'date', 'openapi'],
  ['fund_change', '本次退款是否发生了资金变化', 'Funds changed', 'Y 表示本次退款发生了资金变化（退款成功），N 表示没有（如重复请求）。', 'Y: this refund moved funds (refund succeeded); N: it did not (e.g. a repeated request).', 'enum', 'openapi', 1],
  ['refund_detail_item_list', '退款使用的资金渠道', 'Refund funding channels', '退款使用的资金渠道列表。', 'Funding channels the refund went back through.', 'list', 'openapi'],
  ['refund_currency', '退款币种', 'Refund currency', '退款币种信息。', 'Currency of the refund.', 'string', 'openapi'],
  ['present_refund_buyer_amount', '本次退款金额中买家退款金额', 'Refunded to buyer', '本次退款中退还给买家的金额，单位为元。', 'Part of this refund returned to the buyer, in yuan.', 'amount', 'openapi'],
  ['present_refund_discount_amount', '本次退款金额中平台优惠退款金额', 'Platform discount refunded', '本次退款中平台优惠部分的金额，单位为元。', 'Part of this refund that was a platform discount, in yuan.', 'amount', 'openapi'],
  ['present_refund_mdiscount_amount', '本次退款金额中商家优惠退款金额', 'Merchant discount refunded', '本次退款中商家优惠部分的金额，单位为元。', 'Part of this refund that was a merchant discount, in yuan.', 'amount', 'openapi'],
  ['total_refund_amount', '总退款金额', 'Total refund amount', '发生退款时的订单总退款金额。', 'Total refunded on the order when this refund happened.', 'amount', 'openapi'],
  ['refund_status', '退款状态', 'Refund status', '退款状态：REFUND_SUCCESS 表示退款处理成功；未返回时表示退款未成功或请求号不存在。', 'Refund status: REFUND_SUCCESS means the refund succeeded; absent means it did not (or the request number is unknown).', 'enum', 'openapi'],
  // Close / cancel.
  ['retry_flag', '是否需要重试', 'Retry needed', '撤销失败时是否需要重试：Y 需要，N 不需要。', 'Whether to retry a failed cancel: Y yes, N no.', 'enum', 'openapi', 1],
  ['action', '本次撤销触发的交易动作', 'Cancel action', '本次撤销触发的交易动作：close 关闭交易（未付款），refund 产生了退款（已付款），接口幂等时可能不返回。', 'What the cancel did: close (unpaid trade closed) or refund (paid trade refunded); may be absent on a repeated call.', 'enum', 'openapi', 10],
  ['gmt_refund_pay_time', '退款时间', 'Refunded at', '撤销触发退款时的退款时间。', 'Refund time when the cancel triggered a refund.', 'date', 'openapi'],
  // Bill download.
  ['bill_type', '账单类型', 'Bill type', '账单类型：trade 商户业务账单，signcustomer 账户账务明细。', 'Bill type: trade (business bill) or signcustomer (account ledger).', 'enum', 'request', 20],
  ['bill_date', '账单时间', 'Bill date', '账单日期：日账单 yyyy-MM-dd，月账单 yyyy-MM。', 'Bill date: yyyy-MM-dd for a day, yyyy-MM for a month.', 'string', 'request', 15],
  ['bill_download_url', '账单下载地址', 'Bill download URL', '账单下载地址，30 秒内有效。', 'Where to download the bill; valid for 30 seconds.', 'url', 'openapi', 2048],
];

const v = (value: string, zh: string, en: string): EnumValue => ({ value, meaning: { en, zh }, source: INFERRED });
const yn = (yesEn: string, yesZh: string, noEn: string, noZh: string): EnumValue[] => [v('Y', yesZh, yesEn), v('N', noZh, noEn)];

/** Enumerations of the fields above (trade_status and refund_status reuse the existing ones). */
export const OPENAPI_ENUMS: EnumDef[] = [
  { name: 'fund_change', title: T('Funds changed', '本次退款是否发生了资金变化'), fields: ['fund_change'], needsField: true,
    values: yn('Funds moved: the refund succeeded', '发生了资金变化：退款成功', 'No funds moved by this request (e.g. a repeated refund request): query the refund', '本次请求未发生资金变化（如重复的退款请求）：请查询退款结果') },
  { name: 'retry_flag', title: T('Retry needed', '是否需要重试'), fields: ['retry_flag'], needsField: true,
    values: yn('Retry the cancel with the same out_trade_no', '需要使用相同的 out_trade_no 重试撤销', 'Do not retry', '无需重试') },
  { name: 'cancel_action', title: T('Cancel action', '撤销触发的交易动作'), fields: ['action'], needsField: true,
    values: [v('close', '关闭交易，无退款', 'Trade closed, no refund'), v('refund', '产生了退款', 'A refund was made'),
      v('CLOSE', '关闭交易，无退款', 'Trade closed, no refund'), v('REFUND', '产生了退款', 'A refund was made')] },
  { name: 'product_code', title: T('Product code', '销售产品码'), fields: ['product_code'],
    values: [
      v('FAST_INSTANT_TRADE_PAY', '电脑网站支付', 'PC website payment'),
      v('QUICK_WAP_WAY', '手机网站支付', 'Mobile website payment'),
      v('QUICK_MSECURITY_PAY', 'App 支付', 'App payment'),
      v('FACE_TO_FACE_PAYMENT', '当面付', 'Face-to-face payment'),
    ] },
  { name: 'pay_scene', title: T('Payment scene', '支付场景'), fields: ['scene'], needsField: true,
    values: [v('bar_code', '条码支付', 'Bar code payment'), v('security_code', '声波支付', 'Sound-wave payment')] },
  { name: 'bill_type', title: T('Bill type', '账单类型'), fields: ['bill_type'], needsField: true,
    values: [v('trade', '商户基于支付宝交易收单的业务账单', 'Business bill of the merchant\'s Alipay trades'), v('signcustomer', '基于商户支付宝余额收入及支出等资金变动的账务账单', 'Ledger of the merchant\'s Alipay balance movements')] },
  { name: 'buyer_user_type', title: T('Buyer user type', '买家用户类型'), fields: ['buyer_user_type'], needsField: true,
    values: [v('PRIVATE', '个人用户', 'Private user'), v('CORPORATE', '企业用户', 'Corporate user')] },
];

/** An OpenAPI method: what it is for, its biz_content and response fields, the sub-codes it answers with. */
export interface OpenApiMethod {
  name: string;
  purpose: Text;
  request: string[];
  response: string[];
  subCodes: string[];
  source: CatalogSource;
}

const ENVELOPE = ['code', 'msg', 'sub_code', 'sub_msg'];
const PAGE_REQUEST = ['out_trade_no', 'total_amount', 'subject', 'product_code', 'body', 'timeout_express', 'time_expire', 'passback_params', 'goods_detail', 'extend_params', 'merchant_order_no', 'enable_pay_channels', 'disable_pay_channels', 'store_id'];
const PAY_RESULT = [...ENVELOPE, 'trade_no', 'out_trade_no', 'buyer_logon_id', 'total_amount', 'receipt_amount', 'buyer_pay_amount', 'point_amount', 'invoice_amount', 'gmt_payment', 'fund_bill_list', 'store_name', 'buyer_user_id'];
const PAY_SUBS = ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.ACCESS_FORBIDDEN', 'ACQ.EXIST_FORBIDDEN_WORD', 'ACQ.TRADE_HAS_SUCCESS', 'ACQ.TRADE_HAS_CLOSE', 'ACQ.CONTEXT_INCONSISTENT', 'ACQ.TOTAL_FEE_EXCEED', 'ACQ.BUYER_SELLER_EQUAL', 'ACQ.TRADE_BUYER_NOT_MATCH', 'ACQ.PARTNER_ERROR'];

const m = (name: string, en: string, zh: string, request: string[], response: string[], subCodes: string[]): OpenApiMethod => ({
  name, purpose: T(en, zh), request, response, subCodes, source: INFERRED,
});

export const OPENAPI_METHODS: OpenApiMethod[] = [
  m('alipay.trade.page.pay', 'PC website payment: the browser is sent to Alipay\'s cashier page', '电脑网站支付：跳转到支付宝收银台页面',
    [...PAGE_REQUEST, 'qr_pay_mode', 'qrcode_width'], [...ENVELOPE, 'trade_no', 'out_trade_no', 'seller_id', 'total_amount', 'merchant_order_no'], PAY_SUBS),
  m('alipay.trade.wap.pay', 'Mobile website payment: the mobile browser is sent to Alipay', '手机网站支付：手机浏览器跳转到支付宝',
    [...PAGE_REQUEST, 'quit_url'], [...ENVELOPE, 'trade_no', 'out_trade_no', 'seller_id', 'total_amount', 'merchant_order_no'], PAY_SUBS),
  m('alipay.trade.app.pay', 'App payment: an order string the app hands to the Alipay SDK', 'App 支付：生成订单串交给支付宝客户端 SDK',
    PAGE_REQUEST, [...ENVELOPE, 'trade_no', 'out_trade_no', 'seller_id', 'total_amount', 'merchant_order_no'], PAY_SUBS),
  m('alipay.trade.precreate', 'Face-to-face pre-create: returns a QR code for the buyer to scan', '当面付预下单：返回二维码供用户扫码支付',
    ['out_trade_no', 'total_amount', 'subject', 'product_code', 'seller_id', 'body', 'goods_detail', 'extend_params', 'discountable_amount', 'undiscountable_amount', 'store_id', 'operator_id', 'terminal_id', 'timeout_express', 'merchant_order_no'],
    [...ENVELOPE, 'out_trade_no', 'qr_code'], PAY_SUBS),
  m('alipay.trade.pay', 'Face-to-face payment with the buyer\'s payment code (bar code / sound wave)', '统一收单交易支付（付款码支付）',
    ['out_trade_no', 'total_amount', 'subject', 'auth_code', 'scene', 'product_code', 'seller_id', 'body', 'goods_detail', 'extend_params', 'discountable_amount', 'undiscountable_amount', 'store_id', 'operator_id', 'terminal_id', 'timeout_express', 'trans_currency', 'settle_currency', 'query_options'],
    [...PAY_RESULT, 'discount_amount', 'mdiscount_amount', 'voucher_detail_list', 'trans_currency', 'settle_currency', 'settle_amount', 'pay_currency', 'pay_amount'],
    [...PAY_SUBS, 'ACQ.BUYER_BALANCE_NOT_ENOUGH', 'ACQ.PAYMENT_AUTH_CODE_INVALID', 'ACQ.BUYER_NOT_EXIST', 'ACQ.BUYER_ENABLE_STATUS_FORBID', 'ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR', 'ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR', 'ACQ.BEYOND_PAY_RESTRICTION', 'ACQ.BEYOND_PER_RECEIPT_RESTRICTION', 'ACQ.PAYMENT_FAIL', 'ACQ.PAYMENT_REQUEST_HAS_RISK', 'ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE', 'ACQ.USER_FACE_PAYMENT_SWITCH_OFF', 'ACQ.ERROR_BALANCE_PAYMENT_DISABLE', 'ACQ.PULL_MOBILE_CASHIER_FAIL', 'ACQ.MOBILE_PAYMENT_SWITCH_OFF']),
  m('alipay.trade.create', 'Create a trade to be paid in the Alipay client (mini programs, JSAPI)', '统一收单交易创建（小程序、JSAPI 等）',
    ['out_trade_no', 'total_amount', 'subject', 'product_code', 'buyer_id', 'buyer_open_id', 'seller_id', 'body', 'goods_detail', 'extend_params', 'discountable_amount', 'undiscountable_amount', 'store_id', 'operator_id', 'terminal_id', 'timeout_express', 'time_expire'],
    [...ENVELOPE, 'out_trade_no', 'trade_no'], [...PAY_SUBS, 'ACQ.BUYER_NOT_EXIST', 'ACQ.BUYER_ENABLE_STATUS_FORBID']),
  m('alipay.trade.query', 'Query a trade\'s status', '统一收单线下交易查询',
    ['out_trade_no', 'trade_no', 'query_options'],
    [...PAY_RESULT, 'trade_status', 'send_pay_date', 'store_id', 'terminal_id', 'buyer_user_type', 'buyer_open_id', 'discount_amount', 'mdiscount_amount', 'trans_currency', 'settle_currency', 'settle_amount', 'pay_currency', 'pay_amount'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST']),
  m('alipay.trade.refund', 'Refund a paid trade, fully or partly', '统一收单交易退款',
    ['out_trade_no', 'trade_no', 'refund_amount', 'refund_reason', 'out_request_no', 'goods_detail', 'query_options', 'operator_id', 'store_id', 'terminal_id'],
    [...ENVELOPE, 'trade_no', 'out_trade_no', 'buyer_logon_id', 'fund_change', 'refund_fee', 'gmt_refund_pay', 'refund_detail_item_list', 'store_name', 'buyer_user_id', 'buyer_open_id', 'refund_currency', 'send_back_fee', 'present_refund_buyer_amount', 'present_refund_discount_amount', 'present_refund_mdiscount_amount'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST', 'ACQ.SELLER_BALANCE_NOT_ENOUGH', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', 'ACQ.REASON_TRADE_BEEN_FREEZEN', 'ACQ.TRADE_STATUS_ERROR', 'ACQ.TRADE_HAS_FINISHED', 'ACQ.TRADE_NOT_ALLOW_REFUND', 'ACQ.DISCORDANT_REPEAT_REQUEST', 'ACQ.REASON_TRADE_REFUND_FEE_ERR', 'ACQ.REFUND_CHARGE_ERROR', 'ACQ.ACCESS_FORBIDDEN']),
  m('alipay.trade.fastpay.refund.query', 'Query one refund request (out_request_no)', '统一收单交易退款查询',
    ['out_trade_no', 'trade_no', 'out_request_no', 'query_options'],
    [...ENVELOPE, 'trade_no', 'out_trade_no', 'out_request_no', 'total_amount', 'refund_amount', 'refund_status', 'refund_reason', 'gmt_refund_pay', 'refund_detail_item_list', 'send_back_fee', 'present_refund_buyer_amount', 'present_refund_discount_amount', 'present_refund_mdiscount_amount'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST']),
  m('alipay.trade.close', 'Close an unpaid trade', '统一收单交易关闭',
    ['out_trade_no', 'trade_no', 'operator_id'], [...ENVELOPE, 'trade_no', 'out_trade_no'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST', 'ACQ.TRADE_STATUS_ERROR', 'ACQ.REASON_TRADE_STATUS_INVALID']),
  m('alipay.trade.cancel', 'Cancel a trade: closes it if unpaid, refunds it if paid', '统一收单交易撤销：未付款则关闭，已付款则退款',
    ['out_trade_no', 'trade_no'], [...ENVELOPE, 'trade_no', 'out_trade_no', 'retry_flag', 'action', 'gmt_refund_pay', 'refund_settlement_id'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.SELLER_BALANCE_NOT_ENOUGH', 'ACQ.REASON_TRADE_BEEN_FREEZEN', 'ACQ.TRADE_CANCEL_TIME_OUT', 'ACQ.TRADE_HAS_FINISHED', 'ACQ.REASON_ILLEGAL_STATUS']),
  m('alipay.data.dataservice.bill.downloadurl.query', 'Get the download address of a daily or monthly bill', '查询对账单下载地址',
    ['bill_type', 'bill_date'], [...ENVELOPE, 'bill_download_url'], ['isp.bill_not_exist', 'isv.invalid-arguments']),
];

/** Fields listed by the methods but not defined above, filled here so that every listed field has a row. */
OPENAPI_FIELD_ROWS.push(
  ['buyer_id', '买家支付宝用户号', 'Buyer user id', '买家的支付宝用户 ID（2088 开头），JSAPI/小程序支付时必传（或 buyer_open_id）。', 'The buyer\'s Alipay user id (2088…); required (or buyer_open_id) for JSAPI / mini-program payments.', 'partnerId', 'request', 28],
  ['send_back_fee', '本次商户实际退回金额', 'Actually refunded by merchant', '本次退款中商户实际退回的金额，单位为元。', 'What the merchant actually returned in this refund, in yuan.', 'amount', 'openapi'],
  ['refund_settlement_id', '退款结算单号', 'Refund settlement id', '撤销触发退款时的退款结算单号。', 'Settlement id of the refund a cancel triggered.', 'string', 'openapi', 64],
);

const BY_METHOD = new Map(OPENAPI_METHODS.map((x) => [x.name, x]));

export function openApiMethod(name: string): OpenApiMethod | undefined {
  return BY_METHOD.get(name);
}

export function allOpenApiMethods(): readonly OpenApiMethod[] {
  return OPENAPI_METHODS;
}

// ---- Codes and sub-codes ----------------------------------------------------

const sub = (code: string, parent: string, en: string, zh: string, check: Array<[string, string]>): ErrorEntry => ({
  code, level: 'openapi-sub-code', parent, meaning: T(en, zh), check: check.map(([e, z]) => T(e, z)), source: INFERRED,
});

/** Codes the catalog did not have; the ones it had are extended with the methods they come from (seenIn). */
export const OPENAPI_TRADE_ERRORS: ErrorEntry[] = [
  { code: '10003', level: 'openapi-code', source: INFERRED, meaning: T('Order created, waiting for the buyer to pay (payment in progress)', '订单创建成功，等待用户付款（支付处理中）'),
    check: [T('Do not treat it as paid or failed: poll alipay.trade.query (e.g. every few seconds for up to 30 s), then cancel with alipay.trade.cancel if still unpaid.',
      '不要当作成功或失败：轮询 alipay.trade.query（如每隔几秒、最长约 30 秒），仍未支付则调用 alipay.trade.cancel 撤销。')] },
  sub('ACQ.REASON_TRADE_BEEN_FREEZEN', '40004', 'The trade is frozen', '交易已经被冻结', [['The trade is frozen (complaint or risk control): refund after it is unfrozen, or contact Alipay.', '交易被冻结（投诉或风控）：解冻后再退款，或联系支付宝。']]),
  sub('ACQ.EXIST_FORBIDDEN_WORD', '40004', 'The order contains forbidden words', '订单信息中包含违禁词', [['Remove sensitive words from subject and body.', '修改 subject、body 中的敏感词。']]),
  sub('ACQ.BUYER_NOT_EXIST', '40004', 'Buyer does not exist', '买家不存在', [['buyer_id / buyer_open_id, or the auth code, belongs to an existing Alipay user of this environment.', 'buyer_id / buyer_open_id 或付款码是否属于当前环境中存在的支付宝用户。']]),
  sub('ACQ.BUYER_SELLER_EQUAL', '40004', 'Buyer and seller are the same account', '买卖家不能相同', [['Pay with a buyer account other than the merchant\'s.', '使用与商户不同的买家账户付款。']]),
  sub('ACQ.TRADE_BUYER_NOT_MATCH', '40004', 'Buyer does not match the trade', '交易买家不匹配', [['The same out_trade_no was opened by another buyer: use a new out_trade_no.', '同一 out_trade_no 已被其他买家使用：请使用新的 out_trade_no。']]),
  sub('ACQ.PARTNER_ERROR', '40004', 'The app and the seller do not match', '应用APP_ID填写错误', [['app_id belongs to the merchant of seller_id, and to this environment.', 'app_id 是否属于 seller_id 对应的商户，且属于当前环境。']]),
  sub('ACQ.BUYER_ENABLE_STATUS_FORBID', '40004', 'The buyer\'s account may not pay', '买家状态非法', [['Ask the buyer to check the account status with Alipay, or pay another way.', '请买家向支付宝确认账户状态，或更换支付方式。']]),
  sub('ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR', '40004', 'Buyer\'s daily payment limit exceeded', '买家付款日限额超限', [['The buyer pays another way or tomorrow.', '请买家更换支付方式或次日再付。']]),
  sub('ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR', '40004', 'Buyer\'s monthly payment limit exceeded', '买家付款月限额超限', [['The buyer pays another way.', '请买家更换支付方式。']]),
  sub('ACQ.BEYOND_PAY_RESTRICTION', '40004', 'Merchant\'s collection limit exceeded', '商户收款额度超限', [['Raise the merchant\'s collection quota with Alipay.', '联系支付宝提升商户收款额度。']]),
  sub('ACQ.BEYOND_PER_RECEIPT_RESTRICTION', '40004', 'Single-payment amount above the merchant\'s limit', '商户收款金额超过月限额', [['Lower the amount or raise the limit with Alipay.', '降低金额或联系支付宝提升限额。']]),
  sub('ACQ.PAYMENT_FAIL', '40004', 'Payment failed', '支付失败', [['Query the trade, then retry with a new out_trade_no if it is not paid.', '先查询交易，未支付则使用新的 out_trade_no 重新支付。']]),
  sub('ACQ.PAYMENT_REQUEST_HAS_RISK', '40004', 'The payment was refused by risk control', '支付有风险', [['The buyer pays another way; nothing to fix in the request.', '请买家更换支付方式；请求本身无需修改。']]),
  sub('ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE', '40004', 'No payment instrument available to the buyer', '没用可用的支付工具', [['The buyer adds a funding source or pays another way.', '请买家添加可用的付款方式或更换支付方式。']]),
  sub('ACQ.USER_FACE_PAYMENT_SWITCH_OFF', '40004', 'The buyer turned off payment-code payments', '用户当面付付款开关关闭', [['The buyer turns on payment codes in the Alipay app.', '请买家在支付宝客户端中打开付款码功能。']]),
  sub('ACQ.ERROR_BALANCE_PAYMENT_DISABLE', '40004', 'Balance payment is disabled for the buyer', '余额支付功能关闭', [['The buyer enables balance payment or pays another way.', '请买家开启余额支付或更换支付方式。']]),
  sub('ACQ.PULL_MOBILE_CASHIER_FAIL', '40004', 'Could not open the buyer\'s mobile cashier', '唤起移动收银台失败', [['Ask the buyer to open the Alipay app and pay again.', '请买家打开支付宝客户端后重新付款。']]),
  sub('ACQ.MOBILE_PAYMENT_SWITCH_OFF', '40004', 'The buyer turned off mobile payments', '用户的无线支付开关关闭', [['The buyer turns on mobile payment in the Alipay app.', '请买家在支付宝客户端中打开无线支付开关。']]),
  sub('ACQ.TRADE_HAS_FINISHED', '40004', 'Trade finished: no refund or cancel possible', '交易已完结', [['TRADE_FINISHED trades cannot be refunded (refund window over or product without refunds).', 'TRADE_FINISHED 状态的交易不能退款（已过退款期或产品不支持退款）。']]),
  sub('ACQ.TRADE_NOT_ALLOW_REFUND', '40004', 'This trade does not allow refunds', '当前交易不允许退款', [['Check the product contract and the refund window.', '检查签约产品及退款期限。']]),
  sub('ACQ.DISCORDANT_REPEAT_REQUEST', '40004', 'Repeated refund request with different content', '不一致的请求', [['A retried refund must repeat the same out_request_no with the same refund_amount; use a new out_request_no for a new refund.', '重试退款须使用相同的 out_request_no 和 refund_amount；新的退款使用新的 out_request_no。']]),
  sub('ACQ.REASON_TRADE_REFUND_FEE_ERR', '40004', 'Refund amount is invalid', '退款金额无效', [['refund_amount has at most two decimals and is above zero and within what can still be refunded.', 'refund_amount 最多两位小数、大于 0 且不超过剩余可退金额。']]),
  sub('ACQ.REFUND_CHARGE_ERROR', '40004', 'Refunding the service fee failed', '退收费异常', [['Retry the refund later with the same out_request_no.', '稍后用相同的 out_request_no 重试退款。']]),
  sub('ACQ.REASON_TRADE_STATUS_INVALID', '40004', 'Trade status does not allow closing', '交易状态异常', [['Only an unpaid trade (WAIT_BUYER_PAY) can be closed: query it first.', '只有未付款（WAIT_BUYER_PAY）的交易可以关闭：先查询。']]),
  sub('ACQ.TRADE_CANCEL_TIME_OUT', '40004', 'Too late to cancel: the cancel window is over', '超过撤销时间范围', [['Refund the trade with alipay.trade.refund instead.', '改用 alipay.trade.refund 退款。']]),
  sub('ACQ.REASON_ILLEGAL_STATUS', '40004', 'Trade status does not allow cancelling', '交易状态不合法', [['Query the trade; a finished trade is refunded, not cancelled.', '先查询交易；已完结的交易请退款而不是撤销。']]),
  sub('isp.bill_not_exist', '40004', 'The bill does not exist (not generated yet, or no trades that day)', '账单不存在', [
    ['A day\'s bill is ready the next day (after about 09:00); bill_date is yyyy-MM-dd or yyyy-MM and within the last year.', '日账单次日（约 9 点后）生成；bill_date 格式为 yyyy-MM-dd 或 yyyy-MM，且在近一年内。'],
  ]),
  sub('isv.invalid-arguments', '40002', 'Invalid business arguments', '业务参数非法', [['The biz_content field named in sub_msg (e.g. bill_type, bill_date).', '检查 sub_msg 中指出的 biz_content 字段（如 bill_type、bill_date）。']]),
];

/** Methods each sub-code comes from (for existing and new entries alike). */
export function openApiSeenIn(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const method of OPENAPI_METHODS) {
    for (const code of method.subCodes) out.set(code, [...(out.get(code) ?? []), method.name]);
  }
  return out;
}
