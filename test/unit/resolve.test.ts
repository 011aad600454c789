// The resolver (core/resolve): each decision with where it came from, bad input
// in one line (exit 2 in the CLI), values never trimmed, the charset warning,
// and a production profile's key bound to its own host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli';
import { lineValue, parseInput, writeLineValue } from '../../src/core/params';
import { BUILT_IN_PROFILES, checkKeyHost, parseProfiles } from '../../src/core/profile';
import { prepareRequest } from '../../src/core/prepareRequest';
import { detectVariant, gatewayReadCharset, gatewaySignType, resolveContext } from '../../src/core/resolve';
import { isToolkitError } from '../../src/core/i18n';
import { parseRequestFile } from '../../src/core/requestFile';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => Buffer.alloc(0), env, lang: 'en' });
  return { code, out, err };
}
const MD5 = { ALIPAY_MD5_KEY: 'resolvetestkey0123456789abcdefgh' };

describe('core/resolve: decisions with evidence', () => {
  it('names family, variant, sign type, charset and production, each with where it came from', () => {
    const ctx = resolveContext({ params: parseInput('service=single_trade_query&partner=2088101122136241&_input_charset=gbk&sign_type=RSA').params, gateway: 'https://MAPI.alipay.com./gateway.do' });
    assert.equal(ctx.family.value, 'mapi');
    assert.equal(ctx.variant.value, 'mapi.request');
    assert.equal(ctx.signType.value, 'RSA');
    assert.equal(ctx.signType.from.en, 'from sign_type');
    assert.equal(ctx.charset.value, 'gbk');
    assert.equal(ctx.charset.from.en, 'from _input_charset');
    assert.equal(ctx.production.value, true);
    assert.equal(ctx.signer.value, 'merchant');
    const open = resolveContext({ params: parseInput('app_id=1&method=alipay.trade.page.pay.return&sign=x').params });
    assert.deepEqual([open.variant.value, open.signType.value, open.signer.value, open.contentRule.value.dropEmpty], ['openapi.return', 'RSA2', 'alipay', false]);
    const sandbox = BUILT_IN_PROFILES.find((p) => p.name === 'Sandbox')!;
    const viaProfile = resolveContext({ params: parseInput('service=x&subject=a').params, profile: sandbox });
    assert.equal(viaProfile.charset.from.en, 'profile Sandbox');
    assert.equal(viaProfile.gatewayCharset.value, 'gbk');
    assert.equal(viaProfile.production.value, false);
    const wap = resolveContext({ params: parseInput('service=alipay.wap.trade.create.direct&v=1.0&sec_id=0001&notify_data=x&sign=y').params });
    assert.deepEqual([wap.variant.value, wap.signType.value, wap.signType.from.en], ['wap.notification', 'RSA', 'from sec_id']);
  });

  it('warns when non-ASCII text is signed without _input_charset (the gateway reads GBK), and only then', () => {
    const w = resolveContext({ params: parseInput('service=x&subject=测试').params }).warnings;
    assert.equal(w.length, 1);
    assert.match(w[0].text.en, /_input_charset.*GBK/);
    assert.equal(resolveContext({ params: parseInput('service=x&subject=test').params }).warnings.length, 0);
    assert.equal(resolveContext({ params: parseInput('service=x&_input_charset=utf-8&subject=测试').params }).warnings.length, 0);
  });

  it('bad input: one line naming the parameter and what to do, exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['sign', '_input_charset=gbk&charset=utf-8&service=x'], /_input_charset=gbk and charset=utf-8 disagree: keep one/],
      [['verify', 'service=x&sign=abc', '--variant', 'mapi.reqest'], /--variant: unknown variant "mapi\.reqest" \(use one of/],
      [['sign', 'partner="2088101122136241"&subject="a b&total_fee="1"'], /the value of "subject" has no closing quote/],
      [['sign', 'partner="2088101122136241"&subject=ab&total_fee="1"'], /the value of "subject" has no opening quote/],
      [['verify', 'service=alipay.wap.x&sec_id=0002&notify_data=x&sign=abc'], /sec_id: unknown value "0002"/],
      [['sign', 'service=x&method=alipay.trade.query&app_id=1'], /Both "service" \(MAPI\) and "method" \(OpenAPI\)/],
    ];
    for (const [args, want] of cases) {
      const r = await cli(args, MD5);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err.join(' | ')}`);
      assert.equal(r.err.length, 1, r.err.join(' | '));
      assert.match(r.err[0], want);
      assert.deepEqual(r.out, []);
    }
  });
});

describe('values are signed byte for byte', () => {
  it('subject=foobar%20 signs "foobar " (URL, query, form and JSON input)', async () => {
    for (const input of ['service=x&subject=foobar%20', 'https://mapi.alipaydev.com/gateway.do?service=x&subject=foobar%20', '{"service":"x","subject":"foobar "}']) {
      const r = await cli(['sign', input, '--output', 'presign'], MD5);
      assert.equal(r.code, 0, r.err.join(' | '));
      assert.deepEqual(r.out, ['service=x&subject=foobar '], input);
    }
  });

  it('name = value lines and request files: edge spaces are layout unless the value is quoted', async () => {
    assert.equal(lineValue('  foobar   '), 'foobar');
    assert.equal(lineValue(' " foobar " '), ' foobar ');
    assert.equal(lineValue('"x"'), '"x"', 'quotes without edge whitespace are part of the value');
    for (const v of [' a', 'b ', 'c', '"d"', '\te\t']) assert.equal(lineValue(writeLineValue(v)), v);
    const r = await cli(['sign', 'service = x\nsubject = "foobar "   \nbody =  b  \n', '--output', 'presign'], MD5);
    assert.deepEqual(r.out, ['body=b&service=x&subject=foobar ']);
    const file = parseRequestFile('### q\nPOST Sandbox\nservice = single_trade_query\nsubject = " with spaces "\n');
    assert.equal(file.requests[0].params.find((p) => p.name === 'subject')!.value, ' with spaces ');
  });

  it('sign warns on standard error in one line when non-ASCII text has no _input_charset, and still signs UTF-8 bytes', async () => {
    const r = await cli(['sign', 'service=x&subject=测试', '--output', 'presign'], MD5);
    assert.equal(r.code, 0);
    assert.deepEqual(r.out, ['service=x&subject=测试']);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /^alipay-toolkit: warning: _input_charset is not set: "subject" .* read it as GBK .* add _input_charset=utf-8/);
  });
});

describe('a production profile key signs only for its own host', () => {
  it('refuses another host in one line naming both hosts', () => {
    const { profiles } = parseProfiles([{ name: 'Proxy', gateway: 'https://pay.example.com/gateway.do', production: true }]);
    const prod = profiles.find((p) => p.name === 'Production')!;
    assert.equal(checkKeyHost(prod, 'https://MAPI.ALIPAY.COM./gateway.do'), undefined);
    const t = checkKeyHost(prod, 'https://evil.example/gateway.do')!;
    assert.match(t.en, /"Production" sign only for mapi\.alipay\.com; this request goes to evil\.example/);
    assert.ok(t.zh.includes('evil.example') && t.zh.includes('mapi.alipay.com'));
    const proxy = profiles.find((p) => p.name === 'Proxy')!;
    assert.equal(checkKeyHost(proxy, 'https://pay.example.com/x'), undefined);
    assert.ok(checkKeyHost(proxy, 'https://mapi.alipay.com/gateway.do'));
    assert.equal(checkKeyHost(profiles.find((p) => p.name === 'Sandbox')!, 'https://anything.example/'), undefined);
  });
});

describe('send to production needs --yes-production, whatever the host spelling', () => {
  it('refuses trailing-dot, upper-case and user-info spellings of a production host: exit 2, one line, nothing sent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-resolve-'));
    try {
      for (const host of ['https://MAPI.ALIPAY.COM./gateway.do', 'https://u@mapi.alipay.com/gateway.do', 'https://openapi.alipay.com./gateway.do']) {
        const file = path.join(dir, 'r.alipay');
        fs.writeFileSync(file, `### q\nPOST ${host}\nservice = single_trade_query\npartner = 2088101122136241\nout_trade_no = T1\n`);
        const r = await cli(['send', file], MD5);
        if (host.includes('u@')) {
          assert.equal(r.code, 2);
          assert.equal(r.err.length, 1);
          continue; // a gateway with user info is refused before the production question
        }
        assert.equal(r.code, 2, r.err.join(' | '));
        assert.equal(r.err.length, 1);
        assert.match(r.err[0], /production gateway .*--yes-production.*Nothing was sent/);
        assert.deepEqual(r.out, []);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('request files and the emulator ask the resolver', () => {
  const profiles = BUILT_IN_PROFILES.map((p) => ({ ...p, partner: '2088101122136241', appId: '2021000000000001' }));
  const opts = { profiles, defaultProfile: profiles[0] };

  it('prepareRequest takes sign type, charset and production from the resolver, with where each came from', () => {
    const mapi = prepareRequest('POST Sandbox\nservice = single_trade_query\nout_trade_no = 1', 1, opts);
    assert.deepEqual([mapi.signType, mapi.context.signType.from.en, mapi.charset, mapi.context.charset.from.en, mapi.production], ['MD5', 'profile Sandbox', 'utf-8', 'from _input_charset', false]);
    const directive = prepareRequest('# @sign-type rsa\nPOST Production\nservice = single_trade_query\n_input_charset = gbk', 1, opts);
    assert.deepEqual([directive.signType, directive.context.signType.from.en, directive.charset, directive.production, directive.context.production.from.en], ['RSA', 'from # @sign-type', 'gbk', true, 'profile Production is marked production']);
    const open = prepareRequest('POST OpenAPI Sandbox\napp_id = {{app_id}}\nmethod = alipay.trade.query\nbiz_content = {}', 1, opts);
    assert.deepEqual([open.context.variant.value, open.signType, open.charset], ['openapi.request', 'RSA2', 'utf-8']);
    assert.equal(open.params.find((p) => p.name === 'charset')?.value, 'utf-8', 'OpenAPI names its charset with charset');
    // A notify_verify call carries notify_id but is a request the merchant signs: the profile's sign type applies.
    const verify = prepareRequest('POST Sandbox\nservice = notify_verify\nnotify_id = abc', 1, { ...opts, profiles: [{ ...profiles[0], signType: 'RSA' }], defaultProfile: { ...profiles[0], signType: 'RSA' } });
    assert.deepEqual([verify.context.variant.value, verify.signType], ['mapi.request', 'RSA']);
  });

  it('prepareRequest refuses what the resolver refuses, in one line naming the request', () => {
    assert.throws(() => prepareRequest('POST Sandbox\nservice = x\n_input_charset = gbk\ncharset = utf-8', 1, opts), (e: Error) => /^Request 1: _input_charset=gbk and charset=utf-8 disagree: keep one/.test(e.message) && !e.message.includes('\n'));
    assert.throws(() => prepareRequest('POST Sandbox\nservice = x\nmethod = alipay.trade.query', 1, opts), (e: Error) => /^Request 1: Both "service" \(MAPI\) and "method" \(OpenAPI\) are present/.test(e.message));
  });

  it("the gateway's charset: _input_charset from the query string, else GBK; an unknown one refused", () => {
    assert.deepEqual(gatewayReadCharset(undefined), { value: 'gbk', from: { en: 'gateway default GBK (no _input_charset in the query string)', zh: '网关默认 GBK（查询串中没有 _input_charset）' } });
    assert.equal(gatewayReadCharset('UTF-8').value, 'utf-8');
    assert.equal(gatewayReadCharset('gb2312').from.en, 'from _input_charset in the query string');
    assert.throws(() => gatewayReadCharset('latin1'), /_input_charset: unknown charset "latin1"/);
    assert.throws(() => gatewayReadCharset(''), /unknown charset/);
    assert.equal(gatewayReadCharset(undefined, 'openapi').value, 'utf-8');
  });

  it("the gateway's sign type: sign_type as sent (the last one), MAPI takes MD5, RSA and DSA only, nothing defaulted", () => {
    const p = (q: string) => parseInput(q).params;
    assert.deepEqual(gatewaySignType(p('service=x&sign_type=RSA')), { signType: 'RSA' });
    assert.deepEqual(gatewaySignType(p('service=x&sign_type=md5')), { signType: 'MD5' });
    assert.deepEqual(gatewaySignType(p('service=x')), { refused: 'missing', value: '' });
    assert.deepEqual(gatewaySignType(p('service=x&sign_type=')), { refused: 'missing', value: '' });
    assert.deepEqual(gatewaySignType(p('service=x&sign_type=RSA2')), { refused: 'unknown', value: 'RSA2' });
    assert.deepEqual(gatewaySignType(p('service=x&sign_type=0001')), { refused: 'unknown', value: '0001' });
    assert.deepEqual(gatewaySignType([{ name: 'sign_type', value: 'MD5' }, { name: 'sign_type', value: 'DSA' }]), { signType: 'DSA' });
    assert.deepEqual(gatewaySignType(p('app_id=1&sign_type=RSA2'), 'openapi'), { signType: 'RSA2' });
  });
});

describe('variant markers that contradict each other or miss their partner are refused by name', () => {
  const refused = (q: string): { code: string; en: string; zh: string } => {
    try {
      const parsed = parseInput(q);
      detectVariant(parsed.params, parsed.kind);
    } catch (e) {
      assert.ok(isToolkitError(e), String(e));
      return { code: e.code, en: e.localized('en'), zh: e.localized('zh') };
    }
    assert.fail(`not refused: ${q}`);
  };
  const cases: Array<[string, string, RegExp, RegExp]> = [
    ['service=x&method=alipay.trade.query&app_id=1', 'AMBIGUOUS_VARIANT', /"service" \(MAPI\) and "method" \(OpenAPI\)/, /"service"（MAPI）和 "method"（OpenAPI）/],
    ['app_id=2021&service=single_trade_query&sign=x', 'CONTRADICTORY_VARIANT', /^"app_id" \(OpenAPI\) and "service" \(MAPI\) are both present: remove the one/, /^同时出现 "app_id"（OpenAPI）和 "service"（MAPI）/],
    ['method=alipay.trade.query&biz_content={}', 'MISSING_APP_ID', /^"method" \(alipay\.trade\.query\) names an OpenAPI call but "app_id" is missing: add app_id=/, /缺少 "app_id"：请加上 app_id=/],
    ['service=alipay.wap.trade.create.direct&sec_id=MD5&app_id=1', 'CONTRADICTORY_VARIANT', /^"sec_id" \(WAP 2\.0\) and "app_id" \(OpenAPI\)/, /"sec_id"（WAP 2\.0）和 "app_id"（OpenAPI）/],
    ['service=alipay.wap.trade.create.direct&v=1.0&notify_data=<notify/>&sign=x', 'MISSING_SEC_ID', /^"notify_data" is a WAP 2\.0 notification's but "sec_id" is missing: add sec_id=MD5/, /缺少 "sec_id"：请按支付宝发来的原样加上 sec_id=MD5/],
    ['sec_id=MD5&v=1.0&notify_data=<notify/>&sign=x', 'MISSING_SERVICE', /^"sec_id" is WAP 2\.0's but "service" is missing: add the service/, /缺少 "service"：请加上/],
    ['partner="2088101122136241"&subject="a b&total_fee="1"', 'ORDER_STRING_QUOTE', /the value of "subject" has no closing quote: write subject="…"/, /"subject" 的值缺少结尾的引号/],
    ['partner=2088101122136241"&total_fee="1"&sign="x"', 'ORDER_STRING_QUOTE', /the value of "partner" has no opening quote: write partner="…"/, /"partner" 的值缺少开头的引号/],
    ['partner="2088101122136241"&total_fee="1', 'ORDER_STRING_QUOTE', /the value of "total_fee" has no closing quote/, /"total_fee" 的值缺少结尾的引号/],
  ];
  for (const [q, code, en, zh] of cases) {
    it(`${code}: ${q.slice(0, 60)}`, () => {
      const r = refused(q);
      assert.equal(r.code, code);
      assert.match(r.en, en);
      assert.match(r.zh, zh);
      assert.ok(!r.en.includes('\n') && !r.zh.includes('\n'), 'one line');
    });
  }

  it('keeps every valid shape: published vectors without markers, WAP requests, OpenAPI notifications, notify_verify', () => {
    const v = (q: string) => {
      const parsed = parseInput(q);
      return detectVariant(parsed.params, parsed.kind).value;
    };
    assert.equal(v('aaa=111&bbb=2222&ccc=3333&dd=&ggg=1'), 'mapi.request');
    assert.equal(v('notify_id=1234&sign_type=MD5'), 'mapi.notification');
    assert.equal(v('service=alipay.wap.trade.create.direct&sec_id=MD5&req_data=<x/>&partner=2088'), 'wap.request');
    assert.equal(v('service=alipay.wap.trade.create.direct&v=1.0&sec_id=0001&notify_data=abc&sign=x'), 'wap.notification');
    assert.equal(v('app_id=2021&notify_id=n&trade_status=TRADE_SUCCESS&sign=x'), 'openapi.notification');
    assert.equal(v('app_id=2021&method=alipay.trade.page.pay.return&sign=x'), 'openapi.return');
    assert.equal(v('service=notify_verify&partner=2088101122136241&notify_id=abc'), 'mapi.request');
    assert.equal(v('is_success=T&exterface=create_direct_pay_by_user&notify_id=x&sign=y'), 'mapi.return');
    assert.equal(v('partner="2088101122136241"&subject="a=\\"b\\""&sign="x"'), 'securitypay.order');
    assert.equal(v('service=x&subject=a%22b&body=c'), 'mapi.request', 'an encoded quote is just a character');
    // --variant says which, whatever the markers: the user decided.
    assert.equal(detectVariant(parseInput('app_id=1&service=x').params, 'query', 'mapi.request').value, 'mapi.request');
  });
});
