// Every catalog token added or corrected for issue #14: explained in English
// and Chinese, with its source marker in the data, and inferred meanings
// flagged where people read them (`explain` output and hover info), in both
// languages.
import * as assert from 'node:assert/strict';
import { command as explainCommand, renderEntry } from '../../src/cli/explain';
import type { CliIO } from '../../src/cli/io';
import { errorByCode, field, service, type CatalogSource } from '../../src/core/catalog';
import { explain, INFERRED_NOTE, type Entry } from '../../src/core/explain';
import { hoverInfoAt } from '../../src/core/hoverInfo';
import type { Lang } from '../../src/core/i18n';

const CJK = /[\u4e00-\u9fff]/;

interface Case {
  token: string;
  field?: string;
  kind: Entry['kind'];
  source: CatalogSource;
  /** A word the English meaning must contain (guards against a wrong meaning, not just any text). */
  en: RegExp;
  zh: RegExp;
}

const CASES: Case[] = [
  { token: 'TRADE_HAS_SUCCESS', kind: 'error', source: 'inferred', en: /already paid/, zh: /已经支付/ },
  { token: 'TRADE_HAS_CLOSED', kind: 'error', source: 'inferred', en: /closed/, zh: /关闭/ },
  { token: 'DUPLICATE_BATCH_NO', kind: 'error', source: 'inferred', en: /batch_no/, zh: /批次号/ },
  { token: 'BATCH_NUM_EXCEED_LIMIT', kind: 'error', source: 'inferred', en: /1000/, zh: /1000/ },
  { token: 'REFUND_AMOUNT_NOT_VALID', kind: 'error', source: 'inferred', en: /Refund amount/, zh: /退款金额/ },
  { token: 'DUBL_TRADE_NO_IN_SAME_BATCH', kind: 'error', source: 'inferred', en: /twice/, zh: /相同的退款记录/ },
  { token: 'TRADE_STATUS_ERROR', kind: 'error', source: 'inferred', en: /refund/, zh: /退款/ },
  { token: 'SELLER_NOT_EXIST', kind: 'error', source: 'inferred', en: /Seller does not exist/, zh: /卖家不存在/ },
  { token: 'BUYER_NOT_EXIST', kind: 'error', source: 'inferred', en: /Buyer does not exist/, zh: /买家不存在/ },
  { token: 'BUYER_SELLER_EQUAL', kind: 'error', source: 'inferred', en: /same account/, zh: /买卖家不能相同/ },
  { token: 'ILLEGAL_PAYMENT_TYPE', kind: 'error', source: 'inferred', en: /payment_type/, zh: /支付类型/ },
  { token: 'TOTAL_FEE_OUT_OF_RANGE', kind: 'error', source: 'inferred', en: /out of range/, zh: /超出范围/ },
  { token: 'INVALID_CHARACTER_SET', kind: 'error', source: 'inferred', en: /character set/, zh: /字符集/ },
  { token: 'SYSTEM_EXCEPTION', kind: 'error', source: 'inferred', en: /exception/, zh: /系统异常/ },
  { token: 'FOREX_MERCHANT_NOT_SUPPORT_THIS_CURRENCY', kind: 'error', source: 'inferred', en: /currency/, zh: /币种/ },
  { token: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', kind: 'error', source: 'issue #14', en: /^Refund amount exceeds the payment/, zh: /退款金额超限/ },
  { token: 'result_details', kind: 'field', source: 'inferred', en: /Refund result/, zh: /退款结果/ },
  { token: 'success_num', kind: 'field', source: 'inferred', en: /Successful refunds/, zh: /成功/ },
  { token: 'tradeBase', kind: 'field', source: 'seed 002', en: /Trade base/, zh: /交易基本信息/ },
  { token: 'create_cod_trade', kind: 'service', source: 'seed 002', en: /Cash-on-delivery/, zh: /货到付款/ },
  { token: 'batch_refund_notify', field: 'notify_type', kind: 'enum', source: 'inferred', en: /Batch refund/, zh: /批量退款/ },
  { token: 'N', field: 'is_total_fee_adjust', kind: 'enum', source: 'inferred', en: /Not adjusted/, zh: /未调整/ },
  { token: 'N', field: 'use_coupon', kind: 'enum', source: 'inferred', en: /No coupon/, zh: /未使用/ },
  { token: 'S', field: 'trade_type', kind: 'enum', source: 'inferred', en: /Standard trade/, zh: /普通交易/ },
  { token: 'INST_PARTNER', field: 'trade_from', kind: 'enum', source: 'inferred', en: /partner/, zh: /合作伙伴/ },
  { token: 'CORPORATE_ACCOUNT', field: 'seller_type', kind: 'enum', source: 'inferred', en: /Corporate account/, zh: /企业账户/ },
];

/** The source marker as the catalog data holds it (not via explain, which copies it). */
function dataSource(c: Case): CatalogSource | undefined {
  if (c.kind === 'error') return errorByCode(c.token)?.source;
  if (c.kind === 'field') return field(c.token)?.source;
  if (c.kind === 'service') return service(c.token)?.source;
  return explain(c.token, { field: c.field })?.source;
}

function captureIO(lang: Lang): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => Buffer.alloc(0), env: {}, lang };
}

