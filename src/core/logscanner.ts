// The log scanner itself: counts Alipay error codes, trade/refund statuses and
// gateway URLs in a byte range of a log, and reads such a range from a file
// straight into the scanning kernel's memory (./logscanWasm.ts; the rules in
// plain JavaScript are ./logscanJs.ts). No catalog import and no threads here,
// so the scan worker (./logscanWorker.ts, bundled as dist/scan-worker.js)
// stays small; ./logscan.ts supplies the token table and runs ranges in parallel.
import * as fs from 'node:fs';
import { scanRegionJs, type ScanKind, type TokenTable } from './logscanJs';
import { byteClasses, C_WORD, createKernel, HIT_WORDS, wasmAvailable, type WasmKernel } from './logscanWasm';

export type { ScanKind, TokenTable } from './logscanJs';

export interface Occurrence {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the token from the start of the file. */
  offset: number;
}

export interface ScanStat {
  token: string;
  kind: ScanKind;
  count: number;
  first: Occurrence;
  last: Occurrence;
}

export interface ScanSummary {
  bytes: number;
  lines: number;
  /** Errors first, then statuses, then gateways; most frequent first within each. */
  stats: ScanStat[];
}

export const KIND_ORDER: Record<ScanKind, number> = { error: 0, status: 1, gateway: 2 };

/** Largest chunk scanned at once; larger pushes are cut into such pieces. */
const CHUNK = 1024 * 1024;
/**
 * A line longer than this is cut (at a non-token byte) rather than held
 * whole, so memory stays bounded on a file without newlines.
 */
const MAX_TAIL = 4 * 1024 * 1024;

/** Where the scanner's memory holds the tail of the last chunk and the next chunk: two such regions, alternating. */
const RESERVE = MAX_TAIL;
const REGION = RESERVE + CHUNK;

export interface ScannerOptions {
  /** 'js' forces the plain JavaScript engine (the default is the WebAssembly kernel wherever it runs). */
  engine?: 'wasm' | 'js';
}

/**
 * Incremental scanner of one byte range: feed its chunks in order with `push`
 * (or read them straight into `chunkBuffer` and `commit`), then `end` (the
 * whole file) or `finish` (one range of it, merged later with mergeRanges).
 * Pure, no I/O. `start` is the range's byte offset in the file; a range must
 * begin at a line start (splitAtLines).
 *
 * Memory: two regions of 4 MB (a partial line carried over) + 1 MB (a chunk)
 * and a 64 KB output area, in one WebAssembly memory of about 10.1 MB of
 * which only what is written is resident (2 MB and a line, usually).
 */
export class LogScanner {
  private readonly table: TokenTable;
  private readonly kernel: WasmKernel | undefined;
  private readonly mem: Buffer;
  /** Where region 0 begins in `mem`. */
  private readonly input: number;
  private start: number;
  /**
   * Codes and statuses by token id: count, and line and file offset of the
   * first and last hit (typed arrays: a dense log has a hit every ~400 bytes,
   * and these few stores are all a hit costs here). Gateway URLs by text.
   */
  private readonly count: Int32Array;
  private readonly firstLine: Float64Array;
  private readonly firstOffset: Float64Array;
  private readonly lastLine: Float64Array;
  private readonly lastOffset: Float64Array;
  private gateways = new Map<number, GatewayCount>();
  /** The region the next chunk goes to (0 or 1). */
  private k = 0;
  /** Bytes of the partial line carried over, just before the data of region `k`. */
  private tailLen = 0;
  /** File offset of the first byte not yet scanned (the tail's first byte). */
  private base: number;
  /** Newlines seen before `base`. */
  private newlines = 0;
  private lastByte = -1;

