import * as assert from 'node:assert/strict';
import { gatewayKey, profileForGateway } from '../../src/core/gatewayMatch';
import { BUILT_IN_PROFILES, type Profile } from '../../src/core/profile';

describe('profileForGateway', () => {
  const profiles: Profile[] = [...BUILT_IN_PROFILES.map((p) => ({ ...p })), { name: 'Mine', gateway: 'https://mapi.alipaydev.com/gateway.do', partner: '2088101122136241', signType: 'RSA', charset: 'gbk', builtIn: false }];
  const named = (name: string): Profile => profiles.find((p) => p.name === name)!;
  const sandbox = named('Sandbox');

  it('picks the profile whose gateway the URL names, not the active one', () => {
    assert.equal(profileForGateway(profiles, 'https://intlmapi.alipay.com/gateway.do', sandbox)?.name, 'International');
    assert.equal(profileForGateway(profiles, 'https://MAPI.alipay.com/gateway.do/', sandbox)?.name, 'Production');
  });
  it('prefers the active profile when several share the gateway', () => {
    assert.equal(profileForGateway(profiles, 'https://mapi.alipaydev.com/gateway.do', named('Mine'))?.name, 'Mine');
    assert.equal(profileForGateway(profiles, 'https://mapi.alipaydev.com/gateway.do', named('Production'))?.name, 'Sandbox');
  });
  it('finds none for another host, port or path', () => {
    assert.equal(profileForGateway(profiles, 'https://example.com/gateway.do', sandbox), undefined);
    assert.equal(profileForGateway(profiles, 'https://mapi.alipay.com:8443/gateway.do', sandbox), undefined);
    assert.equal(profileForGateway(profiles, 'https://mapi.alipay.com/other.do', sandbox), undefined);
    assert.equal(profileForGateway(profiles, 'not a url', sandbox), undefined);
  });
  it('uses the active profile for a bare query string', () => {
    assert.equal(profileForGateway(profiles, undefined, named('International'))?.name, 'International');
  });
  it('normalizes case of the host and trailing slashes only', () => {
    assert.equal(gatewayKey('HTTP://127.0.0.1:8787/gateway.do'), gatewayKey('http://127.0.0.1:8787/gateway.do/'));
    assert.equal(gatewayKey('https://mapi.alipay.com./gateway.do'), gatewayKey('https://MAPI.alipay.com:443/gateway.do'));
    assert.notEqual(gatewayKey('https://a.com/Gateway.do'), gatewayKey('https://a.com/gateway.do'));
  });
});
