// Error codes: the MAPI gateway/system/business codes from the seeds and
// catalog-facts.md, plus the OpenAPI common codes and the sub-codes developers
// meet most. `check` lists what to look at, most likely cause first.
import { OPENAPI_TRADE_ERRORS, openApiSeenIn } from './openapi';
import type { CatalogSource, ErrorEntry, ErrorLevel, Text } from './types';

const T = (en: string, zh: string): Text => ({ en, zh });

// Checks shared by several signature-related codes (one place, reused).
const SIGN_CHECKS: Text[] = [
  T('The pre-sign string: every parameter except sign and sign_type, empty values dropped, sorted by name in byte order, raw (not URL-encoded) values joined as name=value with &.',
    '待签名字符串：除 sign、sign_type 外的全部参数，去掉空值，按参数名字节序排序，用未经 URL 编码的原始值以 name=value 加 & 连接。'),
  T('The charset: the bytes signed must be in _input_charset (utf-8 vs gbk), and _input_charset must also be in the query string.',
    '字符集：签名所用字节须按 _input_charset 编码（utf-8 与 gbk 不同），且 _input_charset 必须出现在 URL 查询串中。'),
  T('The key: MD5 key without stray spaces or newlines; for RSA/DSA sign with your private key, verify with Alipay\'s public key, and the key pair must match.',
    '密钥：MD5 密钥不得含多余空格或换行；RSA/DSA 用商户私钥签名、用支付宝公钥验签，且密钥必须成对匹配。'),
  T('Values encoded twice, or "+" turned into a space by the web framework.', '参数值是否被二次编码，或 "+" 被框架解码成空格。'),
  T('Sandbox keys used against the production gateway (or the reverse).', '是否用沙箱密钥请求生产网关（或反之）。'),
];

const gw = (code: string, en: string, zh: string, check?: Text[], extra: Partial<ErrorEntry> = {}): ErrorEntry => ({
  code, level: 'gateway', meaning: T(en, zh), check, seenIn: ['003'], ...extra,
});
const sys = (code: string, en: string, zh: string, extra: Partial<ErrorEntry> = {}): ErrorEntry => ({
  code, level: 'system', meaning: T(en, zh), seenIn: ['003'],
  check: [T('An error inside Alipay: retry later; if it persists, contact Alipay technical support with the request time and out_trade_no.',
    '支付宝内部错误：稍后重试；如持续出现，请带上请求时间和 out_trade_no 联系支付宝技术支持。')],
  ...extra,
});
const biz = (code: string, en: string, zh: string, seenIn: string[], check?: Text[]): ErrorEntry => ({
  code, level: 'business', meaning: T(en, zh), seenIn, check,
});

/** Notes where an entry's meaning comes from (see CatalogSource). */
const src = (source: CatalogSource, e: ErrorEntry): ErrorEntry => ({ ...e, source });