  constructor(table: TokenTable, start = 0, options: ScannerOptions = {}) {
    this.table = table;
    this.start = start;
    this.base = start;
    this.count = new Int32Array(table.length);
    this.firstLine = new Float64Array(table.length);
    this.firstOffset = new Float64Array(table.length);
    this.lastLine = new Float64Array(table.length);
    this.lastOffset = new Float64Array(table.length);
    const size = 2 * REGION;
    if (options.engine !== 'js' && wasmAvailable()) {
      this.kernel = createKernel(table, size);
      this.mem = this.kernel.mem;
      this.input = this.kernel.layout.input;
    } else {
      this.mem = Buffer.alloc(size + 16);
      this.input = 0;
    }
  }

  /** Forgets everything scanned, to scan the range starting at file offset `start` with the same memory. */
  restart(start: number): void {
    this.start = this.base = start;
    this.count.fill(0);
    this.gateways = new Map();
    this.k = this.tailLen = this.newlines = 0;
    this.lastByte = -1;
  }

  /** Where region r's chunk data starts. */
  private dataStart(r: number): number {
    return this.input + r * REGION + RESERVE;
  }

  /** Memory to read the next chunk into (then `commit`). At most 1 MB. */
  chunkBuffer(): Buffer {
    const at = this.dataStart(this.k);
    return this.mem.subarray(at, at + CHUNK);
  }

  push(chunk: Uint8Array): void {
    for (let off = 0; off < chunk.length; off += CHUNK) {
      const piece = chunk.subarray(off, Math.min(off + CHUNK, chunk.length));
      this.mem.set(piece, this.dataStart(this.k));
      this.commit(piece.length);
    }
  }

  /** Scans the `n` bytes written to chunkBuffer(0) up to its last newline; the rest waits for the next chunk. */
  commit(n: number): void {
    if (n === 0) return;
    const data = this.dataStart(this.k);
    const regionStart = data - this.tailLen;
    const regionEnd = data + n;
    this.lastByte = this.mem[regionEnd - 1];
    const region = this.mem.subarray(regionStart, regionEnd);
    let cut = region.lastIndexOf(10) + 1;
    if (cut === 0 && region.length > MAX_TAIL) {
      // A huge line with no newline yet: cut at a non-token byte so no token is split.
      cut = region.length - 512;
      while (cut > region.length - 4096 && (CLASS[region[cut - 1]] & C_WORD) !== 0) cut--;
    }
    if (cut > 0) this.scan(regionStart, regionStart + cut);
    // Carry the partial line to just before the other region's data (reads fill data areas only).
    this.tailLen = regionEnd - (regionStart + cut);
    this.k ^= 1;
    this.mem.copyWithin(this.dataStart(this.k) - this.tailLen, regionStart + cut, regionEnd);
  }

  /** What this range held, with line numbers counted from its own start. */
  finish(): RangeResult {
    if (this.tailLen) {
      const data = this.dataStart(this.k);
      this.scan(data - this.tailLen, data);
      this.tailLen = 0;
    }
    const stats: ScanStat[] = [];
    this.count.forEach((count, id) => {
      if (count === 0) return;
      const [token, kind] = this.table[id];
      stats.push({ token, kind, count, first: { line: this.firstLine[id], offset: this.firstOffset[id] }, last: { line: this.lastLine[id], offset: this.lastOffset[id] } });
    });
    for (const head of this.gateways.values()) for (let g: GatewayCount | undefined = head; g; g = g.next) stats.push(g.stat);
    return { start: this.start, bytes: this.base - this.start, newlines: this.newlines, lastByte: this.lastByte, stats };
  }

  end(): ScanSummary {
    return mergeRanges([this.finish()]);
  }

