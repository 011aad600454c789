// A notification that declares no charset, in the preview's decoding (core/response):
// read in the charset the editor passes (the profile's, as Verify Signature reads
// it), and verified over those bytes; a declared charset is the message's own.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { isToolkitError } from '../../src/core/i18n';
import { decodeResponse } from '../../src/core/response';

const KEY = 'gbkshopmd5key0123456789abcdefghi';
// 测试 in GBK is B2 E2 CA D4: signed as the gateway signs, over the GBK bytes, with the test's own MD5.
const content = Buffer.concat([Buffer.from('notify_id=n1&notify_type=trade_status_sync&subject=', 'ascii'), Buffer.from('b2e2cad4', 'hex'), Buffer.from(`&trade_status=TRADE_SUCCESS${KEY}`, 'ascii')]);
const sign = crypto.createHash('md5').update(content).digest('hex');
const body = `notify_type=trade_status_sync&notify_id=n1&subject=%B2%E2%CA%D4&trade_status=TRADE_SUCCESS&sign_type=MD5&sign=${sign}`;

describe('decodeResponse: the charset of a notification that declares none', () => {
  it("is the one the editor passes (its profile's charset): decoded and verified over GBK bytes", () => {
    const model = decodeResponse(body, { md5Key: KEY, profile: { name: 'GBK Shop', charset: 'GBK' } });
    assert.equal(model.kind, 'notification');
    assert.equal(model.signature.verdict, 'valid');
    assert.ok(JSON.stringify(model).includes('测试'), 'the subject decoded from GBK');
    const tampered = decodeResponse(body.replace('notify_id=n1', 'notify_id=n2'), { md5Key: KEY, profile: { name: 'GBK Shop', charset: 'gbk' } });
    assert.equal(tampered.signature.verdict, 'invalid');
  });

  it('is UTF-8 without it (the CLI): GBK escapes are one clear error; a declared charset wins over the passed one', () => {
    assert.throws(() => decodeResponse(body, { md5Key: KEY }), (e) => isToolkitError(e) && /UTF-8|utf-8/.test(e.localized('en')));
    const declared = decodeResponse(`${body}&_input_charset=utf-8`.replace('%B2%E2%CA%D4', '%E6%B5%8B%E8%AF%95'), { md5Key: KEY, profile: { name: 'GBK Shop', charset: 'gbk' } });
    assert.ok(JSON.stringify(declared).includes('测试'), 'read as the UTF-8 it declares');
  });
});
