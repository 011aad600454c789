// Property tests (fast-check): sign → verify round trips over the wire in every
// charset and sign type; parse(serialise(x)) == x; and every parser, given
// random or malformed input, returns or throws a ToolkitError — nothing else.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHARSETS, Charset, canEncode, percentDecode } from '../../src/core/charset';
import { diagnose } from '../../src/core/doctor';
import { isToolkitError } from '../../src/core/i18n';
import { describeKey, loadPrivateKey, loadPublicKey } from '../../src/core/keys';
import { Param, buildUrl, parseInput, parseQuery, serializeQuery } from '../../src/core/params';
import { SIGN_TYPES, SigningKey, SignType, VerifyingKey, normalizeSignType, presignString, signParams, verifyParams } from '../../src/core/sign';
import { readKey } from './support/signing';

// Characters GB2312 (and so GBK) can hold, plus ASCII and URL-significant ones.
const CJK = '中文支付宝测试商品贝尔金数据线￥，。：“”（）《》、一二三四五六七八九十元角分订单号退款交易成功失败';
const ASCII = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const GBK_ONLY = '喆镕堃'; // in GBK, not in GB2312

function textIn(charset: Charset, minLength = 0): fc.Arbitrary<string> {
  if (charset === 'utf-8') return fc.string({ unit: 'grapheme', minLength, maxLength: 20 });
  const pool = [...ASCII, ...CJK, ...(charset === 'gbk' ? GBK_ONLY : '')];
  return fc.string({ unit: fc.constantFrom(...pool), minLength, maxLength: 20 }).filter((s) => canEncode(s, charset));
}

const NAME = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/).filter((n) => n !== 'sign' && n !== 'sign_type' && n !== '_input_charset');

function paramsIn(charset: Charset): fc.Arbitrary<Param[]> {
  return fc
    .uniqueArray(fc.record({ name: NAME, value: textIn(charset) }, { noNullPrototype: true }), { selector: (p) => p.name, minLength: 1, maxLength: 12 })
    .map((ps) => [...ps, { name: '_input_charset', value: charset }]);
}

const keys: Record<Exclude<SignType, 'MD5'>, { sign: SigningKey; verify: VerifyingKey }> = {
  RSA: { sign: { privateKey: readKey('rsa1024-pkcs8.base64.txt') }, verify: { publicKey: readKey('rsa1024-public.pem') } },
  RSA2: { sign: { privateKey: readKey('rsa2048-pkcs1.pem') }, verify: { publicKey: readKey('rsa2048-public.pem') } },
  DSA: { sign: { privateKey: readKey('dsa1024.pem') }, verify: { publicKey: readKey('dsa1024-public.pem') } },
};

/** Runs f; it may return or throw a ToolkitError, never anything else. */
function onlyToolkitErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isToolkitError(e)) assert.fail(`threw a non-ToolkitError: ${e instanceof Error ? e.stack : String(e)}`);
  }
}

