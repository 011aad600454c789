// presign-diff on real-world-shaped OpenAPI invalid-signature errors. Each
// case signs a request, then builds what the gateway would answer for a
// request that reached it altered in one known way (JSON error with entities,
// or the HTML error page), and checks the verdict and the named cause.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffPresign, extractVerifyString, splitPresign } from '../../src/core/openapi/presignDiff';
import { buildUrl, Param } from '../../src/core/params';
import { signParams } from '../../src/core/sign';
import { runCli } from './support/cliRun';
import { readKey, tempDir } from './support/signing';
import { VERIFY_MARK, gatewayVerifyString } from '../support/openapiGateway';

const dir = tempDir('alipay-presign-diff-');
const PRIVATE = readKey('rsa2048-pkcs1.pem');
const BIZ = '{"out_trade_no":"20240501001","total_amount":"88.88","subject":"Iphone6 16G","product_code":"FAST_INSTANT_TRADE_PAY"}';

function base(): Param[] {
  return [
    { name: 'app_id', value: '2021000122671234' },
    { name: 'method', value: 'alipay.trade.page.pay' },
    { name: 'format', value: 'JSON' },
    { name: 'charset', value: 'utf-8' },
    { name: 'sign_type', value: 'RSA2' },
    { name: 'timestamp', value: '2024-05-01 12:00:00' },
    { name: 'version', value: '1.0' },
    { name: 'notify_url', value: 'https://m.example.com/notify' },
    { name: 'return_url', value: 'https://m.example.com/return?a=1&b=2' },
    { name: 'biz_content', value: BIZ },
  ];
}

const set = (ps: Param[], name: string, value: string | undefined): Param[] =>
  value === undefined ? ps.filter((p) => p.name !== name) : ps.some((p) => p.name === name) ? ps.map((p) => (p.name === name ? { name, value } : p)) : [...ps, { name, value }];

const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function jsonAnswer(verify: string, entities: 'none' | 'named' | 'numeric' = 'none'): string {
  const v = entities === 'named' ? html(verify) : entities === 'numeric' ? verify.replace(/&/g, '&#38;').replace(/"/g, '&#34;') : verify;
  return JSON.stringify({ error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: VERIFY_MARK + v }, sign: 'ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE' });
}

