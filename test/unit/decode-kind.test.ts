// decode names what it was given by the resolver's variant: a merchant's request pasted
// as a form is a request, not an "asynchronous notification".
import * as assert from 'node:assert/strict';
import { decodeResponse } from '../../src/core/response';
import { md5Sign, presignString } from '../../src/core/sign';
import { parseInput } from '../../src/core/params';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const signed = (query: string): string => `${query}&sign_type=MD5&sign=${md5Sign(presignString(parseInput(query).params), KEY, 'utf-8')}`;

describe('decode: what kind of message it is', () => {
  it('a MAPI request body is named a MAPI request (en, zh), and its signature still checks', () => {
    const m = decodeResponse(signed('service=create_direct_pay_by_user&partner=2088101568358171&_input_charset=utf-8&out_trade_no=1&subject=x&total_fee=1.00'), { md5Key: KEY });
    assert.deepEqual(m.kindLabel, { en: 'MAPI request', zh: 'MAPI 请求' });
    assert.equal(m.status.title.en, 'MAPI request');
    assert.match(m.status.detail?.en ?? '', /alipay-toolkit verify/);
    assert.match(m.status.detail?.zh ?? '', /alipay-toolkit verify/);
    assert.equal(m.signature.verdict, 'valid');
  });

  it('a notification stays a notification, with its status', () => {
    const m = decodeResponse(signed('notify_id=abc&notify_type=trade_status_sync&notify_time=2026-11-30 10:00:00&trade_status=TRADE_SUCCESS&out_trade_no=1'), { md5Key: KEY });
    assert.equal(m.kindLabel, undefined);
    assert.equal(m.status.title.en, 'Asynchronous notification: TRADE_SUCCESS (Payment succeeded)');
    assert.equal(m.signature.verdict, 'valid');
  });
});
