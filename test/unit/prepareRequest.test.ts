import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { prepareRequest, signPrepared } from '../../src/core/prepareRequest';
import { BUILT_IN_PROFILES, type Profile } from '../../src/core/profile';
import * as crypto from 'crypto';

const profiles: Profile[] = [
  ...BUILT_IN_PROFILES.map((p) => ({ ...p, partner: '2088101122136241' })),
  { name: 'Local', gateway: 'http://127.0.0.1:8080/gateway.do', partner: '2088000000000001', signType: 'RSA2', charset: 'gbk', builtIn: false },
];
const sandbox = profiles[0];
const opts = { profiles, defaultProfile: sandbox };

describe('preparing a request to send', () => {
  it('uses the named profile for gateway, variables, sign type and the default charset', () => {
    const p = prepareRequest('POST local\nservice = single_trade_query\npartner = {{partner}}\nout_trade_no = 1', 1, opts);
    assert.strictEqual(p.gateway, 'http://127.0.0.1:8080/gateway.do');
    assert.strictEqual(p.profile.name, 'Local');
    assert.strictEqual(p.signType, 'RSA2');
    assert.strictEqual(p.charset, 'gbk');
    assert.deepStrictEqual(p.params.map((x) => `${x.name}=${x.value}`), ['service=single_trade_query', 'partner=2088000000000001', 'out_trade_no=1', '_input_charset=gbk']);
    assert.strictEqual(p.production, false);
    assert.strictEqual(p.serviceKind, 'xml');
  });

  it('takes a URL target with the default profile\'s variables, and # @sign-type over the profile', () => {
    const p = prepareRequest('# @sign-type DSA\nGET https://mapi.alipaydev.com/gateway.do\nservice = x\npartner = {{partner}}\n_input_charset = utf-8', 1, opts);
    assert.strictEqual(p.gateway, 'https://mapi.alipaydev.com/gateway.do');
    assert.strictEqual(p.signType, 'DSA');
    assert.strictEqual(p.params[1].value, '2088101122136241');
  });

  it('treats alipay.com gateways and any profile named Production as production', () => {
    assert.strictEqual(prepareRequest('POST Production\nservice=x', 1, opts).production, true);
    assert.strictEqual(prepareRequest('POST International\nservice=x', 1, opts).production, true);
    const renamed = prepareRequest('POST Production\nservice=x', 1, { ...opts, profiles: [...profiles.slice(0, 1), { ...profiles[1], gateway: 'http://127.0.0.1:1/gateway.do' }] });
    assert.strictEqual(renamed.production, true);
  });

  it('signs with the core rule: an independent MD5 over the pre-sign string + key matches', () => {
    const p = prepareRequest('GET Sandbox\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_no = 订单 1\nempty =', 1, opts);
    const s = signPrepared(p, { md5Key: 'k3y' });
    assert.strictEqual(s.presign, '_input_charset=utf-8&out_trade_no=订单 1&partner=2088101122136241&service=single_trade_query');
    assert.strictEqual(s.sign, crypto.createHash('md5').update(Buffer.from(s.presign + 'k3y', 'utf8')).digest('hex'));
    assert.match(s.url, /^https:\/\/mapi\.alipaydev\.com\/gateway\.do\?service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&out_trade_no=%E8%AE%A2%E5%8D%95\+1&empty=&sign=[0-9a-f]{32}&sign_type=MD5$/);
  });

  it('refuses with one message naming the request and the problem', () => {
    assert.throws(() => prepareRequest('POST Nowhere\nservice=x', 1, opts), /names the profile "Nowhere", which does not exist \(profiles: Sandbox/);
    assert.throws(() => prepareRequest('POST Sandbox\nservice=x\nsign=1', 1, opts), /Request 1 cannot be sent: Line 3: "sign" is computed/);
    assert.throws(() => prepareRequest('POST Sandbox\nservice={{nope}}', 1, opts), /"\{\{nope\}\}" is not defined/);
    assert.throws(() => prepareRequest('POST http://10.0.0.1/gateway.do\nservice=x', 1, opts), /must use https/);
    assert.throws(() => prepareRequest('# nothing', 1, opts), /has no request/);
    assert.throws(() => prepareRequest('POST\nservice=x', 3, opts), /no request 3: the file has 1/);
  });
});

describe('request file grammar', () => {
  interface Rule { match?: string; name?: string; captures?: Record<string, { name?: string; patterns?: Rule[] }>; patterns?: Rule[] }
  const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '../../syntaxes/alipay.tmLanguage.json'), 'utf8')) as { scopeName: string; patterns: Array<{ include: string }>; repository: Record<string, Rule> };

  /** The scope of the first top-level rule matching a line (the order the grammar tries them). */
  function scopeOf(line: string): string[] {
    for (const inc of grammar.patterns) {
      const rule = grammar.repository[inc.include.slice(1)];
      const m = new RegExp(rule.match!.replace(/\(\?i:/g, '(?:')).exec(line);
      if (!m) continue;
      return [rule.name ?? '', ...Object.entries(rule.captures ?? {}).filter(([i]) => m[Number(i)]).map(([, c]) => c.name ?? '')].filter(Boolean);
    }
    return [];
  }

  it('compiles and scopes separators, metadata, comments, variables, request lines, sign lines and params', () => {
    assert.strictEqual(grammar.scopeName, 'source.alipay');
    assert.ok(scopeOf('### Create a trade').includes('entity.name.section.request.alipay'));
    assert.ok(scopeOf('# @sign-type RSA2').includes('keyword.other.metadata.alipay'));
    assert.ok(scopeOf('# a comment').includes('comment.line.number-sign.alipay'));
    assert.ok(scopeOf('@seller = a@b.c').includes('variable.other.definition.alipay'));
    assert.ok(scopeOf('POST Sandbox').includes('keyword.control.method.alipay'));
    assert.ok(scopeOf('sign = abc').includes('invalid.illegal.computed-parameter.alipay'));
    assert.ok(scopeOf('out_trade_no = {{$outTradeNo}}').includes('variable.parameter.name.alipay'));
    const lang = JSON.parse(fs.readFileSync(path.join(__dirname, '../../syntaxes/alipay.language-configuration.json'), 'utf8')) as { comments: { lineComment: string }; brackets: string[][] };
    assert.strictEqual(lang.comments.lineComment, '#');
    assert.deepStrictEqual(lang.brackets, [['{{', '}}']]);
  });
});
