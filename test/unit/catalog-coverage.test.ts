// Walks the seed documents and catalog-facts.md (read-only reference in
// ../shared) and fails for any code, enum value, service or response field
// the catalog cannot explain in both languages. Nothing here is a
// hand-written list: every token comes from parsing the documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Entry, explain, explainName } from '../../src/core/explain';
import { enumFor, service } from '../../src/core/catalog';

const shared = path.resolve(__dirname, '../../../shared');
// ../shared sits beside every clone in CI; a clone without it says so instead of crashing the run.
const present = fs.existsSync(path.join(shared, 'catalog-facts.md')) && fs.existsSync(path.join(shared, 'seeds'));
const facts = present ? fs.readFileSync(path.join(shared, 'catalog-facts.md'), 'utf8') : '';
const seedFile = (prefix: string) =>
  present ? fs.readFileSync(path.join(shared, 'seeds', fs.readdirSync(path.join(shared, 'seeds')).find((f) => f.startsWith(prefix))!), 'utf8') : '';
const seed000 = seedFile('000_');
const seed002 = seedFile('002_');
const seed003 = seedFile('003_');

const CJK = /[\u4e00-\u9fff]/;

interface Item {
  token: string;
  field?: string;
  where: string;
}

/** Why an entry does not explain the token in both languages, or undefined when it does. */
function problem(e: Entry | undefined, acceptUndocumented = false): string | undefined {
  if (!e) return 'not in the catalog';
  if (e.unknownValue && !acceptUndocumented) return 'catalog says undocumented';
  const texts = e.items ? e.items.map((i) => i.title) : [e.title];
  for (const t of texts) {
    if (!t.en.trim() || !t.zh.trim()) return 'missing a language';
    if (CJK.test(t.en)) return `English text has Chinese: ${t.en}`;
    if (!CJK.test(t.zh) && t.zh !== t.en) return `Chinese text has no Chinese: ${t.zh}`;
  }
  return undefined;
}

function section(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  assert.ok(start >= 0, `section ${from}`);
  const end = to ? text.indexOf(to, start + from.length) : -1;
  return text.slice(start, end < 0 ? undefined : end);
}

// ---- catalog-facts.md ------------------------------------------------------

function factsCodes(): Item[] {
  const out: Item[] = [];
  for (const line of section(facts, '## Error codes', '## Enumerations').split('\n')) {
    const m = /^\| ([A-Z][A-Z0-9_ /]+?) \|/.exec(line);
    if (!m || m[1] === 'code') continue;
    for (const code of m[1].split(' / ')) out.push({ token: code.trim(), field: 'error', where: 'catalog-facts error table' });
  }
  return out;
}

/** Bold-headed paragraphs of the Enumerations section: `**title** — text`. */
function factsEnumParagraphs(): Array<{ head: string; body: string }> {
  const text = section(facts, '## Enumerations', '## Services');
  return text.split(/\n\s*\n/).filter((p) => p.startsWith('**')).map((p) => {
    const m = /^\*\*(.+?)\*\*\s*—?\s*([\s\S]*)$/.exec(p.replace(/\n/g, ' '))!;
    return { head: m[1], body: m[2] };
  });
}

