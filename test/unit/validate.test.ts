import * as assert from 'assert';
import { validateFile, type Diagnostic } from '../../src/core/validate';

const profile = { profile: { partner: '2088101122136241' } };
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => d.code);
const only = (ds: Diagnostic[], code: string): Diagnostic => {
  const hit = ds.filter((d) => d.code === code);
  assert.strictEqual(hit.length, 1, `expected one ${code} in ${JSON.stringify(codes(ds))}`);
  return hit[0];
};

describe('request file validation', () => {
  it('accepts a complete single_trade_query', () => {
    const ds = validateFile('GET Sandbox\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_no = 123', { ...profile, profiles: ['Sandbox'] });
    assert.deepStrictEqual(ds, []);
  });

  it('lists missing required parameters on the request line, with a fix adding placeholder lines', () => {
    const ds = validateFile('POST Sandbox\nservice = send_goods_confirm_by_platform\npartner = {{partner}}', profile);
    const d = only(ds, 'MISSING_REQUIRED');
    assert.strictEqual(d.span.line, 0);
    assert.match(d.args.names as string, /_input_charset/);
    assert.match(d.args.names as string, /trade_no/);
    assert.match(d.args.names as string, /logistics_name/);
    assert.doesNotMatch(d.args.names as string, /sign/);
    assert.deepStrictEqual(d.fix?.edits, [{ kind: 'insertLines', afterLine: 2, lines: ['_input_charset = utf-8', 'trade_no = ', 'logistics_name = '] }]);
    // one-of group: transport_type | create_transport_type
    const g = only(ds, 'MISSING_ONE_OF');
    assert.match(g.args.names as string, /transport_type, create_transport_type/);
    assert.deepStrictEqual(g.fix?.edits, [{ kind: 'insertLines', afterLine: 2, lines: ['transport_type = POST'] }]);
  });

  it('needs one of trade_no / out_trade_no for single_trade_query', () => {
    const ds = validateFile('GET Sandbox\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8', profile);
    assert.deepStrictEqual(codes(ds), ['MISSING_ONE_OF']);
    assert.match(ds[0].text.zh, /之一/);
  });

  it('flags unknown services, suggesting the closest name', () => {
    const ds = validateFile('GET Sandbox\nservice = single_trade_qeury\npartner = {{partner}}', profile);
    const d = only(ds, 'UNKNOWN_SERVICE');
    assert.strictEqual(d.args.suggestion, 'single_trade_query');
    assert.deepStrictEqual(d.span, { line: 1, start: 10, end: 28 });
    assert.deepStrictEqual(d.fix?.edits, [{ kind: 'replace', span: d.span, newText: 'single_trade_query' }]);
    assert.deepStrictEqual(codes(validateFile('GET x\nservice=zzzz_nothing_like_it')), ['UNKNOWN_SERVICE']);
    // A pasted blob as the service name: compared with every service, each comparison stops early; no suggestion.
    const blob = only(validateFile(`GET x\nservice=${'single_trade_query'.repeat(3000)}`), 'UNKNOWN_SERVICE');
    assert.strictEqual(blob.args.suggestion, undefined);
  });

  it('flags a parameter the service does not take, suggesting the nearest parameter of that service', () => {
    const ds = validateFile('GET Sandbox\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_on = 123', profile);
    const d = only(ds, 'UNKNOWN_PARAM');
    assert.strictEqual(d.args.suggestion, 'out_trade_no');
    assert.deepStrictEqual(d.fix?.edits, [{ kind: 'replace', span: d.span, newText: 'out_trade_no' }]);
    const far = only(validateFile('GET Sandbox\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_no = 1\ncolour = red', profile), 'UNKNOWN_PARAM');
    assert.strictEqual(far.args.suggestion, undefined);
    assert.strictEqual(far.fix, undefined);
  });

  it('checks formats: partner id, amounts and their range, dates, lengths, enums, charsets', () => {
    const text = [
      'GET Sandbox',
      'service = create_direct_pay_by_user',
      'partner = 1234',
      '_input_charset = gbk',
      'out_trade_no = ' + 'x'.repeat(65),
      'subject = 😀 emoji',
      'payment_type = X9',
      'total_fee = 0.001',
      'seller_email = not-an-email',
      'notify_url = ftp:/x',
    ].join('\n');
    const ds = validateFile(text);
    const byLine = new Map(ds.filter((d) => d.code === 'BAD_VALUE').map((d) => [d.span.line, d]));
    assert.match(byLine.get(2)!.text.en, /16-digit partner id/);
    assert.match(byLine.get(4)!.text.en, /at most \{max\}/);
    assert.strictEqual(byLine.get(4)!.args.max, 64);
    assert.match(byLine.get(5)!.text.en, /cannot encode/);
    assert.match(byLine.get(6)!.text.en, /not a value of/);
    assert.match(byLine.get(7)!.text.en, /at most 2 decimals/);
    assert.match(byLine.get(8)!.text.en, /email/);
    assert.match(byLine.get(9)!.text.en, /URL/);
    const range = validateFile('GET x\nservice = create_direct_pay_by_user\ntotal_fee = 0.00').find((d) => d.code === 'BAD_VALUE');
    assert.match(range!.text.en, /between/);
    const date = validateFile('GET x\nservice = refund_fastpay_by_platform_pwd\nrefund_date = 2026-02-30 10:00:00').find((d) => d.span.line === 2);
    assert.match(date?.text.en ?? '', /yyyy-MM-dd HH:mm:ss/);
    const cs = validateFile('GET x\nservice = single_trade_query\n_input_charset = latin1').find((d) => d.span.line === 2);
    assert.match(cs?.text.en ?? '', /utf-8, gbk or gb2312/);
  });

  it('checks values after filling variables', () => {
    const ds = validateFile('GET x\nservice = single_trade_query\npartner = {{partner}}\n_input_charset=utf-8\nout_trade_no=1', { profile: { partner: '99' } });
    assert.match(only(ds, 'BAD_VALUE').text.en, /partner id/);
    const un = validateFile('GET x\nservice = single_trade_query\npartner = {{partner}}\n_input_charset=utf-8\nout_trade_no=1');
    assert.deepStrictEqual(codes(un), ['UNKNOWN_VARIABLE']);
  });

  it('fills {{partner}} from the profile the request line names', () => {
    const text = 'POST Other\nservice = single_trade_query\npartner = {{partner}}\n_input_charset=utf-8\nout_trade_no=1';
    const profileFor = (n: string): Record<string, string> | undefined => (n === 'Other' ? { partner: '2088000000000009' } : undefined);
    assert.deepStrictEqual(validateFile(text, { profile: { partner: '12' }, profileFor }), []);
    assert.deepStrictEqual(codes(validateFile(text, { profile: { partner: '12' } })), ['BAD_VALUE']);
  });

  it('reports duplicates with a fix that removes the second line', () => {
    const ds = validateFile('GET x\nservice = single_trade_query\nout_trade_no = 1\nout_trade_no = 2');
    const d = only(ds, 'DUPLICATE');
    assert.strictEqual(d.span.line, 3);
    assert.strictEqual(d.args.first, 3);
    assert.deepStrictEqual(d.fix?.edits, [{ kind: 'deleteLine', line: 3 }]);
  });

  it('gives hand-written sign and sign_type fixes', () => {
    const ds = validateFile('GET x\nservice = single_trade_query\nsign = 0a\nsign_type = rsa2');
    assert.deepStrictEqual(only(ds, 'HAND_SIGN').fix?.edits, [{ kind: 'deleteLine', line: 2 }]);
    const st = only(ds, 'HAND_SIGN_TYPE');
    assert.strictEqual((st.fix?.edits[0] as { newText: string }).newText, '# @sign-type RSA2');
  });

  it('refuses plain http to remote hosts and unknown profiles', () => {
    assert.deepStrictEqual(codes(validateFile('GET http://mapi.alipay.com/gateway.do\nservice=notify_verify\npartner=2088101122136241\nnotify_id=1')), ['BAD_GATEWAY']);
    assert.deepStrictEqual(codes(validateFile('GET http://127.0.0.1:9/gateway.do\nservice=notify_verify\npartner=2088101122136241\nnotify_id=1')), []);
    const d = only(validateFile('GET Sandbx\nservice=notify_verify\npartner=2088101122136241\nnotify_id=1', { profiles: ['Sandbox', 'Production'] }), 'UNKNOWN_PROFILE');
    assert.match(d.text.en.replace('{names}', String(d.args.names)), /Sandbox, Production/);
  });

  it('has every message in English and Chinese', () => {
    const ds = validateFile('PUT x\n###\nGET x\nservice=create_direct_pay_by_user\npartner=1\nsign=1\nfoo=bar\nfoo=baz');
    assert.ok(ds.length >= 4);
    for (const d of ds) assert.ok(d.text.en && d.text.zh, d.code);
  });
});
