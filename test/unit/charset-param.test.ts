// Which charset parameter a request is filled with when it names none: core
// decides by the family (MAPI `_input_charset`, OpenAPI `charset`), and the
// send path (prepareRequest) follows it.
import * as assert from 'node:assert/strict';
import { parseInput } from '../../src/core/params';
import { prepareRequest } from '../../src/core/prepareRequest';
import { BUILT_IN_PROFILES, type Profile } from '../../src/core/profile';
import { FAMILIES } from '../../src/core/protocol';
import { charsetParamToFill } from '../../src/core/resolve';

const q = (s: string) => parseInput(s).params;

describe('charsetParamToFill: the family decides the charset parameter', () => {
  it('MAPI requests get _input_charset, OpenAPI requests get charset (the names from core/protocol)', () => {
    assert.equal(FAMILIES.mapi.charsetParam, '_input_charset');
    assert.equal(FAMILIES.openapi.charsetParam, 'charset');
    assert.equal(charsetParamToFill(q('service=single_trade_query&partner=2088101122136241&out_trade_no=1')), '_input_charset');
    assert.equal(charsetParamToFill(q('app_id=2021000000000001&method=alipay.trade.query&biz_content={}')), 'charset');
    assert.equal(charsetParamToFill(q('sec_id=MD5&service=alipay.wap.trade.create.direct')), '_input_charset');
  });

  it('nothing to fill when the request names its charset; a MAPI request with only charset= still gets _input_charset', () => {
    assert.equal(charsetParamToFill(q('app_id=2021000000000001&method=alipay.trade.query&charset=GBK')), undefined);
    assert.equal(charsetParamToFill(q('app_id=2021000000000001&method=alipay.trade.query&_input_charset=utf-8')), undefined);
    assert.equal(charsetParamToFill(q('service=x&_input_charset=gbk')), undefined);
    assert.equal(charsetParamToFill(q('service=x&charset=gbk')), '_input_charset');
  });

  it('prepareRequest fills charset (not _input_charset) into an OpenAPI request, _input_charset into a MAPI one', () => {
    const profiles: Profile[] = BUILT_IN_PROFILES.map((p) => ({ ...p }));
    const opts = { profiles, defaultProfile: profiles[0] };
    const open = prepareRequest('GET https://openapi-sandbox.dl.alipaydev.com/gateway.do\napp_id = 2021000000000001\nmethod = alipay.trade.query', 1, opts);
    assert.deepEqual(open.params.filter((p) => /charset/.test(p.name)).map((p) => p.name), ['charset']);
    const mapi = prepareRequest('GET https://mapi.alipaydev.com/gateway.do\nservice = single_trade_query\npartner = 2088101122136241', 1, opts);
    assert.deepEqual(mapi.params.filter((p) => /charset/.test(p.name)).map((p) => p.name), ['_input_charset']);
    const declared = prepareRequest('GET https://openapi-sandbox.dl.alipaydev.com/gateway.do\napp_id = 2021000000000001\nmethod = alipay.trade.query\ncharset = GBK', 1, opts);
    assert.equal(declared.charset, 'gbk');
    assert.deepEqual(declared.params.filter((p) => /charset/.test(p.name)).map((p) => `${p.name}=${p.value}`), ['charset=GBK']);
  });
});
