import * as assert from 'assert';
import fc from 'fast-check';
import { beijingTimestamp, freshOutTradeNo, parseRequestFile, requestAtLine, resolveRequest, variableAt } from '../../src/core/requestFile';

const SAMPLE = [
  '# Trades against the sandbox',
  '@seller = seller@example.com',
  '',
  '### Create a trade',
  '# @sign-type RSA2',
  'GET Sandbox',
  'service = create_direct_pay_by_user',
  'partner={{partner}}',
  '_input_charset = utf-8',
  'out_trade_no = {{$outTradeNo}}',
  'subject = {{$outTradeNo}} # not a comment',
  'seller_email = {{seller}}',
  '',
  '###',
  'POST https://mapi.alipaydev.com/gateway.do?_input_charset=utf-8',
  'service = single_trade_query',
  'gmt = {{ $timestamp }}',
  'empty =',
].join('\n');

describe('request file parser', () => {
  it('splits requests on ### and reads names, methods, targets and params with their lines', () => {
    const f = parseRequestFile(SAMPLE);
    assert.deepStrictEqual(f.problems, []);
    assert.strictEqual(f.requests.length, 2);
    const [a, b] = f.requests;
    assert.strictEqual(a.index, 1);
    assert.strictEqual(a.name, 'Create a trade');
    assert.strictEqual(a.method, 'GET');
    assert.strictEqual(a.target, 'Sandbox');
    assert.strictEqual(a.signType, 'RSA2');
    assert.deepStrictEqual([a.startLine, a.endLine], [3, 12]);
    assert.deepStrictEqual(a.params.map((p) => p.name), ['service', 'partner', '_input_charset', 'out_trade_no', 'subject', 'seller_email']);
    assert.strictEqual(a.params[1].value, '{{partner}}');
    assert.deepStrictEqual(a.params[0].nameSpan, { line: 6, start: 0, end: 7 });
    assert.deepStrictEqual(a.params[0].valueSpan, { line: 6, start: 10, end: 35 });
    assert.strictEqual(a.params[4].value, '{{$outTradeNo}} # not a comment');
    assert.strictEqual(b.index, 2);
    assert.strictEqual(b.name, undefined);
    assert.strictEqual(b.method, 'POST');
    assert.strictEqual(b.target, 'https://mapi.alipaydev.com/gateway.do?_input_charset=utf-8');
    assert.strictEqual(b.params[2].value, '');
    assert.deepStrictEqual(f.variables.map((v) => [v.name, v.value]), [['seller', 'seller@example.com']]);
    assert.strictEqual(requestAtLine(f, 8)?.index, 1);
    assert.strictEqual(requestAtLine(f, 15)?.index, 2);
  });

  it('accepts a request line with no target (the active profile) and lowercase methods', () => {
    const f = parseRequestFile('post\nservice=x');
    assert.deepStrictEqual(f.problems, []);
    assert.strictEqual(f.requests[0].method, 'POST');
    assert.strictEqual(f.requests[0].target, '');
  });

  it('reports hand-written sign and sign_type, with the signature type to write instead', () => {
    const f = parseRequestFile('GET Sandbox\nservice=x\nsign = abc\nSIGN_TYPE = rsa');
    assert.deepStrictEqual(f.problems.map((p) => [p.code, p.span.line]), [['HAND_SIGN', 2], ['HAND_SIGN_TYPE', 3]]);
    assert.match(f.problems[1].text.en.replace('{value}', String(f.problems[1].args.value)), /# @sign-type RSA/);
    assert.deepStrictEqual(f.requests[0].params.map((p) => p.name), ['service']);
  });

  it('reports bad lines, methods, names, variables and sign types with their line numbers', () => {
    const f = parseRequestFile(['PUT Sandbox', 'a=1', '###', 'GET', 'just words', ' = 3', 'bad name = 1', 'x = {{oops', '@ = 1', '# @sign-type SHA1', '###', 'service = x'].join('\n'));
    assert.deepStrictEqual(
      f.problems.map((p) => [p.code, p.span.line]),
      [['BAD_METHOD', 0], ['BAD_LINE', 4], ['EMPTY_NAME', 5], ['BAD_NAME', 6], ['UNCLOSED_VARIABLE', 7], ['BAD_VARIABLE_DEF', 8], ['BAD_SIGN_TYPE', 9], ['NO_REQUEST_LINE', 11]],
    );
    for (const p of f.problems) {
      assert.ok(p.text.en.length > 0 && p.text.zh.length > 0);
    }
  });

  it('does not count comment-only blocks as requests', () => {
    const f = parseRequestFile('# header\n\n### \n# nothing here\n### real\nGET Local\nservice=a');
    assert.strictEqual(f.requests.length, 1);
    assert.strictEqual(f.requests[0].name, 'real');
    assert.strictEqual(f.requests[0].index, 1);
  });

  it('never throws, whatever the text (fuzz)', () => {
    const piece = fc.constantFrom('###', '# @sign-type ', '# @name ', 'GET ', 'POST ', '@', '=', '{{', '}}', '$uuid', '\n', '\r\n', '\r', ' ', 'sign', '#', 'a', '中', '\uFEFF', '\u0000');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 60 }).map((a) => a.join(''))), (text) => {
        const f = parseRequestFile(text);
        for (const r of f.requests) resolveRequest(f, r, { profile: { partner: '2088' } });
        return Array.isArray(f.problems);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('request file variables', () => {
  const fixed = { now: new Date('2026-01-02T03:04:05Z'), uuid: () => 'u-1', outTradeNo: () => 'OTN1' };

  it('fills file variables, then profile values, then built-ins (once per request)', () => {
    const f = parseRequestFile(SAMPLE);
    const r = resolveRequest(f, f.requests[0], { ...fixed, profile: { partner: '2088101122136241', seller: 'ignored' } });
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.target, 'Sandbox');
    assert.strictEqual(r.signType, 'RSA2');
    const get = (n: string): string | undefined => r.params.find((p) => p.name === n)?.value;
    assert.strictEqual(get('partner'), '2088101122136241');
    assert.strictEqual(get('seller_email'), 'seller@example.com');
    assert.strictEqual(get('out_trade_no'), 'OTN1');
    assert.strictEqual(get('subject'), 'OTN1 # not a comment');
    const r2 = resolveRequest(f, f.requests[1], fixed);
    assert.strictEqual(r2.params.find((p) => p.name === 'gmt')?.value, '2026-01-02 11:04:05');
  });

  it('reports undefined variables and self-references instead of sending them', () => {
    const f = parseRequestFile('@a = {{b}}\n@b = {{a}}\nGET {{gw}}\nx = {{a}}\ny = {{nope}}\nz = {{$nope}}');
    const r = resolveRequest(f, f.requests[0], {});
    const codes = r.problems.map((p) => `${p.code}:${p.args.name}`);
    assert.ok(codes.includes('UNKNOWN_VARIABLE:gw'));
    assert.ok(codes.includes('UNKNOWN_VARIABLE:nope'));
    assert.ok(codes.includes('UNKNOWN_VARIABLE:$nope'));
    assert.ok(codes.some((c) => c.startsWith('VARIABLE_LOOP')));
  });

  it('makes Beijing-time timestamps and fresh, distinct order numbers', () => {
    assert.strictEqual(beijingTimestamp(new Date('2026-12-31T16:30:00Z')), '2027-01-01 00:30:00');
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) seen.add(freshOutTradeNo(new Date('2026-01-01T00:00:00Z')));
    assert.strictEqual(seen.size, 500);
    for (const n of seen) assert.match(n, /^20260101080000\d{8}$/);
  });

  it('finds the variable under the cursor', () => {
    assert.deepStrictEqual(variableAt('partner = {{partner}}', 13), { name: 'partner', start: 10, end: 21 });
    assert.strictEqual(variableAt('partner = x', 3), undefined);
  });
});