describe('catalog additions and corrections (issue #14): both languages, source marked, inferred flagged', () => {
  for (const c of CASES) {
    it(`${c.field ? c.field + '=' : ''}${c.token} (${c.source})`, () => {
      const e = explain(c.token, { field: c.field });
      assert.ok(e, 'explained');
      assert.equal(e.unknownValue, undefined, 'a documented value, not "not a documented value"');
      assert.equal(e.kind === 'param' ? 'field' : e.kind, c.kind);
      assert.match(e.title.en + ' ' + (e.detail?.en ?? ''), c.en);
      assert.match(e.title.zh + ' ' + (e.detail?.zh ?? ''), c.zh);
      assert.ok(!CJK.test(e.title.en), `English without Chinese: ${e.title.en}`);
      assert.ok(CJK.test(e.title.zh), `Chinese text: ${e.title.zh}`);
      assert.equal(dataSource(c), c.source, 'source marker in the catalog data');
      assert.equal(e.source, c.source);
      assert.equal(e.inferred === true, c.source === 'inferred');
      for (const lang of ['en', 'zh'] as const) {
        const text = renderEntry(e, lang).join('\n');
        assert.equal(text.includes(INFERRED_NOTE[lang]), c.source === 'inferred', `explain output (${lang}) flags inferred meanings only`);
      }
    });
  }

  it('a hover on an inferred value carries the flag (both languages are in the entry)', () => {
    const line = '<trade_type>S</trade_type>';
    const info = hoverInfoAt(line, line.indexOf('>S<') + 1);
    assert.equal(info?.entry?.token, 'S');
    assert.equal(info?.entry?.inferred, true);
    assert.deepEqual(info?.entry?.facts?.[0], INFERRED_NOTE);
    assert.match(INFERRED_NOTE.zh, /推断/);
    const documented = '<trade_status>TRADE_SUCCESS</trade_status>';
    assert.equal(hoverInfoAt(documented, documented.indexOf('TRADE_SUCCESS') + 2)?.entry?.inferred, undefined, 'documented meanings carry no flag');
  });

  it('`explain 40002` works without --field (exit 0, both languages); free-text numbers stay unexplained', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const io = captureIO(lang);
      assert.equal(await explainCommand.run(['40002'], io), 0, io.err.join('\n'));
      assert.match(io.out[0], /^40002: (Invalid arguments|非法的参数)/);
      assert.ok(io.out.join('\n').includes('非法的参数') && io.out.join('\n').includes('Invalid arguments'));
    }
    assert.equal(explain('40002'), undefined, 'a bare number in free text (hovers) is ambiguous');
    assert.equal(explain('40002', { explicit: true })?.level, 'openapi-code');
  });

  it('is_total_fee_adjust=N and use_coupon=N, as the emulator sends them, are no longer "not a documented value"', () => {
    for (const f of ['is_total_fee_adjust', 'use_coupon']) assert.equal(explain('N', { field: f })?.unknownValue, undefined);
  });
});