function htmlAnswer(verify: string): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>支付宝 - 网上支付 安全快速！</title></head>\n<body><div class="Todo"><h3>错误代码 isv.invalid-signature</h3>\n<p class="reason">错误原因: ${VERIFY_MARK}${html(verify)}</p></div></body></html>\n`;
}

/** The request as the user sent it (signed), as a URL. */
function sent(ps: Param[]): string {
  const signed = signParams(ps, 'RSA2', { privateKey: PRIVATE }, 'utf-8');
  return buildUrl('https://openapi-sandbox.dl.alipaydev.com/gateway.do', signed.params, 'utf-8');
}

interface Case {
  title: string;
  form: 'json' | 'html';
  request: Param[];
  /** What the gateway received and verified. */
  gateway: Param[] | string;
  entities?: 'none' | 'named' | 'numeric';
  expect: Array<{ name: string; cause: RegExp }>;
}

const CASES: Case[] = [
  { title: 'charset case: UTF-8 sent, utf-8 verified', form: 'json', entities: 'named', request: set(base(), 'charset', 'UTF-8'), gateway: base(), expect: [{ name: 'charset', cause: /charset case differs \(UTF-8 vs utf-8\)/ }] },
  { title: 'a leading space in notify_url', form: 'html', request: set(base(), 'notify_url', ' https://m.example.com/notify'), gateway: base(), expect: [{ name: 'notify_url', cause: /whitespace differs/ }] },
  { title: 'a parameter only on the gateway side (added after signing)', form: 'json', request: base(), gateway: set(base(), 'app_auth_token', '202405BBf1c1a2b3'), expect: [{ name: 'app_auth_token', cause: /only on the gateway side/ }] },
  { title: 'biz_content re-serialised with other spacing', form: 'html', request: base(), gateway: set(base(), 'biz_content', JSON.stringify(JSON.parse(BIZ), null, 1).replace(/\n/g, '')), expect: [{ name: 'biz_content', cause: /biz_content re-serialised/ }] },
  { title: 'biz_content members re-ordered', form: 'json', entities: 'named', request: base(), gateway: set(base(), 'biz_content', '{"subject":"Iphone6 16G","out_trade_no":"20240501001","product_code":"FAST_INSTANT_TRADE_PAY","total_amount":"88.88"}'), expect: [{ name: 'biz_content', cause: /biz_content re-ordered/ }] },
  { title: 'an entity left encoded in return_url (&amp; in the value)', form: 'html', request: set(base(), 'return_url', 'https://m.example.com/return?a=1&amp;b=2'), gateway: base(), expect: [{ name: 'return_url', cause: /HTML entity left encoded/ }] },
  { title: 'timestamp reformatted', form: 'json', entities: 'numeric', request: base(), gateway: set(base(), 'timestamp', '2024/05/01 12:00:00'), expect: [{ name: 'timestamp', cause: /timestamp reformatted/ }] },
  { title: 'an empty value kept in the request', form: 'json', request: set(base(), 'return_url', ''), gateway: set(base(), 'return_url', undefined), expect: [{ name: 'return_url', cause: /empty value kept/ }] },
  { title: 'an HTML-escaped URL: "&amp;sign_type" arrives as a parameter named amp;sign_type', form: 'html', request: base(), gateway: set(set(base(), 'sign_type', undefined), 'amp;sign_type', 'RSA2'), expect: [{ name: 'sign_type', cause: /sent as "&amp;"/ }] },
  { title: 'notify_url URL-encoded before signing', form: 'json', entities: 'named', request: base(), gateway: set(base(), 'notify_url', encodeURIComponent('https://m.example.com/notify')), expect: [{ name: 'notify_url', cause: /URL-encoding differs/ }] },
  { title: 'parameter only in our request (lost: sent in the body)', form: 'html', request: set(base(), 'app_auth_token', '202405BBf1c1a2b3'), gateway: base(), expect: [{ name: 'app_auth_token', cause: /only in our request/ }] },
];

describe('presign-diff: the gateway verify string against the request', () => {
  for (const c of CASES) {
    it(`${c.form.toUpperCase()}: ${c.title}`, async () => {
      const verify = typeof c.gateway === 'string' ? c.gateway : gatewayVerifyString(c.gateway);
      const answer = c.form === 'json' ? jsonAnswer(verify, c.entities) : htmlAnswer(verify);
      const af = path.join(dir, `answer-${CASES.indexOf(c)}.${c.form}`);
      fs.writeFileSync(af, answer);
      const url = sent(c.request);
      const r = await runCli(['presign-diff', af, url]);
      assert.equal(r.err.length, 0, r.err.join('\n'));
      assert.equal(r.out[0], 'DIFFERENT', r.out.join('\n'));
      assert.equal(r.code, 1);
      assert.equal(r.out.length - 1, c.expect.length, r.out.join('\n'));
      c.expect.forEach((e, i) => {
        const line = r.out[i + 1];
        assert.ok(line.startsWith(`${e.name}: ours `), line);
        assert.match(line, / gateway /);
        assert.match(line, e.cause);
      });
    });
  }

  it('SAME (HTML page): the content matches, exit 0 and the advice points at the key', async () => {
    const af = path.join(dir, 'same.html');
    fs.writeFileSync(af, htmlAnswer(gatewayVerifyString(base())));
    const rf = path.join(dir, 'request.txt');
    fs.writeFileSync(rf, sent(base()) + '\n');
    const r = await runCli(['presign-diff', af, rf]);
    assert.equal(r.code, 0, r.out.join('\n') + r.err.join('\n'));
    assert.equal(r.out[0], 'SAME');
    assert.match(r.out[1], /private key matches the app public key/);
  });

  it('the request may be a query string, a form body on stdin, or name = value lines; the answer the bare string', async () => {
    const verify = gatewayVerifyString(base());
    const af = path.join(dir, 'bare.txt');
    fs.writeFileSync(af, verify + '\n');
    const query = sent(base()).split('?')[1];
    assert.equal((await runCli(['presign-diff', af, query])).out[0], 'SAME');
    assert.equal((await runCli(['presign-diff', af, '-'], { stdin: query })).out[0], 'SAME');
    const lines = path.join(dir, 'request.lines');
    fs.writeFileSync(lines, base().map((p) => `${p.name} = ${p.value}`).join('\n') + '\n');
    assert.equal((await runCli(['presign-diff', af, lines])).out[0], 'SAME');
  });

  it('no verify string in the answer, or an unreadable request: one line, exit 2 (en and zh)', async () => {
    const af = path.join(dir, 'other.json');
    fs.writeFileSync(af, JSON.stringify({ error_response: { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' } }));
    const r = await runCli(['presign-diff', af, sent(base())]);
    assert.equal(r.code, 2);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /No gateway verify string found/);
    const z = await runCli(['presign-diff', af, sent(base())], { lang: 'zh' });
    assert.match(z.err[0], /没有找到网关验签字符串/);
    const m = await runCli(['presign-diff', af]);
    assert.equal(m.code, 2);
  });

  it('--json gives both strings and the differences', async () => {
    const af = path.join(dir, 'j.json');
    fs.writeFileSync(af, jsonAnswer(gatewayVerifyString(set(base(), 'timestamp', '2024-05-01T12:00:00')), 'named'));
    const r = await runCli(['presign-diff', af, sent(base()), '--json']);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out.join('\n')) as { same: boolean; form: string; differences: Array<{ name: string; cause: string }> };
    assert.equal(j.same, false);
    assert.equal(j.form, 'json');
    assert.deepEqual(j.differences.map((d) => d.name), ['timestamp']);
  });

  it('core: entities decoded in both forms; values holding & and JSON stay whole', () => {
    const v = 'a=1&biz_content={"x":"p&q=r","y":[1,{"z":"}"}]}&return_url=https://e.com/?u=1&v=2&sign_type=RSA2';
    assert.equal(extractVerifyString(jsonAnswer(v, 'named')).text, v);
    assert.equal(extractVerifyString(jsonAnswer(v, 'numeric')).text, v);
    assert.equal(extractVerifyString(htmlAnswer(v)).text, v);
    const parts = splitPresign(v, new Set(['a', 'biz_content', 'return_url', 'sign_type']));
    assert.deepEqual(parts.map((p) => p.name), ['a', 'biz_content', 'return_url', 'sign_type']);
    assert.equal(parts[1].value, '{"x":"p&q=r","y":[1,{"z":"}"}]}');
    assert.equal(parts[2].value, 'https://e.com/?u=1&v=2');
    assert.equal(diffPresign(v, [{ name: 'a', value: '1' }, { name: 'biz_content', value: parts[1].value }, { name: 'return_url', value: parts[2].value }, { name: 'sign_type', value: 'RSA2' }, { name: 'sign', value: 'x' }]).same, true);
  });
});
