// What a hover shows for a line position: entry plus decoded URL/query table.
import * as assert from 'node:assert/strict';
import { hoverInfoAt } from '../../src/core/hoverInfo';

describe('hoverInfoAt', () => {
  it('decodes a gateway URL (percent-coding, charset, labels) under the cursor', () => {
    const url = 'https://mapi.alipay.com/gateway.do?service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&subject=%E6%B5%8B%E8%AF%95&sign_type=MD5&sign=abc';
    const line = `12:00 GET ${url} 200`;
    const info = hoverInfoAt(line, line.indexOf('partner') + 1)!;
    assert.equal(info.entry?.token, 'partner', 'the hovered parameter name is explained too');
    assert.equal(info.query?.gateway, 'https://mapi.alipay.com/gateway.do');
    assert.equal(info.query?.charset, 'utf-8');
    assert.deepEqual(info.query?.params.map((p) => p.name), ['service', 'partner', '_input_charset', 'subject', 'sign_type', 'sign']);
    assert.equal(info.query?.params.find((p) => p.name === 'subject')?.value, '测试');
    assert.equal(info.query?.params.find((p) => p.name === 'partner')?.label?.zh, '合作者身份ID');
    assert.equal(line.slice(info.query!.start, info.query!.end), url);
  });

  it('decodes XML-escaped query strings and reports undecodable ones instead of throwing', () => {
    const line = '<url>service=notify_verify&amp;partner=2088101122136241&amp;notify_id=abc</url>';
    const info = hoverInfoAt(line, line.indexOf('notify_id') + 2)!;
    assert.deepEqual(info.query?.params.map((p) => p.name), ['service', 'partner', 'notify_id']);
    const bad = 'body service=x&partner=1&subject=%E6%B5%8';
    const r = hoverInfoAt(bad, bad.indexOf('partner') + 1)!;
    assert.ok(r.query?.error?.en && r.query.error.zh, 'a clear message in both languages');
  });

  it('returns nothing for text the catalog does not know', () => {
    assert.equal(hoverInfoAt('just some words here', 6), undefined);
    assert.equal(hoverInfoAt('retry 1 of 3', 6), undefined);
  });
});
