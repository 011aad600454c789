// What a hover shows for a line position: entry plus decoded URL/query table.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { hoverInfoAt } from '../../src/core/hoverInfo';
import { verifyMessage } from '../../src/core/response/signature';

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

  it("reads an undeclared query in the charset the gateway's profile names (charsetFor); a declared one wins", () => {
    // 测试 in GBK is B2 E2 CA D4; the line does not say which charset it is in.
    const line = 'notify: notify_type=trade_status_sync&subject=%B2%E2%CA%D4&sign_type=MD5&sign=abc';
    const asked: Array<string | undefined> = [];
    const gbk = hoverInfoAt(line, line.indexOf('notify_type') + 2, (gateway) => (asked.push(gateway), 'gbk'))!;
    assert.deepEqual(asked, [undefined], 'asked once, for a bare query (no gateway)');
    assert.equal(gbk.query?.charset, 'gbk');
    assert.equal(gbk.query?.params.find((p) => p.name === 'subject')?.value, '测试');
    // Without the profile's answer the bytes are not UTF-8: one clear message, not a wrong decoding.
    assert.ok(hoverInfoAt(line, line.indexOf('notify_type') + 2)!.query?.error?.en);
    // A declared charset is the query's own: the profile is not asked.
    const declared = 'GET https://mapi.alipay.com/gateway.do?service=x&_input_charset=utf-8&subject=%E6%B5%8B%E8%AF%95&sign=abc';
    const utf8 = hoverInfoAt(declared, declared.indexOf('service') + 2, () => assert.fail('not asked'))!;
    assert.equal(utf8.query?.params.find((p) => p.name === 'subject')?.value, '测试');
  });

  it('returns nothing for text the catalog does not know', () => {
    assert.equal(hoverInfoAt('just some words here', 6), undefined);
    assert.equal(hoverInfoAt('retry 1 of 3', 6), undefined);
  });

  describe('a WAP 2.0 notification logged with notify_data as raw XML (not URL-encoded)', () => {
    const key = 'wapmd5key0123456789abcdefghijklm';
    const xml = (status: string): string =>
      `<notify><payment_type>1</payment_type><subject>测试 WAP &amp; "more"</subject><trade_no>2026113000001000</trade_no><notify_time>2026-11-30 07:00:00</notify_time><trade_status>${status}</trade_status></notify>`;
    // The test's own reading of the rule: service, v, sec_id, notify_data in that order, raw.
    const sign = crypto.createHash('md5').update(`service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=${xml('TRADE_FINISHED')}${key}`, 'utf8').digest('hex');
    const query = (status: string): string => `service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=${xml(status)}&sign=${sign}`;
    const line = (status: string): string => `2026-11-30 07:00:00 INFO notify POST ${query(status)} (200 ms)`;

    for (const [where, at] of [
      ['service', (l: string) => l.indexOf('service=') + 2],
      ['a tag inside notify_data', (l: string) => l.indexOf('trade_no>') + 2],
      ['sign after the XML', (l: string) => l.indexOf('&sign=') + 2],
    ] as const) {
      it(`finds the whole query from ${where}, the XML value as written`, () => {
        const l = line('TRADE_FINISHED');
        const info = hoverInfoAt(l, at(l))!;
        assert.ok(info.query, 'a query is found');
        assert.equal(l.slice(info.query.start, info.query.end), query('TRADE_FINISHED'));
        assert.deepEqual(info.query.params.map((p) => p.name), ['service', 'v', 'sec_id', 'notify_data', 'sign']);
        assert.equal(info.query.params.find((p) => p.name === 'notify_data')?.value, xml('TRADE_FINISHED'), 'not decoded: &amp; and spaces kept');
      });
    }

    it('its sign check is valid as logged and invalid when the XML changed', () => {
      const check = (status: string) => {
        const l = line(status);
        const params = hoverInfoAt(l, l.indexOf('service=') + 2)!.query!.params.map(({ name, value }) => ({ name, value }));
        return verifyMessage({ params, charset: 'utf-8', keys: { md5Key: key } }).verdict;
      };
      assert.equal(check('TRADE_FINISHED'), 'valid');
      assert.equal(check('TRADE_SUCCESS'), 'invalid');
    });

    it('XML hovers still explain the element under the cursor; an unclosed value is not stretched', () => {
      const l = line('TRADE_FINISHED');
      const info = hoverInfoAt(l, l.indexOf('TRADE_FINISHED') + 3)!;
      assert.equal(info.entry?.token, 'TRADE_FINISHED');
      assert.equal(info.entry?.field, 'trade_status');
      const plain = '<notify><trade_status>TRADE_FINISHED</trade_status></notify>';
      const x = hoverInfoAt(plain, plain.indexOf('TRADE_FINISHED') + 3)!;
      assert.equal(x.entry?.field, 'trade_status');
      assert.equal(x.query, undefined, 'an XML document is not a query');
      const cut = 'POST service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=<notify><trade_no>1</trade_no> tail';
      const c = hoverInfoAt(cut, cut.indexOf('service=') + 2)!;
      assert.equal(cut.slice(c.query!.start, c.query!.end), 'service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=');
    });
  });
});
