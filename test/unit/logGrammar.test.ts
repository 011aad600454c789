// The log injection grammar highlights exactly what the scanner counts: every
// error code and trade/refund status of the catalog, and gateway URLs. (Its
// patterns use only syntax Oniguruma and JavaScript share, so they are checked here.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanTokens } from '../../src/core/logscan';

const root = path.resolve(__dirname, '../..');
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/alipay-log.injection.tmLanguage.json'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const re = (name: string) => new RegExp(grammar.repository[name].match, 'g');

function highlighted(line: string): string[] {
  const out: string[] = [];
  for (const name of ['gateway-url', 'error-code', 'trade-status']) for (const m of line.matchAll(re(name))) out.push(m[0]);
  return out;
}

describe('log injection grammar', () => {
  it('is contributed to text.log and text.plain', () => {
    const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === grammar.scopeName);
    assert.ok(g, 'package.json contributes the grammar');
    assert.deepEqual(g.injectTo, ['text.log', 'text.plain']);
    assert.ok(fs.existsSync(path.join(root, g.path)));
  });

  it('highlights every code and status the scanner counts, whole', () => {
    for (const t of scanTokens()) assert.deepEqual(highlighted(`2026-01-01 ERROR [x] ${t}, done`), [t], `${t} (run node scripts/gen-log-grammar.js)`);
  });

  it('highlights gateway URLs with their query, and not look-alikes', () => {
    const url = 'https://mapi.alipay.com/gateway.do?service=single_trade_query&partner=2088101122136241';
    assert.deepEqual(highlighted(`GET ${url} 200`), [url]);
    assert.deepEqual(highlighted('xILLEGAL_SIGN ILLEGAL_SIGNS TRADE_SUCCESSFUL illegal_sign http://example.com/x'), []);
    assert.deepEqual(highlighted('"sub_code":"ACQ.TRADE_NOT_EXIST"'), ['ACQ.TRADE_NOT_EXIST']);
  });
});