function factsEnumValues(): Item[] {
  const out: Item[] = [];
  const upper = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
  for (const { head, body } of factsEnumParagraphs()) {
    const where = `catalog-facts **${head}**`;
    const add = (tokens: Iterable<string>, fields: string[]) => {
      for (const token of tokens) for (const f of fields) out.push({ token, field: f, where });
    };
    if (head.startsWith('trade_status')) add(body.match(upper) ?? [], ['trade_status']);
    else if (head.includes('additional trade status')) add(body.match(upper) ?? [], ['additional_trade_status']);
    else if (head.includes('gathering_type')) {
      const values = [...body.matchAll(/(?:^|[;:] ?|\s)(\d{1,2}) (?=[^\s\d])/g)].map((m) => m[1]);
      add(values, ['gathering_type', 'payment_type']);
    } else if (head.startsWith('trade_action')) add(body.match(/\b[a-z]+Action\b/g) ?? [], ['trade_action']);
    else if (head.includes('buyer_actions')) add(body.replace(/`[^`]*`/g, '').match(/\b[A-Z][A-Z_]+\b/g) ?? [], ['buyer_actions', 'seller_actions']);
    else if (head.startsWith('refund_status')) add(body.match(/\b[A-Z][A-Z_]+\b/g) ?? [], ['refund_status']);
    else if (head === 'Others') {
      // `field[ / field] values…; field values…` — parenthesised and `= …` parts are commentary.
      for (const seg of body.split(';')) {
        const clean = seg.replace(/\([^)]*\)/g, '').replace(/=.*$/, '').trim();
        const m = /^((?:[a-z_]+\s*\/\s*)*[a-z_]+)\s+(.*)$/.exec(clean);
        if (!m) continue;
        const fields = m[1].split('/').map((s) => s.trim());
        add(m[2].match(/\b[A-Z0-9][A-Z0-9_]*\b/g) ?? [], fields);
      }
    } else assert.fail(`unrecognised enumeration paragraph in catalog-facts.md: ${head}`);
  }
  return out;
}

function factsServices(): string[] {
  const out: string[] = [];
  for (const line of section(facts, '## Services', '## Field constraints').split('\n')) {
    const m = /^\| ([a-z_.]+(?: \/ _?[a-z_.]+)*) \|/.exec(line);
    if (!m || m[1] === 'service') continue;
    const [first, ...rest] = m[1].split(' / ');
    out.push(first);
    for (const r of rest) out.push(r.startsWith('_') ? first.replace(/_[a-z]+$/, r) : r);
  }
  return out;
}

// ---- seeds -----------------------------------------------------------------

/** Seed 003's pipe tables, grouped under the heading line that precedes each. */
function seed003Tables(): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  let heading = '';
  for (const line of seed003.split('\n')) {
    if (!line.includes('|')) {
      // Headings are short labels; sentences (with 。 or ,) are prose under a heading.
      if (!/[。,]/.test(line)) heading = line.trim();
      continue;
    }
    const cells = line.split('|').map((c) => c.trim());
    if (!tables.has(heading)) tables.set(heading, []);
    tables.get(heading)!.push(cells);
  }
  return tables;
}

function seedCodesAndEnums(): Item[] {
  const out: Item[] = [];
  const sections: Record<string, string> = { 业务错误码: 'error', 系统错误码: 'error', 收款类型: 'gathering_type', 交易状态: 'trade_status', 交易附加状态: 'additional_trade_status' };
  const tables = seed003Tables();
  for (const [heading, fieldName] of Object.entries(sections)) {
    const rows = tables.get(heading);
    assert.ok(rows && rows.length > 3, `seed 003 table ${heading}`);
    for (const [first] of rows) {
      if (/^(错误代码|枚举名)/.test(first)) continue;
      out.push({ token: first, field: fieldName, where: `seed 003 ${heading}` });
    }
  }
  // Seed 000: `CODE 说明` lines after "错误代码 说明"; one code is broken over two lines.
  const lines = section(seed000, '错误代码 说明').split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Z_]+)(?:\s+\S|$)/.exec(lines[i]);
    if (!m) continue;
    let code = m[1];
    if (lines[i] === code && i + 1 < lines.length && /^[A-Z_]+$/.test(lines[i + 1])) code += lines[++i];
    out.push({ token: code, field: 'error', where: 'seed 000 错误代码' });
  }
  for (const a of new Set(seed000.match(/\b[a-z]+Action\b/g) ?? [])) out.push({ token: a, field: 'trade_action', where: 'seed 000 trade_action' });
  return out;
}

/** `<name>value</name>` and `<param name="x">value</param>` of the seeds' XML examples, for enumerated fields. */
function seedXmlValues(): Item[] {
  const out: Item[] = [];
  for (const [name, text] of [['002', seed002], ['003', seed003]] as const) {
    for (const m of text.matchAll(/<(\w+)>([^<]+)<\/\1>/g)) {
      if (enumFor(m[1]) || m[1] === 'error') out.push({ token: m[2].trim(), field: m[1], where: `seed ${name} XML <${m[1]}>` });
    }
    for (const m of text.matchAll(/<param name="(\w+)">([^<]+)<\/param>/g)) {
      if (enumFor(m[1])) out.push({ token: m[2], field: m[1], where: `seed ${name} XML <param name="${m[1]}">` });
    }
  }
  return out;
}

/** Field names of the response tables of seeds 002 and 003, and of the elements in their XML examples. */
function seedFieldNames(): Array<{ name: string; where: string }> {
  const out: Array<{ name: string; where: string }> = [];
  for (const line of seed002.split('\n')) {
    const m = /^([a-z_]+) \| /.exec(line);
    if (m && m[1] !== '参数') out.push({ name: m[1], where: 'seed 002 table' });
  }
  for (const [heading, rows] of seed003Tables()) {
    if (!/请求参数|同步返回/.test(heading)) continue;
    for (const [first] of rows) if (/^[a-z_]+$/.test(first)) out.push({ name: first, where: `seed 003 ${heading}` });
  }
  for (const [name, text] of [['002', seed002], ['003', seed003]] as const) {
    const body = text.match(/<(tradeBase|trade)>([\s\S]*?)<\/\1>/g) ?? [];
    for (const b of body) for (const m of b.matchAll(/<(\w+)>[^<]*<\/\1>/g)) out.push({ name: m[1], where: `seed ${name} XML` });
    for (const m of text.matchAll(/<param name="(\w+)">/g)) out.push({ name: m[1], where: `seed ${name} XML request` });
  }
  return out;
}

function failures(items: Item[], acceptUndocumented = false): string[] {
  const out: string[] = [];
  for (const it of items) {
    const why = problem(explain(it.token, { field: it.field }), acceptUndocumented);
    if (why) out.push(`${it.where}: ${it.token}${it.field ? ` (field ${it.field})` : ''} — ${why}`);
  }
  return out;
}

describe('catalog covers the reference documents', () => {
  if (!present) {
    it('finds the reference documents in ../shared', () => {
      const msg = `reference documents NOT FOUND at ${shared}: the catalog coverage check did not run`;
      if (process.env.CI === 'true') assert.fail(msg);
      console.warn(`    ${msg}`);
    });
    return;
  }
  it('explains every error code of catalog-facts.md and the seeds, in both languages', () => {
    const items = [...factsCodes(), ...seedCodesAndEnums().filter((i) => i.field === 'error')];
    assert.ok(items.length >= 70, `parsed ${items.length} codes`);
    assert.deepEqual(failures(items), []);
    // Error codes are distinctive: they must also be explained with no field known.
    assert.deepEqual(failures(items.map((i) => ({ ...i, field: undefined }))), []);
  });

  it('explains every enumeration value of catalog-facts.md and the seed tables with its field', () => {
    const items = [...factsEnumValues(), ...seedCodesAndEnums().filter((i) => i.field !== 'error')];
    assert.ok(items.length >= 200, `parsed ${items.length} values`);
    for (const must of ['WAIT_SELLER_CONFIRM_TRADE', '47', 'payAction', 'VIEW_DETAIL', 'REFUND_FAIL', '156', 'BUYER_PAY_AFTER_RECEIVE', 'CORPORATE_ACCOUNT']) {
      assert.ok(items.some((i) => i.token === must), `parser found ${must}`);
    }
    assert.deepEqual(failures(items), []);
  });

  it('explains every enumerated value in the seeds\' XML examples (an undocumented one is flagged, not invented)', () => {
    const items = seedXmlValues();
    assert.ok(items.length >= 25, `parsed ${items.length} values`);
    assert.deepEqual(failures(items, true), []);
    const undocumented = items.filter((i) => explain(i.token, { field: i.field })?.unknownValue).map((i) => `${i.field}=${i.token}`);
    assert.deepEqual(undocumented, ['payment_type=100'], 'seed 003 sample uses payment_type 100, which no table documents');
  });

  it('describes every service of catalog-facts.md and the seeds', () => {
    const names = [...factsServices(), ...(seed000.match(/服务名: ([\w.]+)/)?.slice(1) ?? []), ...new Set([...seed002.matchAll(/name="service">([\w.]+)</g)].map((m) => m[1])), ...new Set([...seed003.matchAll(/service=([\w.]+)/g)].map((m) => m[1]))];
    assert.ok(names.length >= 17, `parsed ${names.length} services`);
    const bad = names.filter((n) => !service(n) || problem(explain(n)));
    assert.deepEqual(bad, []);
  });

  it('labels every response field of seeds 002 and 003 in both languages', () => {
    const names = seedFieldNames();
    assert.ok(names.length >= 80, `parsed ${names.length} field names`);
    const bad = names.filter((n) => problem(explainName(n.name))).map((n) => `${n.where}: ${n.name}`);
    assert.deepEqual(bad, []);
  });
});