const MAPI: ErrorEntry[] = [
  // Gateway level: checked before the request reaches the business system.
  gw('ILLEGAL_SIGN', 'Illegal signature (signature verification failed)', '签名不正确 / 数字验签失败', SIGN_CHECKS, { seenIn: ['000', '003'], action: 'signatureDoctor' }),
  gw('ILLEGAL_DYN_MD5_KEY', 'Dynamic key information is incorrect', '动态密钥信息错误', [
    T('The dynamic MD5 key has expired or belongs to another partner; fetch a fresh one.', '动态 MD5 密钥已过期或属于其他 partner，请重新获取。'),
  ]),
  gw('ILLEGAL_ENCRYPT', 'Encryption is incorrect', '加密不正确', [
    T('The encrypted content and the encryption key/algorithm agreed with Alipay.', '加密内容及与支付宝约定的加密密钥和算法。'),
  ]),
  gw('ILLEGAL_ARGUMENT', 'Incorrect parameter', '参数不正确', [
    T('Required parameters of the service are present and non-empty, and each value has the documented format and length.', '接口的必填参数是否齐全且非空，每个值的格式和长度是否符合文档。'),
    T('Dates are yyyy-MM-dd HH:mm:ss, amounts have at most two decimals, and partner ids are 16 digits starting 2088.', '日期格式为 yyyy-MM-dd HH:mm:ss，金额最多两位小数，partner 为 2088 开头的 16 位数字。'),
  ], { seenIn: ['000', '003'] }),
  gw('ILLEGAL_SERVICE', 'Service parameter is incorrect or the interface does not exist', 'Service参数不正确 / 请求的接口信息不存在', [
    T('The spelling of the service parameter (e.g. single_trade_query) and that it belongs to the gateway you call.', 'service 参数拼写（如 single_trade_query），以及该接口是否属于所请求的网关。'),
  ], { seenIn: ['000', '003'] }),
  gw('ILLEGAL_USER', 'User ID is incorrect', '客户ID不正确', [
    T('The user id parameter (buyer/seller id) exists and is 16 digits starting 2088.', '用户 ID 参数（买家/卖家 ID）是否存在，是否为 2088 开头的 16 位数字。'),
  ]),
  gw('ILLEGAL_PARTNER', 'Incorrect partner ID', '商户ID不正确 / 请求中的partner错误', [
    T('partner is 16 digits starting 2088, with no spaces.', 'partner 是否为 2088 开头的 16 位数字，且无空格。'),
    T('The active profile: the partner id belongs to the environment (sandbox or production) of the gateway you call.', '当前配置：partner 是否属于所请求网关的环境（沙箱或生产）。'),
  ], { seenIn: ['000', '003'], action: 'profiles' }),
  gw('ILLEGAL_EXTERFACE', 'Interface configuration is incorrect', '接口配置不正确', [
    T('The service is configured for your account on the Alipay merchant platform.', '该接口是否已在支付宝商户平台为你的账户配置。'),
  ]),
  gw('ILLEGAL_PARTNER_EXTERFACE', 'Service not activated for this account', '商户接口信息不正确', [
    T('The product for this service is signed and activated for this partner (merchant platform, product management).', '该接口对应的产品是否已为此 partner 签约开通（商户平台 → 产品管理）。'),
    T('You are not calling a production-only service on the sandbox (or the reverse).', '是否在沙箱调用了仅生产可用的接口（或反之）。'),
  ]),
  gw('ILLEGAL_SECURITY_PROFILE', 'No matching key configuration', '未找到匹配的密钥配置', [
    T('sign_type matches a key you configured for this partner (an RSA public key uploaded for RSA, an MD5 key for MD5).', 'sign_type 是否与此 partner 已配置的密钥对应（RSA 需已上传 RSA 公钥，MD5 需有 MD5 密钥）。'),
  ], { action: 'profiles' }),
  gw('ILLEGAL_AGENT', 'Agent ID is incorrect', '代理ID不正确', [
    T('The agent parameter is a valid 2088… id authorised as agent for this partner, or remove it.', 'agent 参数是否为已授权给此 partner 的 2088 开头 ID，否则去掉该参数。'),
  ]),
  gw('ILLEGAL_SIGN_TYPE', 'Signature type is incorrect', '签名类型不正确', [
    T('sign_type is MD5, RSA or DSA in capitals (RSA2 only on OpenAPI) and the service supports it.', 'sign_type 是否为大写的 MD5、RSA 或 DSA（RSA2 仅用于 OpenAPI），且该接口支持此方式。'),
  ]),
  gw('ILLEGAL_CHARSET', 'Character set is invalid', '字符集不合法', [
    T('_input_charset is utf-8, gbk or gb2312, and it is in the query string even for POST.', '_input_charset 是否为 utf-8、gbk 或 gb2312，且即使 POST 也要放在查询串中。'),
  ]),
  gw('ILLEGAL_CLIENT_IP', 'Client IP address may not access the service', '客户端IP地址无权访问服务', [
    T('The server\'s outbound IP is on the IP allow-list configured for this partner.', '服务器出口 IP 是否在此 partner 配置的 IP 白名单内。'),
  ]),
  gw('HAS_NO_PRIVILEGE', 'No privilege to access (this interface)', '无权访问 / 无权访问该接口', [
    T('The service is signed for this partner, and the partner matches the key you sign with.', '该接口是否已为此 partner 签约，partner 与签名所用密钥是否对应。'),
  ], { seenIn: ['000', '003'] }),
  gw('ILLEGAL_DIGEST_TYPE', 'Digest type is incorrect', '摘要类型不正确', [
    T('The digest type parameter of the file upload (e.g. MD5).', '文件上传的摘要类型参数（如 MD5）。'),
  ]),
  gw('ILLEGAL_DIGEST', 'File digest is incorrect', '文件摘要不正确', [
    T('The digest is computed over the exact bytes uploaded.', '摘要是否按实际上传的字节计算。'),
  ]),
  gw('ILLEGAL_FILE_FORMAT', 'File format is incorrect', '文件格式不正确', [
    T('The uploaded file has the documented format and encoding.', '上传文件的格式和编码是否符合文档。'),
  ]),
  gw('ILLEGAL_ENCODING', 'Encoding type not supported', '不支持该编码类型', [
    T('Use utf-8, gbk or gb2312.', '使用 utf-8、gbk 或 gb2312。'),
  ]),
  gw('EXTERFACE_IS_CLOSED', 'The interface has been closed', '接口已关闭', [
    T('The service is retired or closed for your account: ask Alipay or move to its successor.', '该接口已下线或对你的账户关闭：联系支付宝或改用替代接口。'),
  ]),
  gw('ILLEGAL_REQUEST_REFERER', 'Anti-phishing check: request referer not allowed', '防钓鱼检查不支持该请求来源', [
    T('The page that submits the request is on the domain registered for anti-phishing.', '发起请求的页面是否在防钓鱼登记的域名下。'),
  ]),
  gw('ILLEGAL_ANTI_PHISHING_KEY', 'Anti-phishing check: invalid timestamp key', '防钓鱼检查非法时间戳参数', [
    T('anti_phishing_key comes from query_timestamp and is passed unchanged.', 'anti_phishing_key 是否取自 query_timestamp 并原样传递。'),
  ]),
  gw('ANTI_PHISHING_KEY_TIMEOUT', 'Anti-phishing check: timestamp key expired', '防钓鱼检查时间戳超时', [
    T('Call query_timestamp right before building the request; the key expires quickly.', '在构造请求前再调用 query_timestamp，时间戳很快过期。'),
  ]),
  gw('ILLEGAL_EXTER_INVOKE_IP', 'Anti-phishing check: caller IP not allowed', '防钓鱼检查非法调用IP', [
    T('exter_invoke_ip is the buyer\'s real client IP, as seen by your server.', 'exter_invoke_ip 是否为服务器看到的买家真实 IP。'),
  ]),

  // System level: contact Alipay support.
  sys('SYSTEM_ERROR', 'Alipay system error', '支付宝系统错误', { seenIn: ['000', '003'] }),
  sys('SESSION_TIMEOUT', 'Session (connection) timeout', 'session超时 / 连接超时错误', {
    seenIn: ['000', '003'],
    check: [T('Retry with a fresh request; check network latency between your server and the gateway.', '重新发起请求；检查服务器到网关的网络延迟。')],
  }),
  sys('ILLEGAL_TARGET_SERVICE', 'Wrong target_service', '错误的target_service', {
    check: [T('The target_service parameter names a service this gateway serves.', 'target_service 参数是否为该网关提供的接口。')],
  }),
  sys('ILLEGAL_ACCESS_SWITCH_SYSTEM', 'Partner may not access this kind of system', 'partner不允许访问该类型的系统'),
  sys('SYSTEM_EXCEPTION', 'Alipay system exception', '系统异常', { seenIn: ['create_direct_pay_by_user'], source: 'inferred' }),

  // Business level.
  biz('TRADE_NOT_EXIST', 'Trade does not exist: check out_trade_no / trade_no', '交易不存在，请检查商户网站唯一订单号或支付宝交易号是否正确', ['002', '003'], [
    T('trade_no / out_trade_no is spelled exactly, and belongs to this partner.', 'trade_no / out_trade_no 是否拼写正确且属于此 partner。'),
    T('The trade was created on the same environment (sandbox vs production) you query.', '交易是否创建在所查询的同一环境（沙箱或生产）。'),
    T('The buyer never reached the payment page: an unpaid page request creates no trade.', '买家是否从未进入支付页面：未打开的支付请求不会创建交易。'),
  ]),
  biz('USER_IS_NOT_BIND', 'User has not bound an Alipay account', '用户未绑定支付宝账户', ['000'], [
    T('The SNS user (sns_user_id) has bound an Alipay account.', 'SNS 用户（sns_user_id）是否已绑定支付宝账户。'),
  ]),
  biz('ILLEGAL_ORDER', 'Order information is invalid (or does not exist)', '商品订单信息不合法(包含不存在)', ['000'], [
    T('order_no exists and is at most 22 characters.', 'order_no 是否存在且不超过 22 个字符。'),
  ]),
  biz('ILLEGAL_USER_KEY', 'SNS user key is incorrect', '社区用户key不正确', ['000'], [
    T('The key parameter is the one Alipay assigned to this SNS user (≤ 40 characters).', 'key 参数是否为支付宝分配给该 SNS 用户的 key（不超过 40 个字符）。'),
  ]),
  biz('TRADE_STATUS_NOT_AVAILD', 'Trade status does not allow this operation', '交易状态不合法', ['close_trade'], [
    T('Query the trade first: only an unpaid trade (WAIT_BUYER_PAY) can be closed.', '先查询交易：只有未付款（WAIT_BUYER_PAY）的交易可以关闭。'),
  ]),
  biz('REPEAT_OUT_TRADE_NO', 'Duplicate out_trade_no', '商户订单号重复', ['create_forex_trade'], [
    T('Generate a new out_trade_no for a new trade; reuse it only to retry the same trade with identical parameters.', '新交易使用新的 out_trade_no；只有参数完全相同的重试才能复用。'),
  ]),
  biz('ILLEGAL_CURRENCY', 'Illegal currency', '币种不合法', ['create_forex_trade'], [
    T('currency is a currency code your forex contract supports (e.g. USD, not 156).', 'currency 是否为外币合同支持的币种代码（如 USD，而非 156）。'),
  ]),
  biz('ILLEGAL_TIMEOUT_RULE', 'Illegal timeout rule', '超时规则不合法', ['create_forex_trade'], [
    T('The timeout value uses m/h/d units (e.g. 30m, 2h) within the allowed range.', '超时参数是否使用 m/h/d 单位（如 30m、2h）且在允许范围内。'),
  ]),
  biz('TRADE_HAS_CLOSE', 'Trade already closed', '交易已关闭', ['acquire'], [
    T('Create a new trade with a new out_trade_no; a closed trade cannot be paid.', '使用新的 out_trade_no 创建新交易；已关闭的交易无法支付。'),
  ]),
  biz('TRADE_BUYER_NOT_MATCH', 'Buyer does not match', '买家不匹配', ['acquire'], [
    T('The same out_trade_no was already paid or opened by another buyer: use a new out_trade_no.', '同一 out_trade_no 已被其他买家支付或打开：请使用新的 out_trade_no。'),
  ]),
  biz('USER_NOT_EXIST', 'User does not exist', '用户不存在', ['batch_trans_notify'], [
    T('The payee account in detail_data exists and is spelled exactly.', 'detail_data 中收款账户是否存在、拼写是否正确。'),
  ]),
  biz('ACCOUNT_NOT_CONSISTENT', 'Accounts inconsistent (name does not match the account)', '账户不一致', ['batch_trans_notify'], [
    T('The payee real name in detail_data matches the Alipay account.', 'detail_data 中收款人真实姓名是否与支付宝账户一致。'),
  ]),
  // Common codes of payment, refund and forex services listed by issue #14 (public MAPI material);
  // none is in the seeds or catalog-facts.md, so their meanings are marked inferred.
  src('inferred', biz('TRADE_HAS_SUCCESS', 'Trade already paid: this out_trade_no was paid before', '交易已经支付', ['create_direct_pay_by_user', 'create_partner_trade_by_buyer', 'trade_create_by_buyer'], [
    T('Treat the order as paid (query it with single_trade_query); pay a new order with a new out_trade_no.', '按已支付处理（用 single_trade_query 查询确认）；新订单请使用新的 out_trade_no。'),
  ])),
  src('inferred', biz('TRADE_HAS_CLOSED', 'Trade already closed', '交易已经关闭', ['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'], [
    T('A closed trade can neither be paid nor refunded: query it; create a new order with a new out_trade_no.', '已关闭的交易不能支付也不能退款：先查询；新订单使用新的 out_trade_no。'),
  ])),
  src('inferred', biz('DUPLICATE_BATCH_NO', 'Duplicate batch_no: this batch number was used before', '重复的批次号', ['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'], [
    T('Each refund batch needs a new batch_no: the refund date yyyyMMdd followed by 3 to 24 digits, unique for the merchant.', '每个退款批次使用新的 batch_no：退款日期 yyyyMMdd 加 3~24 位流水号，商户内唯一。'),
  ])),
  src('inferred', biz('BATCH_NUM_EXCEED_LIMIT', 'batch_num exceeds the limit (at most 1000 records per batch)', '总笔数大于1000', ['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'], [
    T('Split the refunds into batches of at most 1000 records; batch_num must equal the number of records in detail_data.', '将退款拆成每批不超过 1000 笔；batch_num 须等于 detail_data 中的笔数。'),
  ])),
  src('inferred', biz('REFUND_AMOUNT_NOT_VALID', 'Refund amount is not valid (above what can still be refunded, or malformed)', '退款金额不合法', ['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'], [
    T('The amount in detail_data (trade_no^amount^reason) has at most two decimals and does not exceed the paid amount minus earlier refunds.', 'detail_data（trade_no^金额^理由）中的金额最多两位小数，且不超过实付金额减去已退金额。'),
  ])),
  src('inferred', biz('DUBL_TRADE_NO_IN_SAME_BATCH', 'The same trade appears twice in one refund batch', '同一批退款中存在两条相同的退款记录', ['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'], [
    T('List each trade_no once per batch in detail_data; refund a trade again in a later batch.', 'detail_data 中每个 trade_no 每批只出现一次；再次退款请放到下一批。'),
  ])),
  src('inferred', biz('TRADE_STATUS_ERROR', 'Trade status does not allow a refund', '交易状态不允许退款', ['refund_fastpay_by_platform_pwd', 'refund_fastpay_by_platform_nopwd'], [
    T('Query the trade: only a paid, still refundable trade (TRADE_SUCCESS) can be refunded; TRADE_FINISHED and TRADE_CLOSED cannot.', '先查询交易：只有已支付且仍可退款（TRADE_SUCCESS）的交易可以退款；TRADE_FINISHED、TRADE_CLOSED 不行。'),
  ])),
  src('inferred', biz('SELLER_NOT_EXIST', 'Seller does not exist', '卖家不存在', ['create_direct_pay_by_user', 'create_partner_trade_by_buyer'], [
    T('seller_id (16 digits starting 2088) or seller_email names an existing Alipay account of the right environment.', 'seller_id（2088 开头的 16 位数字）或 seller_email 是否为对应环境中存在的支付宝账户。'),
  ])),
  src('inferred', biz('BUYER_NOT_EXIST', 'Buyer does not exist', '买家不存在', ['create_direct_pay_by_user', 'create_partner_trade_by_buyer'], [
    T('buyer_id / buyer_email, when given, names an existing Alipay account; leave them out to let the buyer log in.', '如传了 buyer_id / buyer_email，须为存在的支付宝账户；不传则由买家自行登录。'),
  ])),
  src('inferred', biz('BUYER_SELLER_EQUAL', 'Buyer and seller are the same account', '买卖家不能相同', ['create_direct_pay_by_user', 'create_partner_trade_by_buyer'], [
    T('Pay with a buyer account other than the seller (a common mistake when testing with the merchant\'s own account).', '使用与卖家不同的买家账户付款（用商户自己的账户测试时常见）。'),
  ])),
  src('inferred', biz('ILLEGAL_PAYMENT_TYPE', 'Illegal payment_type', '支付类型不合法', ['create_direct_pay_by_user', 'create_partner_trade_by_buyer'], [
    T('payment_type is a documented value your contract allows (1 for goods purchase is the usual one).', 'payment_type 是否为合同允许的取值（商品购买通常为 1）。'),
  ])),
  src('inferred', biz('TOTAL_FEE_OUT_OF_RANGE', 'total_fee out of range', '交易金额超出范围', ['create_direct_pay_by_user', 'create_partner_trade_by_buyer'], [
    T('total_fee is 0.01 to 1000000000.00 with at most two decimals (escrow: at most 1,000,000).', 'total_fee 在 0.01~1000000000.00 之间且最多两位小数（担保交易不超过 100 万）。'),
  ])),
  src('inferred', biz('INVALID_CHARACTER_SET', 'Invalid character set', '字符集不合法', ['create_direct_pay_by_user'], [
    T('_input_charset is utf-8, gbk or gb2312, is in the query string, and the bytes signed and sent are in that charset.', '_input_charset 是否为 utf-8、gbk 或 gb2312，是否在查询串中，且签名和发送的字节都使用该字符集。'),
  ])),
  src('inferred', biz('FOREX_MERCHANT_NOT_SUPPORT_THIS_CURRENCY', 'This forex merchant does not support the currency', '外币商户不支持该币种', ['create_forex_trade'], [
    T('currency is one of the currencies in your cross-border contract (e.g. USD), not the numeric 156.', 'currency 是否为跨境合同中的币种（如 USD），而不是数字代码 156。'),
  ])),
  biz('QUERY_RESULT_IS_NULL', 'Empty query result', '查询结果为空', ['batch_trans_notify'], [
    T('The batch_no / query range you asked for has records.', '所查询的 batch_no 或时间范围内是否有记录。'),
  ]),
];

