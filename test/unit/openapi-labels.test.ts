// Labels of the 12 most used OpenAPI trade methods (issue #16, slice 6):
// decode labels their response fields and explains their codes and
// sub-codes in English and Chinese; every listed field has both languages and
// a source marker naming a public Alipay source (the .NET SDK's model classes,
// the API reference's error tables), and what no source states is flagged as
// inferred where people read it (explain, decode, preview).
import * as assert from 'node:assert/strict';
import { formatModel } from '../../src/cli/decode';
import { allErrors, allOpenApiMethods, errorByCode, field, openApiField, openApiMethod } from '../../src/core/catalog';
import { explain, explainName, INFERRED_NOTE } from '../../src/core/explain';
import { decodeResponse, type FieldView, type ResponseModel } from '../../src/core/response';

const CJK = /[\u4e00-\u9fff]/;

const METHODS = [
  'alipay.trade.page.pay', 'alipay.trade.wap.pay', 'alipay.trade.app.pay', 'alipay.trade.precreate', 'alipay.trade.pay', 'alipay.trade.create',
  'alipay.trade.query', 'alipay.trade.refund', 'alipay.trade.fastpay.refund.query', 'alipay.trade.close', 'alipay.trade.cancel',
  'alipay.data.dataservice.bill.downloadurl.query',
];

// A query answer as the gateway writes it (nested fund_bill_list included); unsigned: labelling does not depend on keys.
const QUERY = `{"alipay_trade_query_response":{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248",
"buyer_logon_id":"159****5620","trade_status":"TRADE_SUCCESS","total_amount":"88.88","receipt_amount":"88.88","buyer_pay_amount":"88.88",
"point_amount":"0.00","invoice_amount":"88.88","send_pay_date":"2014-11-27 15:45:57","store_id":"NJ_S_001","terminal_id":"NJ_T_001",
"fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT","amount":"88.88"}],"buyer_user_id":"2088101117955611","buyer_user_type":"PRIVATE"},
"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}`;

const REFUND_FAIL = `{"alipay_trade_refund_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
"sub_msg":"退款金额超限","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248","fund_change":"N","refund_fee":"0.00"},
"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}`;

function fieldOf(m: ResponseModel, name: string): FieldView {
  const f = m.fields.find((x) => x.name === name && !x.group);
  assert.ok(f, `field ${name} in the model`);
  return f;
}

