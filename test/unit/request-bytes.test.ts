// A request file's bytes to text (core/charset decodeRequestBytes): UTF-8 when
// they are; else the charset the request declares, by the same rule as
// core/params (_input_charset before charset, wherever each is written); else
// one message naming the file and, when the bytes read as GBK, saying so.
import * as assert from 'node:assert/strict';
import { decodeRequestBytes } from '../../src/core/charset';
import { isToolkitError } from '../../src/core/i18n';
import { parseInput } from '../../src/core/params';

// 测试 in GBK (B2 E2 CA D4), written as bytes so the test does not lean on the product's encoder.
const TEST_GBK = Buffer.from('b2e2cad4', 'hex');
const gbkRequest = (head: string, tail = ''): Buffer => Buffer.concat([Buffer.from(head, 'ascii'), TEST_GBK, Buffer.from(tail, 'ascii')]);

function failure(f: () => unknown): { en: string; zh: string } {
  try {
    f();
  } catch (e) {
    assert.ok(isToolkitError(e), String(e));
    return { en: e.localized('en'), zh: e.localized('zh') };
  }
  return assert.fail('expected a ToolkitError');
}

describe('decodeRequestBytes: the charset a request file declares', () => {
  it('reads GBK bytes by _input_charset, by OpenAPI charset, in a query, in name = value lines and in JSON', () => {
    assert.equal(decodeRequestBytes(gbkRequest('service=x&_input_charset=gbk&subject='), 'req.txt'), 'service=x&_input_charset=gbk&subject=测试');
    assert.equal(decodeRequestBytes(gbkRequest('app_id=1&method=m&charset=GBK&subject='), 'req.txt'), 'app_id=1&method=m&charset=GBK&subject=测试');
    assert.equal(decodeRequestBytes(gbkRequest('service = x\n_input_charset = gbk\nsubject = '), 'req.http'), 'service = x\n_input_charset = gbk\nsubject = 测试');
    assert.equal(decodeRequestBytes(gbkRequest('{"_input_charset": "gbk", "subject": "', '"}'), 'req.json'), '{"_input_charset": "gbk", "subject": "测试"}');
  });

  it('_input_charset wins over charset written before it, as core/params reads the parsed request', () => {
    const bytes = gbkRequest('service=x&charset=utf-8&_input_charset=gbk&subject=');
    assert.equal(decodeRequestBytes(bytes, 'req.txt'), 'service=x&charset=utf-8&_input_charset=gbk&subject=测试');
    assert.equal(parseInput('service=x&charset=utf-8&_input_charset=gbk').charset, 'gbk', 'the same rule, parsed');
  });

  it('bytes that are not UTF-8 and declare nothing, or declare UTF-8: one message naming the file, and that they read as GBK', () => {
    const none = failure(() => decodeRequestBytes(gbkRequest('service=x&subject='), 'orders/req.txt'));
    assert.match(none.en, /^orders\/req\.txt: the bytes are not UTF-8 \(they read as GBK\) and the request declares no charset/);
    assert.match(none.zh, /^orders\/req\.txt：字节不是 UTF-8（按 GBK 可正常读取）/);
    const wrong = failure(() => decodeRequestBytes(gbkRequest('service=x&_input_charset=utf-8&subject='), 'req.txt'));
    assert.match(wrong.en, /_input_charset=utf-8 but the bytes are not UTF-8 \(they read as GBK\): save the file as UTF-8, or declare _input_charset=gbk/);
  });

  it('--charset overrides what the file declares; UTF-8 bytes are UTF-8 whatever they declare', () => {
    assert.equal(decodeRequestBytes(gbkRequest('service=x&_input_charset=utf-8&subject='), 'req.txt', 'gbk'), 'service=x&_input_charset=utf-8&subject=测试');
    assert.equal(decodeRequestBytes(Buffer.from('service=x&_input_charset=gbk&subject=测试', 'utf8'), 'req.txt'), 'service=x&_input_charset=gbk&subject=测试');
  });
});