describe('properties', () => {
  for (const charset of CHARSETS) {
    for (const signType of SIGN_TYPES) {
      it(`${signType} × ${charset}: sign, build the URL, parse it back, verify → valid`, () => {
        const md5Key = signType === 'MD5' ? fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }) : fc.constant('');
        fc.assert(
          fc.property(paramsIn(charset), md5Key, (params, k) => {
            const pair = signType === 'MD5' ? { sign: { md5Key: k }, verify: { md5Key: k } } : keys[signType];
            const signed = signParams(params, signType, pair.sign, charset);
            const url = buildUrl('https://mapi.alipaydev.com/gateway.do', signed.params, charset);
            const back = parseInput(url);
            assert.equal(back.charset, charset);
            const r = verifyParams(back.params, normalizeSignType(signType), pair.verify, charset);
            assert.equal(r.valid, true);
            assert.equal(r.presign, signed.presign);
          }),
          { numRuns: signType === 'MD5' ? 200 : 40 },
        );
      });
    }

    it(`${charset}: parse(serialise(x)) equals x`, () => {
      const anyNames = fc.uniqueArray(fc.record({ name: textIn(charset, 1), value: textIn(charset) }, { noNullPrototype: true }), { selector: (p) => p.name, maxLength: 10 });
      fc.assert(
        fc.property(anyNames, (params) => {
          assert.deepEqual(parseQuery(serializeQuery(params, charset), { charset }).params, params);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('the pre-sign string equals a plain reference (filter, Array#sort, join) for any names, short and long lists, remembered or not', () => {
    const name = fc.oneof(fc.constantFrom('sign', 'SIGN', 'Sign_Type', 'sign_type', 'sIgN', 'signs', 'sign_typ', 'seller_id', 'body', '_input_charset'),
      fc.string({ maxLength: 10 }),
      // NUL, shared prefixes, high and lone-surrogate code units must still sort by code unit.
      fc.string({ unit: fc.constantFrom('\0', 'a', 'b', '\u00e9', '\uffff', '\ud800'), maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const value = fc.oneof(fc.constant(''), fc.string({ maxLength: 5 }));
    const list = fc.array(fc.record({ name, value }, { noNullPrototype: true }), { maxLength: 80 });
    const reference = (ps: Param[], keep: boolean) =>
      ps
        .filter((x) => {
          const lower = x.name.toLowerCase();
          const signature = lower === 'sign' || lower === 'sign_type';
          return x.value !== '' && (!signature || (keep && lower === 'sign_type'));
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((x) => `${x.name}=${x.value}`)
        .join('&');
    fc.assert(
      fc.property(list, fc.boolean(), fc.array(value, { minLength: 1 }), (ps, keep, others) => {
        assert.equal(presignString(ps, { keepSignType: keep }), reference(ps, keep));
        // The same names again, as copies (the order of short lists is remembered by
        // name) with other values, some of them empty; then with the other sign_type rule.
        const again = ps.map((p, i) => ({ name: [...p.name].join(''), value: others[i % others.length] }));
        assert.equal(presignString(again, { keepSignType: keep }), reference(again, keep));
        assert.equal(presignString(again, { keepSignType: !keep }), reference(again, !keep));
      }),
      { numRuns: 1000 },
    );
  });

  it('signParams over lists of one shape, alternating: each keeps its own order, family and signature slots', () => {
    const shapes: Param[][] = [
      [{ name: 'service', value: 'a' }, { name: 'partner', value: '2088' }, { name: 'body', value: 'x' }],
      [{ name: 'service', value: 'a' }, { name: 'sign', value: 'old' }, { name: 'partner', value: '2088' }, { name: 'sign_type', value: 'RSA' }],
      [{ name: 'method', value: 'm' }, { name: 'app_id', value: '2021' }, { name: 'biz_content', value: '{}' }],
    ];
    const expected = [
      { presign: 'body=x&partner=2088&service=a', names: ['service', 'partner', 'body', 'sign', 'sign_type'] },
      { presign: 'partner=2088&service=a', names: ['service', 'sign', 'partner', 'sign_type'] },
      { presign: 'app_id=2021&biz_content={}&method=m&sign_type=MD5', names: ['method', 'app_id', 'biz_content', 'sign', 'sign_type'] },
    ];
    // Ten rounds over more shapes than are remembered (the three above and nine fillers).
    const fillers = Array.from({ length: 9 }, (_, k) => [{ name: `f${k}`, value: 'v' }]);
    for (let round = 0; round < 10; round++) {
      shapes.forEach((ps, k) => {
        const r = signParams(ps, 'MD5', { md5Key: 'k' }, 'utf-8');
        assert.equal(r.presign, expected[k].presign);
        assert.deepEqual(r.params.map((p) => p.name), expected[k].names);
        assert.equal(r.params.find((p) => p.name === 'sign')?.value, r.sign);
        assert.equal(r.params.find((p) => p.name === 'sign_type')?.value, 'MD5');
      });
      if (round % 2 === 0) for (const f of fillers) assert.equal(presignString(f), `${f[0].name}=v`);
    }
  });

  it('parseInput: random and malformed text never throws anything but a ToolkitError', () => {
    const shaped = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'%&=+?#{}[]":,\n\r\\ ab_'), maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => `https://mapi.alipay.com/gateway.do?${s}`),
      fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => `{${s}`),
      fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => `_input_charset=${s}&a=%`),
      fc.json().map((j) => j),
    );
    fc.assert(
      fc.property(shaped, fc.constantFrom(undefined, 'gbk', 'utf-8', 'bogus'), (text, charset) => onlyToolkitErrors(() => parseInput(text, { charset }))),
      { numRuns: 2000 },
    );
  });

  it('percentDecode: random escapes never throw anything but a ToolkitError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'%0123456789abcdefABCDEFxyz+ 中\uD800'), maxLength: 40 }), fc.constantFrom(...CHARSETS), (s, cs) =>
        onlyToolkitErrors(() => percentDecode(s, cs, 'p')),
      ),
      { numRuns: 2000 },
    );
  });

  it('loadPrivateKey / loadPublicKey / describeKey: random and mangled keys never throw anything but a ToolkitError', () => {
    const real = [readKey('rsa2048-pkcs1.pem'), readKey('rsa1024-pkcs8.base64.txt'), readKey('dsa1024.pem'), readKey('rsa2048-public.pem')];
    const mangled = fc.tuple(fc.constantFrom(...real), fc.nat(), fc.nat(), fc.string({ maxLength: 5 })).map(([k, a, b, ins]) => {
      const i = a % k.length;
      const j = Math.min(k.length, i + (b % 40));
      return k.slice(0, i) + ins + k.slice(j);
    });
    const truncated = fc.tuple(fc.constantFrom(...real), fc.nat()).map(([k, a]) => k.slice(0, a % k.length));
    const input = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.concat([Buffer.from([0x30]), Buffer.from(b)])),
      mangled,
      truncated,
      fc.base64String({ maxLength: 400 }),
    );
    fc.assert(
      fc.property(input, (k) => {
        onlyToolkitErrors(() => loadPrivateKey(k, 'fuzz'));
        onlyToolkitErrors(() => loadPublicKey(k, 'fuzz'));
        onlyToolkitErrors(() => describeKey(k, 'fuzz'));
      }),
      { numRuns: 600 },
    );
  });

  it('diagnose: random parameters and signatures never throw anything but a ToolkitError', () => {
    const params = fc.array(fc.record({ name: fc.string({ maxLength: 10 }), value: fc.string({ unit: fc.constantFrom(...'%2B+ /=a中%25'), maxLength: 20 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(params, fc.constantFrom(...SIGN_TYPES), fc.constantFrom(...CHARSETS), fc.option(fc.string({ maxLength: 40 })), (ps, signType, charset, raw) => {
        const key: VerifyingKey = signType === 'MD5' ? { md5Key: ' k\n' } : keys[signType].verify;
        onlyToolkitErrors(() =>
          diagnose({ params: ps, signType, charset, key, rawQuery: raw ?? undefined, gateway: raw ?? undefined, merchantPublicKey: readKey('rsa2048-public.pem') }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
