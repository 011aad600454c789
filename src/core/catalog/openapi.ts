// The 12 most used OpenAPI trade methods: their biz_content and response
// fields, the enumerations and sub-codes they bring. None of it is in the seed
// documents or catalog-facts.md, so each entry names a public source of
// Alipay's own (types.ts, CatalogSource): field names and meanings from the
// official .NET SDK's model classes ('alipay-sdk-net-all': the Chinese is
// theirs, shortened; the English is our translation), codes and sub-codes from
// the open-platform API reference ('alipay-api-docs'). What neither states is
// marked 'inferred' and front ends flag it. Plain data, imported only by the
// other catalog modules (no cycles: this file imports types only), so it loads
// with the catalog, lazily.
import type { CatalogSource, EnumDef, EnumValue, ErrorEntry, FieldKind, Text } from './types';

const T = (en: string, zh: string): Text => ({ en, zh });
const SDK: CatalogSource = 'alipay-sdk-net-all';
const DOCS: CatalogSource = 'alipay-api-docs';
const INFERRED: CatalogSource = 'inferred';

/** Same shape as fields.ts rows: name, zh label, en label, zh meaning, en meaning, kind, where, max length. */
export type OpenApiFieldRow = [name: string, zhLabel: string, enLabel: string, zh: string, en: string, kind: FieldKind, sources: string, maxLength?: number];