describe('OpenAPI trade methods: fields and codes labelled in both languages (issue #16)', () => {
  it('decode labels a realistic alipay_trade_query_response in English and Chinese', () => {
    const m = decodeResponse(QUERY);
    assert.equal(m.kind, 'openapi');
    assert.equal(m.service, 'alipay.trade.query');
    assert.equal(m.success, true);
    const expect: Record<string, [RegExp, RegExp]> = {
      code: [/Gateway code/, /网关返回码/],
      trade_no: [/Alipay trade number/, /支付宝交易号/],
      out_trade_no: [/Merchant order number/, /商户订单号/],
      buyer_logon_id: [/Buyer Alipay account/, /买家支付宝账号/],
      trade_status: [/Trade status/, /交易状态/],
      total_amount: [/Total amount/, /订单总金额/],
      receipt_amount: [/Amount received/, /实收金额/],
      buyer_pay_amount: [/Amount paid by buyer/, /买家实付金额/],
      send_pay_date: [/Paid to seller at/, /打款时间/],
      buyer_user_type: [/Buyer user type/, /买家用户类型/],
    };
    for (const [name, [en, zh]] of Object.entries(expect)) {
      const f = fieldOf(m, name);
      assert.match(f.label?.en ?? '', en, `${name} en label`);
      assert.match(f.label?.zh ?? '', zh, `${name} zh label`);
      assert.ok(f.description && CJK.test(f.description.zh) && !CJK.test(f.description.en), `${name} description in both languages`);
    }
    // Values: the code's meaning, the trade status, amounts and dates recognised.
    assert.match(fieldOf(m, 'code').meaning?.en ?? '', /Success/);
    assert.match(fieldOf(m, 'code').meaning?.zh ?? '', /成功/);
    assert.match(fieldOf(m, 'trade_status').meaning?.zh ?? '', /支付成功/);
    assert.deepEqual(fieldOf(m, 'total_amount').recognised, { type: 'amount', value: 88.88 });
    assert.deepEqual(fieldOf(m, 'send_pay_date').recognised, { type: 'date', iso: '2014-11-27T15:45:57' });
    assert.equal(fieldOf(m, 'buyer_user_type').meaning?.en, 'Private user');
    // The nested list is a table with labelled columns.
    const table = m.tables.find((t) => t.name === 'fund_bill_list');
    assert.ok(table, 'fund_bill_list table');
    assert.match(table.label?.zh ?? '', /资金渠道/);
    assert.equal(table.columns.find((c) => c.name === 'fund_channel')?.label?.en, 'Fund channel');
    assert.equal(table.columns.find((c) => c.name === 'amount')?.kind, 'amount');
  });

  it('decode of an alipay_trade_refund_response with an ACQ sub-code explains the sub-code and labels the fields', () => {
    const m = decodeResponse(REFUND_FAIL);
    assert.equal(m.success, false);
    assert.equal(m.error?.code, 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL');
    assert.equal(m.error?.message, '退款金额超限');
    assert.match(m.error?.entry?.meaning.en ?? '', /Refund amount exceeds/);
    assert.match(m.error?.entry?.meaning.zh ?? '', /退款金额超限/);
    assert.ok(m.error?.entry?.seenIn?.includes('alipay.trade.refund'), 'the sub-code knows its method');
    assert.equal(m.status.detail, m.error?.entry?.meaning);
    const sub = fieldOf(m, 'sub_code');
    assert.deepEqual(sub.label, { en: 'Business sub-code', zh: '业务返回码' });
    assert.match(sub.meaning?.en ?? '', /Refund amount exceeds/);
    assert.match(fieldOf(m, 'code').meaning?.en ?? '', /Business failed/);
    assert.match(fieldOf(m, 'code').meaning?.zh ?? '', /业务处理失败/);
    assert.deepEqual(fieldOf(m, 'fund_change').label, { en: 'Funds changed', zh: '本次退款是否发生了资金变化' });
    assert.match(fieldOf(m, 'fund_change').meaning?.en ?? '', /No funds moved/);
    assert.match(fieldOf(m, 'fund_change').meaning?.zh ?? '', /未发生资金变化/);
    assert.deepEqual(fieldOf(m, 'refund_fee').label, { en: 'Total refunded', zh: '退款总金额' });
  });

  it('a frozen-trade refund (new sub-code) and code 10003 are explained in both languages', () => {
    const m = decodeResponse('{"alipay_trade_refund_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.REASON_TRADE_BEEN_FREEZEN","sub_msg":"交易已经被冻结"}}');
    assert.match(m.error?.entry?.meaning.en ?? '', /frozen/);
    assert.match(m.error?.entry?.meaning.zh ?? '', /冻结/);
    assert.equal(m.error?.entry?.parent, '40004');
    const waiting = decodeResponse('{"alipay_trade_pay_response":{"code":"10003","msg":"order success pay inprocess","out_trade_no":"A1","trade_no":"T1"}}');
    assert.equal(waiting.success, undefined, 'neither paid nor failed');
    assert.match(waiting.status.title.en, /in progress/);
    assert.match(waiting.status.title.zh, /支付处理中/);
    assert.match(waiting.error?.entry?.meaning.en ?? '', /waiting for the buyer/);
    assert.match(waiting.error?.entry?.meaning.zh ?? '', /等待用户付款/);
  });

  it('labels the rarer fields of a real answer too (every field of the SDK classes is listed)', () => {
    const m = decodeResponse(`{"alipay_trade_pay_response":{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248",
"buyer_logon_id":"159****5620","total_amount":"120.88","receipt_amount":"88.88","buyer_user_name":"菜鸟网络有限公司","buyer_user_type":"CORPORATE",
"charge_amount":"8.88","charge_flags":"bluesea_1","settlement_id":"2018101610032004620239146945","settle_trans_rate":"1","trans_pay_rate":"6.5261",
"hyb_amount":"10.24","card_balance":"98.23","advance_amount":"88.8","pre_auth_pay_amount":"88.8","receipt_currency_type":"DC","async_payment_mode":"ASYNC_DELAY_PAY"}}`);
    assert.equal(m.service, 'alipay.trade.pay');
    for (const f of m.fields) {
      assert.ok(f.label && CJK.test(f.label.zh) && f.label.en && !CJK.test(f.label.en), `${f.name} labelled in both languages`);
      assert.equal(f.inferred, undefined, `${f.name} sourced`);
    }
    assert.deepEqual(fieldOf(m, 'buyer_user_name').label, { en: 'Buyer name', zh: '买家名称' });
    assert.match(fieldOf(m, 'receipt_currency_type').description?.zh ?? '', /数字人民币/);
    assert.equal(fieldOf(m, 'buyer_user_type').meaning?.en, 'Corporate user');
    assert.deepEqual(fieldOf(m, 'hyb_amount').recognised, { type: 'amount', value: 10.24 });
    for (const name of ['buyer_user_name', 'charge_flags', 'hyb_amount', 'async_payment_mode']) assert.ok(openApiMethod('alipay.trade.pay')?.response.includes(name), name);
    for (const name of ['ext_infos', 'cashier_type', 'passback_params', 'unpaid_reason']) assert.ok(openApiMethod('alipay.trade.query')?.response.includes(name), name);
  });

  it('covers the 12 methods, and every field each lists has both languages and a source', () => {
    assert.deepEqual(allOpenApiMethods().map((x) => x.name).sort(), [...METHODS].sort());
    for (const name of METHODS) {
      const method = openApiMethod(name);
      assert.ok(method, name);
      assert.ok(method.source, `${name} source`);
      assert.ok(CJK.test(method.purpose.zh) && !CJK.test(method.purpose.en), `${name} purpose in both languages`);
      assert.ok(method.request.length > 0 && method.response.length > 0, `${name} lists fields`);
      for (const f of [...method.request, ...method.response]) {
        const def = openApiField(f);
        assert.ok(def, `${name}: ${f} has a catalog entry`);
        assert.ok(def.source, `${name}: ${f} has a source`);
        // Every field a method lists is in that method's SDK model or response class (checked when transcribed).
        assert.equal(def.source, 'alipay-sdk-net-all', `${name}: ${f} sourced from the SDK`);
        for (const t of [def.label, def.meaning]) {
          assert.ok(t.en.trim() && !CJK.test(t.en), `${name}: ${f} English: ${t.en}`);
          assert.ok(CJK.test(t.zh), `${name}: ${f} Chinese: ${t.zh}`);
        }
      }
      for (const code of method.subCodes) {
        const e = errorByCode(code);
        assert.ok(e, `${name}: sub-code ${code} in the catalog`);
        assert.ok(e.source, `${code} has a source`);
        assert.ok(e.meaning.en && !CJK.test(e.meaning.en) && CJK.test(e.meaning.zh), `${code} both languages`);
        assert.ok(e.seenIn?.includes(name), `${code} seen in ${name}`);
      }
    }
  });

  it('the codes and sub-codes of the brief are all present, each once', () => {
    const codes = ['10000', '10003', '20000', '20001', '40001', '40002', '40004', '40006', 'ACQ.TRADE_NOT_EXIST', 'ACQ.SYSTEM_ERROR', 'ACQ.INVALID_PARAMETER',
      'ACQ.TRADE_HAS_SUCCESS', 'ACQ.TRADE_HAS_CLOSE', 'ACQ.BUYER_BALANCE_NOT_ENOUGH', 'ACQ.PAYMENT_AUTH_CODE_INVALID', 'ACQ.REASON_TRADE_BEEN_FREEZEN',
      'ACQ.TRADE_STATUS_ERROR', 'ACQ.SELLER_BALANCE_NOT_ENOUGH', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', 'ACQ.CONTEXT_INCONSISTENT', 'ACQ.ACCESS_FORBIDDEN',
      'ACQ.EXIST_FORBIDDEN_WORD', 'ACQ.BUYER_NOT_EXIST'];
    for (const c of codes) {
      const e = errorByCode(c);
      assert.ok(e, c);
      assert.ok(e.level.startsWith('openapi'), `${c} is an OpenAPI code`);
      assert.ok(CJK.test(e.meaning.zh) && !CJK.test(e.meaning.en), `${c} both languages`);
      assert.equal(allErrors().filter((x) => x.code.toUpperCase() === c.toUpperCase()).length, 1, `${c} defined once`);
    }
  });

  it('meanings transcribed from the SDK and the API reference carry their source; only unsourced ones are flagged in explain', () => {
    // Transcribed from AlipayTradeQueryResponse.cs / AlipayTradeCancelResponse.cs (oracle: the SDK's own words).
    assert.match(openApiField('trade_status')?.meaning.zh ?? '', /TRADE_FINISHED（交易结束，不可退款）/);
    assert.match(openApiField('action')?.meaning.zh ?? '', /close 交易未支付，触发关闭交易/);
    const logon = explainName('buyer_logon_id');
    assert.equal(logon?.source, 'alipay-sdk-net-all');
    assert.equal(logon?.inferred, undefined);
    // Codes: the common page and the methods' error tables.
    for (const c of ['10000', '40004', 'isv.invalid-signature', 'ACQ.TRADE_NOT_EXIST', 'ACQ.TRADE_HAS_SUCCESS', 'ACQ.EXIST_FORBIDDEN_WORD', 'ACQ.REASON_ILLEGAL_STATUS', 'ACQ.CANCEL_NOT_ALLOWED']) {
      assert.equal(errorByCode(c)?.source, 'alipay-api-docs', c);
      assert.equal(explain(c, { explicit: true })?.inferred, undefined, `${c} not flagged`);
    }
    assert.equal(explain('N', { field: 'fund_change' })?.source, 'alipay-api-docs');
    assert.equal(explain('N', { field: 'fund_change' })?.inferred, undefined);
    // What no source states stays flagged, in both languages.
    const f = explainName('total_refund_amount');
    assert.equal(f?.inferred, true);
    assert.deepEqual(f?.facts?.[0], INFERRED_NOTE);
    for (const c of ['10003', 'ACQ.DISCORDANT_REPEAT_REQUEST', 'aop.ACQ.SYSTEM_ERROR']) {
      const e = explain(c, { explicit: true });
      assert.equal(e?.source, 'inferred', c);
      assert.equal(e?.inferred, true, c);
      assert.deepEqual(e?.facts?.[0], INFERRED_NOTE);
    }
    assert.equal(explain('N', { field: 'retry_flag' })?.inferred, true);
    assert.equal(explain('TRADE_SUCCESS', { field: 'trade_status' })?.inferred, undefined);
    // A MAPI field keeps its MAPI meaning in general lookups; OpenAPI responses get the OpenAPI one.
    assert.equal(field('subject')?.label.en, 'Subject');
    assert.equal(openApiField('subject')?.label.en, 'Order title');
  });
  it('decode marks an inferred field meaning and an inferred sub-code in both languages, and nothing on sourced ones', () => {
    const sourced = decodeResponse(QUERY);
    assert.ok(sourced.fields.every((f) => !f.inferred), 'no query field is inferred');
    for (const lang of ['en', 'zh'] as const) assert.ok(!formatModel(sourced, lang).join('\n').includes(INFERRED_NOTE[lang]));

    // A cancel answer: retry_flag=Y is our reading (the SDK names the field only), action=close is the SDK's.
    const cancel = decodeResponse('{"alipay_trade_cancel_response":{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248","retry_flag":"Y","action":"close"}}');
    assert.equal(fieldOf(cancel, 'retry_flag').inferred, true);
    assert.equal(fieldOf(cancel, 'action').inferred, undefined);
    assert.match(fieldOf(cancel, 'action').meaning?.zh ?? '', /交易未支付/);
    const en = formatModel(cancel, 'en');
    const zh = formatModel(cancel, 'zh');
    assert.ok(en.some((l) => l.includes('retry_flag (Retry needed): Y') && l.endsWith('[inferred]')), en.join('\n'));
    assert.ok(zh.some((l) => l.includes('retry_flag (是否需要重试): Y') && l.endsWith('[推断]')), zh.join('\n'));
    assert.ok(!en.some((l) => l.includes('action (') && l.includes('[inferred]')));
    assert.ok(en.includes(`  [inferred] ${INFERRED_NOTE.en}`));
    assert.ok(zh.includes(`  [推断] ${INFERRED_NOTE.zh}`));

    // Sub-codes: an unsourced one is flagged under the error, a documented one is not.
    const repeat = decodeResponse('{"alipay_trade_refund_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.DISCORDANT_REPEAT_REQUEST","sub_msg":"不一致的请求"}}');
    for (const lang of ['en', 'zh'] as const) assert.ok(formatModel(repeat, lang).includes(`  ACQ.DISCORDANT_REPEAT_REQUEST: ${INFERRED_NOTE[lang]}`));
    assert.equal(fieldOf(repeat, 'sub_code').inferred, true, 'the sub_code field line is marked too');
    assert.equal(fieldOf(repeat, 'code').inferred, undefined);
    const missing = decodeResponse('{"alipay_trade_query_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}}');
    assert.equal(missing.error?.entry?.source, 'alipay-api-docs');
    for (const lang of ['en', 'zh'] as const) assert.ok(!formatModel(missing, lang).join('\n').includes(INFERRED_NOTE[lang]));
  });
});
