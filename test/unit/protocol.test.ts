import * as assert from 'assert';
import { carriedSign, DEFAULT_CHARSET, FAMILIES, PRODUCTION_HOSTS, SANDBOX_HOSTS, VARIANTS, isProduction, isSignatureParam, normalizeHost } from '../../src/core/protocol';

describe('core/protocol: the facts', () => {
  it('names the signature parameters case-insensitively, and nothing else', () => {
    for (const n of ['sign', 'SIGN', 'Sign', 'sign_type', 'SIGN_TYPE', 'Sign_Type']) assert.strictEqual(isSignatureParam(n), true, n);
    for (const n of ['sec_id', 'signs', 'sign_typ', 'sign_types', 'key', '', 'xsign', 'sign type']) assert.strictEqual(isSignatureParam(n), false, n);
  });

  it('reads the signature a message carries from its first sign, in any case, only when non-empty', () => {
    const ps = (q: string) => q.split('&').map((kv) => ({ name: kv.split('=')[0], value: kv.split('=')[1] ?? '' }));
    assert.equal(carriedSign(ps('a=1&sign=abc&sign_type=MD5')), 'abc');
    assert.equal(carriedSign(ps('a=1&SIGN=abc')), 'abc');
    assert.equal(carriedSign(ps('a=1&sign_type=MD5')), undefined);
    assert.equal(carriedSign(ps('a=1&sign=')), undefined);
    // The first one decides, as verification reads it: an empty sign is unsigned even beside a SIGN.
    assert.equal(carriedSign(ps('sign=&SIGN=abc')), undefined);
  });

  it('has the gateways default charsets and sign types per family', () => {
    assert.deepStrictEqual(DEFAULT_CHARSET, { mapi: 'gbk', openapi: 'utf-8' });
    assert.deepStrictEqual(FAMILIES.openapi.signTypes, ['RSA2', 'RSA']);
    assert.deepStrictEqual(FAMILIES.mapi.signTypes.slice(0, 3), ['MD5', 'RSA', 'DSA']);
    assert.strictEqual(VARIANTS['wap.notification'].rule.order, 'fixed');
    assert.deepStrictEqual(VARIANTS['wap.notification'].rule.fixedOrder, ['service', 'v', 'sec_id', 'notify_data']);
    assert.strictEqual(VARIANTS['openapi.return'].rule.dropEmpty, false);
    assert.strictEqual(VARIANTS['openapi.request'].rule.keepSignType, true);
    for (const v of Object.values(VARIANTS)) assert.ok(v.ruleText.en && v.ruleText.zh && v.label.zh, v.id);
  });
});

describe('core/protocol: isProduction (the one real-money rule)', () => {
  const table: Array<[string, boolean]> = [
    ['https://mapi.alipay.com/gateway.do', true],
    ['https://intlmapi.alipay.com/gateway.do', true],
    ['https://openapi.alipay.com/gateway.do', true],
    ['https://www.alipay.com/cooperate/gateway.do', true],
    ['https://wappaygw.alipay.com/service/rest.htm', true],
    ['https://MAPI.ALIPAY.COM/gateway.do', true],
    ['https://mapi.alipay.com./gateway.do', true],
    ['https://mapi.alipay.com../gateway.do', true],
    ['https://user:pw@mapi.alipay.com/gateway.do', true],
    ['https://mapi.alipay.com:443/gateway.do', true],
    ['https://ｍａｐｉ.ａｌｉｐａｙ.ｃｏｍ/gateway.do', true], // full-width: IDNA maps it to mapi.alipay.com
    ['https://new-host.alipay.com/gateway.do', true],
    ['mapi.alipay.com', true],
    ['https://mapi.alipaydev.com/gateway.do', false],
    ['https://openapi-sandbox.dl.alipaydev.com/gateway.do', false],
    ['https://openapi.alipaydev.com/gateway.do', false],
    ['https://MAPI.ALIPAYDEV.COM./gateway.do', false],
    ['http://127.0.0.1:8080/gateway.do', false],
    ['https://alipay.com.evil.example/gateway.do', false],
    ['https://mapi.alipay.com@evil.example/gateway.do', false],
    ['https://notalipay.com/gateway.do', false],
    ['not a url at all', false],
    ['', false],
  ];
  for (const [url, want] of table) it(`${url || '(empty)'} → ${want}`, () => assert.strictEqual(isProduction(url), want));

  it('a profile marked production is production whatever its URL', () => {
    assert.strictEqual(isProduction('https://pay-proxy.example/gateway.do', { production: true }), true);
    assert.strictEqual(isProduction('http://127.0.0.1:1/gateway.do', { production: true }), true);
    assert.strictEqual(isProduction(undefined, { production: true }), true);
    assert.strictEqual(isProduction('https://pay-proxy.example/gateway.do', { production: false }), false);
    assert.strictEqual(isProduction('https://mapi.alipay.com/gateway.do', {}), true);
  });

  it('knows every listed host on the right side', () => {
    for (const h of PRODUCTION_HOSTS) assert.strictEqual(isProduction(`https://${h}/x`), true, h);
    for (const h of SANDBOX_HOSTS) assert.strictEqual(isProduction(`https://${h}/x`), false, h);
    assert.strictEqual(normalizeHost('https://München.Alipay.com./'), 'xn--mnchen-3ya.alipay.com');
    assert.strictEqual(normalizeHost('https://xn--mapi.alipay.com/'), '', 'an invalid punycode label is no host');
    assert.strictEqual(normalizeHost('mapi.alipay.com:8443'), 'mapi.alipay.com');
  });
});