  /** Scans mem[from, cut) (a line start to a line end, or a cut no token crosses) and counts what it holds. */
  private scan(from: number, cut: number): void {
    const lineBase = this.newlines + 1;
    const offsetBase = this.base - from;
    let newlines: number;
    const kernel = this.kernel;
    if (kernel) {
      const { i32, layout } = kernel;
      const { count, firstLine, firstOffset, lastLine, lastOffset } = this;
      const state = layout.state >> 2;
      const out = layout.out >> 2;
      i32[state] = from;
      i32[state + 1] = 0;
      i32[state + 2] = 0;
      for (let blk = from; ;) {
        blk = kernel.scan(from, blk, cut);
        for (let h = out, last = out + i32[state + 2] * HIT_WORDS; h < last; h += HIT_WORDS) {
          const id = i32[h];
          const line = lineBase + i32[h + 3];
          const offset = offsetBase + i32[h + 1];
          if (id < 0) this.gateway(i32[h + 1], i32[h + 2], line, offset);
          else {
            if (count[id]++ === 0) {
              firstLine[id] = line;
              firstOffset[id] = offset;
            }
            lastLine[id] = line;
            lastOffset[id] = offset;
          }
        }
        i32[state + 2] = 0;
        if (blk >= cut) break;
      }
      newlines = i32[state + 1];
    } else {
      newlines = scanRegionJs(this.table, this.mem.subarray(from, cut), cut - from, (id, start, end, nl) => {
        const line = lineBase + nl;
        const offset = offsetBase + from + start;
        if (id < 0) this.gateway(from + start, from + end, line, offset);
        else {
          if (this.count[id]++ === 0) {
            this.firstLine[id] = line;
            this.firstOffset[id] = offset;
          }
          this.lastLine[id] = line;
          this.lastOffset[id] = offset;
        }
      });
    }
    this.newlines += newlines;
    this.base += cut - from;
  }

  /**
   * Counts the gateway URL in mem[start, end), found by a hash of its length
   * and three of its words and then compared byte for byte: no string is made
   * but for a URL not seen before (making one per hit was ~7 % of a dense scan).
   */
  private gateway(start: number, end: number, line: number, offset: number): void {
    const mem = this.mem;
    const len = end - start;
    // A gateway URL has at least 17 bytes (http://h/rest.htm).
    const key = Math.imul(len, 0x9e3779b1) ^ Math.imul(mem.readInt32LE(start + 8), 0x85ebca6b) ^ Math.imul(mem.readInt32LE(start + (len >> 1)), 0xc2b2ae35) ^ mem.readInt32LE(end - 4);
    const head = this.gateways.get(key);
    let g = head;
    for (; g; g = g.next) {
      const bytes = g.bytes;
      if (bytes.length !== len) continue;
      let i = 0;
      while (i < len && bytes[i] === mem[start + i]) i++;
      if (i === len) break;
    }
    if (g) {
      const st = g.stat;
      st.count++;
      st.last.line = line;
      st.last.offset = offset;
    } else {
      const token = mem.toString('latin1', start, end);
      const stat: ScanStat = { token, kind: 'gateway', count: 1, first: { line, offset }, last: { line, offset } };
      this.gateways.set(key, { bytes: Buffer.from(mem.subarray(start, end)), stat, next: head });
    }
  }
}

/** A gateway URL's count, its bytes, and the next URL with the same hash. */
interface GatewayCount {
  bytes: Buffer;
  stat: ScanStat;
  next: GatewayCount | undefined;
}

const CLASS = byteClasses();

/** One range's scan: plain data, so it crosses from a worker thread by structured clone. */
export interface RangeResult {
  /** Byte offset of the range in the file. */
  start: number;
  bytes: number;
  newlines: number;
  /** The range's last byte (-1 when empty). */
  lastByte: number;
  /** Line numbers counted from the range's first line (1); offsets are file offsets. */
  stats: ScanStat[];
}

/** Primary weights of ICU's root collation for the characters tokens are made of: _ - : . / digits letters (either case). */
const PRIMARY = ((): Uint8Array => {
  const w = new Uint8Array(128);
  [...'_-:./0123456789abcdefghijklmnopqrstuvwxyz'].forEach((c, i) => {
    w[c.charCodeAt(0)] = i + 1;
    w[c.toUpperCase().charCodeAt(0)] = i + 1;
  });
  return w;
})();

function tokenChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PRIMARY[c] === 0) return false;
  }
  return true;
}

/**
 * Orders two tokens as `a.localeCompare(b)` does (ICU root collation; en and zh
 * agree on these characters) without loading ICU's collator, which costs a scan
 * 15-20 ms at its first use: punctuation, then digits, then letters compared
 * case-blind, and at equal letters lowercase first. Anything else (never seen in
 * a token: gateway URLs are ASCII host and path bytes) goes to localeCompare.
 */
