// Built-in OpenAPI profiles: the 2023 sandbox address, production, app_id
// instead of partner, certificate paths; sandbox/production decided by the one
// rule in core/protocol (the old openapi.alipaydev.com is sandbox too).
import * as assert from 'node:assert/strict';
import { BUILT_IN_PROFILES, findProfile, parseProfiles } from '../../src/core/profile';
import { profileVariables } from '../../src/core/prepareRequest';
import { isProduction } from '../../src/core/protocol';

describe('OpenAPI profiles', () => {
  it('OpenAPI Sandbox and OpenAPI Production are built in, RSA2, with an app_id slot', () => {
    const sandbox = findProfile(BUILT_IN_PROFILES, 'OpenAPI Sandbox')!;
    const prod = findProfile(BUILT_IN_PROFILES, 'openapi production')!;
    assert.equal(sandbox.gateway, 'https://openapi-sandbox.dl.alipaydev.com/gateway.do');
    assert.equal(prod.gateway, 'https://openapi.alipay.com/gateway.do');
    assert.equal(sandbox.signType, 'RSA2');
    assert.equal(sandbox.appId, '');
    assert.equal(isProduction(sandbox.gateway, sandbox), false);
    assert.equal(isProduction(prod.gateway, prod), true);
    assert.equal(isProduction('https://openapi.alipaydev.com/gateway.do', undefined), false);
  });

  it('a user entry sets appId and certificate paths on a built-in; a bad appId is reported', () => {
    const { profiles, problems } = parseProfiles([
      { name: 'OpenAPI Sandbox', appId: '9021000122671234', appCertPath: '/c/app.crt', alipayCertPath: '/c/alipay.crt', alipayRootCertPath: '/c/root.crt' },
      { name: 'Mine', gateway: 'https://openapi.alipay.com/gateway.do', appId: '12345' },
    ]);
    const s = findProfile(profiles, 'OpenAPI Sandbox')!;
    assert.equal(s.appId, '9021000122671234');
    assert.equal(s.gateway, 'https://openapi-sandbox.dl.alipaydev.com/gateway.do');
    assert.equal(s.signType, 'RSA2');
    assert.deepEqual([s.appCertPath, s.alipayCertPath, s.alipayRootCertPath], ['/c/app.crt', '/c/alipay.crt', '/c/root.crt']);
    assert.equal(problems.length, 1);
    assert.match(problems[0].text.en, /not a 16-digit OpenAPI app ID/);
    assert.match(problems[0].text.zh, /OpenAPI 应用 ID/);
    assert.equal(profileVariables(s).app_id, '9021000122671234');
  });

  it('the old OpenAPI sandbox host is not production, the new one neither, openapi.alipay.com is', () => {
    assert.equal(isProduction('https://openapi.alipaydev.com/gateway.do', undefined), false);
    assert.equal(isProduction('https://openapi-sandbox.dl.alipaydev.com/gateway.do', undefined), false);
    assert.equal(isProduction('https://openapi.alipay.com/gateway.do', undefined), true);
  });
});