// OpenAPI codes: meanings from Alipay's API reference (the common error codes page and the methods'
// error tables, see CatalogSource 'alipay-api-docs'); the few no page we read states are marked with src('inferred', …).
const oc = (code: string, en: string, zh: string, check?: Text[]): ErrorEntry => ({ code, level: 'openapi-code', meaning: T(en, zh), check, source: 'alipay-api-docs' });
const sub = (code: string, parent: string, en: string, zh: string, check?: Text[], action?: ErrorEntry['action']): ErrorEntry => ({
  code, level: 'openapi-sub-code', parent, meaning: T(en, zh), check, action, source: 'alipay-api-docs',
});

const OPENAPI_SIGN_CHECKS: Text[] = [
  T('The string signed: all request parameters except sign, sorted, joined raw; sign_type IS signed on OpenAPI.', '签名内容：除 sign 外全部请求参数排序后用原始值连接；OpenAPI 中 sign_type 参与签名。'),
  T('RSA2 (SHA256withRSA) with the application private key; the app public key uploaded for this app_id matches it.', 'RSA2（SHA256withRSA）使用应用私钥；该 app_id 上传的应用公钥须与之匹配。'),
  T('charset and the key format (PKCS#1 vs PKCS#8).', 'charset 以及密钥格式（PKCS#1 与 PKCS#8）。'),
];

