// The core side of the editor's "Compare with my request": which texts hold a
// signed OpenAPI request (selection, clipboard, a history block), and the
// diff-editor layout of both pre-sign strings (one parameter per line, the
// string recoverable byte for byte).
import * as assert from 'node:assert/strict';
import { answerInLine, causeLines, diffSides, hasVerifyString, presignLines, requestFromHistoryBlock, signedRequestIn } from '../../src/core/openapi/compareRequest';
import { diffPresign, extractVerifyString } from '../../src/core/openapi/presignDiff';
import { buildUrl, Param, writeLineValue } from '../../src/core/params';
import { presignFor, signParams } from '../../src/core/sign';
import { readKey } from './support/signing';
import { VERIFY_MARK, gatewayVerifyString } from '../support/openapiGateway';

const PRIVATE = readKey('rsa2048-pkcs1.pem');
const BIZ = '{"out_trade_no":"20240501001","total_amount":"88.88","subject":"Iphone6 16G"}';

function base(): Param[] {
  return [
    { name: 'app_id', value: '2021000122671234' },
    { name: 'method', value: 'alipay.trade.page.pay' },
    { name: 'charset', value: 'utf-8' },
    { name: 'timestamp', value: '2024-05-01 12:00:00' },
    { name: 'version', value: '1.0' },
    { name: 'return_url', value: 'https://m.example.com/return?a=1&b=2' },
    { name: 'biz_content', value: BIZ },
  ];
}

const signedUrl = (ps: Param[]): string => buildUrl('https://openapi-sandbox.dl.alipaydev.com/gateway.do', signParams(ps, 'RSA2', { privateKey: PRIVATE }, 'utf-8').params, 'utf-8');

describe('compare with my request (core helpers)', () => {
  it('hasVerifyString finds the gateway marker in JSON, HTML and bare text only', () => {
    assert.ok(hasVerifyString(JSON.stringify({ error_response: { sub_msg: VERIFY_MARK + 'a=1' } })));
    assert.ok(hasVerifyString(`<p>${VERIFY_MARK}a=1</p>`));
    assert.ok(!hasVerifyString('{"error_response":{"sub_code":"ACQ.TRADE_NOT_EXIST"}}'));
  });

  it('answerInLine takes the JSON a log line carries, else the line, so the string ends with it', () => {
    const json = JSON.stringify({ error_response: { sub_code: 'isv.invalid-signature', sub_msg: VERIFY_MARK + 'app_id=1&amp;method=m' }, sign: 'xyz' });
    const line = `2026-01-01 12:00:00 WARN c.e.Pay - alipay answered ${json} in 120 ms`;
    assert.equal(answerInLine(line), json);
    assert.equal(extractVerifyString(answerInLine(line)).text, 'app_id=1&method=m');
    const bare = `2026-01-01 12:00:00 WARN sub_msg=${VERIFY_MARK}app_id=1&method=m`;
    assert.equal(answerInLine(bare), bare);
    assert.equal(extractVerifyString(answerInLine(bare)).text, 'app_id=1&method=m');
    const braces = `WARN {not json} ${VERIFY_MARK}app_id=1&method=m`;
    assert.equal(answerInLine(braces), braces);
  });

  it('signedRequestIn accepts a signed OpenAPI URL or query, and refuses unsigned, MAPI, the error itself and junk', () => {
    const url = signedUrl(base());
    const got = signedRequestIn(url)!;
    assert.ok(got, 'a signed URL is a request');
    assert.equal(got.find((p) => p.name === 'biz_content')?.value, BIZ, 'percent-decoded values');
    assert.ok(signedRequestIn(url.split('?')[1]), 'the query string alone');
    assert.equal(signedRequestIn(buildUrl('https://x.example/gateway.do', base(), 'utf-8')), undefined, 'no sign');
    assert.equal(signedRequestIn('service=single_trade_query&partner=2088&sign=abc&sign_type=MD5'), undefined, 'MAPI');
    assert.equal(signedRequestIn(JSON.stringify({ error_response: { sub_msg: VERIFY_MARK + 'app_id=1&method=x&sign=y' } })), undefined, 'the answer');
    assert.equal(signedRequestIn('   '), undefined);
    assert.equal(signedRequestIn('%%%not a request'), undefined);
  });

  it('requestFromHistoryBlock reads a history block and puts sign_type back (OpenAPI signs it)', () => {
    const ps = base();
    const block = ['### pay', '# @sign-type RSA2', 'GET Sandbox', ...ps.map((p) => `${p.name} = ${writeLineValue(p.value)}`)].join('\n') + '\n';
    const got = requestFromHistoryBlock(block, 'RSA2')!;
    assert.deepEqual(got.slice(0, ps.length), ps);
    assert.deepEqual(got[ps.length], { name: 'sign_type', value: 'RSA2' });
    // The pre-sign string of the block is the one the send signed.
    assert.equal(presignFor(got), signParams(ps, 'RSA2', { privateKey: PRIVATE }, 'utf-8').presign);
    const mapi = '### q\n# @sign-type MD5\nGET Sandbox\nservice = single_trade_query\npartner = 2088\n';
    assert.equal(requestFromHistoryBlock(mapi, 'MD5'), undefined);
    assert.equal(requestFromHistoryBlock('', 'RSA2'), undefined);
  });

  it('presignLines puts one parameter per line, keeps & inside values, and gives the string back', () => {
    const s = 'app_id=1&biz_content={"a":"x&y=z"}&method=m&return_url=https://r.example/?a=1&b=2';
    const names = new Set(['app_id', 'biz_content', 'method', 'return_url']);
    const lines = presignLines(s, names);
    assert.deepEqual(lines.split('\n'), ['app_id=1&', 'biz_content={"a":"x&y=z"}&', 'method=m&', 'return_url=https://r.example/?a=1&b=2']);
    assert.equal(lines.replace(/\n/g, ''), s);
    assert.equal(presignLines('not a presign string', names), 'not a presign string');
  });

  it('diffSides and causeLines: a re-ordered biz_content shows on its own line, named in en and zh', () => {
    const reordered = '{"subject":"Iphone6 16G","out_trade_no":"20240501001","total_amount":"88.88"}';
    const request = signedRequestIn(signedUrl(base()))!;
    const theirs = base().map((p) => (p.name === 'biz_content' ? { ...p, value: reordered } : p));
    const verify = gatewayVerifyString([...theirs, { name: 'sign_type', value: 'RSA2' }]);
    const d = diffPresign(JSON.stringify({ error_response: { sub_code: 'isv.invalid-signature', sub_msg: VERIFY_MARK + verify } }), request);
    const sides = diffSides(d, request);
    const ours = sides.ours.split('\n');
    const gw = sides.gateway.split('\n');
    assert.equal(ours.length, gw.length);
    const changed = ours.map((l, i) => (l === gw[i] ? undefined : i)).filter((i) => i !== undefined);
    assert.deepEqual(changed.map((i) => ours[i!]), [`biz_content=${BIZ}&`]);
    assert.deepEqual(changed.map((i) => gw[i!]), [`biz_content=${reordered}&`]);
    assert.equal(sides.gateway.replace(/\n/g, ''), verify);
    assert.match(causeLines(d, 'en')[0], /^biz_content: biz_content re-ordered/);
    assert.match(causeLines(d, 'zh')[0], /^biz_content: biz_content 成员顺序不同/);
  });
});