export function compareTokens(a: string, b: string): number {
  if (!tokenChars(a) || !tokenChars(b)) return a.localeCompare(b);
  let byCase = 0;
  for (let i = 0, n = Math.min(a.length, b.length); i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (PRIMARY[x] !== PRIMARY[y]) return PRIMARY[x] - PRIMARY[y];
    if (byCase === 0 && x !== y) byCase = x > y ? -1 : 1;
  }
  return a.length - b.length || byCase;
}

/** Joins the scans of consecutive ranges (each starting at a line start) into the file's summary. */
export function mergeRanges(parts: readonly RangeResult[]): ScanSummary {
  const merged = new Map<string, ScanStat>();
  let lineBase = 0;
  let bytes = 0;
  let lastByte = -1;
  for (const part of [...parts].sort((a, b) => a.start - b.start)) {
    for (const s of part.stats) {
      const first = { line: s.first.line + lineBase, offset: s.first.offset };
      const last = { line: s.last.line + lineBase, offset: s.last.offset };
      const seen = merged.get(s.token);
      if (seen) {
        seen.count += s.count;
        seen.last = last;
      } else merged.set(s.token, { token: s.token, kind: s.kind, count: s.count, first, last });
    }
    lineBase += part.newlines;
    bytes += part.bytes;
    if (part.bytes > 0) lastByte = part.lastByte;
  }
  const lines = lineBase + (bytes > 0 && lastByte !== 10 ? 1 : 0);
  const stats = [...merged.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count || compareTokens(a.token, b.token));
  return { bytes, lines, stats };
}

/** Stops a scan: the caller's AbortSignal, checked between chunks. */
export class ScanCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Streams bytes [start, end) of an open file through `scanner`, reading
 * straight into the scanner's memory with one positioned read per chunk
 * (nothing is copied but the partial line at a chunk's end). Reads are
 * synchronous: from the page cache a 1 MB read costs well under a tenth of
 * scanning it, and an asynchronous one costs a hop through libuv's thread pool
 * per chunk, which on a busy machine left the thread waiting. `pause`, when
 * given, runs between chunks: the main thread yields there (cancellation,
 * progress, other work); a worker thread needs none.
 */
export async function scanRange(
  fd: number,
  start: number,
  end: number,
  scanner: LogScanner,
  chunkSize: number,
  onChunk?: (bytes: number) => void,
  signal?: { aborted: boolean },
  pause?: () => Promise<void>,
): Promise<RangeResult> {
  for (let pos = start; pos < end;) {
    const buf = scanner.chunkBuffer();
    const bytesRead = fs.readSync(fd, buf, 0, Math.min(chunkSize, buf.length, end - pos), pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    scanner.commit(bytesRead);
    onChunk?.(bytesRead);
    if (pause) await pause();
    if (signal?.aborted) throw new ScanCancelled();
  }
  return scanner.finish();
}

/**
 * Scans pieces of an open file until none is left: each thread running this
 * (the caller's and the scan workers) takes the next piece by incrementing
 * the shared counter `next[0]`, so a thread slowed by a busy CPU simply takes
 * fewer pieces instead of holding the others up.
 */
export async function scanPieces(
  fd: number,
  pieces: ReadonlyArray<readonly [number, number]>,
  next: Int32Array,
  scanner: LogScanner,
  chunkSize: number,
  onChunk?: (bytes: number) => void,
  signal?: { aborted: boolean },
  pause?: () => Promise<void>,
): Promise<RangeResult[]> {
  const results: RangeResult[] = [];
  for (let i = Atomics.add(next, 0, 1); i < pieces.length; i = Atomics.add(next, 0, 1)) {
    if (signal?.aborted) throw new ScanCancelled();
    const [start, end] = pieces[i];
    scanner.restart(start);
    results.push(await scanRange(fd, start, end, scanner, chunkSize, onChunk, signal, pause));
  }
  return results;
}