/** Fields of the OpenAPI methods below; 'openapi' = response, 'request' = biz_content. Source: SDK unless listed in INFERRED_FIELDS. */
export const OPENAPI_FIELD_ROWS: OpenApiFieldRow[] = [
  // Common response envelope (AopResponse.cs; the codes themselves: the common error codes page).
  ['code', '网关返回码', 'Gateway code', '网关返回码（SDK 中的错误码 ErrCode）：10000 接口调用成功，其余见公共错误码。', 'Gateway result code (ErrCode in the SDK): 10000 means the call succeeded; others are common error codes.', 'string', 'openapi'],
  ['msg', '网关返回码描述', 'Gateway message', '网关返回码的描述（错误信息 ErrMsg），如 Success、Business Failed。', 'Description of the gateway code (ErrMsg), e.g. Success or Business Failed.', 'string', 'openapi'],
  ['sub_code', '业务返回码', 'Business sub-code', '业务返回码（子错误码 SubErrCode，如 ACQ.TRADE_NOT_EXIST），成功时不返回。', 'Business result code (SubErrCode, e.g. ACQ.TRADE_NOT_EXIST); absent on success.', 'string', 'openapi'],
  ['sub_msg', '业务返回码描述', 'Business message', '业务返回码的描述（子错误信息 SubErrMsg）。', 'Description of the sub-code (SubErrMsg).', 'string', 'openapi'],
  // Trade identity.
  ['trade_no', '支付宝交易号', 'Alipay trade number', '支付宝交易号，该交易在支付宝系统中的交易流水号，最长 64 位；与商户订单号不能同时为空，同时存在时优先取 trade_no。', 'Alipay\'s trade number (its serial number in Alipay\'s system, at most 64 characters); it or out_trade_no must be given, and trade_no wins when both are.', 'string', 'openapi request', 64],
  ['out_trade_no', '商户订单号', 'Merchant order number', '商户订单号，由商家自定义，64 个字符以内，仅支持字母、数字、下划线且需保证在商户端不重复。', 'The merchant\'s order number: chosen by the merchant, at most 64 letters, digits or underscores, unique on the merchant\'s side.', 'string', 'openapi request', 64],
  ['buyer_logon_id', '买家支付宝账号', 'Buyer Alipay account', '买家支付宝账号（登录账号；请求中建议通过 open_id 传递买家信息）。', 'The buyer\'s Alipay (login) account; in requests, prefer passing the buyer as open_id.', 'string', 'openapi request', 100],
  ['buyer_user_id', '买家支付宝用户号', 'Buyer user id', '买家在支付宝的用户 id。', 'The buyer\'s Alipay user id.', 'partnerId', 'openapi request', 28],
  ['buyer_open_id', '买家 OpenID', 'Buyer OpenID', '买家支付宝用户唯一标识（OpenID）。', 'The buyer\'s unique Alipay user identifier (OpenID).', 'string', 'openapi request', 128],
  ['seller_id', '卖家支付宝用户号', 'Seller user id', '卖家支付宝用户 ID（收款支付宝账号对应的 2088 开头的 16 位数字）；为空时默认为商户签约账号对应的支付宝用户 ID。', 'The seller\'s Alipay user id (the receiving account, 16 digits starting 2088); defaults to the signed merchant\'s account when empty.', 'partnerId', 'openapi request', 28],
  ['trade_status', '交易状态', 'Trade status', '交易状态：WAIT_BUYER_PAY（交易创建，等待买家付款）、TRADE_CLOSED（未付款交易超时关闭，或支付完成后全额退款）、TRADE_SUCCESS（交易支付成功）、TRADE_FINISHED（交易结束，不可退款）。', 'Trade status: WAIT_BUYER_PAY (created, waiting for the buyer), TRADE_CLOSED (unpaid and timed out, or fully refunded), TRADE_SUCCESS (paid), TRADE_FINISHED (over, no refunds).', 'enum', 'openapi'],
  // Amounts (yuan, two decimals).
  ['total_amount', '订单总金额', 'Total amount', '订单总金额，单位为元，精确到小数点后两位，取值范围 [0.01,100000000]；响应中为支付时传入的 total_amount。', 'Order total in yuan, two decimals, 0.01 to 100000000; in answers, the total_amount the payment was made with.', 'amount', 'openapi request'],
  ['receipt_amount', '实收金额', 'Amount received', '实收金额，单位为元，两位小数；本笔交易商户账户能够实际收到的金额。', 'What the merchant\'s account actually receives for this trade, in yuan, two decimals.', 'amount', 'openapi'],
  ['buyer_pay_amount', '买家实付金额', 'Amount paid by buyer', '买家实付金额，单位为元，两位小数；不包含商户折扣等金额。', 'What the buyer actually paid, in yuan, two decimals, merchant discounts excluded.', 'amount', 'openapi'],
  ['point_amount', '积分支付金额', 'Paid with points', '积分支付的金额，单位为元，两位小数（如集分宝或支付宝实时优惠）。', 'Amount paid with points (e.g. Alipay points or instant discounts), in yuan, two decimals.', 'amount', 'openapi'],
  ['invoice_amount', '可开票金额', 'Invoiceable amount', '交易中用户支付的可开具发票的金额，单位为元，两位小数。', 'Amount of the trade the merchant may invoice to the user, in yuan, two decimals.', 'amount', 'openapi'],
  ['discountable_amount', '可打折金额', 'Discountable amount', '可打折金额：参与优惠计算的金额，单位为元，取值范围 [0.01,100000000]。', 'Amount eligible for discounts, in yuan, 0.01 to 100000000.', 'amount', 'request'],
  ['undiscountable_amount', '不可打折金额', 'Non-discountable amount', '不可打折金额：不参与优惠计算的金额，单位为元，取值范围 [0.01,100000000]。', 'Amount excluded from discounts, in yuan, 0.01 to 100000000.', 'amount', 'request'],
  ['mdiscount_amount', '商家优惠金额', 'Merchant discount', '商家优惠金额，单位为元。', 'Discount given by the merchant, in yuan.', 'amount', 'openapi'],
  ['discount_amount', '平台优惠金额', 'Platform discount', '平台优惠金额，单位为元。', 'Discount given by the platform, in yuan.', 'amount', 'openapi'],
  ['settle_amount', '结算币种订单金额', 'Settlement amount', '结算币种订单金额。', 'Order amount in the settlement currency.', 'amount', 'openapi'],
  ['pay_amount', '支付币种订单金额', 'Payment-currency amount', '支付币种订单金额。', 'Order amount in the payment currency.', 'amount', 'openapi'],
  // Payment times and details.
  ['send_pay_date', '本次交易打款时间', 'Paid to seller at', '本次交易打款给卖家的时间。', 'When this trade\'s money was paid to the seller.', 'date', 'openapi'],
  ['gmt_payment', '交易支付时间', 'Paid at', '交易支付时间。', 'When the trade was paid.', 'date', 'openapi'],
  ['store_id', '商户门店编号', 'Store id', '商户门店编号，指商户创建门店时输入的门店编号。', 'The merchant\'s store number, as entered when the store was created.', 'string', 'openapi request', 32],
  ['terminal_id', '商户机具终端编号', 'Terminal id', '商户机具终端编号。', 'The merchant\'s terminal (device) number.', 'string', 'openapi request', 32],
  ['store_name', '门店名称', 'Store name', '发生支付交易的商户门店名称。', 'Name of the merchant\'s store where the payment happened.', 'string', 'openapi', 512],
  ['operator_id', '商户操作员编号', 'Operator id', '商户操作员编号，由商家自定义。', 'The merchant\'s operator id, chosen by the merchant.', 'string', 'request', 28],
  ['fund_bill_list', '交易支付使用的资金渠道', 'Funding channels', '交易支付使用的资金渠道；只有签约中指定返回资金明细，或 query_options 中指定时才返回。', 'Funding channels the payment used; returned only when the contract asks for fund details or query_options names it.', 'list', 'openapi'],
  ['fund_channel', '资金渠道', 'Fund channel', '交易使用的资金渠道（见支付渠道列表），如 ALIPAYACCOUNT、PCREDIT、BANKCARD。', 'Funding channel the trade used (see the channel list), e.g. ALIPAYACCOUNT, PCREDIT, BANKCARD.', 'string', 'openapi'],
  ['amount', '渠道金额', 'Channel amount', '该支付工具类型所使用的金额。', 'Amount paid with this kind of payment instrument.', 'amount', 'openapi'],
  ['real_amount', '渠道实际付款金额', 'Channel real amount', '渠道实际付款金额。', 'Amount actually paid through the channel.', 'amount', 'openapi'],
  ['voucher_detail_list', '优惠券信息', 'Voucher details', '本交易支付时使用的所有优惠券信息；只有在 query_options 中指定时才返回。', 'All vouchers used by this payment; returned only when query_options names it.', 'list', 'openapi'],
  ['buyer_user_type', '买家用户类型', 'Buyer user type', '买家用户类型：CORPORATE 企业用户，PRIVATE 个人用户。', 'Buyer user type: CORPORATE (business) or PRIVATE (individual).', 'enum', 'openapi'],
  ['trans_currency', '标价币种', 'Price currency', '标价币种，total_amount 对应的币种单位，如 CNY、USD、HKD。', 'Currency of total_amount (the price), e.g. CNY, USD, HKD.', 'string', 'openapi request'],
  ['settle_currency', '结算币种', 'Settlement currency', '商户指定的结算币种，如 CNY、USD、HKD。', 'Settlement currency chosen by the merchant, e.g. CNY, USD, HKD.', 'string', 'openapi request'],
  ['pay_currency', '支付币种', 'Payment currency', '订单支付币种。', 'Currency the order was paid in.', 'string', 'openapi'],
  // Request biz_content of the payment methods.
  ['subject', '订单标题', 'Order title', '订单标题，不可使用特殊字符，如 /、=、& 等。', 'Order title; no special characters such as /, = or &.', 'string', 'openapi request', 256],
  ['body', '订单附加信息', 'Order description', '订单附加信息；传入后将在异步通知、对账单中原样返回，并作为交易描述展示。', 'Extra order information; returned unchanged in notifications and bills, and shown as the trade description.', 'string', 'openapi request', 128],
  ['product_code', '销售产品码', 'Product code', '产品码，商家和支付宝签约的产品码：FAST_INSTANT_TRADE_PAY（电脑网站）、QUICK_WAP_WAY（手机网站）、QUICK_MSECURITY_PAY（App）、FACE_TO_FACE_PAYMENT（当面付）。', 'The product the merchant signed with Alipay: FAST_INSTANT_TRADE_PAY (PC site), QUICK_WAP_WAY (mobile site), QUICK_MSECURITY_PAY (app), FACE_TO_FACE_PAYMENT (in person).', 'enum', 'request', 64],
  ['timeout_express', '相对超时时间', 'Relative timeout', '订单相对超时时间（建议用 time_expire）：最晚付款时间，逾期关闭交易，取值 1m～15d（m 分钟、h 小时、d 天、1c 当天），不接受小数。', 'Relative order timeout (time_expire is preferred): the latest payment time, after which the trade closes; 1m to 15d (m minutes, h hours, d days, 1c today), no decimals.', 'string', 'request', 6],
  ['time_expire', '绝对超时时间', 'Absolute expiry', '订单绝对超时时间，格式 yyyy-MM-dd HH:mm:ss；与 timeout_express 都传时优先使用 time_expire。', 'Absolute order expiry (yyyy-MM-dd HH:mm:ss); wins over timeout_express when both are given.', 'date', 'request', 32],
  ['qr_pay_mode', 'PC扫码支付方式', 'PC QR mode', 'PC 扫码支付的方式：前置模式 0（简约前置）、1（前置）、3（迷你前置）、4（可定义宽度的嵌入式二维码），跳转模式 2。', 'How the PC page offers the QR code: embedded modes 0 (simple), 1 (standard), 3 (mini), 4 (custom width); redirect mode 2.', 'string', 'request', 2],
  ['qrcode_width', '二维码宽度', 'QR code width', '商户自定义二维码宽度，qr_pay_mode=4 时有效。', 'Merchant-chosen QR code width; only with qr_pay_mode=4.', 'number', 'request', 4],
  ['quit_url', '用户付款中途退出返回地址', 'Quit URL', '用户付款中途退出返回商户网站的地址。', 'The merchant page the buyer returns to when quitting the payment midway.', 'url', 'request', 400],
  ['passback_params', '公用回传参数', 'Pass-back parameters', '公用回传参数：请求时传入则在异步通知中原样返回，须先 UrlEncode。', 'Pass-back parameters: returned unchanged in the notification; URL-encode them first.', 'string', 'openapi request', 512],
  ['goods_detail', '订单包含的商品列表', 'Goods details', '订单包含的商品列表信息，json 格式（goods_id、goods_name、quantity、price 等）。', 'Goods in the order, as JSON (goods_id, goods_name, quantity, price…).', 'list', 'request'],
  ['extend_params', '业务扩展参数', 'Extension parameters', '业务扩展参数（如 sys_service_provider_id、hb_fq_num）。', 'Business extension parameters (e.g. sys_service_provider_id, hb_fq_num).', 'string', 'request'],
  ['merchant_order_no', '商户原始订单号', 'Merchant original order number', '商户原始订单号，最大长度 32 位。', 'The merchant\'s original order number, at most 32 characters.', 'string', 'openapi request', 32],
  ['enable_pay_channels', '指定支付渠道', 'Enabled channels', '指定支付渠道：用户只能使用指定的渠道支付，多个渠道以逗号分隔，与 disable_pay_channels 互斥。', 'The only payment channels the buyer may use, comma-separated; excludes disable_pay_channels.', 'string', 'request', 128],
  ['disable_pay_channels', '禁用渠道', 'Disabled channels', '禁用渠道：用户不可用指定渠道支付，多个渠道以逗号分隔，与 enable_pay_channels 互斥。', 'Payment channels the buyer may not use, comma-separated; excludes enable_pay_channels.', 'string', 'request', 128],
  ['scene', '支付场景', 'Payment scene', '支付场景：bar_code 当面付条码支付，security_code 当面付刷脸支付；默认 bar_code。', 'Payment scene: bar_code (payment-code scan) or security_code (face payment); bar_code by default.', 'enum', 'request', 32],
  ['auth_code', '支付授权码', 'Payment auth code', '支付授权码：买家的付款码（25~30 开头、16~24 位数字）或刷脸标识串（fp 开头）。', 'Payment auth code: the buyer\'s payment code (16 to 24 digits starting 25 to 30) or a face-payment token (starting fp).', 'string', 'request', 64],
  ['qr_code', '二维码码串', 'QR code string', '当前预下单请求生成的二维码码串，有效时间 2 小时，可据此生成二维码。', 'The QR code string this pre-create made, valid for 2 hours; render it as a QR code.', 'url', 'openapi', 1024],
  // Query options.
  ['query_options', '查询选项', 'Query options', '查询选项：定制同步响应额外返回的信息字段，数组格式，如 fund_bill_list、refund_detail_item_list。', 'Extra fields the answer should carry, as an array, e.g. fund_bill_list or refund_detail_item_list.', 'list', 'request'],
  // Refund.
  ['refund_amount', '退款金额', 'Refund amount', '需要退款的金额，不能大于订单金额，单位为元，支持两位小数；退款查询中为本次退款请求对应的退款金额。', 'Amount to refund, at most the order amount, in yuan, two decimals; in a refund query, the amount of that refund request.', 'amount', 'openapi request'],
  ['refund_reason', '退款原因', 'Refund reason', '退款原因说明，商家自定义，会在退款账单详情中展示。', 'Reason for the refund, chosen by the merchant, shown in the refund bill details.', 'string', 'openapi request', 256],
  ['out_request_no', '退款请求号', 'Refund request number', '退款请求号：标识一次退款请求，在交易号下唯一，部分退款必传；重试时不能变更。', 'Identifies one refund request: unique per trade, required for partial refunds, unchanged when retrying.', 'string', 'openapi request', 64],
  ['refund_fee', '退款总金额', 'Total refunded', '退款总金额，指该笔交易累计已经退款成功的金额，单位为元。', 'Total successfully refunded on this trade so far, in yuan.', 'amount', 'openapi'],
  ['gmt_refund_pay', '退款时间', 'Refunded at', '退款支付时间。', 'When the refund was paid.', 'date', 'openapi'],
  ['fund_change', '本次退款是否发生了资金变化', 'Funds changed', '本次退款是否发生了资金变化：Y 为退款成功；N 或未返回时须调用退款查询确认。', 'Whether this refund moved funds: Y means the refund succeeded; N or absent means confirm with a refund query.', 'enum', 'openapi', 1],
  ['refund_detail_item_list', '退款使用的资金渠道', 'Refund funding channels', '退款使用的资金渠道；在签约中指定或 query_options 中指定时才返回。', 'Funding channels the refund went back through; returned when the contract or query_options asks for it.', 'list', 'openapi'],
  ['refund_currency', '退款币种', 'Refund currency', '订单退款币种信息。', 'Currency of the refund.', 'string', 'openapi request'],
  ['present_refund_buyer_amount', '本次退款金额中买家退款金额', 'Refunded to buyer', '本次退款金额中买家退款金额，单位为元，默认不返回。', 'Part of this refund returned to the buyer, in yuan; not returned by default.', 'amount', 'openapi'],
  ['present_refund_discount_amount', '本次退款金额中平台优惠退款金额', 'Platform discount refunded', '本次退款金额中平台优惠退款金额，单位为元，默认不返回。', 'Part of this refund that was a platform discount, in yuan; not returned by default.', 'amount', 'openapi'],
  ['present_refund_mdiscount_amount', '本次退款金额中商家优惠退款金额', 'Merchant discount refunded', '本次退款金额中商家优惠退款金额，单位为元，默认不返回。', 'Part of this refund that was a merchant discount, in yuan; not returned by default.', 'amount', 'openapi'],
  ['total_refund_amount', '总退款金额', 'Total refund amount', '发生退款时的订单总退款金额。', 'Total refunded on the order when this refund happened.', 'amount', 'openapi'],
  ['refund_status', '退款状态', 'Refund status', '退款状态：REFUND_SUCCESS 退款处理成功；未返回表示退款请求未收到或退款失败（建议退款后间隔 10 秒以上再查询）。', 'Refund status: REFUND_SUCCESS means the refund succeeded; absent means the request was not received or failed (query 10 s or more after refunding).', 'enum', 'openapi'],
  // Close / cancel.
  ['retry_flag', '是否需要重试', 'Retry needed', '是否需要重试：Y 需要，N 不需要。', 'Whether to retry: Y yes, N no.', 'enum', 'openapi', 1],
  ['action', '本次撤销触发的交易动作', 'Cancel action', '本次撤销触发的交易动作：close 交易未支付，触发关闭交易，无退款；refund 交易已支付，触发退款；未返回表示未查询到交易或调用失败。', 'What the cancel did: close (unpaid, the trade was closed, no refund) or refund (paid, a refund was made); absent when no trade was found or the call failed.', 'enum', 'openapi', 10],
  ['gmt_refund_pay_time', '退款时间', 'Refunded at', '撤销触发退款时的退款时间。', 'Refund time when the cancel triggered a refund.', 'date', 'openapi'],
  // Bill download.
  ['bill_type', '账单类型', 'Bill type', '账单类型：trade 商户基于支付宝交易收单的业务账单，signcustomer 基于商户支付宝余额收入及支出等资金变动的账务账单。', 'Bill type: trade (business bill of Alipay trades) or signcustomer (ledger of the merchant\'s balance movements).', 'enum', 'request', 20],
  ['bill_date', '账单时间', 'Bill date', '账单时间：日账单 yyyy-MM-dd（不支持当日，一般次日 9 点前生成），月账单 yyyy-MM（不支持当月，一般次月 3 日生成）。', 'Bill date: yyyy-MM-dd for a day (not today; usually ready by 09:00 the next day), yyyy-MM for a month (not the current one; usually ready on the 3rd).', 'string', 'request', 15],
  ['bill_download_url', '账单下载地址', 'Bill download URL', '账单下载地址链接，获取后 30 秒内未下载则失效。', 'Where to download the bill; the link expires if not used within 30 seconds.', 'url', 'openapi', 2048],
];

