// Log scanning: exact counts and first/last places on a generated 200 MB log
// (the generator records what it wrote), lines split across chunks, and the
// CLI front end.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogScanner, ScanSummary, scanFile } from '../../src/core/logscan';
import { Truth, generateLog } from '../support/logGen';
import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/io';

function assertMatchesTruth(s: ScanSummary, truth: Truth): void {
  assert.equal(s.bytes, truth.bytes);
  assert.equal(s.lines, truth.lines);
  const got = Object.fromEntries(s.stats.map((x) => [x.token, { count: x.count, first: x.first, last: x.last }]));
  const want = Object.fromEntries([...truth.counts].map(([k, v]) => [k, v]));
  assert.deepEqual(got, want);
}

describe('log scan', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-logscan-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts every code, status and gateway URL of a generated 200 MB log exactly, with first and last line and byte offset', async () => {
    const file = path.join(dir, 'big.log');
    const truth = generateLog(file, 200 * 1024 * 1024);
    try {
      assert.ok(truth.counts.size >= 20, 'the generator wrote many distinct tokens');
      let progressCalls = 0;
      let lastRead = 0;
      const s = await scanFile(file, {
        onProgress: (read, total) => {
          progressCalls++;
          assert.ok(read >= lastRead && total === truth.bytes);
          lastRead = read;
        },
      });
      assertMatchesTruth(s, truth);
      assert.equal(lastRead, truth.bytes);
      assert.ok(progressCalls > 100, 'progress is reported chunk by chunk');
      // Errors first, then statuses, then gateways.
      const kinds = s.stats.map((x) => x.kind);
      assert.deepEqual(kinds, [...kinds].sort((a, b) => ['error', 'status', 'gateway'].indexOf(a) - ['error', 'status', 'gateway'].indexOf(b)));
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('gives the same result whatever the chunk size (lines split across chunks)', async () => {
    const file = path.join(dir, 'small.log');
    const truth = generateLog(file, 40_000, 3);
    for (const chunkSize of [1, 7, 64, 4096]) assertMatchesTruth(await scanFile(file, { chunkSize }), truth);
  });

  it('counts tokens at word boundaries only and tells sub-codes from MAPI codes', () => {
    const sc = new LogScanner();
    sc.push(Buffer.from('ILLEGAL_SIGN xILLEGAL_SIGN ILLEGAL_SIGNS ILLEGAL_SIGN_TYPE\n"sub_code":"ACQ.TRADE_NOT_EXIST" TRADE_NOT_EXIST\n'));
    sc.push(Buffer.from('TradeStatus.TRADE_SUCCESS isv.invalid-signature isv.invalid-signature-x\r\nno newline at end ILLEGAL_SIGN'));
    const s = sc.end();
    const counts = Object.fromEntries(s.stats.map((x) => [x.token, x.count]));
    assert.deepEqual(counts, { ILLEGAL_SIGN: 2, ILLEGAL_SIGN_TYPE: 1, 'ACQ.TRADE_NOT_EXIST': 1, TRADE_NOT_EXIST: 1, 'isv.invalid-signature': 1, TRADE_SUCCESS: 1 });
    assert.equal(s.lines, 4);
    assert.deepEqual(s.stats.find((x) => x.token === 'ILLEGAL_SIGN')?.last.line, 4);
  });

  it('copes with a huge line without newlines, keeping memory bounded', () => {
    const sc = new LogScanner();
    const block = Buffer.from('x'.repeat(1 << 20));
    for (let i = 0; i < 12; i++) sc.push(i === 6 ? Buffer.concat([block, Buffer.from(' TRADE_CLOSED ')]) : block);
    const s = sc.end();
    assert.equal(s.lines, 1);
    assert.equal(s.stats[0].token, 'TRADE_CLOSED');
    assert.equal(s.stats[0].first.offset, 7 * (1 << 20) + 1);
  });

  it('gives the generator\'s counts with 1 to 4 threads (worker threads over line-aligned ranges)', async () => {
    const file = path.join(dir, 'threads.log');
    const truth = generateLog(file, 3_000_000, 11);
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (const threads of [1, 2, 3, 4]) {
      let last = 0;
      // Small pieces, and this thread slowed down (progress is reported on it), so the workers take pieces too.
      const onProgress = (read: number): void => {
        last = read;
        Atomics.wait(pause, 0, 0, 3);
      };
      const s = await scanFile(file, { threads, chunkSize: 16 * 1024, pieceBytes: 100_000, onProgress });
      assertMatchesTruth(s, truth);
      assert.equal(last, truth.bytes, `${threads} threads report every byte`);
    }
  });

  it('cancels a scan running in worker threads', async () => {
    const file = path.join(dir, 'cancel-threads.log');
    generateLog(file, 4_000_000, 6);
    const ac = new AbortController();
    await assert.rejects(scanFile(file, { threads: 3, chunkSize: 4096, signal: ac.signal, onProgress: (read) => read > 100_000 && ac.abort() }), (e: Error & { code?: string }) => e.code === 'CANCELLED');
  });

  it('stops on cancellation and names a missing file in one line', async () => {
    const file = path.join(dir, 'cancel.log');
    generateLog(file, 2_000_000, 5);
    const ac = new AbortController();
    await assert.rejects(scanFile(file, { chunkSize: 1024, signal: ac.signal, onProgress: () => ac.abort() }), (e: Error & { code?: string }) => e.code === 'CANCELLED');
    await assert.rejects(scanFile(path.join(dir, 'missing.log')), /missing\.log" does not exist/);
  });

  it('scan CLI prints the summary table and JSON', async () => {
    const file = path.join(dir, 'cli.log');
    const truth = generateLog(file, 300_000, 9);
    const out: string[] = [];
    const io: CliIO = { stdout: (l) => out.push(l), stderr: (l) => out.push('ERR ' + l), readStdin: async () => Buffer.alloc(0), env: {}, lang: 'en' };
    assert.equal(await main(['scan', file, '--json'], io), 0);
    const j = JSON.parse(out.join('\n'));
    assert.equal(j.lines, truth.lines);
    assert.equal(j.stats.find((x: { token: string }) => x.token === 'ILLEGAL_SIGN').count, truth.counts.get('ILLEGAL_SIGN')!.count);
    out.length = 0;
    assert.equal(await main(['scan', file, '--lang', 'zh'], io), 0);
    assert.match(out.join('\n'), /ILLEGAL_SIGN {2}签名不正确/);
    out.length = 0;
    io.lang = 'en';
    assert.equal(await main(['scan'], io), 2);
    assert.match(out[0], /^ERR alipay-toolkit: Missing FILE/);
  });
});
