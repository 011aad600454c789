// Field and parameter names: every response field of seeds 002
// (send_goods_confirm_by_platform <tradeBase>) and 003 (single_trade_query
// <trade>), the asynchronous-notification fields, and the request parameters
// of the services in services.ts, each with its Chinese name and meaning.
import { enumFor } from './enums';
import { OPENAPI_FIELD_ROWS, openApiFieldSource } from './openapi';
import type { CatalogSource, FieldDef, FieldKind } from './types';

type Row = [name: string, zhLabel: string, enLabel: string, zh: string, en: string, kind: FieldKind, sources: string, maxLength?: number];

const ROWS: Row[] = [
  // Result envelope (002, 003).
  ['is_success', '请求是否成功', 'Request succeeded', '请求是否成功。请求成功不代表业务处理成功。T代表成功,F代表失败。', 'Whether the request was processed; T is success, F failure. Success does not mean the business succeeded.', 'enum', '002 003'],
  ['error', '错误代码', 'Error code', '只有当处理失败时,才返回错误代码。', 'Returned only when processing failed.', 'string', '002 003'],
  ['sign', '签名', 'Signature', '签名值，见签名机制。', 'The signature value (see the signing rules).', 'string', '003 notify request'],
  ['sign_type', '签名方式', 'Signature type', '签名方式，如 DSA、RSA、MD5。', 'Signature method: DSA, RSA or MD5 (RSA2 on OpenAPI).', 'enum', '003 notify request', 3],
  // Seed 002 <tradeBase>.
  ['out_order_no', '商户网站唯一订单号', 'Merchant order number', '支付宝合作商户网站唯一订单号(确保在商户系统中唯一)。', 'The merchant site\'s unique order number.', 'string', '002 request', 64],
  ['trade_no', '支付宝交易号', 'Alipay trade number', '支付宝根据商户请求,创建订单生成的支付宝交易号。最短16位,最长64位。', 'Alipay\'s trade number, created for the merchant\'s order; 16 to 64 characters.', 'string', '002 003 notify request', 64],
  ['buyer_login_email', '买家登录支付宝账号', 'Buyer login account', '买家登录支付宝账号。', 'The Alipay account the buyer logs in with.', 'email', '002', 100],
  ['seller_user_id', '卖家支付宝账号对应的支付宝唯一用户号', 'Seller user id', '卖家支付宝账号对应的支付宝唯一用户号。以2088开头的纯16位数字。', 'Seller\'s unique Alipay user id: 16 digits starting 2088.', 'partnerId', '002 request', 30],
  ['seller_login_email', '卖家登录支付宝账号', 'Seller login account', '卖家登录的支付宝账号。', 'The Alipay account the seller logs in with.', 'email', '002', 100],
  ['seller_account', '卖家支付宝账号', 'Seller Alipay account', '卖家支付宝账号。', 'Seller\'s Alipay account number.', 'string', '002'],
  ['seller_type', '卖家类型', 'Seller type', '取值范围请参见“账户类型枚举”。', 'Account type of the seller (see account types).', 'enum', '002'],
  ['seller_actions', '卖家的后续动作列表', 'Seller follow-up actions', '取值范围请参见“操作动作枚举”。', 'What the seller can do next, as a bracketed list.', 'list', '002'],
  ['buyer_user_id', '买家支付宝账号对应的支付宝唯一用户号', 'Buyer user id', '买家支付宝账号对应的支付宝唯一用户号。以2088开头的纯16位数字。', 'Buyer\'s unique Alipay user id: 16 digits starting 2088.', 'partnerId', '002', 30],
  ['buyer_account', '买家支付宝账号', 'Buyer Alipay account', '买家支付宝账号。', 'Buyer\'s Alipay account number.', 'string', '002', 30],
  ['buyer_type', '买家类型', 'Buyer type', '取值范围请参见“账户类型枚举”。', 'Account type of the buyer (see account types).', 'enum', '002'],
  ['buyer_actions', '买家的后续动作列表', 'Buyer follow-up actions', '取值范围请参见“操作动作枚举”。', 'What the buyer can do next, as a bracketed list.', 'list', '002'],
  ['total_fee', '交易总金额', 'Total amount', '单位为RMB Yuan,0.01~1000000000.00,精确到小数点后两位。担保交易单笔不超过100万。', 'Total amount in RMB yuan, 0.01 to 1000000000.00, two decimals; escrow trades at most 1,000,000.', 'amount', '002 003 notify request'],
  ['trade_status', '交易状态', 'Trade status', '取值范围请参见“交易状态”。', 'The trade\'s status (see trade statuses).', 'enum', '002 003 notify'],
  ['trade_type', '交易类型', 'Trade type', '取值范围请参见“交易类型枚举”。', 'Trade type (see trade types).', 'enum', '002'],
  ['operator_role', '交易角色', 'Operator role', '买家-B; 卖家-S。', 'Who operated: B buyer, S seller.', 'enum', '002 003'],
  ['partner_id', '合作者身份ID', 'Partner id', '签约的支付宝账号对应的支付宝唯一用户号。以2088开头的16位纯数字组成。', 'The signed merchant\'s unique Alipay user id: 16 digits starting 2088.', 'partnerId', '002'],
  ['create_time', '交易创建时间', 'Trade created at', '该笔交易创建的时间。格式为yyyy-MM-dd HH:mm:ss。', 'When the trade was created (yyyy-MM-dd HH:mm:ss).', 'date', '002'],
  ['channel', '渠道信息', 'Channel', '渠道信息。', 'Channel information.', 'string', '002'],
  ['currency', '货币代码', 'Currency code', '货币代码，156 为人民币。', 'Currency code; 156 is CNY.', 'enum', '002 request'],
  ['gathering_type', '收款类型', 'Gathering type', '取值范围请参见“收款类型枚举”。', 'Kind of payment collected (see gathering types).', 'enum', '002'],
  ['last_modified_time', '交易最后修改时间', 'Trade last modified at', '交易最后修改时间。格式为yyyy-MM-dd HH:mm:ss。', 'When the trade was last modified (yyyy-MM-dd HH:mm:ss).', 'date', '002'],
  ['service_fee', '服务费', 'Service fee', '单位为RMB Yuan,0.01~1000000000.00。', 'Service fee in RMB yuan.', 'amount', '002'],
  ['service_fee_ratio', '服务费率', 'Service fee ratio', '服务费率。', 'Service fee rate.', 'number', '002'],
  ['stop_timeout', '是否停止超时机制', 'Timeout stopped', '停止超时机制-T; 不停止超时机制-F。', 'T: the timeout mechanism is stopped; F: it is not.', 'enum', '002'],
  ['trade_from', '交易来源', 'Trade source', '取值范围请参见“交易来源枚举”。', 'Where the trade came from (see trade sources).', 'enum', '002'],
  ['out_trade_no', '商户网站唯一订单号', 'Merchant order number', '支付宝合作商户网站唯一订单号(确保在商户系统中唯一)。', 'The merchant site\'s unique order number (unique within the merchant).', 'string', '002 003 notify request', 64],
  // Seed 003 <trade> (and request).
  ['buyer_email', '买家支付宝账号', 'Buyer account', '买家支付宝账号。', 'The buyer\'s Alipay account.', 'email', '003 notify', 100],
  ['buyer_id', '买家支付宝用户号', 'Buyer user id', '买家支付宝账号对应的支付宝唯一用户号。', 'Buyer\'s unique Alipay user id (2088…).', 'partnerId', '003 notify', 30],
  ['is_total_fee_adjust', '总价是否调整过', 'Total fee adjusted', 'T 表示总价调整过，F 表示未调整。', 'T if the total was adjusted, F if not.', 'enum', '003 notify'],
  ['subject', '商品名称', 'Subject', '商品的标题/交易标题/订单标题/订单关键字等。', 'Goods name, trade title or order keywords.', 'string', '003 notify request', 256],
  ['flag_trade_locked', '交易冻结状态', 'Trade locked', '0 表示未冻结，1 表示已冻结。', '0 not locked, 1 locked (frozen).', 'enum', '003'],
  ['body', '商品描述', 'Description', '对一笔交易的具体描述信息。如果是多种商品,请将商品描述字符串累加传给body。', 'Description of the trade; for several goods, concatenate their descriptions.', 'string', '003 notify request', 1000],
  ['gmt_create', '交易创建时间', 'Trade created at', '交易创建的时间。格式为yyyy-MM-dd HH:mm:ss。', 'When the trade was created (yyyy-MM-dd HH:mm:ss).', 'date', '003 notify'],
  ['seller_email', '卖家支付宝账号', 'Seller account', '卖家的支付宝账号。', 'The seller\'s Alipay account.', 'email', '003 notify request', 100],
  ['seller_id', '卖家支付宝用户号', 'Seller user id', '卖家支付宝账号对应的支付宝唯一用户号。以2088开头的纯16位数字。', 'Seller\'s unique Alipay user id: 16 digits starting 2088.', 'partnerId', '003 notify request', 16],
  ['price', '商品单价', 'Unit price', '单位为:RMB Yuan。取值范围为[0.01,1000000.00],精确到小数点后两位。', 'Unit price in RMB yuan, 0.01 to 1000000.00, two decimals.', 'amount', '003 notify request'],
  ['quantity', '购买数量', 'Quantity', '购买数量。', 'Number of items bought.', 'number', '003 notify request'],
  ['coupon_discount', '支付宝代金券金额', 'Coupon amount', '支付宝代金券金额。', 'Amount paid with Alipay coupons.', 'amount', '003'],
  ['use_coupon', '是否使用红包', 'Coupon used', 'T 表示使用了红包/代金券，F 表示未使用。', 'T if a coupon (red packet) was used, F if not.', 'enum', '003 notify'],
  ['discount', '折扣', 'Discount', '折扣。', 'Discount amount.', 'amount', '003 notify'],
  ['gmt_last_modified_time', '交易最近修改时间', 'Trade last modified at', '交易额最新修改时间。格式为yyyy-MM-dd HH:mm:ss。', 'When the trade amount was last modified (yyyy-MM-dd HH:mm:ss).', 'date', '003'],
  ['gmt_payment', '交易付款时间', 'Paid at', '交易付款的时间。格式为yyyy-MM-dd HH:mm:ss。', 'When the buyer paid (yyyy-MM-dd HH:mm:ss).', 'date', '003 notify'],
  ['to_buyer_fee', '累计退款金额', 'Refunded to buyer', '累计的已经退款金额。', 'Total amount refunded so far.', 'amount', '003'],
  ['to_seller_fee', '累计打款给卖家金额', 'Paid to seller', '累计的已打款给卖家的金额。', 'Total amount paid out to the seller so far.', 'amount', '003'],
  ['payment_type', '收款类型', 'Payment type', '收款类型，取值见“收款类型枚举”（如 1 商品购买）。', 'Kind of payment (see gathering types, e.g. 1 goods purchase).', 'enum', '003 notify request', 4],
  ['additional_trade_status', '交易附加状态', 'Additional trade status', '交易附加状态，取值见“交易附加状态”。', 'Additional trade status (see additional statuses).', 'enum', '003'],
  // Request parameters (common and per service).
  ['service', '接口名称', 'Service name', '接口名称（服务名）。', 'The name of the interface being called.', 'string', '000 003 request', 128],
  ['partner', '合作者身份ID', 'Partner id', '签约的支付宝账号对应的支付宝唯一用户号。以2088开头的16位纯数字组成。', 'The signed merchant\'s unique Alipay user id: 16 digits starting 2088.', 'partnerId', '000 003 request', 16],
  ['_input_charset', '参数编码字符集', 'Input charset', '商户网站使用的编码格式,如utf-8、gbk、gb2312。必须在查询串中传递。', 'Charset of the parameters (utf-8, gbk, gb2312); must be in the query string even for POST.', 'enum', '000 003 request', 6],
  ['notify_url', '服务器异步通知页面路径', 'Notification URL', '支付宝服务器主动通知商户服务器的 http/https 路径。', 'Where Alipay POSTs the asynchronous notification.', 'url', 'request', 190],
  ['return_url', '页面跳转同步通知页面路径', 'Return URL', '支付完成后浏览器跳转回的商户页面。', 'Merchant page the browser returns to after paying.', 'url', 'request', 200],
  ['sns_user_id', 'SNS用户ID', 'SNS user id', 'SNS 用户 ID。', 'The SNS site\'s user id.', 'string', '000 request', 50],
  ['key', '用户key', 'SNS user key', '支付宝分配给每个SNS用户的key（业务参数，参与签名；不是商户密钥）。', 'The key Alipay assigned to the SNS user (a signed business parameter, not the merchant secret).', 'string', '000 request', 40],
  ['order_no', '外部交易订单号', 'External order number', '外部交易订单号。', 'The external trade order number.', 'string', '000 request', 22],
  ['trade_action', '交易操作动作', 'Trade action', 'payAction(付款) modifyAction(修改价格) closeAction(关闭交易) detailAction(查看交易详情)。', 'payAction, modifyAction, closeAction or detailAction.', 'enum', '000 request', 30],
  ['logistics_name', '物流公司名称', 'Logistics company', '物流公司名称。', 'Name of the logistics company.', 'string', '002 request', 64],
  ['invoice_no', '物流发货单号', 'Shipment number', '物流发货单号。', 'The carrier\'s shipment (tracking) number.', 'string', '002 request', 32],
  ['transport_type', '物流发货时的运输类型', 'Transport type', '物流发货时的运输类型：POST、EXPRESS、EMS。', 'Transport type at shipping: POST, EXPRESS or EMS.', 'enum', '002 request'],
  ['create_transport_type', '创建交易时的物流类型', 'Transport type at creation', '创建交易时的物流类型：POST、EXPRESS、EMS。', 'Transport type chosen when the trade was created: POST, EXPRESS or EMS.', 'enum', '002 request'],
  ['agent', '代理人ID', 'Agent id', '代理人的支付宝用户号（2088开头）。', 'Agent\'s Alipay user id (2088…).', 'partnerId', '002 request', 16],
  ['sendFormat', '返回格式', 'Send format', '返回格式，如 normal。', 'Response format, e.g. normal.', 'string', '003'],
  ['logistics_type', '物流类型', 'Logistics type', '物流类型：VIRTUAL、POST、EMS、EXPRESS。', 'Logistics type: VIRTUAL, POST, EMS or EXPRESS.', 'enum', 'request'],
  ['logistics_fee', '物流费用', 'Logistics fee', '物流费用，单位元。', 'Shipping fee in RMB yuan.', 'amount', 'request'],
  ['logistics_payment', '物流支付方式', 'Logistics payment', '物流支付方式：SELLER_PAY、BUYER_PAY、BUYER_PAY_AFTER_RECEIVE。', 'Who pays shipping: SELLER_PAY, BUYER_PAY or BUYER_PAY_AFTER_RECEIVE.', 'enum', 'request'],
  ['seller_account_name', '卖家支付宝账户名', 'Seller account name', '卖家支付宝账号别名。', 'Seller\'s Alipay account name (alias).', 'string', 'request', 100],
  ['show_url', '商品展示网址', 'Goods page URL', '收银台页面上商品展示的超链接。', 'Link to the goods shown on the cashier page.', 'url', 'request', 400],
  ['receive_name', '收货人姓名', 'Receiver name', '收货人姓名。', 'Name of the receiver.', 'string', 'request', 128],
  ['receive_address', '收货人地址', 'Receiver address', '收货人地址。', 'Receiver\'s address.', 'string', 'request', 256],
  ['receive_zip', '收货人邮编', 'Receiver postcode', '收货人邮编。', 'Receiver\'s postcode.', 'string', 'request', 20],
  ['receive_phone', '收货人电话', 'Receiver phone', '收货人电话号码。', 'Receiver\'s phone number.', 'string', 'request', 30],
  ['receive_mobile', '收货人手机', 'Receiver mobile', '收货人手机号码。', 'Receiver\'s mobile number.', 'string', 'request', 11],
  ['anti_phishing_key', '防钓鱼时间戳', 'Anti-phishing key', '通过 query_timestamp 获取的时间戳。', 'Timestamp key obtained from query_timestamp.', 'string', 'request'],
  ['exter_invoke_ip', '客户端IP', 'Client IP', '买家客户端的 IP 地址（防钓鱼）。', 'The buyer\'s client IP address (anti-phishing).', 'string', 'request', 15],
  ['it_b_pay', '超时时间', 'Payment timeout', '未付款交易的超时时间，如 30m、2h、1d。', 'Timeout for an unpaid trade, e.g. 30m, 2h, 1d.', 'string', 'request'],
  ['ip', '卖家本地电脑IP地址', 'Operator IP', '操作者的 IP 地址。', 'IP address of the operator.', 'string', 'request', 15],
  ['trade_role', '交易角色', 'Trade role', '关闭交易的角色：B 买家，S 卖家。', 'Who closes the trade: B buyer, S seller.', 'enum', 'request'],
  ['refund_date', '退款请求时间', 'Refund request time', '退款请求的时间，格式 yyyy-MM-dd HH:mm:ss。', 'When the refund was requested (yyyy-MM-dd HH:mm:ss).', 'date', 'request'],
  ['batch_no', '批次号', 'Batch number', '批次号，当天唯一（退款为日期 yyyyMMdd 开头）。', 'Batch number, unique per day (refunds start with the date yyyyMMdd).', 'string', 'request', 32],
  ['batch_num', '总笔数', 'Record count', '批次中的明细笔数。', 'Number of records in the batch.', 'number', 'request'],
  ['detail_data', '单笔数据集', 'Detail data', '批量明细：退款为 trade_no^金额^理由，用 # 连接；付款为 流水号^账号^姓名^金额^备注，用 | 连接。', 'Batch records: refunds trade_no^amount^reason joined with #; payouts serial^account^name^amount^note joined with |.', 'string', 'request'],
  ['notify_id', '通知校验ID', 'Notification id', '通知校验 ID，可用 notify_verify 验证其真实性。', 'Notification id; check it with notify_verify.', 'string', 'notify request'],
  ['page_no', '查询页号', 'Page number', '查询的页号，从 1 开始。', 'Page number, starting at 1.', 'number', 'request'],
  ['page_size', '分页大小', 'Page size', '每页记录数。', 'Records per page.', 'number', 'request'],
  ['gmt_start_time', '账务查询开始时间', 'Query start time', '账务查询开始时间，格式 yyyy-MM-dd HH:mm:ss。', 'Start of the statement range (yyyy-MM-dd HH:mm:ss).', 'date', 'request'],
  ['gmt_end_time', '账务查询结束时间', 'Query end time', '账务查询结束时间，格式 yyyy-MM-dd HH:mm:ss。', 'End of the statement range (yyyy-MM-dd HH:mm:ss).', 'date', 'request'],
  ['account_name', '付款账号名', 'Payer account name', '付款方的支付宝账户名。', 'The paying Alipay account\'s name.', 'string', 'request', 128],
  ['batch_fee', '付款总金额', 'Batch total', '批量付款的总金额，单位元。', 'Total of the batch payout in RMB yuan.', 'amount', 'request'],
  ['email', '付款账号', 'Payer account', '付款方的支付宝账号（邮箱）。', 'The paying Alipay account (email).', 'email', 'request', 100],
  ['pay_date', '支付日期', 'Pay date', '支付日期，格式 yyyyMMdd。', 'Payment date (yyyyMMdd).', 'string', 'request', 8],
  ['rmb_fee', '人民币金额', 'Amount in RMB', '以人民币计价的金额（与 total_fee 二选一）。', 'Amount in RMB (instead of total_fee in foreign currency).', 'amount', 'request'],
  ['timeout_rule', '超时规则', 'Timeout rule', '交易超时规则，如 12h。', 'Trade timeout rule, e.g. 12h.', 'string', 'request'],
  ['out_return_no', '商户退款单号', 'Merchant refund number', '商户的退款请求号，唯一。', 'The merchant\'s unique refund request number.', 'string', 'request', 64],
  ['return_amount', '退款金额', 'Refund amount', '退款金额。', 'Amount to refund.', 'amount', 'request'],
  ['gmt_return', '退款时间', 'Refund time', '退款时间，格式 yyyy-MM-dd HH:mm:ss。', 'Refund time (yyyy-MM-dd HH:mm:ss).', 'date', 'request'],
  ['reason', '退款原因', 'Refund reason', '退款原因。', 'Reason for the refund.', 'string', 'request', 256],
  // Asynchronous notification (notify_url) fields.
  ['notify_time', '通知时间', 'Notification time', '通知的发送时间，格式 yyyy-MM-dd HH:mm:ss。', 'When the notification was sent (yyyy-MM-dd HH:mm:ss).', 'date', 'notify'],
  ['notify_type', '通知类型', 'Notification type', '通知的类型，如 trade_status_sync。', 'Type of notification, e.g. trade_status_sync.', 'enum', 'notify'],
  ['gmt_close', '交易关闭时间', 'Closed at', '交易关闭的时间。', 'When the trade was closed.', 'date', 'notify'],
  ['refund_status', '退款状态', 'Refund status', '退款状态，取值见“退款状态”。', 'Refund status (see refund statuses).', 'enum', 'notify'],
  ['gmt_refund', '退款时间', 'Refunded at', '卖家退款的时间。', 'When the refund was made.', 'date', 'notify'],
  ['extra_common_param', '公用回传参数', 'Pass-back parameter', '请求时传入的公用回传参数，原样返回。', 'The pass-back parameter sent with the request, returned unchanged.', 'string', 'notify request'],
  ['business_scene', '是否扫码支付', 'Business scene', '交易场景，如 qrpay 为扫码支付。', 'Payment scene, e.g. qrpay for QR-code payment.', 'string', 'notify'],
  ['out_channel_type', '支付渠道组合信息', 'Payment channel types', '买家付款使用的渠道组合。', 'Channels the buyer paid with.', 'string', 'notify'],
  ['out_channel_amount', '支付金额组合信息', 'Payment channel amounts', '各支付渠道的金额。', 'Amount paid per channel.', 'string', 'notify'],
  ['out_channel_inst', '实际支付渠道', 'Payment institution', '实际付款的渠道机构。', 'The institution that actually paid.', 'string', 'notify'],
  ['bank_seq_no', '网银流水', 'Bank serial number', '网银支付的银行流水号。', 'Bank serial number for online-banking payments.', 'string', 'notify'],
];

