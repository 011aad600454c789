// The WebAssembly scanning kernel (core/logscanWasm) against the plain
// JavaScript rules (core/logscanJs): on byte soup made to hit every rule's
// edge — tokens glued to letters, dashes and dots, ACQ. prefixes, cut http(s)
// URLs with ports and long paths, GBK bytes, CR, tokens across chunk
// boundaries, output-area overflow — both must report the same counts,
// lines and first/last places.
import * as assert from 'node:assert/strict';
import { scanTable } from '../../src/core/logscan';
import { LogScanner, type ScanSummary } from '../../src/core/logscanner';
import { assemble } from '../../src/core/wat';

const TABLE = [...scanTable()];

function scan(data: Buffer, engine: 'wasm' | 'js', chunk: number): ScanSummary {
  const sc = new LogScanner(TABLE, 0, { engine });
  for (let p = 0; p < data.length; p += chunk) sc.push(data.subarray(p, Math.min(data.length, p + chunk)));
  return sc.end();
}

/** mulberry32: reproducible soup. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...TABLE.map(([t]) => t),
  'ACQ.', 'xACQ.', '.ACQ.', 'isv.', 'isp.', 'aop.', 'isv.-', '-', '--', '_', '__', 'A_', '_B', 'X', 'x', '1', '.', ':', '//', '/',
  'http://', 'https://', 'http:/', 'https:', 'httpss://', 'xhttps://', 'mapi.alipay.com', 'openapi.alipay.com:443', 'h:', 'h:8080', ':x',
  '/gateway.do', 'gateway.do', 'gateway.d', '/rest.htm', 'rest.ht', '/a/b_c/', '?service=x', ' ', '\t', '\r', '\n', '\r\n', '"', '<', '>',
  'HTTP_OK', 'MAX_VALUE', 'TRADE_SUCCESSES', 'xTRADE_SUCCESS', 'isv.invalid-signature-', 'isp.bill_not_exist', '中文', '\u00e9',
];
const GBK = [Buffer.from([0xb0, 0x5f]), Buffer.from([0x81, 0x41]), Buffer.from([0xc7, 0xa9, 0xc3, 0xfb]), Buffer.from([0xff, 0x80])];

function soup(seed: number, pieces: number): Buffer {
  const r = rng(seed);
  const out: Buffer[] = [];
  for (let i = 0; i < pieces; i++) {
    const x = r();
    if (x < 0.05) out.push(GBK[Math.floor(r() * GBK.length)]);
    else if (x < 0.07) out.push(Buffer.alloc(Math.floor(r() * 400), 'w'));
    else out.push(Buffer.from(PIECES[Math.floor(r() * PIECES.length)], 'utf8'));
  }
  return Buffer.concat(out);
}

describe('log scan kernel (WebAssembly) against the JavaScript rules', () => {
  it('finds the same tokens, lines and places in adversarial byte soup, whatever the chunk size', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const data = soup(seed, 3000);
      const want = scan(data, 'js', 1 << 20);
      assert.ok(want.stats.length > 10, `seed ${seed} holds tokens`);
      for (const chunk of [1 << 20, 4096, 97, 13]) assert.deepEqual(scan(data, 'wasm', chunk), want, `seed ${seed}, ${chunk}-byte chunks`);
    }
  });

  it('agrees on a chunk dense with hits (the kernel\'s output area fills and it resumes)', () => {
    const data = Buffer.from('ILLEGAL_SIGN TRADE_SUCCESS\n'.repeat(20_000) + 'https://mapi.alipay.com/gateway.do '.repeat(5000));
    const s = scan(data, 'wasm', 1 << 20);
    assert.deepEqual(s, scan(data, 'js', 1 << 20));
    assert.equal(s.stats.find((x) => x.token === 'ILLEGAL_SIGN')?.count, 20_000);
    assert.equal(s.stats.find((x) => x.kind === 'gateway')?.count, 5000);
  });

  it('agrees on a file without newlines longer than the 4 MB carry-over (cut at a non-token byte)', () => {
    const line = Buffer.from('ab TRADE_CLOSED cd-'.repeat(300_000));
    assert.deepEqual(scan(line, 'wasm', 1 << 20), scan(line, 'js', 1 << 20));
  });

  it('assembles a module WebAssembly validates, and refuses unknown instructions and labels', () => {
    assert.ok(WebAssembly.validate(assemble([{ name: 'f', params: [['a', 'i32']], result: 'i32', locals: [], body: 'local.get $a  i32.const 1  i32.add', export: true }], 1)));
    assert.throws(() => assemble([{ name: 'f', params: [], locals: [], body: 'i32.frobnicate' }], 1), /f: unknown instruction i32\.frobnicate/);
    assert.throws(() => assemble([{ name: 'f', params: [], locals: [], body: 'block $a  br $b  end' }], 1), /f: unknown label \$b/);
  });
});
