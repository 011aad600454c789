// explain / findTokenAt: what a hover, the preview and `explain` show for a token.
import * as assert from 'node:assert/strict';
import { explain, explainAt, findTokenAt } from '../../src/core/explain';
import { allEnums, allErrors, allFields, allServices, enumByName, errorByCode, field, paramSpec, service } from '../../src/core/catalog';

/** Column of the first `marker` character in `line` (the cursor sits on it). */
function at(line: string, marker: string, offset = 0): number {
  const i = line.indexOf(marker);
  assert.ok(i >= 0, `marker ${marker} in ${line}`);
  return i + offset;
}

describe('catalog lookups', () => {
  it('finds error codes of every level with both languages and hints for actionable ones', () => {
    assert.equal(errorByCode('ILLEGAL_SIGN')?.level, 'gateway');
    assert.equal(errorByCode('SYSTEM_ERROR')?.level, 'system');
    assert.equal(errorByCode('TRADE_NOT_EXIST')?.level, 'business');
    assert.equal(errorByCode('40004')?.level, 'openapi-code');
    assert.equal(errorByCode('isv.invalid-signature')?.parent, '40002');
    assert.equal(errorByCode('ACQ.TRADE_HAS_SUCCESS')?.level, 'openapi-sub-code');
    assert.ok(errorByCode('ILLEGAL_SIGN')?.check?.some((c) => /charset/.test(c.en) && /字符集/.test(c.zh)));
    assert.ok(errorByCode('ILLEGAL_PARTNER')?.check?.some((c) => /2088/.test(c.en)));
    for (const e of allErrors()) assert.ok(e.meaning.en && e.meaning.zh, e.code);
    assert.equal(errorByCode('illegal_sign'), undefined, 'MAPI codes are upper case only');
  });

  it('gives every service parameter a machine-usable spec and every name a field entry', () => {
    const q = service('single_trade_query')!;
    assert.equal(q.kind, 'xml');
    const tradeNo = q.params.find((p) => p.name === 'trade_no')!;
    assert.deepEqual([tradeNo.required, tradeNo.oneOf, tradeNo.maxLength], [false, 'trade_no|out_trade_no', 64]);
    assert.equal(paramSpec('partner')?.type, 'partnerId');
    assert.equal(paramSpec('total_fee', 'create_direct_pay_by_user')?.max, 1000000000);
    assert.equal(paramSpec('refund_date', 'refund_fastpay_by_platform_nopwd')?.type, 'date');
    for (const s of allServices()) {
      for (const p of s.params) {
        assert.ok(field(p.name), `field entry for ${s.name}.${p.name}`);
        if (p.type === 'enum') assert.ok(p.enum && enumByName(p.enum), `enum of ${s.name}.${p.name}`);
      }
    }
    for (const f of allFields()) assert.ok(f.label.zh && f.label.en && f.meaning.zh && f.meaning.en, f.name);
    for (const e of allEnums()) for (const v of e.values) assert.ok(v.meaning.zh && v.meaning.en, `${e.name}.${v.value}`);
  });
});

describe('explain', () => {
  it('explains codes, statuses, services and field names in free text', () => {
    assert.equal(explain('ILLEGAL_SIGN')?.kind, 'error');
    assert.equal(explain('TRADE_SUCCESS')?.title.zh, '支付成功');
    assert.equal(explain('WAIT_SELLER_CONFIRM_TRADE')?.enumName, 'trade_status');
    assert.equal(explain('single_trade_query')?.kind, 'service');
    assert.ok(explain('single_trade_query')?.facts?.some((f) => f.en.includes('(trade_no / out_trade_no)')));
    assert.equal(explain('gmt_payment')?.title.zh, '交易付款时间');
    assert.equal(explain('payAction')?.enumName, 'trade_action');
  });

  it('explains bare numbers and short flags only with their field', () => {
    assert.equal(explain('1'), undefined);
    assert.equal(explain('T'), undefined);
    assert.equal(explain('40004'), undefined);
    assert.equal(explain('1', { field: 'payment_type' })?.title.zh, '商品购买');
    assert.equal(explain('01', { field: 'gathering_type' })?.title.zh, '红包结算金预收款');
    assert.equal(explain('156', { field: 'currency' })?.title.en, 'Chinese yuan, CNY (ISO 4217 numeric code)');
    assert.equal(explain('T', { field: 'is_success' })?.kind, 'enum');
    assert.equal(explain('S', { field: 'operator_role' })?.title.zh, '卖家');
    assert.equal(explain('40004', { field: 'code' })?.title.zh, '业务处理失败');
    assert.equal(explain('utf-8', { field: '_input_charset' })?.kind, 'enum');
    assert.equal(explain('1', { field: 'tradeStatus' })?.unknownValue, '1', 'camelCase field names map to snake_case');
  });

  it('reports an undocumented value of a known field instead of guessing', () => {
    const e = explain('100', { field: 'payment_type' })!;
    assert.equal(e.unknownValue, '100');
    assert.equal(e.kind, 'field');
    assert.ok(e.facts?.some((f) => f.en.includes('not a documented value')));
  });

  it('explains a bracketed action list element by element', () => {
    const e = explain('[REFUND,CONFIRM_GOODS]', { field: 'buyer_actions' })!;
    assert.deepEqual(e.items?.map((i) => i.token), ['REFUND', 'CONFIRM_GOODS']);
    assert.equal(e.items?.[1].title.zh, '确认收货(买家)');
  });

  it('returns undefined for tokens nobody documented', () => {
    assert.equal(explain('NOT_A_REAL_CODE_XYZ'), undefined);
    assert.equal(explain(''), undefined);
  });
});

