// core/response: every fixture decoded into the model a developer reads —
// labels, enum meanings, charsets, lists, signature verdicts — and hostile
// inputs bounded. Oracles: python3 (the XML rule and MD5, independently of
// core/sign), openssl (RSA/RSA2 signatures).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { isToolkitError, ToolkitError } from '../../src/core/i18n';
import { decodeResponse, DecodeOptions, ResponseModel, responseToJson } from '../../src/core/response';
import { keyPath, openssl, readKey, tempDir } from '../unit/support/signing';

const ROOT = path.resolve(__dirname, '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'responses');
/** The test MD5 key the fixtures were signed with (scripts/gen-response-fixtures.py). Test only. */
const MD5_KEY = '0123456789abcdefghijklmnopqrstuv';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS dev script shared with bench/
const { statementXml } = require('../../scripts/gen-statement.js') as { statementXml: (rows?: number) => string };

const bytes = (name: string): Buffer => fs.readFileSync(path.join(FIX, name));
const decode = (name: string, o: DecodeOptions = {}): ResponseModel => decodeResponse(bytes(name), o);
const field = (m: ResponseModel, name: string) => {
  const f = m.fields.find((x) => x.name === name);
  assert.ok(f, `field ${name} missing; have ${m.fields.map((x) => x.name).join(',')}`);
  return f;
};

function throwsToolkit(fn: () => unknown, code: string): ToolkitError {
  try {
    fn();
  } catch (e) {
    assert.ok(isToolkitError(e), `expected ToolkitError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected ToolkitError ${code}`);
}

/** The inferred XML rule computed independently (python's XML parser, sorted, joined). */
function pythonXmlContent(file: string): string {
  const py = `
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
node = list(root.find('response'))[0]
pairs = sorted((c.tag, (c.text or '').strip()) for c in node if len(c) == 0 and (c.text or '').strip() != '')
sys.stdout.buffer.write('&'.join(k + '=' + v for k, v in pairs).encode('utf-8'))`;
  return execFileSync('python3', ['-c', py, file]).toString('utf8');
}

function pythonMd5(content: string, key: string, charset: string): string {
  return execFileSync('python3', ['-c', 'import sys,hashlib;print(hashlib.md5((sys.stdin.buffer.read().decode("utf-8")+sys.argv[1]).encode(sys.argv[2])).hexdigest())', key, charset], { input: content })
    .toString()
    .trim();
}

describe('core/response: synchronous XML (seeds 002 and 003)', () => {
  it('labels every field of seed 003 in both languages and decodes enums', () => {
    const m = decode('seed003_single_trade_query.xml');
    assert.equal(m.kind, 'xml');
    assert.equal(m.success, true);
    assert.equal(m.service, 'single_trade_query');
    assert.equal(m.businessNode, 'trade');
    assert.equal(m.fields.length, 23);
    const st = field(m, 'trade_status');
    assert.equal(st.raw, 'TRADE_FINISHED');
    assert.deepEqual(st.label, { en: 'Trade status', zh: '交易状态' });
    assert.equal(st.meaning?.zh, '交易成功结束');
    assert.ok(st.note, 'TRADE_FINISHED carries the no-refund advice');
    assert.equal(field(m, 'operator_role').meaning?.en, 'Buyer');
    assert.deepEqual(field(m, 'total_fee').recognised, { type: 'amount', value: 0.02 });
    assert.deepEqual(field(m, 'gmt_payment').recognised, { type: 'date', iso: '2017-06-15T16:25:58' });
    // Long trade numbers stay text.
    assert.equal(field(m, 'trade_no').raw, '2017061521001003550204235677');
    assert.deepEqual(m.request.map((p) => p.name), ['_input_charset', 'service', 'partner', 'out_trade_no', 'sendFormat']);
    assert.equal(m.request.find((p) => p.name === 'partner')?.label?.zh, '合作者身份ID');
  });

  it('shows the exact content of the inferred XML rule, flagged as inferred, and "no key" without a key', () => {
    const m = decode('seed003_single_trade_query.xml');
    const s = m.signature;
    assert.equal(s.present, true);
    assert.equal(s.type, 'MD5');
    assert.equal(s.value, '6283ce0cf5aaa812d9c1d29719d53e8d');
    assert.equal(s.inferred, true);
    assert.match(s.note!.en, /Inferred/);
    assert.match(s.note!.zh, /推断/);
    assert.equal(s.verdict, 'noKey');
    assert.equal(s.content, pythonXmlContent(path.join(FIX, 'seed003_single_trade_query.xml')));
  });

  it('decodes seed 002 <tradeBase> with bracketed action lists, and a wrong key is INVALID with the inferred caveat', () => {
    const m = decode('seed002_send_goods_confirm.xml', { md5Key: MD5_KEY });
    assert.equal(m.businessNode, 'tradeBase');
    assert.equal(m.service, 'send_goods_confirm_by_platform');
    const ba = field(m, 'buyer_actions');
    assert.equal(ba.raw, '[REFUND,CONFIRM_GOODS]');
    assert.match(ba.meaning!.en, /refund/i);
    assert.ok(ba.meaning!.en.includes(';'), 'each listed action explained');
    assert.equal(field(m, 'seller_type').meaning?.zh, '个人账户');
    assert.equal(m.request.find((p) => p.name === 'logistics_name')?.raw, '天天');
    assert.equal(m.signature.verdict, 'invalid');
    assert.match(m.signature.reason!.en, /inferred/);
    assert.equal(m.signature.content, pythonXmlContent(path.join(FIX, 'seed002_send_goods_confirm.xml')));
  });

  for (const [file, code, zh] of [
    ['seed002_error_trade_not_exist.xml', 'TRADE_NOT_EXIST', '交易不存在'],
    ['seed003_error_illegal_sign.xml', 'ILLEGAL_SIGN', '签名不正确'],
  ] as const) {
    it(`explains the error response ${code}`, () => {
      const m = decode(file);
      assert.equal(m.success, false);
      assert.equal(m.error?.code, code);
      assert.ok(m.error?.entry, 'catalog entry attached');
      assert.ok(m.error.entry.meaning.zh.includes(zh), m.error.entry.meaning.zh);
      assert.match(m.status.title.en, new RegExp(`failed: ${code}`));
      assert.equal(m.signature.verdict, 'unsigned');
      assert.match(m.signature.reason!.en, /not signed/);
    });
  }
});

describe('core/response: charsets', () => {
  it('decodes GBK bytes declared encoding="GBK" and verifies the MD5 over GBK bytes', () => {
    const raw = bytes('gbk_single_trade_query.xml');
    assert.equal(raw.includes(Buffer.from('测试', 'utf8')), false, 'the fixture really is GBK');
    const m = decodeResponse(raw, { md5Key: MD5_KEY });
    assert.equal(m.charset, 'gbk');
    assert.equal(field(m, 'subject').raw, '测试商品（GBK）');
    assert.equal(field(m, 'body').raw, '贝尔金数据线');
    assert.equal(field(m, 'payment_type').meaning?.en, 'Goods purchase');
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(pythonMd5(m.signature.content!, MD5_KEY, 'gbk'), m.signature.value);
  });

  it('reports a tampered GBK response as INVALID', () => {
    const text = iconv.decode(bytes('gbk_single_trade_query.xml'), 'gbk').replace('<total_fee>25.00<', '<total_fee>2500.00<');
    const m = decodeResponse(iconv.encode(text, 'gbk'), { md5Key: MD5_KEY });
    assert.equal(m.signature.verdict, 'invalid');
  });

  it('keeps the declared charset for signing when given already-decoded text', () => {
    const text = iconv.decode(bytes('gbk_single_trade_query.xml'), 'gbk');
    const m = decodeResponse(text, { md5Key: MD5_KEY });
    assert.equal(m.charset, 'gbk');
    assert.equal(m.signature.verdict, 'valid');
  });

  it('honours a UTF-8 BOM', () => {
    const m = decodeResponse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('seed003_single_trade_query.xml')]));
    assert.equal(m.success, true);
    assert.equal(field(m, 'subject').raw, 'world');
  });
});

