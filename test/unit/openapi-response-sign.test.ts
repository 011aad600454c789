// OpenAPI JSON responses are signed over the `…_response` value exactly as
// sent: a response with its own spacing verifies; the same response parsed and
// re-serialised does not, and decode says why.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { decodeResponse } from '../../src/core/response';
import { readKey } from './support/signing';

const priv = readKey('alipay-side-rsa2048-private.pem');
const pub = readKey('alipay-side-rsa2048-public.pem');
// Spacing and a `\/` escape as a server may write them; JSON.stringify writes neither.
const node = '{ "code": "10000", "msg": "Success", "trade_no": "2013112011001004330000121536", "out_trade_no": "6823789339978248",\n  "buyer_logon_id": "159****5620", "total_amount": "88.88", "trade_status": "TRADE_SUCCESS", "send_pay_date": "2014-11-27 15:45:57", "url": "https:\\/\\/example.com\\/a" }';
const sign = crypto.createSign('RSA-SHA256').update(node, 'utf8').sign(priv, 'base64');
const asSent = `{"alipay_trade_query_response":${node},"sign":"${sign}"}`;

describe('OpenAPI response signature: the raw node as sent', () => {
  it('verifies the response exactly as sent, over the node text with its spacing', () => {
    const m = decodeResponse(asSent, { publicKey: pub });
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(m.signature.content, node);
  });

  it('the same response after JSON.parse + JSON.stringify does not verify, and the reason says re-serialised', () => {
    const reserialised = JSON.stringify(JSON.parse(asSent));
    assert.notEqual(reserialised, asSent);
    const m = decodeResponse(reserialised, { publicKey: pub });
    assert.equal(m.signature.verdict, 'invalid');
    assert.match(m.signature.reason!.en, /re-serialised the response before verifying/);
    assert.match(m.signature.reason!.zh, /重新序列化/);
  });

  it('a wrong key on the original spacing gets no re-serialisation hint', () => {
    const other = readKey('rsa2048-public.pem');
    const m = decodeResponse(asSent, { publicKey: other });
    assert.equal(m.signature.verdict, 'invalid');
    assert.doesNotMatch(m.signature.reason!.en, /re-serialised/);
  });
});
