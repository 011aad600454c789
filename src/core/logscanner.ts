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
  /** Stats of codes and statuses by token id; gateway URLs by text. */
  private byId: Array<ScanStat | undefined> = [];
  private gateways = new Map<string, ScanStat>();
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
    this.byId = [];
    this.gateways = new Map();
    this.k = this.tailLen = this.newlines = 0;
    this.lastByte = -1;
  }

  /** Where region r's chunk data starts. */
  private dataStart(r: number): number {
    return this.input + r * REGION + RESERVE;
  }

  /** Memory to read the next chunk into (ahead = 1: the one after it, read while the next is scanned). At most 1 MB. */
  chunkBuffer(ahead: 0 | 1 = 0): Buffer {
    const at = this.dataStart((this.k + ahead) & 1);
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
    const stats = [...this.byId.filter((s): s is ScanStat => s !== undefined), ...this.gateways.values()];
    return { start: this.start, bytes: this.base - this.start, newlines: this.newlines, lastByte: this.lastByte, stats };
  }

  end(): ScanSummary {
    return mergeRanges([this.finish()]);
  }

  /** Scans mem[from, cut) (a line start to a line end, or a cut no token crosses) and counts what it holds. */
  private scan(from: number, cut: number): void {
    const record = (id: number, start: number, end: number, nl: number): void => {
      const line = this.newlines + nl + 1;
      const offset = this.base + (start - from);
      const st = id >= 0 ? this.byId[id] : this.gateways.get(this.mem.toString('latin1', start, end));
      if (st !== undefined) {
        st.count++;
        st.last.line = line;
        st.last.offset = offset;
      } else if (id >= 0) {
        const [token, kind] = this.table[id];
        this.byId[id] = { token, kind, count: 1, first: { line, offset }, last: { line, offset } };
      } else {
        const token = this.mem.toString('latin1', start, end);
        this.gateways.set(token, { token, kind: 'gateway', count: 1, first: { line, offset }, last: { line, offset } });
      }
    };
    let newlines: number;
    const kernel = this.kernel;
    if (kernel) {
      const { i32, layout } = kernel;
      const state = layout.state >> 2;
      const out = layout.out >> 2;
      i32[state] = from;
      i32[state + 1] = 0;
      i32[state + 2] = 0;
      for (let blk = from; ;) {
        blk = kernel.scan(from, blk, cut);
        const hits = i32[state + 2];
        for (let h = out, last = out + hits * HIT_WORDS; h < last; h += HIT_WORDS) record(i32[h], i32[h + 1], i32[h + 2], i32[h + 3]);
        i32[state + 2] = 0;
        if (blk >= cut) break;
      }
      newlines = i32[state + 1];
    } else {
      newlines = scanRegionJs(this.table, this.mem.subarray(from, cut), cut - from, (id, start, end, nl) => record(id, from + start, from + end, nl));
    }
    this.newlines += newlines;
    this.base += cut - from;
  }
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
 * straight into the scanner's memory: the next chunk is read while this one
 * is scanned (the scanner's two regions alternate), and nothing is copied
 * but the partial line at a chunk's end.
 */
export async function scanRange(
  handle: fs.promises.FileHandle,
  start: number,
  end: number,
  scanner: LogScanner,
  chunkSize: number,
  onChunk?: (bytes: number) => void,
  signal?: { aborted: boolean },
): Promise<RangeResult> {
  let pending: Promise<{ bytesRead: number }> | undefined;
  let pos = start;
  const next = (buf: Buffer): Promise<{ bytesRead: number }> => handle.read(buf, 0, Math.min(chunkSize, buf.length, end - pos), pos);
  try {
    if (pos < end) pending = next(scanner.chunkBuffer(0));
    while (pending) {
      const { bytesRead }: { bytesRead: number } = await pending;
      pending = undefined;
      if (bytesRead === 0) break;
      if (signal?.aborted) throw new ScanCancelled();
      pos += bytesRead;
      if (pos < end) pending = next(scanner.chunkBuffer(1));
      scanner.commit(bytesRead);
      onChunk?.(bytesRead);
    }
  } finally {
    // Let an outstanding read finish before the caller closes the file; its result no longer matters.
    await pending?.catch(() => undefined);
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
  handle: fs.promises.FileHandle,
  pieces: ReadonlyArray<readonly [number, number]>,
  next: Int32Array,
  scanner: LogScanner,
  chunkSize: number,
  onChunk?: (bytes: number) => void,
  signal?: { aborted: boolean },
): Promise<RangeResult[]> {
  const results: RangeResult[] = [];
  for (let i = Atomics.add(next, 0, 1); i < pieces.length; i = Atomics.add(next, 0, 1)) {
    if (signal?.aborted) throw new ScanCancelled();
    const [start, end] = pieces[i];
    scanner.restart(start);
    results.push(await scanRange(handle, start, end, scanner, chunkSize, onChunk, signal));
  }
  return results;
}