/** The other fields of the 12 methods' SDK classes: rarer, but real answers and requests carry them. */
OPENAPI_FIELD_ROWS.push(
  // Request extras of the payment methods.
  ['agreement_sign_params', '签约参数', 'Agreement signing parameters', '签约参数：支付并签约（如周期扣款 CYCLE_PAY_AUTH）时传入的签约信息。', 'Signing parameters for pay-and-sign (e.g. periodic deduction, CYCLE_PAY_AUTH).', 'string', 'request'],
  ['business_params', '商户业务信息', 'Business parameters', '商户传入业务信息，具体值要和支付宝约定，应用于安全、营销等参数直传场景，json 格式。', 'Business information passed through to Alipay (security, marketing…), values agreed with Alipay, as JSON.', 'string', 'openapi request', 512],
  ['ext_user_info', '外部指定买家', 'Designated buyer', '外部指定买家（买家身份信息）。', 'A buyer designated by the merchant (identity details).', 'string', 'request'],
  ['goods_type', '商品主类型', 'Goods type', '商品主类型：0 虚拟类商品，1 实物类商品（虚拟类商品不支持花呗渠道）。', 'Main goods type: 0 virtual, 1 physical (virtual goods cannot use Huabei).', 'string', 'request', 2],
  ['integration_type', '页面集成方式', 'Integration type', '请求后页面的集成方式：ALIAPP 支付宝钱包内，PCWEB PC 端访问（默认）。', 'How the page is integrated: ALIAPP (inside the Alipay app) or PCWEB (PC browser, the default).', 'string', 'request', 16],
  ['invoice_info', '开票信息', 'Invoice information', '开票信息。', 'Invoice information.', 'string', 'request'],
  ['promo_params', '优惠参数', 'Promotion parameters', '优惠参数（仅与支付宝协商后可用）；付款码支付中为优惠明细参数。', 'Promotion parameters (only as agreed with Alipay); in payment-code payments, the promotion details.', 'string', 'request', 512],
  ['request_from_url', '请求来源地址', 'Request source URL', '请求来源地址；ALIAPP 集成方式下用户中途取消支付会返回该地址。', 'Where the request came from; with ALIAPP integration, a buyer who cancels midway returns there.', 'url', 'request', 256],
  ['royalty_info', '分账信息', 'Royalty (split) information', '描述分账信息，json 格式。', 'How the payment is split between receivers, as JSON.', 'string', 'request'],
  ['settle_info', '结算信息', 'Settlement information', '描述结算信息，json 格式；直付通模式下必传。', 'Settlement information as JSON; required in the direct-payment (zhifutong) mode.', 'string', 'request'],
  ['sub_merchant', '二级商户信息', 'Sub-merchant', '二级商户信息；直付通模式和机构间连模式下必传，其它场景下不需要传入。', 'The sub-merchant; required in direct-payment and institution-connected modes only.', 'string', 'request'],
  ['auth_token', '用户授权令牌', 'User auth token', '针对用户授权接口，获取用户相关数据时，用于标识用户授权关系。', 'Identifies the user\'s authorisation when user data is fetched through the user-authorisation API.', 'string', 'request', 40],
  ['specified_channel', '指定单通道', 'Single channel', '指定单通道，目前仅支持 pcredit；不可与花呗分期参数同时传入。', 'The one channel to use, currently only pcredit; not together with Huabei instalment parameters.', 'string', 'request', 128],
  ['alipay_store_id', '支付宝店铺编号', 'Alipay store id', '支付宝店铺编号，指商户创建门店后支付宝生成的门店 ID。', 'Alipay\'s store number, generated when the merchant created the store.', 'string', 'openapi request', 32],
  ['bkagent_req_info', '间联机构上送信息', 'Acquirer request info', '间联交易下，由收单机构上送的信息。', 'Information sent by the acquiring institution in indirect (bank-connected) trades.', 'string', 'request'],
  ['code_type', '码类型', 'Code type', '码类型：传入 share_code 时响应返回吱口令；为空默认为订单码。', 'Code type: with share_code the answer carries a share code; an order QR code by default.', 'string', 'request', 32],
  ['payment_type', '指定支付方式', 'Payment type', '指定支付方式，如 agent_pay（智能体 SDK 支付方式）。', 'The payment method to use, e.g. agent_pay (agent SDK payment).', 'string', 'request', 32],
  ['qr_code_timeout_express', '二维码订单相对超时时间', 'QR order timeout', '二维码订单相对超时时间，从生成二维码开始计时，取值 1m～15d（二维码最长有效期 2 小时）。', 'Relative timeout of a QR order, from when the code is made: 1m to 15d (a QR code lives at most 2 hours).', 'string', 'request', 6],
  ['advance_payment_type', '支付模式类型', 'Advance payment type', '支付模式类型；ENJOY_PAY_V2 表示当前交易允许走先享后付 2.0 垫资。', 'Payment mode; ENJOY_PAY_V2 allows the pay-later 2.0 advance for this trade.', 'string', 'request', 32],
  ['agreement_params', '代扣信息', 'Deduction agreement', '代扣信息：代扣业务需传入的协议相关信息，传入后 scene 和 auth_code 不需要再传。', 'Deduction agreement details; with them, scene and auth_code are not needed.', 'string', 'request'],
  ['auth_confirm_mode', '预授权确认模式', 'Pre-auth confirm mode', '预授权确认模式：COMPLETE 转交易完成后解冻剩余冻结金额，NOT_COMPLETE 不解冻（默认）。', 'Pre-authorisation confirm mode: COMPLETE unfreezes the rest after the payment, NOT_COMPLETE (default) does not.', 'string', 'request', 32],
  ['auth_no', '资金预授权单号', 'Pre-auth number', '资金预授权单号，支付宝预授权和新当面资金授权场景下必填。', 'Fund pre-authorisation number; required for Alipay pre-authorisation payments.', 'string', 'request', 64],
  ['is_async_pay', '是否异步支付', 'Asynchronous payment', '是否异步支付：传入 true 时先受理支付请求再异步推进，结果看异步通知或轮询；只在代扣场景下有效。', 'Asynchronous payment: true accepts the request and completes it later (watch the notification or poll); deduction only.', 'string', 'request', 5],
  ['pay_params', '支付相关参数', 'Payment parameters', '支付相关参数。', 'Payment-related parameters.', 'string', 'request'],
  ['request_org_pid', '收单机构 pid', 'Acquirer pid', '收单机构（如银行）在支付宝的 pid，只在机构间联场景下传递。', 'The acquiring institution\'s (e.g. a bank\'s) pid at Alipay; institution-connected mode only.', 'partnerId', 'request', 16],
  ['terminal_params', 'IOT 设备信息', 'IoT device information', 'IOT 设备信息：通过集成 IOTSDK 的机具发起交易时传入 IOTSDK 生成的业务签名值。', 'IoT device information: the business signature the IoT SDK produced, for trades started from such devices.', 'string', 'request', 2048],
  ['logistics_detail', '物流信息', 'Logistics details', '物流信息。', 'Logistics details.', 'string', 'request'],
  ['op_app_id', '经营主体小程序 appid', 'Operating mini-program app id', '小程序支付中，商户实际经营主体的小程序应用的 appid。', 'In mini-program payments, the app id of the mini program actually run by the merchant.', 'string', 'request', 32],
  ['op_buyer_open_id', '经营主体关联的买家 open_id', 'Buyer open_id (operating app)', '买家支付宝用户唯一标识（商户实际经营主体的小程序应用关联的买家 open_id）。', 'The buyer\'s unique id as seen by the merchant\'s operating mini program (open_id).', 'string', 'request', 128],
  ['receiver_address_info', '收货人及地址信息', 'Receiver and address', '收货人及地址信息。', 'The receiver and delivery address.', 'string', 'request'],
  ['org_pid', '收单机构 pid（间联）', 'Acquirer pid (indirect)', '银行间联模式下有用，其它场景请不要使用；指定交易所属收单机构的 pid。', 'Bank-connected mode only: the pid of the acquirer the trade belongs to; do not use otherwise.', 'partnerId', 'request', 16],
  ['refund_advance_account', '垫资退款账号', 'Advance refund account', '指定垫资退款账号主体，可能是用户 id 或登录名。', 'The account that advances the refund: a user id or a login name.', 'string', 'request', 64],
  ['refund_advance_account_type', '垫资退款账号类型', 'Advance refund account type', '指定垫资退款账号的类型：default、userId、loginName。', 'Type of the advance refund account: default, userId or loginName.', 'string', 'request', 16],
  ['refund_goods_detail', '退款商品列表', 'Refunded goods', '退款包含的商品列表信息。', 'Goods this refund covers.', 'list', 'request'],
  ['refund_royalty_parameters', '退分账明细', 'Royalty refund details', '退分账明细信息：当面付非直付通模式无需传入，系统按退款比例自动退分账。', 'How the split is refunded; not needed for face-to-face outside direct-payment mode (refunded pro rata).', 'list', 'request'],
  ['refund_trans_out', '指定退款账号', 'Refund-from account', '指定退款账号（与 refund_trans_out_type 绑定使用：userId 时传 2088 账号，loginName 时传登录名）。', 'The account to refund from (with refund_trans_out_type: a 2088 id for userId, a login name for loginName).', 'string', 'request', 64],
  ['refund_trans_out_type', '指定退款账号类型', 'Refund-from account type', '指定退款账号类型：userId 支付宝账号 id，loginName 支付宝账号登录名。', 'Type of the refund-from account: userId or loginName.', 'string', 'request', 16],
  ['related_settle_confirm_no', '确认结算单号', 'Settlement confirmation number', '针对账期交易，在确认结算后退款时需指定确认结算时的结算单号。', 'For deferred-settlement trades refunded after settlement was confirmed: the confirmation\'s settlement number.', 'string', 'request', 64],
  ['smid', '二级商户 smid', 'Sub-merchant smid', '二级商户 smid，只在 bill_type 为 trade_zft_merchant 时使用。', 'Sub-merchant smid; only with bill_type trade_zft_merchant.', 'string', 'request', 20],
  // Response extras.
  ['credit_agreement_id', '授信协议号', 'Credit agreement id', '授信协议号，信用支付场景才有值（先用后付中为用户的芝麻授信协议号）。', 'Credit agreement number; only in credit payments (the buyer\'s Zhima credit agreement in pay-later).', 'string', 'openapi', 64],
  ['credit_biz_order_id', '信用业务单号', 'Credit business order id', '信用业务单号，信用支付场景才有值（先用后付中为芝麻订单号）。', 'Credit business order number; only in credit payments (the Zhima order in pay-later).', 'string', 'openapi', 64],
  ['credit_pay_mode', '信用支付模式', 'Credit payment mode', '信用支付模式：如 creditAdvanceV2 表示芝麻先用后付，用户后续需履约扣款；未识别的值请按失败处理。', 'Credit payment mode, e.g. creditAdvanceV2 (Zhima pay-later: the buyer pays later); treat unknown values as failures.', 'string', 'openapi', 64],
  ['prepay_id', '预下单ID', 'Pre-pay id', '预下单 ID，后续通过该 ID 唤起收银台支付。', 'Pre-create id; opens the cashier for payment later.', 'string', 'openapi', 64],
  ['share_code', '吱口令码串', 'Share code', '当前预下单请求生成的吱口令码串，有效时间 2 小时。', 'The share code this pre-create made, valid for 2 hours.', 'string', 'openapi', 128],
  ['advance_amount', '先享后付垫资金额', 'Advanced amount', '先享后付 2.0 垫资金额；不返回表示没有走垫资。', 'Amount advanced by pay-later 2.0; absent when nothing was advanced.', 'amount', 'openapi'],
  ['async_pay_apply_status', '异步支付受理状态', 'Async payment status', '异步支付受理状态：S 受理成功（支付宝会在一定期限内推进支付）；其它表示受理结果未知，可查询。', 'Acceptance of an asynchronous payment: S accepted (Alipay completes it within a period); anything else is unknown, query it.', 'string', 'openapi', 8],
  ['async_payment_mode', '异步支付模式', 'Async payment mode', '异步支付模式：ASYNC_DELAY_PAY、ASYNC_REALTIME_PAY、SYNC_DIRECT_PAY、NORMAL_ASYNC_PAY、QUOTA_OCCUPYIED_ASYNC_PAY。', 'Asynchronous payment mode: ASYNC_DELAY_PAY, ASYNC_REALTIME_PAY, SYNC_DIRECT_PAY, NORMAL_ASYNC_PAY or QUOTA_OCCUPYIED_ASYNC_PAY.', 'string', 'openapi', 32],
  ['auth_trade_pay_mode', '预授权支付模式', 'Pre-auth payment mode', '预授权支付模式，仅在信用预授权支付场景下返回（CREDIT_PREAUTH_PAY）。', 'Pre-authorisation payment mode, only in credit pre-auth payments (CREDIT_PREAUTH_PAY).', 'string', 'openapi', 32],
  ['bkagent_resp_info', '返回给机构的信息', 'Acquirer response info', '间联交易下，返回给机构的信息。', 'Information returned to the institution in indirect trades.', 'string', 'openapi'],
  ['buyer_user_name', '买家名称', 'Buyer name', '买家名称：个人用户为姓名，企业用户为企业名称；默认不返回，需与支付宝约定。', 'Buyer name: a person\'s name or a company\'s; returned only as agreed with Alipay.', 'string', 'openapi', 128],
  ['can_turn_to_app_pay', '是否可转 App 支付', 'Can switch to app payment', '是否可以转为 App 支付，仅当商户代扣失败场景才返回。', 'Whether the payment can switch to app payment; only when a deduction failed.', 'string', 'openapi', 8],
  ['card_balance', '支付宝卡余额', 'Alipay card balance', '支付宝卡余额。', 'Balance of the Alipay card.', 'amount', 'openapi'],
  ['charge_amount', '收费金额', 'Charge amount', '该笔交易针对收款方的收费金额，单位为元；只在机构间联模式下返回。', 'Fee charged to the receiver for this trade, in yuan; institution-connected mode only.', 'amount', 'openapi'],
  ['charge_flags', '费率活动标识', 'Fee-rate flags', '费率活动标识：交易享受特殊行业或活动费率时返回该场景的标识（如 trade_special_00 订单优惠费率）。', 'Fee-rate flag when the trade gets a special industry or promotion rate (e.g. trade_special_00).', 'string', 'openapi', 64],
  ['charge_info_list', '计费信息列表', 'Charge details', '计费信息列表。', 'Fee details.', 'list', 'openapi'],
  ['discount_goods_detail', '单品券优惠商品信息', 'Item voucher discounts', '本次交易支付所使用的单品券优惠的商品优惠信息；只有在 query_options 中指定时才返回。', 'Per-item voucher discounts of this payment; returned only when query_options names it.', 'string', 'openapi', 5120],
  ['enterprise_pay_info', '因公付信息', 'Business payment info', '因公付支付（或退款）信息；入参 query_options 中指定时才返回。', 'Corporate (business-paid) payment or refund details; returned when query_options names it.', 'string', 'openapi'],
  ['hyb_amount', '惠营宝回票金额', 'Huiyingbao amount', '惠营宝回票金额，单位为元。', 'Huiyingbao rebate amount, in yuan.', 'amount', 'openapi'],
  ['open_id', '买家支付宝用户号（已废弃）', 'Buyer user id (deprecated)', '买家支付宝用户号，该参数已废弃，请不要使用。', 'The buyer\'s Alipay user number; deprecated, do not use.', 'string', 'openapi', 64],
  ['pre_auth_pay_amount', '待履约金额', 'Amount to fulfil', '芝麻信用先享后付时返回，代表整笔交易的原始待履约金额，单位为元。', 'With Zhima pay-later: the trade\'s original amount still to be paid, in yuan.', 'amount', 'openapi'],
  ['purchase_entity', '购汇主体', 'Currency purchase entity', '支付宝钱包跨境支付交易的购汇主体：ALIPAYHK 境外香港购汇实体，3008 境内购汇实体。', 'Who buys the foreign currency in a cross-border wallet payment: ALIPAYHK (Hong Kong) or 3008 (mainland).', 'string', 'openapi', 32],
  ['receipt_currency_type', '收款资金类型', 'Receipt funds type', '收款资金类型：收款资金为数字人民币时返回 DC，否则不返回。', 'Type of the funds received: DC when paid in digital RMB, absent otherwise.', 'string', 'openapi', 8],
  ['settle_trans_rate', '结算币种兑换标价币种汇率', 'Settlement-to-price rate', '结算币种兑换标价币种汇率。', 'Exchange rate from the settlement currency to the price currency.', 'number', 'openapi'],
  ['trans_pay_rate', '标价币种兑换支付币种汇率', 'Price-to-payment rate', '标价币种兑换支付币种汇率。', 'Exchange rate from the price currency to the payment currency.', 'number', 'openapi'],
  ['settlement_id', '支付清算编号', 'Payment settlement id', '支付清算编号，用于清算对账；只在机构间联模式下返回。', 'Clearing number of the payment, for reconciliation; institution-connected mode only.', 'string', 'openapi', 64],
  ['tap_pay_info', '碰一下支付信息', 'Tap-to-pay info', '碰一下支付信息。', 'Tap-to-pay details.', 'string', 'openapi'],
  ['additional_status', '交易附加状态', 'Additional status', '交易附加状态：SELLER_NOT_RECEIVED（买家已付款，卖家未收款）。', 'Additional trade status: SELLER_NOT_RECEIVED (the buyer paid, the seller has not received it).', 'string', 'openapi', 32],
  ['alipay_sub_merchant_id', '间连商户编号', 'Indirect merchant id', '间连商户在支付宝端的商户编号，只在银行间联交易场景下返回。', 'The indirect merchant\'s number at Alipay; bank-connected trades only.', 'string', 'openapi', 64],
  ['biz_settle_mode', '账期结算标识', 'Deferred settlement mode', '账期结算标识：已完成支付的订单会进行账期管控，不会实时结算（小程序交易组件场景）。', 'Deferred settlement: the paid order is settled on a schedule, not at once (mini-program trade component).', 'string', 'openapi', 32],
  ['cashier_type', '收银台类型', 'Cashier type', '用户支付的收银台类型：APP 支付宝 App 收银台，WAP H5 收银台；query_options 指定 cashier_type 才返回。', 'Which cashier the buyer paid in: APP (Alipay app) or WAP (H5); returned when query_options names cashier_type.', 'string', 'openapi', 8],
  ['ext_infos', '交易额外信息', 'Extra trade information', '交易额外信息，特殊场景下与支付宝约定返回，json 格式。', 'Extra trade information, returned in special cases as agreed with Alipay, as JSON.', 'string', 'openapi', 1024],
  ['external_payer_info', '外部付款人信息', 'External payer', '外部付款人信息：用户付款使用的外部账户信息要素。', 'The external account the buyer paid with.', 'string', 'openapi'],
  ['fulfillment_detail_list', '履约详情列表', 'Fulfilment details', '履约详情列表；query_options 指定且交易存在履约明细时才返回。', 'Fulfilment details; returned when query_options names it and the trade has them.', 'list', 'openapi'],
  ['hb_fq_pay_info', '花呗分期信息', 'Huabei instalment info', '花呗分期信息：用户使用花呗分期且商家与支付宝约定后返回，json 格式。', 'Huabei instalment details, when the buyer paid in instalments and the merchant agreed it with Alipay, as JSON.', 'string', 'openapi'],
  ['industry_sepc_detail', '行业特殊信息', 'Industry details', '行业特殊信息（如医保卡支付中向用户返回的医疗信息）。', 'Industry-specific information (e.g. medical details in medical-insurance card payments).', 'string', 'openapi', 4096],
  ['industry_sepc_detail_acc', '行业特殊信息-个账', 'Industry details (personal account)', '行业特殊信息：个账相关。', 'Industry-specific information: personal account part.', 'string', 'openapi', 4096],
  ['industry_sepc_detail_gov', '行业特殊信息-统筹', 'Industry details (pooled fund)', '行业特殊信息：统筹相关。', 'Industry-specific information: pooled fund part.', 'string', 'openapi', 4096],
  ['intact_charge_info_list', '完整的收费信息', 'Full charge details', '完整的收费信息。', 'Complete fee details.', 'list', 'openapi'],
  ['medical_insurance_info', '医保信息', 'Medical insurance info', '医保信息（medicareCardType 医保卡类型等）；query_options 中指定时才返回。', 'Medical insurance details (medicareCardType…); returned when query_options names it.', 'string', 'openapi', 1024],
  ['payment_info_with_id_list', '带支付 id 的信息', 'Payment info with ids', '带支付宝支付 id 的信息，暂不对外开放。', 'Payment information with Alipay payment ids; not open yet.', 'list', 'openapi'],
  ['period_scene', '账期交易场景', 'Deferred trade scene', '描述当前账期交易的场景。', 'The scene of this deferred-settlement trade.', 'string', 'openapi', 64],
  ['req_goods_detail', '支付请求的商品明细', 'Goods of the payment request', '支付请求的商品明细列表。', 'Goods listed by the payment request.', 'list', 'openapi'],
  ['trade_settle_info', '交易结算信息', 'Trade settlement info', '返回的交易结算信息，包含分账、补差等信息；只有在 query_options 中指定时才返回。', 'Settlement details (splits, adjustments…); returned only when query_options names it.', 'string', 'openapi'],
  ['unpaid_reason', '未支付原因', 'Unpaid reason', '有限条件下返回当前订单未支付原因。', 'Why the order is unpaid, returned in limited cases.', 'string', 'openapi', 256],
  ['has_deposit_back', '是否有银行卡冲退', 'Bank card reversal', '是否有银行卡冲退，仅当 query_options 中传入 deposit_back_info 时返回。', 'Whether the refund was reversed to a bank card; only when query_options names deposit_back_info.', 'string', 'openapi', 8],
  ['pre_auth_cancel_fee', '撤销的预授权金额', 'Cancelled pre-auth amount', '芝麻信用先享后付且为预授权撤销时返回，代表当前撤销的预授权金额，单位为元。', 'With Zhima pay-later and a pre-auth cancel: the pre-authorised amount cancelled, in yuan.', 'amount', 'openapi'],
  ['refund_charge_amount', '退收费金额', 'Fee refunded', '本次退款针对收款方的退收费金额，单位为元；只在机构间联模式下返回。', 'Fee refunded to the receiver by this refund, in yuan; institution-connected mode only.', 'amount', 'openapi'],
  ['refund_charge_info_list', '退费信息', 'Fee refund details', '退费信息。', 'Fee refund details.', 'list', 'openapi'],
  ['refund_hyb_amount', '退惠营宝金额', 'Huiyingbao refunded', '本次退款金额中退惠营宝的金额，单位为元。', 'Huiyingbao part of this refund, in yuan.', 'amount', 'openapi'],
  ['refund_preset_paytool_list', '退回的前置资产', 'Preset pay tools refunded', '退回的前置资产列表。', 'Preset payment instruments given back.', 'list', 'openapi'],
  ['refund_voucher_detail_list', '退款优惠券信息', 'Refund voucher details', '本交易支付时使用的所有优惠券信息；只有在 query_options 中指定 refund_voucher_detail_list 时才返回。', 'Vouchers of the payment, for the refund; returned only when query_options names refund_voucher_detail_list.', 'list', 'openapi'],
  ['deposit_back_info', '银行卡冲退信息', 'Bank card reversal info', '银行卡冲退信息；需在 query_options 中指定 deposit_back_info 才返回。', 'Bank card reversal details; returned when query_options names deposit_back_info.', 'string', 'openapi'],
  ['deposit_back_info_list', '银行卡冲退信息列表', 'Bank card reversals', '银行卡冲退信息列表；需在 query_options 中指定 deposit_back_info_list 才返回。', 'Bank card reversal details; returned when query_options names deposit_back_info_list.', 'list', 'openapi'],
  ['refund_channel_list', '退款渠道信息', 'Refund channels', '支付渠道包含医保统筹、个账时显示退款的渠道信息（如 OUTSIDEGOVCARD、OUTSIDEACCCARD）。', 'Refund channels when medical-insurance funds paid (e.g. OUTSIDEGOVCARD, OUTSIDEACCCARD).', 'string', 'openapi'],
  ['refund_channel_status', '退款渠道状态', 'Refund channel status', '支付渠道包含医保统筹、个账时：全渠道退款成功 SUCCESS，全失败 FAIL，部分成功 PART_SUCCESS。', 'With medical-insurance channels: SUCCESS (all refunded), FAIL (none) or PART_SUCCESS (some).', 'string', 'openapi', 16],
  ['refund_royaltys', '退分账明细', 'Royalty refund results', '退分账明细信息，当前仅在直付通产品中返回。', 'How the split was refunded; only in the direct-payment product.', 'list', 'openapi'],
  ['error_code', '错误码', 'Error code', '错误码；退款查询中为退款失败错误码，只在使用异步退款接口情况下才会返回。', 'An error code; in a refund query, why the refund failed (only with the asynchronous refund API).', 'string', 'openapi', 64],
  ['bill_file_code', '账单文件状态', 'Bill file status', '本次申请的账单文件状态，如 EMPTY_DATA_WITH_BILL_FILE（当天无账单业务数据但可获取空数据账单文件）。', 'Status of the bill file, e.g. EMPTY_DATA_WITH_BILL_FILE (no business that day, an empty bill file is available).', 'string', 'openapi', 64],
);

