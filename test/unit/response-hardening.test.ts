// Issue #12 defects 2 and 6: the "table bomb" (a list whose every row has new
// column names) decodes in linear time and memory with a column cap and a
// warning; a body whose bytes contradict its declared charset is read as what
// it is, with a warning naming both; U+202E and other controls are flagged and
// shown escaped.
import * as assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/io';
import { decodeResponse, escapedForDisplay, MAX_TABLE_COLUMNS } from '../../src/core/response';

function bomb(rows: number): string {
  const parts: string[] = [];
  for (let i = 0; i < rows; i++) parts.push(`<R><c${i}>v</c${i}></R>`);
  return `<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success><response><r><list>${parts.join('')}</list></r></response></alipay>`;
}

async function cli(args: string[], stdin: Buffer | string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => Buffer.from(stdin), env: {}, lang: 'en' };
  return { code: await main(args, io), out, err };
}

describe('response decoding bounds and sanity (issue #12)', () => {
  it('table bomb: 10,000 rows of distinct columns (228 KB) keeps a capped grid and says how many columns it left out', () => {
    const xml = bomb(10000);
    assert.ok(xml.length > 220_000 && xml.length < 240_000, String(xml.length));
    const m = decodeResponse(Buffer.from(xml));
    const t = m.tables[0];
    assert.equal(t.rows.length, 10000);
    assert.equal(t.columns.length, MAX_TABLE_COLUMNS);
    assert.equal(t.omittedColumns, 10000 - MAX_TABLE_COLUMNS);
    assert.ok(t.rows.every((r) => r.length === MAX_TABLE_COLUMNS));
    assert.equal(t.rows[5][5], 'v');
    assert.ok(m.warnings?.some((w) => /9800 more distinct columns/.test(w.en) && /9800/.test(w.zh)), JSON.stringify(m.warnings));
  });

  it('a long table keeps fewer columns, so rows × columns stays bounded', () => {
    const t = decodeResponse(bomb(150_000)).tables[0];
    assert.equal(t.rows.length, 150_000);
    assert.ok(t.columns.length * t.rows.length <= 2_000_000 + 16 * 150_000);
  });

  it('ordinary lists are untouched (no omittedColumns, no warning)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<R><a>${i}</a><b>x</b></R>`).join('');
    const m = decodeResponse(`<alipay><is_success>T</is_success><response><r><list>${rows}</list></r></response></alipay>`);
    assert.equal(m.tables[0].omittedColumns, undefined);
    assert.equal(m.warnings, undefined);
  });

  it('GBK declared over UTF-8 bytes: decoded as utf-8 with a warning naming both charsets', () => {
    const xml = '<?xml version="1.0" encoding="GBK"?><alipay><is_success>T</is_success><response><trade><subject>测试商品</subject></trade></response></alipay>';
    const m = decodeResponse(Buffer.from(xml, 'utf8'));
    assert.equal(m.fields.find((f) => f.name === 'subject')?.raw, '测试商品');
    assert.equal(m.charset, 'utf-8');
    const w = m.warnings?.[0];
    assert.ok(w && /gbk/.test(w.en) && /utf-8/.test(w.en) && /gbk/.test(w.zh), JSON.stringify(m.warnings));
  });

  it('UTF-8 declared over GBK bytes: decoded as gbk with a warning naming both', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success><response><trade><subject>测试商品</subject></trade></response></alipay>';
    const m = decodeResponse(iconv.encode(xml, 'gbk'));
    assert.equal(m.fields.find((f) => f.name === 'subject')?.raw, '测试商品');
    assert.equal(m.charset, 'gbk');
    assert.ok(m.warnings?.[0] && /declares utf-8, but its bytes are gbk/.test(m.warnings[0].en), JSON.stringify(m.warnings));
  });

  it('honest GBK and plain-ASCII bodies get no charset warning', () => {
    const xml = '<?xml version="1.0" encoding="GBK"?><alipay><is_success>T</is_success><response><trade><subject>测试商品</subject></trade></response></alipay>';
    assert.equal(decodeResponse(iconv.encode(xml, 'gbk')).warnings, undefined);
    assert.equal(decodeResponse(Buffer.from('<?xml version="1.0" encoding="GBK"?><alipay><is_success>T</is_success></alipay>')).warnings, undefined);
  });

  it('U+202E in total_fee is flagged and shown escaped (model for the preview, CLI text)', async () => {
    const xml = '<alipay><is_success>T</is_success><response><trade><total_fee>1.00\u202e00.0001</total_fee><subject>ok</subject></trade></response></alipay>';
    const m = decodeResponse(xml);
    const fee = m.fields.find((f) => f.name === 'total_fee')!;
    assert.equal(fee.unsafe, true);
    assert.equal(m.fields.find((f) => f.name === 'subject')!.unsafe, undefined);
    assert.ok(m.warnings?.[0] && /total_fee/.test(m.warnings[0].en) && /\\u202e/.test(m.warnings[0].en));
    const shown = escapedForDisplay(m);
    assert.equal(shown.fields.find((f) => f.name === 'total_fee')!.raw, '1.00\\u202e00.0001');
    assert.equal(m.fields.find((f) => f.name === 'total_fee')!.raw, '1.00\u202e00.0001', 'the model itself keeps the exact value');
    const r = await cli(['decode', '-'], xml);
    assert.equal(r.code, 0);
    assert.ok(r.out.some((l) => l.includes('total_fee') && l.includes('1.00\\u202e00.0001') && l.includes('⚠')), r.out.join('\n'));
    assert.ok(r.out.some((l) => l.startsWith('⚠ warning:') && l.includes('total_fee')), r.out.join('\n'));
    assert.ok(!r.out.join('').includes('\u202e'));
  });

  it('CLI decode of a GBK-declared UTF-8 body prints the warning', async () => {
    const xml = '<?xml version="1.0" encoding="GBK"?><alipay><is_success>T</is_success><response><trade><subject>测试商品</subject></trade></response></alipay>';
    const r = await cli(['decode', '-'], Buffer.from(xml, 'utf8'));
    assert.equal(r.code, 0);
    assert.ok(r.out.some((l) => l.includes('warning') && l.includes('gbk') && l.includes('utf-8')), r.out.join('\n'));
    assert.ok(r.out.some((l) => l.includes('测试商品')));
  });
});