/** Rows added since sources were tracked, each with where its meaning comes from. */
const SOURCED: Array<[Row, CatalogSource]> = [
  [['tradeBase', '交易基本信息', 'Trade base information', 'send_goods_confirm_by_platform 返回的业务节点 <tradeBase>，包含交易的各字段。', 'The business node <tradeBase> of send_goods_confirm_by_platform\'s answer, holding the trade\'s fields.', 'string', '002'], 'seed 002'],
  // batch_refund_notify (refund_fastpay_by_platform_*): listed by issue #14, meanings not in the reference documents.
  [['result_details', '退款结果明细', 'Refund result details', '批量退款每笔的处理结果：trade_no^退款金额^处理结果（SUCCESS 或错误码），多笔用 # 连接。', 'Per-trade results of a batch refund: trade_no^amount^result (SUCCESS or an error code), records joined with #.', 'string', 'notify'], 'inferred'],
  [['success_num', '退款成功总数', 'Successful refunds', '批量退款中成功的笔数。', 'How many records of the batch refund succeeded.', 'number', 'notify'], 'inferred'],
];

function toField([name, zhLabel, enLabel, zh, en, kind, sources, maxLength]: Row, source?: CatalogSource): FieldDef {
  const e = kind === 'enum' || kind === 'list' ? enumFor(name) : undefined;
  return {
    name, label: { zh: zhLabel, en: enLabel }, meaning: { zh, en }, kind,
    enum: e?.name, maxLength, sources: sources.split(' '), ...(source ? { source } : {}),
  };
}

const FIELDS: FieldDef[] = [...ROWS.map((r) => toField(r)), ...SOURCED.map(([r, s]) => toField(r, s))];

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

// OpenAPI trade-method fields (openapi.ts, each with its source). Where a name is also a MAPI field
// (trade_no, subject…), the MAPI entry stays the general one and the OpenAPI one labels OpenAPI responses.
const OPENAPI_FIELDS = OPENAPI_FIELD_ROWS.map((r) => toField(r, openApiFieldSource(r[0])));
const OPENAPI_BY_NAME = new Map(OPENAPI_FIELDS.map((f) => [f.name, f]));
const ALL_FIELDS: FieldDef[] = [...FIELDS, ...OPENAPI_FIELDS.filter((f) => !BY_NAME.has(f.name))];

export function field(name: string): FieldDef | undefined {
  return BY_NAME.get(name) ?? OPENAPI_BY_NAME.get(name);
}

/** A field of an OpenAPI request or response: the OpenAPI meaning first, then the general one. */
export function openApiField(name: string): FieldDef | undefined {
  return OPENAPI_BY_NAME.get(name) ?? BY_NAME.get(name);
}

export function allFields(): readonly FieldDef[] {
  return ALL_FIELDS;
}