describe('findTokenAt', () => {
  const cases: Array<[string, string, string, string | undefined]> = [
    // line, marker whose last character is under the cursor, expected token, expected field
    ['notify: payment_type=1&x=2', '=1', '1', 'payment_type'],
    ['<gathering_type>1</gathering_type>', '>1', '1', 'gathering_type'],
    ['{"payment_type": "1"}', ' "1', '1', 'payment_type'],
    ["$p = array('payment_type' => '1');", "> '1", '1', 'payment_type'],
    ['params.put("payment_type", "1");', ', "1', '1', 'payment_type'],
    ['trade_status: TRADE_SUCCESS', 'TRADE_S', 'TRADE_SUCCESS', 'trade_status'],
    ['<param name="_input_charset">UTF-8</param>', 'UTF', 'UTF-8', '_input_charset'],
    ['<buyer_actions>[REFUND,CONFIRM_GOODS]</buyer_actions>', 'CONFIRM', 'CONFIRM_GOODS', 'buyer_actions'],
    ['<buyer_actions>[REFUND,CONFIRM_GOODS]</buyer_actions>', 'REFUND', 'REFUND', 'buyer_actions'],
    ['ERROR pay failed ILLEGAL_SIGN.', 'ILLEGAL', 'ILLEGAL_SIGN', undefined],
  ];
  for (const [line, marker, token, fieldName] of cases) {
    it(`finds ${token} (field ${fieldName}) in ${line}`, () => {
      const r = findTokenAt(line, at(line, marker, marker.length - 1));
      assert.equal(r?.token, token);
      assert.equal(r?.field, fieldName);
    });
  }

  it('treats a name before = or : or inside a tag as a name, not a value', () => {
    const line = '<trade_status>TRADE_FINISHED</trade_status>';
    const r = findTokenAt(line, line.lastIndexOf('trade_status') + 2)!;
    assert.equal(r.token, 'trade_status');
    assert.equal(r.isName, true);
    assert.equal(findTokenAt('out_trade_no=123', 3)?.isName, true);
  });

  it('finds the gateway URL or query string around the cursor', () => {
    const url = 'https://mapi.alipay.com/gateway.do?service=single_trade_query&partner=2088101122136241&sign=abc&sign_type=MD5';
    const line = `2026-01-01 INFO request ${url} took 12ms`;
    const r = findTokenAt(line, at(line, 'single'))!;
    assert.equal(r.query?.text, url);
    assert.equal(line.slice(r.query!.start, r.query!.end), url);
    const q = 'body: service=notify_verify&partner=2088101122136241&notify_id=abc';
    assert.equal(findTokenAt(q, at(q, 'notify_id'))?.query?.text, 'service=notify_verify&partner=2088101122136241&notify_id=abc');
    assert.equal(findTokenAt('a plain line with x=1', 20)?.query, undefined);
  });

  it('looks only at a window around the cursor on a very long line, with correct columns', () => {
    const pad = 'x'.repeat(5_000_000);
    const line = `${pad} trade_status=TRADE_CLOSED ${pad}`;
    const col = at(line, 'TRADE_CLOSED') + 3;
    const r = findTokenAt(line, col)!;
    assert.equal(r.token, 'TRADE_CLOSED');
    assert.equal(r.field, 'trade_status');
    assert.equal(line.slice(r.start, r.end), 'TRADE_CLOSED');
  });

  it('returns nothing on whitespace or outside the line', () => {
    assert.equal(findTokenAt('a  b', 2), undefined);
    assert.equal(findTokenAt('abc', 10), undefined);
  });

  it('explainAt falls back to the field entry for a non-enum value', () => {
    const line = 'partner=2088101122136241';
    const r = explainAt(line, 10)!;
    assert.equal(r.at.field, 'partner');
    assert.equal(r.entry?.token, 'partner');
    assert.equal(r.entry?.title.zh, '合作者身份ID');
  });
});