/** Rows no source above states (every listed field of the 12 methods is in the SDK; these two are not listed by any). */
const INFERRED_FIELDS = new Set(['total_refund_amount', 'gmt_refund_pay_time']);

/** Where a field row's meaning comes from. */
export function openApiFieldSource(name: string): CatalogSource {
  return INFERRED_FIELDS.has(name) ? INFERRED : SDK;
}

const v = (value: string, zh: string, en: string, source: CatalogSource = SDK): EnumValue => ({ value, meaning: { en, zh }, source });

/** Enumerations of the fields above (trade_status and refund_status reuse the existing ones). */
export const OPENAPI_ENUMS: EnumDef[] = [
  // Y/N as the refund reference states it (docs: "fund_change=Y 为退款成功，N 或无此字段时需通过退款查询确认").
  { name: 'fund_change', title: T('Funds changed', '本次退款是否发生了资金变化'), fields: ['fund_change'], needsField: true,
    values: [v('Y', '发生了资金变化：退款成功', 'Funds moved: the refund succeeded', DOCS),
      v('N', '本次请求未发生资金变化（如重复的退款请求）：请通过退款查询确认', 'No funds moved by this request (e.g. a repeated refund request): confirm with a refund query', DOCS)] },
  // The SDK names the field only ("是否需要重试"); the Y/N reading is ours.
  { name: 'retry_flag', title: T('Retry needed', '是否需要重试'), fields: ['retry_flag'], needsField: true,
    values: [v('Y', '需要使用相同的 out_trade_no 重试撤销', 'Retry the cancel with the same out_trade_no', INFERRED), v('N', '无需重试', 'Do not retry', INFERRED)] },
  { name: 'cancel_action', title: T('Cancel action', '撤销触发的交易动作'), fields: ['action'], needsField: true,
    values: [v('close', '交易未支付，触发关闭交易动作，无退款', 'Unpaid: the trade was closed, no refund'), v('refund', '交易已支付，触发交易退款动作', 'Paid: the trade was refunded'),
      v('CLOSE', '关闭交易，无退款', 'Trade closed, no refund', INFERRED), v('REFUND', '产生了退款', 'A refund was made', INFERRED)] },
  { name: 'product_code', title: T('Product code', '销售产品码'), fields: ['product_code'],
    values: [
      v('FAST_INSTANT_TRADE_PAY', '新快捷即时到账产品（电脑网站支付）', 'PC website payment (instant-to-account product)'),
      v('QUICK_WAP_WAY', '手机网站支付产品', 'Mobile website payment'),
      v('QUICK_MSECURITY_PAY', '无线快捷支付产品（App 支付）', 'App payment (mobile quick pay)'),
      v('FACE_TO_FACE_PAYMENT', '当面付产品', 'Face-to-face payment'),
    ] },
  { name: 'pay_scene', title: T('Payment scene', '支付场景'), fields: ['scene'], needsField: true,
    values: [v('bar_code', '当面付条码支付场景', 'Face-to-face: bar code (payment code) scan'), v('security_code', '当面付刷脸支付场景', 'Face-to-face: face payment'),
      v('wave_code', '声波支付（旧版文档中的取值）', 'Sound-wave payment (a value of older documentation)', INFERRED)] },
  { name: 'bill_type', title: T('Bill type', '账单类型'), fields: ['bill_type'], needsField: true,
    values: [v('trade', '商户基于支付宝交易收单的业务账单', 'Business bill of the merchant\'s Alipay trades', DOCS), v('signcustomer', '基于商户支付宝余额收入及支出等资金变动的账务账单', 'Ledger of the merchant\'s Alipay balance movements', DOCS)] },
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
const PAY_SUBS = ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.ACCESS_FORBIDDEN', 'ACQ.EXIST_FORBIDDEN_WORD', 'ACQ.TRADE_HAS_SUCCESS', 'ACQ.TRADE_HAS_CLOSE', 'ACQ.CONTEXT_INCONSISTENT', 'ACQ.TOTAL_FEE_EXCEED', 'ACQ.BUYER_SELLER_EQUAL', 'ACQ.TRADE_BUYER_NOT_MATCH', 'ACQ.PARTNER_ERROR', 'ACQ.BUYER_ENABLE_STATUS_FORBID', 'ACQ.SELLER_BEEN_BLOCKED'];

/** The rarer fields of each method's SDK classes (all of them but the SDK's own pageRedirectionData/orderStr), kept apart so the lists above stay readable. */
const MORE: Record<string, { request?: string[]; response?: string[] }> = {
  'alipay.trade.page.pay': { request: ['agreement_sign_params', 'business_params', 'ext_user_info', 'goods_type', 'integration_type', 'invoice_info', 'promo_params', 'query_options', 'request_from_url', 'royalty_info', 'settle_info', 'sub_merchant'] },
  'alipay.trade.wap.pay': { request: ['auth_token', 'business_params', 'ext_user_info', 'goods_type', 'invoice_info', 'promo_params', 'query_options', 'royalty_info', 'seller_id', 'settle_info', 'specified_channel', 'sub_merchant'] },
  'alipay.trade.app.pay': { request: ['agreement_sign_params', 'business_params', 'ext_user_info', 'goods_type', 'invoice_info', 'promo_params', 'query_options', 'royalty_info', 'seller_id', 'settle_info', 'specified_channel', 'sub_merchant'], response: ['credit_agreement_id', 'credit_biz_order_id', 'credit_pay_mode'] },
  'alipay.trade.precreate': { request: ['alipay_store_id', 'bkagent_req_info', 'business_params', 'buyer_logon_id', 'code_type', 'disable_pay_channels', 'enable_pay_channels', 'ext_user_info', 'passback_params', 'payment_type', 'qr_code_timeout_express', 'query_options', 'royalty_info', 'settle_info', 'sub_merchant'], response: ['prepay_id', 'share_code'] },
  'alipay.trade.pay': { request: ['advance_payment_type', 'agreement_params', 'alipay_store_id', 'auth_confirm_mode', 'auth_no', 'bkagent_req_info', 'business_params', 'buyer_id', 'buyer_open_id', 'disable_pay_channels', 'ext_user_info', 'is_async_pay', 'merchant_order_no', 'passback_params', 'pay_params', 'promo_params', 'request_org_pid', 'royalty_info', 'settle_info', 'sub_merchant', 'terminal_params', 'time_expire'], response: ['advance_amount', 'async_pay_apply_status', 'async_payment_mode', 'auth_trade_pay_mode', 'bkagent_resp_info', 'business_params', 'buyer_open_id', 'buyer_user_name', 'buyer_user_type', 'can_turn_to_app_pay', 'card_balance', 'charge_amount', 'charge_flags', 'charge_info_list', 'credit_biz_order_id', 'credit_pay_mode', 'discount_goods_detail', 'enterprise_pay_info', 'hyb_amount', 'open_id', 'pre_auth_pay_amount', 'purchase_entity', 'receipt_currency_type', 'settle_trans_rate', 'settlement_id', 'tap_pay_info', 'trans_pay_rate'] },
  'alipay.trade.create': { request: ['agreement_sign_params', 'alipay_store_id', 'bkagent_req_info', 'business_params', 'buyer_logon_id', 'disable_pay_channels', 'enable_pay_channels', 'ext_user_info', 'logistics_detail', 'merchant_order_no', 'op_app_id', 'op_buyer_open_id', 'passback_params', 'query_options', 'receiver_address_info', 'royalty_info', 'settle_info', 'sub_merchant'] },
  'alipay.trade.query': { request: ['org_pid'], response: ['additional_status', 'alipay_store_id', 'alipay_sub_merchant_id', 'async_pay_apply_status', 'auth_trade_pay_mode', 'biz_settle_mode', 'bkagent_resp_info', 'body', 'buyer_user_name', 'cashier_type', 'charge_amount', 'charge_flags', 'charge_info_list', 'credit_biz_order_id', 'credit_pay_mode', 'discount_goods_detail', 'enterprise_pay_info', 'ext_infos', 'external_payer_info', 'fulfillment_detail_list', 'hb_fq_pay_info', 'hyb_amount', 'industry_sepc_detail', 'industry_sepc_detail_acc', 'industry_sepc_detail_gov', 'intact_charge_info_list', 'medical_insurance_info', 'open_id', 'passback_params', 'payment_info_with_id_list', 'period_scene', 'pre_auth_pay_amount', 'purchase_entity', 'receipt_currency_type', 'req_goods_detail', 'settle_trans_rate', 'settlement_id', 'subject', 'tap_pay_info', 'trade_settle_info', 'trans_pay_rate', 'unpaid_reason', 'voucher_detail_list'] },
  'alipay.trade.refund': { request: ['org_pid', 'refund_advance_account', 'refund_advance_account_type', 'refund_goods_detail', 'refund_royalty_parameters', 'refund_trans_out', 'refund_trans_out_type', 'related_settle_confirm_no'], response: ['has_deposit_back', 'open_id', 'pre_auth_cancel_fee', 'refund_charge_amount', 'refund_charge_info_list', 'refund_hyb_amount', 'refund_preset_paytool_list', 'refund_settlement_id', 'refund_voucher_detail_list'] },
  'alipay.trade.fastpay.refund.query': { request: ['org_pid'], response: ['deposit_back_info', 'deposit_back_info_list', 'enterprise_pay_info', 'error_code', 'industry_sepc_detail', 'pre_auth_cancel_fee', 'refund_channel_list', 'refund_channel_status', 'refund_charge_amount', 'refund_charge_info_list', 'refund_hyb_amount', 'refund_royaltys', 'refund_settlement_id', 'refund_voucher_detail_list'] },
  'alipay.trade.close': { request: ['extend_params'] },
  'alipay.data.dataservice.bill.downloadurl.query': { request: ['smid'], response: ['bill_file_code'] },
};

/** Each method's field lists are its SDK model and response classes, the common fields first; its sub-codes carry their own source. */
const m = (name: string, en: string, zh: string, request: string[], response: string[], subCodes: string[]): OpenApiMethod => ({
  name, purpose: T(en, zh), request: [...request, ...(MORE[name]?.request ?? [])], response: [...response, ...(MORE[name]?.response ?? [])], subCodes, source: SDK,
});

export const OPENAPI_METHODS: OpenApiMethod[] = [
  m('alipay.trade.page.pay', 'PC website payment: the browser is sent to Alipay\'s cashier page', '电脑网站支付：跳转到支付宝收银台页面',
    [...PAGE_REQUEST, 'qr_pay_mode', 'qrcode_width'], [...ENVELOPE, 'trade_no', 'out_trade_no', 'seller_id', 'total_amount', 'merchant_order_no'], PAY_SUBS),
  m('alipay.trade.wap.pay', 'Mobile website payment: the mobile browser is sent to Alipay', '手机网站支付：手机浏览器跳转到支付宝',
    [...PAGE_REQUEST, 'quit_url'], [...ENVELOPE, 'trade_no', 'out_trade_no', 'seller_id', 'total_amount', 'merchant_order_no'], PAY_SUBS),
  m('alipay.trade.app.pay', 'App payment: an order string the app hands to the Alipay SDK', 'App 支付：生成订单串交给支付宝客户端 SDK',
    PAGE_REQUEST, [...ENVELOPE, 'trade_no', 'out_trade_no', 'seller_id', 'total_amount', 'merchant_order_no'], PAY_SUBS),
  m('alipay.trade.precreate', 'Face-to-face pre-create: returns a QR code for the buyer to scan', '当面付预下单：返回二维码供用户扫码支付',
    ['out_trade_no', 'total_amount', 'subject', 'product_code', 'seller_id', 'body', 'goods_detail', 'extend_params', 'discountable_amount', 'undiscountable_amount', 'store_id', 'operator_id', 'terminal_id', 'timeout_express', 'time_expire', 'merchant_order_no'],
    [...ENVELOPE, 'out_trade_no', 'qr_code'], PAY_SUBS),
  m('alipay.trade.pay', 'Face-to-face payment with the buyer\'s payment code (bar code) or face', '统一收单交易支付（付款码或刷脸支付）',
    ['out_trade_no', 'total_amount', 'subject', 'auth_code', 'scene', 'product_code', 'seller_id', 'body', 'goods_detail', 'extend_params', 'discountable_amount', 'undiscountable_amount', 'store_id', 'operator_id', 'terminal_id', 'timeout_express', 'trans_currency', 'settle_currency', 'query_options'],
    [...PAY_RESULT, 'discount_amount', 'mdiscount_amount', 'voucher_detail_list', 'trans_currency', 'settle_currency', 'settle_amount', 'pay_currency', 'pay_amount'],
    [...PAY_SUBS, 'ACQ.BUYER_BALANCE_NOT_ENOUGH', 'ACQ.PAYMENT_AUTH_CODE_INVALID', 'ACQ.BUYER_NOT_EXIST', 'ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR', 'ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR', 'ACQ.BEYOND_PAY_RESTRICTION', 'ACQ.BEYOND_PER_RECEIPT_RESTRICTION', 'ACQ.PAYMENT_FAIL', 'ACQ.PAYMENT_REQUEST_HAS_RISK', 'ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE', 'ACQ.USER_FACE_PAYMENT_SWITCH_OFF', 'ACQ.ERROR_BALANCE_PAYMENT_DISABLE', 'ACQ.PULL_MOBILE_CASHIER_FAIL', 'ACQ.MOBILE_PAYMENT_SWITCH_OFF']),
  m('alipay.trade.create', 'Create a trade to be paid in the Alipay client (mini programs, JSAPI)', '统一收单交易创建（小程序、JSAPI 等）',
    ['out_trade_no', 'total_amount', 'subject', 'product_code', 'buyer_id', 'buyer_open_id', 'seller_id', 'body', 'goods_detail', 'extend_params', 'discountable_amount', 'undiscountable_amount', 'store_id', 'operator_id', 'terminal_id', 'timeout_express', 'time_expire'],
    [...ENVELOPE, 'out_trade_no', 'trade_no'], [...PAY_SUBS, 'ACQ.BUYER_NOT_EXIST']),
  m('alipay.trade.query', 'Query a trade\'s status', '统一收单线下交易查询',
    ['out_trade_no', 'trade_no', 'query_options'],
    [...PAY_RESULT.filter((f) => f !== 'gmt_payment'), 'trade_status', 'send_pay_date', 'store_id', 'terminal_id', 'buyer_user_type', 'buyer_open_id', 'discount_amount', 'mdiscount_amount', 'trans_currency', 'settle_currency', 'settle_amount', 'pay_currency', 'pay_amount'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST']),
  m('alipay.trade.refund', 'Refund a paid trade, fully or partly', '统一收单交易退款',
    ['out_trade_no', 'trade_no', 'refund_amount', 'refund_reason', 'out_request_no', 'refund_currency', 'goods_detail', 'query_options', 'operator_id', 'store_id', 'terminal_id'],
    [...ENVELOPE, 'trade_no', 'out_trade_no', 'buyer_logon_id', 'fund_change', 'refund_fee', 'gmt_refund_pay', 'refund_detail_item_list', 'store_name', 'buyer_user_id', 'buyer_open_id', 'refund_currency', 'send_back_fee', 'present_refund_buyer_amount', 'present_refund_discount_amount', 'present_refund_mdiscount_amount'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST', 'ACQ.SELLER_BALANCE_NOT_ENOUGH', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', 'ACQ.REASON_TRADE_BEEN_FREEZEN', 'ACQ.TRADE_STATUS_ERROR', 'ACQ.TRADE_HAS_FINISHED', 'ACQ.TRADE_NOT_ALLOW_REFUND', 'ACQ.DISCORDANT_REPEAT_REQUEST', 'ACQ.REASON_TRADE_REFUND_FEE_ERR', 'ACQ.REFUND_CHARGE_ERROR', 'ACQ.ACCESS_FORBIDDEN']),
  m('alipay.trade.fastpay.refund.query', 'Query one refund request (out_request_no)', '统一收单交易退款查询',
    ['out_trade_no', 'trade_no', 'out_request_no', 'query_options'],
    [...ENVELOPE, 'trade_no', 'out_trade_no', 'out_request_no', 'total_amount', 'refund_amount', 'refund_status', 'refund_reason', 'gmt_refund_pay', 'refund_detail_item_list', 'send_back_fee', 'present_refund_buyer_amount', 'present_refund_discount_amount', 'present_refund_mdiscount_amount'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST']),
  m('alipay.trade.close', 'Close an unpaid trade', '统一收单交易关闭',
    ['out_trade_no', 'trade_no', 'operator_id'], [...ENVELOPE, 'trade_no', 'out_trade_no'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.TRADE_NOT_EXIST', 'ACQ.TRADE_STATUS_ERROR', 'ACQ.REASON_TRADE_STATUS_INVALID', 'ACQ.REASON_ILLEGAL_STATUS']),
  m('alipay.trade.cancel', 'Cancel a trade: closes it if unpaid, refunds it if paid', '统一收单交易撤销：未付款则关闭，已付款则退款',
    ['out_trade_no', 'trade_no'], [...ENVELOPE, 'trade_no', 'out_trade_no', 'retry_flag', 'action', 'gmt_refund_pay', 'refund_settlement_id'],
    ['ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER', 'ACQ.CANCEL_NOT_ALLOWED', 'ACQ.SELLER_BALANCE_NOT_ENOUGH', 'ACQ.REASON_TRADE_BEEN_FREEZEN', 'ACQ.REASON_TRADE_REFUND_FEE_ERR', 'ACQ.TRADE_CANCEL_TIME_OUT', 'ACQ.TRADE_HAS_FINISHED']),
  m('alipay.data.dataservice.bill.downloadurl.query', 'Get the download address of a daily or monthly bill', '查询对账单下载地址',
    ['bill_type', 'bill_date'], [...ENVELOPE, 'bill_download_url'], ['isp.bill_not_exist', 'isv.invalid-arguments']),
];

/** Fields listed by the methods but not defined above, filled here so that every listed field has a row. */
OPENAPI_FIELD_ROWS.push(
  ['buyer_id', '买家支付宝用户号', 'Buyer user id', '买家支付宝用户 ID，2088 开头的 16 位纯数字（小程序场景下通过用户授权获取）。', 'The buyer\'s Alipay user id, 16 digits starting 2088 (in mini programs, obtained through user authorisation).', 'partnerId', 'request', 28],
  ['send_back_fee', '本次商户实际退回金额', 'Actually refunded by merchant', '本次商户实际退回金额，单位为元；需在 query_options 中传入 refund_detail_item_list 才返回。', 'What the merchant actually returned in this refund, in yuan; returned only when query_options names refund_detail_item_list.', 'amount', 'openapi'],
  ['refund_settlement_id', '退款清算编号', 'Refund settlement id', '退款清算编号，用于清算对账，只在机构间联模式下返回。', 'Settlement number of the refund, for clearing reconciliation; only in the institution-connected mode.', 'string', 'openapi', 64],
);

const BY_METHOD = new Map(OPENAPI_METHODS.map((x) => [x.name, x]));

export function openApiMethod(name: string): OpenApiMethod | undefined {
  return BY_METHOD.get(name);
}

export function allOpenApiMethods(): readonly OpenApiMethod[] {
  return OPENAPI_METHODS;
}

// ---- Codes and sub-codes ----------------------------------------------------

/** A sub-code; its meaning is the API reference's error table unless marked INFERRED (not in any table read). */
const sub = (code: string, parent: string, en: string, zh: string, check: Array<[string, string]>, source: CatalogSource = DOCS): ErrorEntry => ({
  code, level: 'openapi-sub-code', parent, meaning: T(en, zh), check: check.map(([e, z]) => T(e, z)), source,
});

/** Codes the catalog did not have; the ones it had are extended with the methods they come from (seenIn). */
export const OPENAPI_TRADE_ERRORS: ErrorEntry[] = [
  { code: '10003', level: 'openapi-code', source: INFERRED, meaning: T('Order created, waiting for the buyer to pay (payment in progress)', '订单创建成功，等待用户付款（支付处理中）'),
    check: [T('Do not treat it as paid or failed: poll alipay.trade.query (e.g. every few seconds for up to 30 s), then cancel with alipay.trade.cancel if still unpaid.',
      '不要当作成功或失败：轮询 alipay.trade.query（如每隔几秒、最长约 30 秒），仍未支付则调用 alipay.trade.cancel 撤销。')] },
  sub('ACQ.REASON_TRADE_BEEN_FREEZEN', '40004', 'The trade is frozen', '交易已经被冻结', [['The trade is frozen (complaint or risk control): refund after it is unfrozen, or contact Alipay.', '交易被冻结（投诉或风控）：解冻后再退款，或联系支付宝。']]),
  sub('ACQ.EXIST_FORBIDDEN_WORD', '40004', 'The order contains forbidden words', '订单信息中包含违禁词', [['Remove sensitive words from subject and body.', '修改 subject、body 中的敏感词。']]),
  sub('ACQ.BUYER_NOT_EXIST', '40004', 'Buyer does not exist', '买家不存在', [['buyer_id / buyer_open_id, or the auth code, belongs to an existing Alipay user of this environment.', 'buyer_id / buyer_open_id 或付款码是否属于当前环境中存在的支付宝用户。']], INFERRED),
  sub('ACQ.BUYER_SELLER_EQUAL', '40004', 'Buyer and seller are the same account', '买卖家不能相同', [['Pay with a buyer account other than the merchant\'s.', '使用与商户不同的买家账户付款。']]),
  sub('ACQ.TRADE_BUYER_NOT_MATCH', '40004', 'Buyer does not match the trade', '交易买家不匹配', [['The same out_trade_no was opened by another buyer: use a new out_trade_no.', '同一 out_trade_no 已被其他买家使用：请使用新的 out_trade_no。']]),
  sub('ACQ.PARTNER_ERROR', '40004', 'The app and the seller do not match', '应用APP_ID填写错误', [['app_id belongs to the merchant of seller_id, and to this environment.', 'app_id 是否属于 seller_id 对应的商户，且属于当前环境。']]),
  sub('ACQ.BUYER_ENABLE_STATUS_FORBID', '40004', 'The buyer\'s account may not pay', '买家状态非法', [['Ask the buyer to check the account status with Alipay, or pay another way.', '请买家向支付宝确认账户状态，或更换支付方式。']]),
  sub('ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR', '40004', 'Buyer\'s daily payment limit exceeded', '买家付款日限额超限', [['The buyer pays another way or tomorrow.', '请买家更换支付方式或次日再付。']]),
  sub('ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR', '40004', 'Buyer\'s monthly payment limit exceeded', '买家付款月额度超限', [['The buyer pays another way.', '请买家更换支付方式。']]),
  sub('ACQ.BEYOND_PAY_RESTRICTION', '40004', 'Merchant\'s collection limit exceeded', '商户收款额度超限', [['Raise the merchant\'s collection quota with Alipay.', '联系支付宝提升商户收款额度。']]),
  sub('ACQ.BEYOND_PER_RECEIPT_RESTRICTION', '40004', 'Single-payment amount above the merchant\'s limit', '商户收款金额超过月限额', [['Lower the amount or raise the limit with Alipay.', '降低金额或联系支付宝提升限额。']]),
  sub('ACQ.PAYMENT_FAIL', '40004', 'Payment failed', '支付失败', [['Query the trade, then retry with a new out_trade_no if it is not paid.', '先查询交易，未支付则使用新的 out_trade_no 重新支付。']]),
  sub('ACQ.PAYMENT_REQUEST_HAS_RISK', '40004', 'The payment was refused by risk control', '支付有风险', [['The buyer pays another way; nothing to fix in the request.', '请买家更换支付方式；请求本身无需修改。']]),
  sub('ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE', '40004', 'No payment instrument available to the buyer', '没用可用的支付工具', [['The buyer adds a funding source or pays another way.', '请买家添加可用的付款方式或更换支付方式。']]),
  sub('ACQ.USER_FACE_PAYMENT_SWITCH_OFF', '40004', 'The buyer turned off payment-code payments', '用户当面付付款开关关闭', [['The buyer turns on payment codes in the Alipay app.', '请买家在支付宝客户端中打开付款码功能。']]),
  sub('ACQ.ERROR_BALANCE_PAYMENT_DISABLE', '40004', 'Balance payment is disabled for the buyer', '余额支付功能关闭', [['The buyer enables balance payment or pays another way.', '请买家开启余额支付或更换支付方式。']]),
  sub('ACQ.PULL_MOBILE_CASHIER_FAIL', '40004', 'Could not open the buyer\'s mobile cashier', '唤起移动收银台失败', [['Ask the buyer to open the Alipay app and pay again.', '请买家打开支付宝客户端后重新付款。']]),
  sub('ACQ.MOBILE_PAYMENT_SWITCH_OFF', '40004', 'The buyer turned off mobile payments', '用户的无线支付开关关闭', [['The buyer turns on mobile payment in the Alipay app.', '请买家在支付宝客户端中打开无线支付开关。']]),
  sub('ACQ.TRADE_HAS_FINISHED', '40004', 'Trade finished: no refund or cancel possible', '交易已经完结', [['TRADE_FINISHED trades cannot be refunded (refund window over or product without refunds).', 'TRADE_FINISHED 状态的交易不能退款（已过退款期或产品不支持退款）。']]),
  sub('ACQ.TRADE_NOT_ALLOW_REFUND', '40004', 'This trade does not allow refunds', '当前交易不允许退款', [['Check the product contract and the refund window.', '检查签约产品及退款期限。']], INFERRED),
  sub('ACQ.DISCORDANT_REPEAT_REQUEST', '40004', 'Repeated refund request with different content', '不一致的请求', [['A retried refund must repeat the same out_request_no with the same refund_amount; use a new out_request_no for a new refund.', '重试退款须使用相同的 out_request_no 和 refund_amount；新的退款使用新的 out_request_no。']], INFERRED),
  sub('ACQ.REASON_TRADE_REFUND_FEE_ERR', '40004', 'Refund amount is invalid', '退款金额无效', [['refund_amount has at most two decimals and is above zero and within what can still be refunded.', 'refund_amount 最多两位小数、大于 0 且不超过剩余可退金额。']]),
  sub('ACQ.REFUND_CHARGE_ERROR', '40004', 'Refunding the service fee failed', '退收费异常', [['Retry the refund later with the same out_request_no.', '稍后用相同的 out_request_no 重试退款。']], INFERRED),
  sub('ACQ.REASON_TRADE_STATUS_INVALID', '40004', 'Trade status does not allow closing', '交易状态异常', [['Only an unpaid trade (WAIT_BUYER_PAY) can be closed: query it first.', '只有未付款（WAIT_BUYER_PAY）的交易可以关闭：先查询。']]),
  sub('ACQ.TRADE_CANCEL_TIME_OUT', '40004', 'Too late to cancel: the cancel window is over', '超过撤销时间范围', [['Refund the trade with alipay.trade.refund instead.', '改用 alipay.trade.refund 退款。']]),
  sub('ACQ.REASON_ILLEGAL_STATUS', '40004', 'Trade status abnormal: only an unpaid trade can be closed', '交易状态异常', [['Query the trade: closing is possible only while it waits for payment (WAIT_BUYER_PAY).', '先查询交易：非待支付状态（WAIT_BUYER_PAY）下不支持关单操作。']]),
  sub('ACQ.CANCEL_NOT_ALLOWED', '40004', 'This trade may not be cancelled', '交易不允许撤销', [['The trade does not support cancelling: refund it with alipay.trade.refund instead.', '该笔交易不支持撤销：改用 alipay.trade.refund 退款。']]),
  sub('ACQ.SELLER_BEEN_BLOCKED', '40004', 'The merchant\'s account is frozen', '商家账号被冻结', [['Contact Alipay to unfreeze the account.', '联系支付宝解冻账号。']]),
  // Seen in gateway answers as a prefixed ACQ.SYSTEM_ERROR; no table we read lists it.
  sub('aop.ACQ.SYSTEM_ERROR', '40004', 'System error (the gateway\'s prefixed form of ACQ.SYSTEM_ERROR)', '系统错误（网关返回的带前缀的 ACQ.SYSTEM_ERROR）', [
    ['Retry with the same parameters, or query the trade to learn its real state.', '使用相同参数重试，或查询交易以确认实际状态。'],
  ], INFERRED),
  sub('isp.bill_not_exist', '40004', 'The bill does not exist (not generated yet, or no report for that day)', '账单不存在', [
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
