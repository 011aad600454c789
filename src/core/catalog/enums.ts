// Enumerations from the seeds and catalog-facts.md. `needsField` marks values
// too short or common to explain in free text (T, 1, POST…): those are only
// explained when the field they belong to is known.
import { OPENAPI_ENUMS } from './openapi';
import type { CatalogSource, EnumDef, EnumValue, Text } from './types';

const T = (en: string, zh: string): Text => ({ en, zh });
const v = (value: string, zh: string, en: string, note?: Text): EnumValue => ({ value, meaning: { en, zh }, note });
/** A value whose meaning is not stated by the seeds or catalog-facts.md (flagged in hovers and explain). */
const inferred = (x: EnumValue): EnumValue => ({ ...x, source: 'inferred' satisfies CatalogSource });
const TF = (yesEn: string, yesZh: string, noEn: string, noZh: string): EnumValue[] => [v('T', yesZh, yesEn), v('F', noZh, noEn)];

const ENUMS: EnumDef[] = [
  {
    name: 'trade_status', title: T('Trade status', '交易状态'), fields: ['trade_status'],
    values: [
      v('WAIT_BUYER_PAY', '等待买家付款', 'Waiting for the buyer to pay',
        T('Not paid yet: do not deliver. Wait for the TRADE_SUCCESS notification (or query the trade later); an unpaid trade closes when it times out (it_b_pay).',
          '尚未付款：不要发货。等待 TRADE_SUCCESS 异步通知（或稍后查询交易）；未付款的交易超时（it_b_pay）后关闭。')),
      v('WAIT_SELLER_SEND_GOODS', '买家已付款,等待卖家发货', 'Buyer has paid, waiting for the seller to ship'),
      v('WAIT_BUYER_CONFIRM_GOODS', '卖家已发货,等待买家确认', 'Seller has shipped, waiting for the buyer to confirm receipt'),
      v('TRADE_FINISHED', '交易成功结束', 'Trade finished successfully',
        T('Final: no refund possible any more (instant payment without refund, or the refund window is over). Do not deliver twice if you already handled TRADE_SUCCESS.',
          '终态：不可再退款（不支持退款的即时到账，或已过退款期）。如已处理过 TRADE_SUCCESS，不要重复发货。')),
      v('TRADE_CLOSED', '交易中途关闭(已结束,未成功完成)', 'Trade closed before completion (ended, not successful)',
        T('Unpaid and timed out or closed, or fully refunded.', '未付款超时关闭或被关闭，或已全额退款。')),
      v('WAIT_SYS_CONFIRM_PAY', '支付宝确认买家银行汇款中,暂勿发货', 'Alipay is confirming the buyer\'s bank transfer: do not ship yet'),
      v('WAIT_SYS_PAY_SELLER', '买家确认收货,等待支付宝打款给卖家', 'Buyer confirmed receipt, waiting for Alipay to pay the seller'),
      v('TRADE_REFUSE', '立即支付交易拒绝', 'Instant payment trade refused'),
      v('TRADE_REFUSE_DEALING', '立即支付交易拒绝中', 'Instant payment trade refusal in progress'),
      v('TRADE_CANCEL', '立即支付交易取消', 'Instant payment trade cancelled'),
      v('TRADE_PENDING', '等待卖家收款', 'Waiting for the seller to collect the payment'),
      v('TRADE_SUCCESS', '支付成功', 'Payment succeeded',
        T('Paid and still refundable (instant payment with refund support). Deliver once: the same notification may arrive several times.',
          '已支付且仍可退款（支持退款的即时到账）。只发货一次：同一通知可能多次到达。')),
      v('BUYER_PRE_AUTH', '买家已付款(语音支付)', 'Buyer has paid (voice payment)'),
      v('COD_WAIT_SELLER_SEND_GOODS', '等待卖家发货(货到付款)', 'Waiting for the seller to ship (cash on delivery)'),
      v('COD_WAIT_BUYER_PAY', '等待买家签收付款(货到付款)', 'Waiting for the buyer to sign and pay (cash on delivery)'),
      v('COD_WAIT_SYS_PAY_SELLER', '签收成功等待系统打款给卖家(货到付款)', 'Signed for, waiting for the system to pay the seller (cash on delivery)'),
      v('WAIT_SELLER_CONFIRM_TRADE', '交易已创建,等待卖家确认', 'Trade created, waiting for the seller to confirm (escrow)'),
    ],
  },
  {
    name: 'additional_trade_status', title: T('Additional trade status', '交易附加状态'), fields: ['additional_trade_status'],
    values: [
      v('ZHIFUBAO_CONFIRM', '客服代买家确认收货', 'Customer service confirmed receipt on the buyer\'s behalf'),
      v('ZHIFUBAO_CANCEL_FP', '客服代付款方取消快速支付', 'Customer service cancelled the fast payment on the payer\'s behalf'),
      v('DAEMON_CONFIRM_CANCEL_PRE_AUTH', '超时程序取消预授权', 'Timeout job cancelled the pre-authorisation'),
      v('DAEMON_CONFIRM_CLOSE', '超时程序因买家不付款关闭交易', 'Timeout job closed the trade because the buyer did not pay'),
    ],
  },
  {
    name: 'gathering_type', title: T('Gathering (payment) type', '收款类型'), fields: ['gathering_type', 'payment_type'], needsField: true,
    values: [
      v('01', '红包结算金预收款', 'Red packet settlement advance'),
      v('02', '红包结算金', 'Red packet settlement'),
      v('03', '提醒收款', 'Payment reminder collection'),
      v('04', '自动发货商品', 'Auto-delivered goods'),
      v('1', '商品购买', 'Goods purchase'),
      v('2', '服务购买', 'Service purchase'),
      v('3', '网络拍卖', 'Online auction'),
      v('4', '捐赠', 'Donation'),
      v('5', '邮费补偿', 'Postage compensation'),
      v('6', '奖金', 'Bonus'),
      v('7', '基金购买', 'Fund purchase'),
      v('8', '机票购买', 'Air ticket purchase'),
      v('9', '收AA款', 'Split-bill (AA) collection'),
      v('10', '团购', 'Group buying'),
      v('11', '电子客票', 'E-ticket'),
      v('12', '彩票', 'Lottery'),
      v('13', '拍卖', 'Auction'),
      v('14', '手机支付类型', 'Mobile payment'),
      v('15', '鲜花礼品', 'Flowers and gifts'),
      v('16', '代理商电子客票', 'Agent e-ticket'),
      v('17', '党费', 'Party membership dues'),
      v('18', '外汇', 'Foreign exchange'),
      v('19', '自动直充', 'Automatic direct top-up'),
      v('20', '境外收单退款', 'Cross-border acquiring refund'),
      v('21', '即时到账退款', 'Instant payment refund'),
      v('22', '业务保证金', 'Business deposit'),
      v('23', '购物车支付', 'Shopping cart payment'),
      v('24', '送礼金', 'Gift money'),
      v('25', '交房租', 'Rent payment'),
      v('26', 'motopay类型', 'MOTO pay'),
      v('27', '团购担保交易付款', 'Group-buying escrow payment'),
      v('47', '电子卡券', 'E-voucher'),
    ],
  },
  {
    name: 'trade_action', title: T('Trade action', '交易操作动作'), fields: ['trade_action'],
    values: [
      v('payAction', '付款(买家)', 'Pay (buyer)'),
      v('modifyAction', '修改价格(卖家)', 'Modify the price (seller)'),
      v('closeAction', '关闭交易(卖家)', 'Close the trade (seller)'),
      v('detailAction', '单纯跳转支付宝站内查看交易详情', 'Just open the trade details on Alipay (buyer or seller)'),
    ],
  },
  {
    name: 'trade_actions', title: T('Follow-up actions', '操作动作'), fields: ['buyer_actions', 'seller_actions'], list: true,
    values: [
      v('PAY', '付款(买家)', 'Pay (buyer)'),
      v('REFUND', '退款(买家)', 'Request a refund (buyer)'),
      v('CONFIRM_GOODS', '确认收货(买家)', 'Confirm receipt of goods (buyer)'),
      v('CANCEL_FAST_PAY', '取消快速支付(买家)', 'Cancel fast payment (buyer)'),
      v('WAIT_BUYER_CONFIRM_GOODS', '等待买家确认收货', 'Wait for the buyer to confirm receipt (buyer)'),
      v('FP_PAY', '快速支付付款(买家)', 'Fast-payment pay (buyer)'),
      v('RM_PAY', '提醒收款付款(买家)', 'Pay a payment reminder (buyer)'),
      v('MODIFY_DELIVER_ADDRESS', '修改收货地址(买家)', 'Modify the delivery address (buyer)'),
      v('SEND_GOODS', '发货(卖家)', 'Ship the goods (seller)'),
      v('REFUSE_TRADE', '拒绝交易(卖家)', 'Refuse the trade (seller)'),
      v('MODIFY_TRADE', '修改交易(卖家)', 'Modify the trade (seller)'),
      v('REFUSE_FAST_PAY', '拒绝快速支付(卖家)', 'Refuse fast payment (seller)'),
      v('QUERY_LOGISTICS', '查看物流(买卖双方)', 'Query logistics (both)'),
      v('QUERY_REFUND', '查看退款(买卖双方)', 'Query the refund (both)'),
      v('EXTEND_TIMEOUT', '延长超时时间(买卖双方)', 'Extend the timeout (both)'),
      v('VIEW_DETAIL', '查看详情(买卖双方)', 'View details (both)'),
    ],
  },
  {
    name: 'refund_status', title: T('Refund status', '退款状态'), fields: ['refund_status'],
    values: [
      v('WAIT_SELLER_AGREE', '退款协议等待卖家确认中', 'Refund request waiting for the seller to agree'),
      v('SELLER_REFUSE_BUYER', '卖家不同意协议,等待买家修改', 'Seller refused, waiting for the buyer to modify the request'),
      v('WAIT_BUYER_RETURN_GOODS', '退款协议达成,等待买家退货', 'Refund agreed, waiting for the buyer to return the goods'),
      v('WAIT_SELLER_CONFIRM_GOODS', '等待卖家收货', 'Waiting for the seller to receive the returned goods'),
      v('WAIT_ALIPAY_REFUND', '双方已经一致,等待支付宝退款', 'Both agreed, waiting for Alipay to refund'),
      v('ALIPAY_CHECK', '支付宝处理中', 'Alipay is reviewing the refund'),
      v('OVERED_REFUND', '结束的退款', 'Refund ended'),
      v('REFUND_SUCCESS', '退款成功', 'Refund succeeded'),
      v('REFUND_CLOSED', '退款关闭', 'Refund closed'),
      v('REFUND_FAIL', '退款失败', 'Refund failed'),
    ],
  },
  {
    name: 'operator_role', title: T('Operator role', '交易角色'), fields: ['operator_role'], needsField: true,
    values: [v('B', '买家', 'Buyer'), v('S', '卖家', 'Seller')],
  },
  {
    name: 'is_success', title: T('Request succeeded', '请求是否成功'), fields: ['is_success'], needsField: true,
    values: TF('Request processed (not necessarily a business success)', '请求成功（不代表业务处理成功）', 'Request failed: see <error>', '请求失败：见 <error>'),
  },
  {
    name: 'stop_timeout', title: T('Stop timeout mechanism', '是否停止超时机制'), fields: ['stop_timeout'], needsField: true,
    values: TF('Timeout mechanism stopped', '停止超时机制', 'Timeout mechanism not stopped', '不停止超时机制'),
  },
  {
    name: 'is_total_fee_adjust', title: T('Total fee adjusted', '总价是否调整过'), fields: ['is_total_fee_adjust'], needsField: true,
    values: [
      ...TF('The total fee was adjusted (price modified)', '总价已调整（修改过价格）', 'Not adjusted', '未调整'),
      // Real notifications (and the emulator's) send N; the documents list only T/F.
      inferred(v('N', '未调整（通知中的取值 N）', 'Not adjusted (N, as notifications send it)')),
    ],
  },
  {
    name: 'use_coupon', title: T('Coupon used', '是否使用红包'), fields: ['use_coupon'], needsField: true,
    values: [
      ...TF('A coupon (red packet) was used', '使用了红包/代金券', 'No coupon used', '未使用红包/代金券'),
      inferred(v('N', '未使用红包/代金券（通知中的取值 N）', 'No coupon used (N, as notifications send it)')),
    ],
  },
  {
    name: 'flag_trade_locked', title: T('Trade locked', '交易冻结状态'), fields: ['flag_trade_locked'], needsField: true,
    values: [v('0', '未冻结', 'Not locked'), v('1', '已冻结', 'Locked (frozen)')],
  },
  {
    name: 'account_type', title: T('Account type', '账户类型'), fields: ['seller_type', 'buyer_type'],
    values: [v('PRIVATE_ACCOUNT', '个人账户', 'Personal account'), inferred(v('CORPORATE_ACCOUNT', '企业账户', 'Corporate account'))],
  },
  {
    name: 'trade_type', title: T('Trade type', '交易类型'), fields: ['trade_type'], needsField: true,
    values: [inferred(v('S', '普通交易(担保/即时)', 'Standard trade (escrow or instant)'))],
  },
  {
    name: 'trade_from', title: T('Trade source', '交易来源'), fields: ['trade_from'],
    values: [inferred(v('INST_PARTNER', '合作伙伴(商户接口)创建', 'Created by a partner (merchant interface)'))],
  },
  {
    name: 'currency', title: T('Currency code', '货币代码'), fields: ['currency'], needsField: true,
    values: [v('156', '人民币 CNY(ISO 4217 数字代码)', 'Chinese yuan, CNY (ISO 4217 numeric code)')],
  },
  {
    name: 'logistics_type', title: T('Logistics type', '物流类型'), fields: ['logistics_type'], needsField: true,
    values: [v('VIRTUAL', '虚拟物品', 'Virtual goods'), v('POST', '平邮', 'Surface mail'), v('EMS', 'EMS', 'EMS'), v('EXPRESS', '快递', 'Express delivery')],
  },
  {
    name: 'logistics_payment', title: T('Who pays logistics', '物流支付方式'), fields: ['logistics_payment'],
    values: [
      v('SELLER_PAY', '卖家承担运费', 'Seller pays the shipping'),
      v('BUYER_PAY', '买家承担运费', 'Buyer pays the shipping'),
      v('BUYER_PAY_AFTER_RECEIVE', '买家收到货后直接支付给物流公司', 'Buyer pays the carrier on delivery'),
    ],
  },
  {
    name: 'transport_type', title: T('Transport type', '发货物流类型'), fields: ['transport_type', 'create_transport_type'], needsField: true,
    values: [v('POST', '平邮', 'Surface mail'), v('EXPRESS', '快递', 'Express delivery'), v('EMS', 'EMS', 'EMS')],
  },
  {
    name: 'sign_type', title: T('Signature type', '签名方式'), fields: ['sign_type'], needsField: true,
    values: [
      v('MD5', 'MD5 摘要(签名串 + 密钥)', 'MD5 digest of the pre-sign string + key'),
      v('RSA', 'SHA1withRSA 签名', 'SHA1withRSA signature'),
      v('DSA', 'SHA1withDSA 签名', 'SHA1withDSA signature'),
      v('RSA2', 'SHA256withRSA 签名(OpenAPI)', 'SHA256withRSA signature (OpenAPI)'),
    ],
  },
  {
    name: 'input_charset', title: T('Input charset', '参数编码字符集'), fields: ['_input_charset', 'charset'], needsField: true,
    values: [
      v('utf-8', 'UTF-8 编码', 'UTF-8 encoding'),
      v('gbk', 'GBK 编码', 'GBK encoding'),
      v('gb2312', 'GB2312 编码', 'GB2312 encoding'),
    ],
  },
  {
    name: 'notify_type', title: T('Notification type', '通知类型'), fields: ['notify_type'],
    values: [
      v('trade_status_sync', '交易状态同步通知', 'Trade status synchronisation notification'),
      inferred(v('batch_refund_notify', '批量退款结果通知', 'Batch refund result notification')),
    ],
  },
  // OpenAPI trade methods (fund_change, retry_flag, product_code…): openapi.ts.
  ...OPENAPI_ENUMS,
];

const BY_NAME = new Map(ENUMS.map((e) => [e.name, e]));
const BY_FIELD = new Map<string, EnumDef>();
for (const e of ENUMS) for (const f of e.fields) BY_FIELD.set(f, e);

/** The enumeration whose values a field takes (case-insensitive field name), if any. */
export function enumFor(field: string): EnumDef | undefined {
  return BY_FIELD.get(field) ?? BY_FIELD.get(field.toLowerCase());
}

export function enumByName(name: string): EnumDef | undefined {
  return BY_NAME.get(name);
}

/** Finds a value in an enumeration; charset values compare case-insensitively (UTF-8 = utf-8). */
export function enumValue(def: EnumDef, value: string): EnumValue | undefined {
  const exact = def.values.find((x) => x.value === value);
  if (exact || def.name !== 'input_charset') return exact;
  return def.values.find((x) => x.value === value.toLowerCase());
}

export function allEnums(): readonly EnumDef[] {
  return ENUMS;
}
