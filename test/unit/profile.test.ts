import * as assert from 'assert';
import { BUILT_IN_PROFILES, checkGateway, findProfile, parseProfiles } from '../../src/core/profile';
import { isProduction } from '../../src/core/protocol';

describe('profiles (core)', () => {
  it('has the three MAPI gateways from protocol.md and the two OpenAPI ones', () => {
    assert.deepStrictEqual(BUILT_IN_PROFILES.map((p) => [p.name, p.gateway]), [
      ['Sandbox', 'https://mapi.alipaydev.com/gateway.do'],
      ['Production', 'https://mapi.alipay.com/gateway.do'],
      ['International', 'https://intlmapi.alipay.com/gateway.do'],
      ['OpenAPI Sandbox', 'https://openapi-sandbox.dl.alipaydev.com/gateway.do'],
      ['OpenAPI Production', 'https://openapi.alipay.com/gateway.do'],
    ]);
    assert.deepStrictEqual(parseProfiles(undefined).profiles.map((p) => p.name), ['Sandbox', 'Production', 'International', 'OpenAPI Sandbox', 'OpenAPI Production']);
  });

  it('accepts https gateways and plain http only on loopback', () => {
    assert.strictEqual(checkGateway('https://mapi.alipay.com/gateway.do'), undefined);
    assert.strictEqual(checkGateway('http://127.0.0.1:8080/gateway.do'), undefined);
    assert.strictEqual(checkGateway('http://localhost/gateway.do'), undefined);
    assert.match(checkGateway('http://mapi.alipay.com/gateway.do')!.en, /must use https/);
    assert.match(checkGateway('http://127.0.0.1.evil.example/gateway.do')!.en, /must use https/);
    assert.match(checkGateway('ftp://x/gateway.do')!.en, /must use https/);
    assert.match(checkGateway('not a url')!.en, /not a valid URL/);
  });

  it('marks the built-in Production and International profiles, and "production": true entries, as real money', () => {
    const { profiles, problems } = parseProfiles([
      { name: 'Proxy', gateway: 'https://pay-proxy.example/gateway.do', production: true },
      { name: 'Staging', gateway: 'https://staging.example/gateway.do', production: 'yes' },
      { name: 'Production', partner: '2088101122136241' },
    ]);
    assert.deepStrictEqual(profiles.map((p) => [p.name, isProduction(p.gateway, p)]), [
      ['Sandbox', false], ['Production', true], ['International', true], ['OpenAPI Sandbox', false], ['OpenAPI Production', true], ['Proxy', true], ['Staging', false],
    ]);
    assert.deepStrictEqual(problems.map((p) => p.args.name), ['Staging']);
    assert.match(problems[0].text.en, /"production" must be true or false/);
  });

  it('lets a settings entry override a built-in by name and adds new ones after the built-ins', () => {
    const { profiles, problems } = parseProfiles([
      { name: 'sandbox', partner: '2088101122136241', signType: 'rsa2' },
      { name: 'Local', gateway: 'http://127.0.0.1:8080/gateway.do', charset: 'GBK' },
    ]);
    assert.deepStrictEqual(problems, []);
    const sandbox = findProfile(profiles, 'SANDBOX')!;
    assert.deepStrictEqual([sandbox.name, sandbox.gateway, sandbox.partner, sandbox.signType, sandbox.charset], ['Sandbox', 'https://mapi.alipaydev.com/gateway.do', '2088101122136241', 'RSA2', 'utf-8']);
    assert.deepStrictEqual(profiles.map((p) => p.name), ['Sandbox', 'Production', 'International', 'OpenAPI Sandbox', 'OpenAPI Production', 'Local']);
    assert.strictEqual(findProfile(profiles, 'Local')!.charset, 'gbk');
  });

  it('skips invalid entries with a message naming the entry, and keeps the rest', () => {
    const { profiles, problems } = parseProfiles([
      'Staging',
      { gateway: 'https://x.example/gateway.do' },
      { name: 'NoGateway' },
      { name: 'Leaky', gateway: 'http://example.com/gateway.do' },
      { name: 'BadPartner', gateway: 'https://x.example/gateway.do', partner: '123' },
    ]);
    assert.deepStrictEqual(problems.map((p) => p.args.index), [0, 1, 2, 3, 4]);
    assert.match(problems[3].text.en, /alipay\.profiles\[\{index\}\]: .*must use https/);
    assert.ok(!findProfile(profiles, 'Leaky'));
    assert.ok(findProfile(profiles, 'BadPartner'), 'a doubtful partner is reported but the profile stays usable');
    assert.ok(problems.every((p) => p.text.zh.length > 0));
  });
});
