// What a signature was checked as, with the resolver's evidence: one writer
// (core/contextSummary) for the hover's sign check and the doctor's output.
import * as assert from 'node:assert/strict';
import { main } from '../../src/cli';
import { contextSummary } from '../../src/core/contextSummary';
import { diagnose } from '../../src/core/doctor';
import { parseInput } from '../../src/core/params';
import { BUILT_IN_PROFILES } from '../../src/core/profile';
import { resolveContext } from '../../src/core/resolve';
import { signParams } from '../../src/core/sign';

async function cli(args: string[], lang: 'en' | 'zh', env: NodeJS.ProcessEnv): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => Buffer.alloc(0), env, lang });
  return { code, out, err };
}

describe('core/contextSummary: what a signature is checked as, and why', () => {
  it('says sign type, charset (each with where it came from) and the variant, in English and Chinese', () => {
    const ctx = resolveContext({ params: parseInput('app_id=1&method=alipay.trade.page.pay.return&charset=utf-8&sign_type=RSA2&sign=x').params });
    assert.deepEqual(contextSummary(ctx), {
      en: 'RSA2 (from sign_type) · UTF-8 (from charset) · OpenAPI return URL',
      zh: 'RSA2（来自 sign_type） · UTF-8（来自 charset） · OpenAPI 同步返回',
    });
    // The variant's evidence names the method it saw (no unfilled placeholder).
    assert.equal(ctx.variant.from.en, 'app_id and method alipay.trade.page.pay.return: an OpenAPI return URL');
    assert.equal(ctx.variant.from.zh, 'app_id 且 method 为 alipay.trade.page.pay.return：OpenAPI 同步返回');
    const wap = resolveContext({ params: parseInput('service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=x&sign=y').params });
    assert.equal(contextSummary(wap).en, 'MD5 (from sec_id) · UTF-8 (not declared: UTF-8 bytes, as the toolkit signs them) · WAP 2.0 notification');
  });

  it('names defaults and profiles as the source, and (full) what the gateway reads when it differs', () => {
    const sandbox = BUILT_IN_PROFILES.find((p) => p.name === 'Sandbox')!;
    const ctx = resolveContext({ params: parseInput('service=single_trade_query&partner=2088101122136241&subject=测试').params });
    assert.equal(contextSummary(ctx).en, 'MD5 (MAPI (gateway.do) default) · UTF-8 (not declared: UTF-8 bytes, as the toolkit signs them) · MAPI request');
    assert.match(contextSummary(ctx, { full: true }).en, / · gateway default GBK \(MAPI \(gateway\.do\) without _input_charset\)$/);
    assert.match(contextSummary(ctx, { full: true }).zh, / · 网关默认 GBK/);
    // Declared: nothing more to say about the gateway.
    const declared = resolveContext({ params: parseInput('service=x&_input_charset=utf-8&subject=测试').params });
    assert.doesNotMatch(contextSummary(declared, { full: true }).en, /GBK/);
    // What Alipay sends: the gateway's reading of a request does not apply.
    const notify = resolveContext({ params: parseInput('notify_id=1&trade_status=TRADE_SUCCESS&sign_type=MD5&sign=x').params });
    assert.doesNotMatch(contextSummary(notify, { full: true }).en, /GBK/);
    const viaProfile = resolveContext({ params: parseInput('service=x&subject=a').params, profile: { ...sandbox, charset: 'gbk', signType: 'RSA' } });
    assert.equal(contextSummary(viaProfile).en, 'RSA (profile Sandbox) · GBK (profile Sandbox) · MAPI request');
  });

  it('the doctor says what it checked as when given the context', () => {
    const params = parseInput('service=single_trade_query&partner=2088101122136241&_input_charset=gbk&out_trade_no=1&sign_type=MD5').params;
    const signed = signParams(params, 'MD5', { md5Key: 'right' }, 'gbk').params;
    const ctx = resolveContext({ params: signed });
    const r = diagnose({ params: signed, signType: ctx.signType.value, charset: ctx.charset.value, key: { md5Key: 'wrong' }, context: ctx });
    assert.equal(r.valid, false);
    assert.equal(r.evidence?.en, 'MD5 (from sign_type) · GBK (from _input_charset) · MAPI request');
    assert.equal(diagnose({ params: signed, signType: 'MD5', charset: 'gbk', key: { md5Key: 'wrong' } }).evidence, undefined);
  });

  it('CLI verify: the doctor prints what it checked as (en, zh, json); VALID output is unchanged', async () => {
    const env = { ALIPAY_MD5_KEY: 'contextsummarykey0123456789abcde' };
    const params = parseInput('service=single_trade_query&partner=2088101122136241&out_trade_no=1').params;
    const signed = signParams(params, 'MD5', { md5Key: 'another-key' }, 'utf-8').params;
    const input = signed.map((p) => `${p.name}=${encodeURIComponent(p.value)}`).join('&');
    const en = await cli(['verify', input], 'en', env);
    assert.equal(en.code, 1, en.err.join(' | '));
    const what = 'MD5 (from sign_type) · UTF-8 (not declared: UTF-8 bytes, as the toolkit signs them) · MAPI request · gateway default GBK (MAPI (gateway.do) without _input_charset)';
    assert.ok(en.out.includes(`doctor: checked as ${what}`), en.out.join('\n'));
    const zh = await cli(['verify', input], 'zh', env);
    assert.ok(zh.out.includes('诊断: 验签依据：MD5（来自 sign_type） · UTF-8（未声明：按 UTF-8 字节签名（工具的一贯做法）） · MAPI 请求 · 网关默认 GBK（MAPI (gateway.do) 未给 _input_charset）'), zh.out.join('\n'));
    const json = await cli(['verify', input, '--output', 'json'], 'en', env);
    assert.equal((JSON.parse(json.out.join('')) as { checked_as?: string }).checked_as, what);
    const good = signParams(params, 'MD5', { md5Key: env.ALIPAY_MD5_KEY }, 'utf-8').params.map((p) => `${p.name}=${encodeURIComponent(p.value)}`).join('&');
    const ok = await cli(['verify', good], 'en', env);
    assert.equal(ok.code, 0);
    assert.ok(!ok.out.some((l) => l.includes('checked as')), ok.out.join('\n'));
  });
});