const OPENAPI: ErrorEntry[] = [
  oc('10000', 'Success', '接口调用成功'),
  oc('20000', 'Service currently unavailable', '服务不可用', [
    T('Retry later; for payments query the trade before retrying.', '稍后重试；支付类请求重试前先查询交易状态。'),
  ]),
  oc('20001', 'Insufficient token permissions', '授权权限不足', [
    T('The auth_token / app_auth_token is valid, not expired, and authorised for this API.', 'auth_token / app_auth_token 是否有效、未过期且已授权该接口。'),
  ]),
  oc('40001', 'Missing required arguments', '缺少必选参数', [
    T('The sub_code names the missing parameter (app_id, method, sign, sign_type, timestamp, version…).', '看 sub_code 指出缺少的参数（app_id、method、sign、sign_type、timestamp、version 等）。'),
  ]),
  oc('40002', 'Invalid arguments', '非法的参数', [
    T('The sub_code names the invalid parameter; most often the signature (isv.invalid-signature) or app_id.', '看 sub_code 指出的非法参数；最常见为签名（isv.invalid-signature）或 app_id。'),
  ]),
  oc('40004', 'Business failed', '业务处理失败', [
    T('The sub_code (ACQ.…) says which business rule failed.', '看 sub_code（ACQ.…）了解是哪条业务规则失败。'),
  ]),
  oc('40006', 'Insufficient permissions', '权限不足', [
    T('The product behind this API is signed and the API is added to the app (open platform console).', '该接口对应产品是否已签约，且接口已添加到应用中（开放平台控制台）。'),
  ]),

  sub('isv.invalid-signature', '40002', 'Invalid signature', '无效签名', OPENAPI_SIGN_CHECKS, 'signatureDoctor'),
  sub('isv.invalid-app-id', '40002', 'Invalid app_id', '无效的AppID参数', [
    T('app_id exists, is online, and belongs to the environment (sandbox vs production) of the gateway.', 'app_id 是否存在、已上线，且属于所请求网关的环境（沙箱或生产）。'),
  ], 'profiles'),
  sub('isv.missing-signature', '40001', 'Missing signature', '缺少签名参数', [
    T('The sign parameter is present and non-empty.', 'sign 参数是否存在且非空。'),
  ]),
  sub('isv.invalid-signature-type', '40002', 'Invalid signature type', '无效的签名类型', [
    T('sign_type is RSA2 (or RSA) and matches the key uploaded for the app.', 'sign_type 是否为 RSA2（或 RSA），并与应用上传的密钥类型一致。'),
  ]),
  sub('isv.missing-app-id', '40001', 'Missing app_id', '缺少AppID参数', [
    T('The app_id parameter is present.', 'app_id 参数是否存在。'),
  ]),
  sub('isv.missing-signature-type', '40001', 'Missing signature type', '缺少签名类型参数', [
    T('Add sign_type (RSA2).', '添加 sign_type（RSA2）。'),
  ]),
  sub('isv.missing-method', '40001', 'Missing method', '缺少方法名参数'),
  sub('isv.missing-timestamp', '40001', 'Missing timestamp', '缺少时间戳参数'),
  sub('isv.missing-version', '40001', 'Missing version', '缺少版本参数'),
  sub('isv.invalid-method', '40002', 'Invalid method', '不存在的方法名', [
    T('The method name is spelled exactly (e.g. alipay.trade.query).', '方法名是否拼写正确（如 alipay.trade.query）。'),
  ]),
  sub('isv.invalid-timestamp', '40002', 'Invalid timestamp', '非法的时间戳参数', [
    T('timestamp is yyyy-MM-dd HH:mm:ss and within minutes of Alipay\'s clock.', 'timestamp 格式为 yyyy-MM-dd HH:mm:ss，且与支付宝时间相差不超过数分钟。'),
  ]),
  sub('isv.invalid-charset', '40002', 'Invalid charset', '字符集错误', [T('Use charset=utf-8.', '使用 charset=utf-8。')]),
  src('inferred', sub('isv.invalid-parameter', '40002', 'Invalid parameter', '参数无效', [T('The parameter named in sub_msg.', '检查 sub_msg 中指出的参数。')])),
  src('inferred', sub('isv.missing-signature-config', '40002', 'No signature key configured for the app', '应用未配置对应签名算法的公钥或者证书', [
    T('Upload the app public key (or certificate) for the sign_type you use.', '为所用 sign_type 上传应用公钥（或证书）。'),
  ])),
  sub('isv.insufficient-isv-permissions', '40006', 'Insufficient ISV permissions', 'ISV权限不足', [
    T('Sign the product and add the API to the app.', '签约相应产品并在应用中添加该接口。'),
  ]),
  sub('isv.insufficient-user-permissions', '40006', 'Insufficient user permissions', '用户权限不足', [
    T('The merchant has authorised this app (app_auth_token) for the API.', '商户是否已授权该应用（app_auth_token）调用此接口。'),
  ]),
  sub('isp.unknow-error', '20000', 'Service temporarily unavailable', '服务暂不可用（业务系统不可用）', [
    T('Retry later; query the trade before retrying a payment.', '稍后重试；重试支付前先查询交易。'),
  ]),
  sub('aop.invalid-auth-token', '20001', 'Invalid auth_token', '无效的访问令牌', [T('Obtain a new auth_token.', '重新获取 auth_token。')]),
  sub('aop.auth-token-time-out', '20001', 'auth_token expired', '访问令牌已过期', [T('Refresh the auth_token.', '刷新 auth_token。')]),
  sub('aop.invalid-app-auth-token', '20001', 'Invalid app_auth_token', '无效的应用授权令牌', [
    T('app_auth_token belongs to this app and the merchant has not revoked it.', 'app_auth_token 是否属于该应用且未被商户解除授权。'),
  ]),
  sub('aop.app-auth-token-time-out', '20001', 'app_auth_token expired', '应用授权令牌已过期', [
    T('Refresh the app_auth_token with the refresh token.', '用 refresh token 刷新 app_auth_token。'),
  ]),
  sub('ACQ.TRADE_NOT_EXIST', '40004', 'Trade does not exist', '交易不存在', [
    T('out_trade_no / trade_no is exact and the trade was created on this environment; an unscanned QR code creates no trade yet.', 'out_trade_no / trade_no 是否准确、交易是否创建在当前环境；未扫码的二维码尚未创建交易。'),
  ]),
  sub('ACQ.SYSTEM_ERROR', '40004', 'System error', '系统错误', [
    T('Retry with the same out_trade_no, or query the trade to learn its real state.', '使用相同 out_trade_no 重试，或查询交易以确认实际状态。'),
  ]),
  sub('ACQ.TRADE_HAS_SUCCESS', '40004', 'Trade already paid', '交易已被支付', [
    T('Treat the order as paid (query it); use a new out_trade_no for a new payment.', '按已支付处理（先查询确认）；新支付请用新的 out_trade_no。'),
  ]),
  sub('ACQ.TRADE_HAS_CLOSE', '40004', 'Trade already closed', '交易已经关闭', [
    T('Create a new trade with a new out_trade_no.', '使用新的 out_trade_no 创建新交易。'),
  ]),
  sub('ACQ.BUYER_BALANCE_NOT_ENOUGH', '40004', 'Buyer balance not enough', '买家余额不足', [
    T('Ask the buyer to top up or pay another way.', '请买家充值或更换支付方式。'),
  ]),
  sub('ACQ.INVALID_PARAMETER', '40004', 'Invalid parameter', '参数无效', [T('The parameter named in sub_msg.', '检查 sub_msg 中指出的参数。')]),
  sub('ACQ.ACCESS_FORBIDDEN', '40004', 'No permission to use this API', '无权限使用接口', [
    T('The product is signed and active for this app.', '该产品是否已为此应用签约并生效。'),
  ]),
  sub('ACQ.TOTAL_FEE_EXCEED', '40004', 'Order amount exceeds the limit', '订单总金额超过限额', [
    T('total_amount is within the documented range.', 'total_amount 是否在允许范围内。'),
  ]),
  sub('ACQ.TRADE_STATUS_ERROR', '40004', 'Trade status does not allow this operation', '交易状态不合法', [
    T('Query the trade first and act only in a state that allows it.', '先查询交易，仅在允许的状态下操作。'),
  ]),
  sub('ACQ.SELLER_BALANCE_NOT_ENOUGH', '40004', 'Seller balance not enough (refund)', '卖家余额不足', [
    T('Top up the merchant account before refunding.', '退款前为商户账户充值。'),
  ]),
  src('issue #14', sub('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '40004', 'Refund amount exceeds the payment (more than can still be refunded)', '退款金额超限', [
    T('refund_amount is at most the amount paid minus what was refunded already; a retried refund repeats the same out_request_no and amount.', 'refund_amount 不超过实付金额减去已退金额；重试退款须使用相同的 out_request_no 和金额。'),
  ])),
  sub('ACQ.CONTEXT_INCONSISTENT', '40004', 'Trade information has been changed', '交易信息被篡改', [
    T('The same out_trade_no was used with different parameters: use a new out_trade_no.', '同一 out_trade_no 使用了不同参数：请使用新的 out_trade_no。'),
  ]),
  sub('ACQ.PAYMENT_AUTH_CODE_INVALID', '40004', 'Payment auth code invalid', '支付授权码无效', [
    T('Ask the buyer to refresh the payment code and scan again.', '请买家刷新付款码后重新扫码。'),
  ]),
];

