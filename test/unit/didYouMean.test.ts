// "Did you mean": suggestions stay in the token's protocol family. The catalog
// holds hundreds of OpenAPI field names beside MAPI's, so a misspelt MAPI
// parameter must not be "corrected" to an OpenAPI field, nor the reverse.
import * as assert from 'node:assert/strict';
import { allFields, allServices, openApiMethod, service } from '../../src/core/catalog';
import { catalogSpelling, familiesOf, suggestNames } from '../../src/core/didYouMean';
import { explain } from '../../src/core/explain';
import { detectVariant } from '../../src/core/resolve';
import { VARIANTS } from '../../src/core/protocol';

describe('didYouMean: family-aware suggestions', () => {
  it('knows each name\'s families from the catalog tables', () => {
    assert.deepEqual(familiesOf('return_amount'), ['mapi']); // MAPI refund notification
    assert.deepEqual(familiesOf('refund_amount'), ['openapi']); // alipay.trade.refund answer
    assert.deepEqual(familiesOf('bkagent_req_info'), ['openapi']); // biz_content only ('request' of the OpenAPI table)
    assert.deepEqual(familiesOf('trade_no').sort(), ['mapi', 'openapi']);
    assert.deepEqual(familiesOf('ILLEGAL_SIGN'), ['mapi']);
    assert.deepEqual(familiesOf('ACQ.TRADE_NOT_EXIST'), ['openapi']);
    assert.deepEqual(familiesOf('single_trade_query'), ['mapi']);
    assert.deepEqual(familiesOf('alipay.trade.query'), ['openapi']);
    assert.deepEqual(familiesOf('no_such_name'), []);
  });

  it('a MAPI typo is not offered OpenAPI names beside the MAPI one (it was: retun_amount → return_amount, refund_amount, real_amount)', () => {
    assert.deepEqual(suggestNames('retun_amount'), ['return_amount']);
    assert.deepEqual(suggestNames('refund_ate'), ['refund_date']);
    assert.deepEqual(suggestNames('total_fe'), ['total_fee']);
  });

  it('an OpenAPI typo gets OpenAPI names only', () => {
    assert.deepEqual(suggestNames('total_amout'), ['total_amount']);
    assert.deepEqual(suggestNames('alipay.trade.qurey'), ['alipay.trade.query']);
    assert.deepEqual(suggestNames('ACQ.TRADE_NOT_EXIS'), ['ACQ.TRADE_NOT_EXIST']);
    for (const s of suggestNames('buyer_user_tye')) assert.ok(familiesOf(s).includes('openapi'), s);
  });

  it('a family the context gives (a request\'s, from core/resolve) decides over the nearest name', () => {
    const openapi = VARIANTS[detectVariant([{ name: 'app_id', value: '2021' }, { name: 'method', value: 'alipay.trade.refund' }]).value].family;
    const mapi = VARIANTS[detectVariant([{ name: 'service', value: 'refund_fastpay_by_platform_pwd' }]).value].family;
    assert.deepEqual(suggestNames('retun_amount', { family: openapi }), ['refund_amount', 'real_amount']);
    assert.deepEqual(suggestNames('retun_amount', { family: mapi }), ['return_amount']);
    assert.deepEqual(suggestNames('total_amout', { family: mapi }), []);
    assert.deepEqual(suggestNames('single_trade_qurey', { family: openapi }), []);
    assert.deepEqual(suggestNames('out_trade_on', { family: mapi }), ['out_trade_no']);
    assert.deepEqual(suggestNames('out_trade_on', { family: openapi }), ['out_trade_no']);
  });

  it('a single-family field typo (a letter dropped, or two swapped) is offered names of one family', () => {
    let checked = 0;
    const mixed: string[] = [];
    for (const f of allFields()) {
      const fams = familiesOf(f.name);
      if (fams.length !== 1 || f.name.length < 6) continue;
      const mid = f.name.length >> 1;
      // Two typos per field keep the test fast (every name is compared with every catalog name).
      for (const typo of [f.name.slice(0, mid) + f.name.slice(mid + 1), f.name.slice(0, mid - 1) + f.name[mid] + f.name[mid - 1] + f.name.slice(mid + 1)]) {
        if (catalogSpelling(typo)) continue;
        checked++;
        const offered = suggestNames(typo);
        assert.ok(offered.length > 0, `${typo} gets a suggestion`);
        const shared = (a: string, b: string): boolean => familiesOf(a).some((x) => familiesOf(b).includes(x));
        if (!offered.every((s) => shared(s, offered[0]))) mixed.push(`${typo}: ${offered.join(', ')}`);
        for (const s of suggestNames(typo, { family: fams[0] })) assert.ok(familiesOf(s).includes(fams[0]), `${typo} (${fams[0]}, given) was offered ${s}`);
      }
    }
    assert.ok(checked > 300, `checked ${checked} typos`);
    // Before: refundamount → refund_amount, return_amount; invoiec_info → invoice_info, invoice_no.
    // (Names of both families tying at the nearest distance would still both be offered.)
    assert.deepEqual(mixed, []);
  });

  it('explain knows the OpenAPI methods it suggests', () => {
    const e = explain('alipay.trade.query');
    assert.equal(e?.kind, 'service');
    assert.deepEqual(e?.title, openApiMethod('alipay.trade.query')!.purpose);
    assert.ok(e?.facts?.some((f) => /biz_content: out_trade_no/.test(f.en) && /biz_content：out_trade_no/.test(f.zh)));
    assert.equal(catalogSpelling('ALIPAY.TRADE.QUERY'), 'alipay.trade.query');
    assert.ok(allServices().every((s) => service(s.name)), 'MAPI services stay explained as before');
  });
});
