// Parallel log scans: the file is cut into byte ranges at line starts
// (splitAtLines), each range is scanned on its own, and mergeRanges must give
// exactly what one pass over the whole file gives — on CRLF lines, lines
// and tokens that straddle a nominal cut or a read chunk, GBK bytes, a line
// longer than a range, and a file without a final newline.
import * as assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { LogScanner, mergeRanges, scanTokens, splitAtLines, threadsFor, type ScanSummary } from '../../src/core/logscan';
import { compareTokens } from '../../src/core/logscanner';

function reader(data: Buffer): (pos: number, len: number) => Uint8Array {
  return (pos, len) => data.subarray(pos, Math.min(data.length, pos + len));
}

function single(data: Buffer): ScanSummary {
  const sc = new LogScanner();
  sc.push(data);
  return sc.end();
}

/** Scans each range separately, fed in `chunk`-byte pieces, then merges. */
function split(data: Buffer, parts: number, chunk: number): ScanSummary {
  const ranges = splitAtLines(data.length, parts, reader(data));
  return mergeRanges(
    ranges.map(([start, end]) => {
      const sc = new LogScanner(start);
      for (let p = start; p < end; p += chunk) sc.push(data.subarray(p, Math.min(end, p + chunk)));
      return sc.finish();
    }),
  );
}

const GBK = iconv.encode('交易成功 订单号 签名错误', 'gbk');
const LINES = [
  Buffer.from('2026-01-01 12:00:00 ERROR <error>ILLEGAL_SIGN</error>\r\n'),
  Buffer.concat([Buffer.from('2026-01-01 12:00:01 INFO '), GBK, Buffer.from(' trade_status=TRADE_SUCCESS&x=1\r\n')]),
  Buffer.from('2026-01-01 12:00:02 WARN {"sub_code":"ACQ.TRADE_NOT_EXIST"} isv.invalid-signature\n'),
  Buffer.from('2026-01-01 12:00:03 DEBUG GET https://mapi.alipay.com/gateway.do?service=x&sign_type=MD5 WAIT_BUYER_PAY\n'),
  // GBK trail bytes in the ASCII range (0x5F is '_') right beside tokens.
  Buffer.concat([Buffer.from([0xb0, 0x5f, 0x20]), Buffer.from('SYSTEM_ERROR'), Buffer.from([0x81, 0x40]), Buffer.from(' TRADE_CLOSED\n')]),
  Buffer.from('noise HTTP_OK MAX_VALUE XTRADE_SUCCESS ILLEGAL_SIGNS\n'),
];

function log(lines: number, seed: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < lines; i++) out.push(LINES[(i * 7 + seed) % LINES.length]);
  return Buffer.concat(out);
}

describe('log scan in ranges', () => {
  it('cuts at line starts only, covering the file exactly once', () => {
    const data = log(200, 1);
    for (const parts of [1, 2, 3, 4, 7, 16]) {
      const ranges = splitAtLines(data.length, parts, reader(data));
      assert.equal(ranges[0][0], 0);
      assert.equal(ranges[ranges.length - 1][1], data.length);
      assert.ok(ranges.length <= parts);
      if (parts > 1) assert.ok(ranges.length > 1, `${parts} parts of a ${data.length}-byte file give more than one range`);
      ranges.forEach(([start, end], i) => {
        assert.ok(start < end, 'no empty range');
        if (i > 0) {
          assert.equal(start, ranges[i - 1][1]);
          assert.equal(data[start - 1], 10, `range ${i} starts after a newline (CRLF stays whole)`);
        }
      });
    }
  });

  it('keeps a line longer than a range in one range, and cuts nothing in a file without newlines', () => {
    const long = Buffer.concat([Buffer.from('a '.repeat(5000) + 'ILLEGAL_SIGN ' + 'b '.repeat(5000) + '\n'), log(10, 2)]);
    const ranges = splitAtLines(long.length, 4, reader(long));
    assert.ok(ranges.every(([s]) => s === 0 || s > 20_000), 'no cut inside the long line');
    assert.deepEqual(split(long, 4, 333), single(long));
    const flat = Buffer.from('x'.repeat(100_000) + ' TRADE_SUCCESS');
    assert.deepEqual(splitAtLines(flat.length, 4, reader(flat)), [[0, flat.length]]);
  });

  it('gives the single-pass counts, lines and first/last places for every cut and chunk size', () => {
    for (const seed of [0, 1, 2, 3, 4, 5]) {
      // Odd lengths, and a last line without its newline.
      const data = Buffer.concat([log(97 + seed * 13, seed), Buffer.from('tail ILLEGAL_SIGN no newline')]);
      const want = single(data);
      assert.ok(want.stats.length >= 8, 'the sample holds many kinds of token');
      for (const parts of [2, 3, 5, 8]) {
        for (const chunk of [1, 7, 64, 4096]) assert.deepEqual(split(data, parts, chunk), want, `seed ${seed}, ${parts} parts, ${chunk}-byte chunks`);
      }
    }
  });

  it('merges ranges given in any order, and an empty file to nothing', () => {
    const data = log(60, 3);
    const ranges = splitAtLines(data.length, 3, reader(data)).map(([s, e]) => {
      const sc = new LogScanner(s);
      sc.push(data.subarray(s, e));
      return sc.finish();
    });
    assert.deepEqual(mergeRanges([...ranges].reverse()), single(data));
    assert.deepEqual(splitAtLines(0, 4, reader(Buffer.alloc(0))), [[0, 0]]);
    assert.deepEqual(mergeRanges([new LogScanner().finish()]), { bytes: 0, lines: 0, stats: [] });
  });

  it('orders tokens of equal count as localeCompare does (ICU, the oracle), without its collator', () => {
    const sign = (n: number): number => Math.sign(n);
    const gateways = ['https://mapi.alipay.com/gateway.do', 'http://openapi.alipay.com:443/gateway.do', 'https://openapi-sandbox.dl.alipaydev.com/gateway.do', 'http://a-b.c/x_y/rest.htm', 'http://A.b/gateway.do'];
    const tokens = [...scanTokens(), ...gateways];
    for (const a of tokens) for (const b of tokens) assert.equal(sign(compareTokens(a, b)), sign(a.localeCompare(b)), `${a} vs ${b}`);
    // Random strings over the token alphabet, short ones so equal letters of different case meet.
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = '_-:./09aAbBzZ';
    const word = (): string => Array.from({ length: 1 + Math.floor(next() * 4) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const a = word();
      const b = next() < 0.3 ? a.toUpperCase() : word();
      assert.equal(sign(compareTokens(a, b)), sign(a.localeCompare(b)), `${a} vs ${b}`);
    }
    // Outside the alphabet it is localeCompare itself.
    assert.equal(sign(compareTokens('é', 'f')), sign('é'.localeCompare('f')));
  });

  it('starts workers only for idle CPUs (load average)', () => {
    const MB = 1024 * 1024;
    assert.equal(threadsFor(15 * MB, 8, 0), 1, 'below 16 MB a worker costs more than it saves');
    assert.equal(threadsFor(200 * MB, 2, 0.3), 2);
    assert.equal(threadsFor(200 * MB, 2, 1.2), 1, 'no CPU idle over the last minute');
    assert.equal(threadsFor(200 * MB, 8, 3), 4, 'at most 4 threads');
    assert.equal(threadsFor(200 * MB, 2, 0), 2, 'Windows: loadavg 0, every CPU');
  });
});
