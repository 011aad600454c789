// anti_phishing_key (防钓鱼时间戳): the emulator accepts only a key its query_timestamp
// gave the same partner, and refuses it once old, with the gateway's codes
// (catalog-facts.md: ILLEGAL_ANTI_PHISHING_KEY, ANTI_PHISHING_KEY_TIMEOUT). A fake clock, no waiting.
import * as assert from 'node:assert/strict';
import type { RunningGateway } from '../../src/emulator';
import { ANTI_PHISHING_KEY_TTL_MS } from '../../src/emulator/engine';
import { get, LIMITED, signedQuery, startTest } from './emulator-helpers';

describe('emulator: anti_phishing_key from query_timestamp', () => {
  let gw: RunningGateway;
  let clock = Date.parse('2026-11-30T08:00:00Z');
  before(async () => {
    gw = (await startTest({ now: () => clock })).gw;
  });
  after(async () => gw.close());

  const errorOf = (xml: string): string | undefined => /<error>([A-Z_]+)<\/error>/.exec(xml)?.[1];
  const query = (key: string) => get(gw, signedQuery('single_trade_query', { out_trade_no: 'NO-SUCH-TRADE', anti_phishing_key: key }));

  it('a key from query_timestamp passes the check; an invented one, another partner\'s or an old one is refused', async () => {
    const ts = await get(gw, signedQuery('query_timestamp', {}));
    const key = /<encrypt_key>([^<]+)</.exec(ts.text)?.[1];
    assert.ok(key, ts.text);
    // Past the anti-phishing check, the query itself answers (the trade does not exist).
    assert.equal(errorOf((await query(key)).text), 'TRADE_NOT_EXIST');
    assert.equal(errorOf((await query('invented0key00000')).text), 'ILLEGAL_ANTI_PHISHING_KEY');
    // A key is the partner's own: the limited partner (MD5 key "limitedkey") may not use this one.
    const limited = await get(gw, signedQuery('single_trade_query', { out_trade_no: 'NO-SUCH-TRADE', anti_phishing_key: key }, { partner: LIMITED, md5Key: 'limitedkey' }));
    assert.equal(errorOf(limited.text), 'ILLEGAL_ANTI_PHISHING_KEY');
    clock += ANTI_PHISHING_KEY_TTL_MS + 1000;
    assert.equal(errorOf((await query(key)).text), 'ANTI_PHISHING_KEY_TIMEOUT');
  });
});