describe('core/response: notifications and return URLs', () => {
  it('decodes and verifies an MD5-signed notification body', () => {
    const m = decode('notify_trade_status_sync.txt', { md5Key: MD5_KEY });
    assert.equal(m.kind, 'notification');
    assert.equal(m.success, true);
    assert.match(m.status.title.en, /TRADE_SUCCESS \(Payment succeeded\)/);
    assert.equal(field(m, 'subject').raw, '测试 商品&符号');
    assert.equal(field(m, 'notify_type').meaning?.zh, '交易状态同步通知');
    assert.equal(m.fields.some((f) => f.name === 'sign'), false, 'sign is shown under the signature, not as a field');
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(m.signature.inferred, false);
    assert.equal(pythonMd5(m.signature.content!, MD5_KEY, 'utf-8'), m.signature.value);
  });

  it('says INVALID for a tampered notification and "no key" without one', () => {
    const tampered = bytes('notify_trade_status_sync.txt').toString().replace('total_fee=0.01', 'total_fee=100.00');
    assert.equal(decodeResponse(tampered, { md5Key: MD5_KEY }).signature.verdict, 'invalid');
    const none = decode('notify_trade_status_sync.txt');
    assert.equal(none.signature.verdict, 'noKey');
    assert.match(none.signature.reason!.en, /No MD5 key/);
  });

  describe('RSA return URL (signed by openssl as Alipay)', () => {
    const params: Array<[string, string]> = [
      ['is_success', 'T'],
      ['notify_id', 'RqPnCoPT3K9/Vwbh3InWeOSpVkLmqnd4ZxtJ0Xh6DUfLx1+rn5pnL8Ghl3y0E3+X1e2l'],
      ['out_trade_no', 'R20240101001'],
      ['subject', '测试 return'],
      ['total_fee', '9.90'],
      ['trade_no', '2024010122001400000000000001'],
      ['trade_status', 'TRADE_SUCCESS'],
    ];
    const presign = params
      .slice()
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    let sign = '';
    before(function () {
      // Find a signature containing '+', so the space-back-to-plus rule is exercised.
      for (let i = 0; i < 40 && !sign.includes('+'); i++) {
        const p = presign + (i ? `&zz_nonce=${i}` : ''); // sorts last, so appending keeps the order
        sign = openssl(['dgst', '-sha1', '-sign', keyPath('alipay-side-rsa2048-private.pem')], p).toString('base64');
        if (sign.includes('+')) params.push(...(i ? [['zz_nonce', String(i)] as [string, string]] : []));
      }
      assert.ok(sign.includes('+'));
    });
    const url = (s: string, enc: (v: string) => string = encodeURIComponent) =>
      'https://shop.example.com/return?' + [...params, ['sign', s], ['sign_type', 'RSA']].map(([k, v]) => `${k}=${enc(v)}`).join('&');

    it('verifies with Alipay\'s public key', () => {
      const m = decodeResponse(url(sign), { publicKey: readKey('alipay-side-rsa2048-public.pem') });
      assert.equal(m.kind, 'returnUrl');
      assert.equal(m.signature.verdict, 'valid');
      assert.equal(field(m, 'subject').raw, '测试 return');
    });

    it('turns spaces back into "+" in a sign a framework decoded', () => {
      const broken = url(sign, (v) => (v === sign ? v : encodeURIComponent(v))); // raw '+' in sign → space when decoded
      const m = decodeResponse(broken, { publicKey: readKey('alipay-side-rsa2048-public.pem') });
      assert.equal(m.signature.verdict, 'valid');
      assert.match(m.signature.note!.en, /Spaces in sign/);
    });

    it('is INVALID with the merchant\'s own public key instead of Alipay\'s', () => {
      const m = decodeResponse(url(sign), { publicKey: readKey('rsa2048-public.pem') });
      assert.equal(m.signature.verdict, 'invalid');
      assert.match(m.signature.reason!.en, /Alipay's/);
    });

    it('reports a key of the wrong kind as an error verdict, not an exception', () => {
      const m = decodeResponse(url(sign), { publicKey: 'not a key' });
      assert.equal(m.signature.verdict, 'error');
      assert.ok(m.signature.reason?.en);
    });
  });
});

describe('core/response: OpenAPI JSON', () => {
  const node = '{"code":"10000","msg":"Success","trade_no":"2024010122001400000000000002","out_trade_no":"O1","trade_status":"TRADE_SUCCESS","total_amount":"88.88","fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT","amount":"88.88"}]}';
  const signed = () => openssl(['dgst', '-sha256', '-sign', keyPath('alipay-side-rsa2048-private.pem')], node).toString('base64');

  it('verifies RSA2 over the raw text of the …_response node', () => {
    const text = `{"alipay_trade_query_response":${node},"sign":"${signed()}"}`;
    const m = decodeResponse(text, { publicKey: readKey('alipay-side-rsa2048-public.pem') });
    assert.equal(m.kind, 'openapi');
    assert.equal(m.success, true);
    assert.equal(m.service, 'alipay.trade.query');
    assert.equal(m.signature.content, node);
    assert.equal(m.signature.type, 'RSA2');
    assert.equal(m.signature.verdict, 'valid');
    assert.equal(field(m, 'trade_status').meaning?.en, 'Payment succeeded');
    assert.equal(m.tables[0].name, 'fund_bill_list');
    assert.deepEqual(m.tables[0].rows, [['ALIPAYACCOUNT', '88.88']]);
  });

  it('is INVALID when a value in the node was changed', () => {
    const text = `{"alipay_trade_query_response":${node.replace('88.88', '8888.00')},"sign":"${signed()}"}`;
    assert.equal(decodeResponse(text, { publicKey: readKey('alipay-side-rsa2048-public.pem') }).signature.verdict, 'invalid');
  });

  it('explains an OpenAPI error by its sub_code', () => {
    const text = '{"alipay_trade_query_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}}';
    const m = decodeResponse(text);
    assert.equal(m.success, false);
    assert.equal(m.error?.code, 'ACQ.TRADE_NOT_EXIST');
    assert.ok(m.error?.entry);
    assert.equal(m.error.message, '交易不存在');
    assert.equal(m.signature.verdict, 'unsigned');
  });
});

describe('core/response: plain texts', () => {
  for (const [text, success, re] of [
    ['true', true, /genuine/],
    ['false\n', false, /not genuine/],
    ['success', true, /notify_url handler/],
  ] as const) {
    it(`explains "${text.trim()}"`, () => {
      const m = decodeResponse(text);
      assert.equal(m.kind, 'text');
      assert.equal(m.success, success);
      assert.match(m.status.title.en, re);
      assert.ok(m.status.title.zh);
    });
  }
});

describe('core/response: lists (2,500-row account statement)', () => {
  it('turns the statement rows into one table with labelled, typed columns', () => {
    const xml = statementXml(2500);
    assert.ok(xml.length > 1.4e6 && xml.length < 1.8e6, `size ${xml.length}`);
    const m = decodeResponse(xml);
    assert.equal(m.service, 'account.page.query');
    assert.equal(m.tables.length, 1);
    const t = m.tables[0];
    assert.equal(t.name, 'AccountQueryAccountLogVO');
    assert.equal(t.rows.length, 2500);
    const col = (n: string) => t.columns.findIndex((c) => c.name === n);
    assert.equal(t.columns[col('income')].kind, 'amount');
    assert.equal(t.columns[col('trans_date')].kind, 'date');
    assert.equal(t.columns[col('seller_type')].meanings?.CORPORATE_ACCOUNT.zh, '企业账户');
    assert.equal(t.columns[col('trade_no')].label?.en, 'Alipay trade number');
    assert.equal(t.rows[1][col('goods_title')], '商品 2');
    assert.deepEqual(m.fields.map((f) => [f.name, f.raw]), [['has_next_page', 'F'], ['page_no', '1'], ['page_size', '2500']]);
    // The JSON shape carries everything but the raw text.
    const j = responseToJson(m);
    assert.equal(j.version, 1);
    assert.equal('raw' in j, false);
    assert.equal(j.tables[0].rows.length, 2500);
  });
});

describe('core/response: bounds', () => {
  it('still decodes a full 5,000-row statement page (the largest page the gateway sends)', () => {
    const m = decodeResponse(Buffer.from(statementXml(5000)));
    assert.equal(m.tables[0].rows.length, 5000);
  });
});

describe('core/response: hostile input', () => {
  it('keeps markup-looking values as plain text, exactly', () => {
    const m = decode('hostile_values.xml');
    assert.equal(field(m, 'body').raw, "<script>window.__pwned=1;document.title='pwned'</script>HOSTILE_BODY");
    assert.equal(field(m, 'subject').raw, '<img src=x onerror="window.__pwned=2">HOSTILE_SUBJECT');
    assert.equal(field(m, 'seller_email').raw, "' onmouseover='window.__pwned=4' x='");
    assert.equal(m.request.find((p) => p.name === 'return_url')?.raw, 'javascript:window.__pwned=1');
    assert.equal(m.tables[0].rows[0][0], '<svg onload=window.__pwned=7>HOSTILE_ROW');
  });

  it('refuses a billion-laughs document before expanding anything', () => {
    const e = throwsToolkit(() => decode('billion_laughs.xml'), 'XML_DTD');
    assert.match(e.message, /line 2, column 1/i);
    assert.match(e.localized('zh'), /DOCTYPE/);
  });

  it('refuses 10,000-deep nesting with line and column', () => {
    const e = throwsToolkit(() => decode('deep_nesting.xml'), 'BAD_XML');
    assert.match(e.message, /line 2, column \d+: elements nested deeper than 64/);
  });

  it('refuses a 50 MB file by its size', () => {
    const file = path.join(tempDir('alipay-response-'), 'big.xml');
    const fd = fs.openSync(file, 'w');
    const chunk = Buffer.from('<row><memo>' + 'x'.repeat(1000) + '</memo></row>\n');
    fs.writeSync(fd, '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success><response><list>');
    for (let n = 0; n < (50 * 1024 * 1024) / chunk.length; n++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '</list></response></alipay>');
    fs.closeSync(fd);
    const big = fs.readFileSync(file);
    assert.ok(big.length >= 50 * 1024 * 1024);
    const e = throwsToolkit(() => decodeResponse(big), 'TOO_LARGE');
    assert.match(e.message, /50\.\d MB/);
    throwsToolkit(() => decodeResponse(big.toString('latin1')), 'TOO_LARGE');
  });

  it('reports invalid XML with line and column', () => {
    const e = throwsToolkit(() => decodeResponse('<alipay>\n<is_success>T</is_success>\n<error>X</eror>\n</alipay>'), 'BAD_XML');
    assert.match(e.message, /line 3, column \d+/);
    const pasted = throwsToolkit(() => decodeResponse('\n\n  <alipay>\n<is_success>T</is_success>\n<error>X</eror>\n</alipay>'), 'BAD_XML');
    assert.match(pasted.message, /line 5, column \d+/, 'lines counted in the text as given');
  });

  it('says what it expected for text that is no response', () => {
    throwsToolkit(() => decodeResponse('hello world'), 'UNKNOWN_RESPONSE');
    throwsToolkit(() => decodeResponse('{"a":1}'), 'NOT_OPENAPI');
    throwsToolkit(() => decodeResponse(Buffer.from([0xc3, 0x28, 0x3d])), 'BAD_BYTES');
  });

  it('never throws anything but ToolkitError, whatever the input', () => {
    const prefix = fc.constantFrom('', '<alipay>', '<?xml version="1.0" encoding="gbk"?><alipay>', '{"x_response":', 'a=', 'https://x/?', '<!DOCTYPE a [');
    fc.assert(
      fc.property(prefix, fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 64 }), (p, s, b) => {
        for (const input of [p + s, Buffer.concat([Buffer.from(p), Buffer.from(b)])]) {
          try {
            decodeResponse(input, { md5Key: MD5_KEY, publicKey: 'x' });
          } catch (e) {
            if (!isToolkitError(e)) throw e;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