/** OpenAPI codes with the trade methods they come from (openapi.ts adds the codes it names that were missing). */
const SEEN_IN = openApiSeenIn();
const withMethods = (e: ErrorEntry): ErrorEntry => (SEEN_IN.has(e.code) ? { ...e, seenIn: [...(e.seenIn ?? []), ...SEEN_IN.get(e.code)!] } : e);

const ALL: ErrorEntry[] = [...MAPI, ...[...OPENAPI, ...OPENAPI_TRADE_ERRORS].map(withMethods)];
const BY_CODE = new Map<string, ErrorEntry>(ALL.map((e) => [e.code, e]));
const BY_UPPER = new Map<string, ErrorEntry>(ALL.filter((e) => e.code.includes('.')).map((e) => [e.code.toUpperCase(), e]));

export const LEVEL_TEXT: Record<ErrorLevel, Text> = {
  gateway: T('gateway error (rejected before the business system)', '网关错误（在业务系统之前被拒绝）'),
  system: T('system error (contact Alipay support)', '系统错误（请联系支付宝技术支持）'),
  business: T('business error', '业务错误'),
  'openapi-code': T('OpenAPI common code', 'OpenAPI 公共错误码'),
  'openapi-sub-code': T('OpenAPI sub-code', 'OpenAPI 业务子错误码'),
};

/** Exact lookup; sub-codes also match case-insensitively (logs sometimes upper-case them). */
export function errorByCode(code: string): ErrorEntry | undefined {
  return BY_CODE.get(code) ?? (code.includes('.') ? BY_UPPER.get(code.toUpperCase()) : undefined);
}

export function allErrors(): readonly ErrorEntry[] {
  return ALL;
}
