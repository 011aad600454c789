// The log scanner itself: finds Alipay error codes, trade/refund statuses and
// gateway URLs in a byte range of a log, and reads such a range from a file.
// No catalog import and no threads here, so the scan worker
// (./logscanWorker.ts, bundled as dist/scan-worker.js) stays small;
// ./logscan.ts supplies the token table and runs the ranges in parallel.
import * as fs from 'node:fs';

export type ScanKind = 'error' | 'status' | 'gateway';

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

/**
 * Candidates are found by two independent searches over latin1 text (so
 * string index = byte offset): `_` between two upper-case letters (every MAPI
 * code and status has one), found with memchr-backed indexOf; and the start of
 * an OpenAPI sub-code or `http(s)://`, found by a regex whose literal prefixes
 * let V8 skip ahead. Taking the leftmost of the two is the same as one
 * alternation regex over all three, which cannot skip and runs far slower.
 * Each candidate is widened to its whole token by byte loops over the Buffer
 * and looked up in a hash table without allocating a string.
 */
const OTHER_START = /(?:is[vp]|aop)\.[a-z]|https?:\/\//g;

/** Byte classes as bit flags, so each test is one table load. */
const WORD = 1; // [A-Za-z0-9_]
const HOST = 2; // [A-Za-z0-9.-]
const PATH = 4; // [A-Za-z0-9_./-]
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  CLASS[c] = (alnum || c === 95 ? WORD : 0) | (alnum || c === 46 || c === 45 ? HOST : 0) | (alnum || c === 95 || c === 46 || c === 47 || c === 45 ? PATH : 0);
}
const isWordCode = (c: number): boolean => (CLASS[c] & WORD) !== 0;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isHostCode = (c: number): boolean => (CLASS[c] & HOST) !== 0;
const isPathCode = (c: number): boolean => (CLASS[c] & PATH) !== 0;

/** Start of the first `[A-Z]_[A-Z]` at or after `from` in text = b[0, cut), or `none`. */
function nextUnderscore(b: Uint8Array, text: string, from: number, cut: number, none: number): number {
  let u = text.indexOf('_', from + 1);
  while (u >= 0) {
    if (u + 1 < cut && isUpper(b[u + 1]) && isUpper(b[u - 1])) return u - 1;
    u = text.indexOf('_', u + 2);
  }
  return none;
}

/** Start of the first sub-code prefix (`isv.x`…) or `http(s)://` at or after `from`, or `none`. */
function nextOther(text: string, from: number, none: number): number {
  OTHER_START.lastIndex = from;
  if (!OTHER_START.test(text)) return none;
  const end = OTHER_START.lastIndex;
  if (text.charCodeAt(end - 1) !== 47 /* / */) return end - 5;
  return end - (text.charCodeAt(end - 4) === 115 /* s */ ? 8 : 7);
}

/**
 * End of a gateway URL whose `//` ends at `slash`: host, optional port, then the
 * shortest path reaching gateway.do / rest.htm, all within 300 bytes; -1 if none.
 * (Hand-written `^[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9_./-]*?(?:gateway\.do|rest\.htm)`.)
 */
function gatewayEnd(b: Uint8Array, text: string, slash: number, cut: number): number {
  const limit = Math.min(slash + 300, cut);
  let p = slash;
  while (p < limit && isHostCode(b[p])) p++;
  if (p === slash) return -1;
  if (p < limit && b[p] === 58 /* : */) {
    let q = p + 1;
    while (q < limit && b[q] >= 48 && b[q] <= 57) q++;
    if (q === p + 1) return -1;
    p = q;
  }
  if (p >= limit || b[p] !== 47 /* / */) return -1;
  let r = p + 1;
  while (r < limit && isPathCode(b[r])) r++;
  for (let q = p + 1; q < r; q++) {
    const c = b[q];
    if (c === 103 /* g */ && q + 10 <= r && text.startsWith('gateway.do', q)) return q + 10;
    if (c === 114 /* r */ && q + 8 <= r && text.startsWith('rest.htm', q)) return q + 8;
  }
  return -1;
}

/** Codes and statuses in an open-addressing table keyed by FNV-1a, so a candidate is looked up without slicing it out. */
interface TokenIndex {
  tokens: string[];
  kinds: ScanKind[];
  /** id + 1 per slot; 0 = empty. */
  slots: Int32Array;
  mask: number;
  minLen: number;
  maxLen: number;
}

/** Hash of length and three characters: cheap, and distinct enough for ~100 tokens; equality is checked after. */
function keyHash(len: number, first: number, mid: number, last: number): number {
  return (Math.imul(len, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(mid, 0xc2b2ae35) ^ Math.imul(last, 0x27d4eb2f)) >>> 7;
}

function buildIndex(table: TokenTable): TokenIndex {
  const tokens = table.map(([t]) => t);
  let size = 16;
  while (size < tokens.length * 4) size <<= 1;
  const slots = new Int32Array(size);
  const mask = size - 1;
  tokens.forEach((t, id) => {
    const n = t.length;
    let slot = keyHash(n, t.charCodeAt(0), t.charCodeAt(n >> 1), t.charCodeAt(n - 1)) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  });
  const lens = tokens.map((t) => t.length);
  return { tokens, kinds: table.map(([, k]) => k), slots, mask, minLen: Math.min(...lens), maxLen: Math.max(...lens) };
}

/** Id of the token text[start, end) in `ix`, or -1. */
function lookup(ix: TokenIndex, b: Uint8Array, text: string, start: number, end: number): number {
  const len = end - start;
  if (len < ix.minLen || len > ix.maxLen) return -1;
  let slot = keyHash(len, b[start], b[start + (len >> 1)], b[end - 1]) & ix.mask;
  for (let id = ix.slots[slot]; id !== 0; id = ix.slots[slot]) {
    const t = ix.tokens[id - 1];
    if (t.length === len && text.startsWith(t, start)) return id - 1;
    slot = (slot + 1) & ix.mask;
  }
  return -1;
}

/** The counted codes and statuses with their kinds (logscan.ts builds it from the catalog). */
export type TokenTable = ReadonlyArray<readonly [string, ScanKind]>;

const INDEXES = new WeakMap<TokenTable, TokenIndex>();

/**
 * Incremental scanner of one byte range: feed its chunks in order with `push`,
 * then `end` (the whole file) or `finish` (one range of it, merged later with
 * mergeRanges). Pure, no I/O. `start` is the range's byte offset in the file;
 * a range must begin at a line start (splitAtLines).
 */
export class LogScanner {
  private readonly index: TokenIndex;
  private readonly start: number;
  private readonly stats = new Map<string, ScanStat>();
  /** Stats of codes and statuses by token id (gateway URLs stay in `stats` only). */
  private readonly byId: Array<ScanStat | undefined> = [];
  private tail: Buffer = Buffer.alloc(0);
  /** Byte offset of `tail[0]` in the file. */
  private base: number;
  /** Newlines seen before `base`. */
  private newlines = 0;
  private lastByte = -1;

  constructor(table: TokenTable, start = 0) {
    let ix = INDEXES.get(table);
    if (!ix) INDEXES.set(table, (ix = buildIndex(table)));
    this.index = ix;
    this.start = start;
    this.base = start;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.lastByte = chunk[chunk.length - 1];
    let data = chunk;
    if (this.tail.length) {
      const nl = chunk.indexOf(10);
      if (nl >= 0) {
        // Finish the held partial line on its own, so the rest of the chunk needs no copy.
        // Tokens never span a newline, so splitting there changes nothing.
        const head = Buffer.concat([this.tail, chunk.subarray(0, nl + 1)]);
        this.process(head, head.length);
        this.tail = Buffer.alloc(0);
        data = chunk.subarray(nl + 1);
      } else data = Buffer.concat([this.tail, chunk]);
    }
    // Process up to the last newline; keep the partial line for the next chunk.
    let cut = data.lastIndexOf(10) + 1;
    if (cut === 0 && data.length > MAX_TAIL) {
      // A huge line with no newline yet: cut at a non-token byte so no token is split.
      cut = data.length - 512;
      while (cut > data.length - 4096 && isWordCode(data[cut - 1])) cut--;
    }
    if (cut > 0) this.process(data, cut);
    // Copy what is kept: `data` may be the caller's buffer.
    this.tail = Buffer.from(data.subarray(cut));
  }

  /** What this range held, with line numbers counted from its own start. */
  finish(): RangeResult {
    if (this.tail.length) this.process(this.tail, this.tail.length);
    this.tail = Buffer.alloc(0);
    return { start: this.start, bytes: this.base - this.start, newlines: this.newlines, lastByte: this.lastByte, stats: [...this.stats.values()] };
  }

  end(): ScanSummary {
    return mergeRanges([this.finish()]);
  }

  private process(data: Buffer, cut: number): void {
    const text = data.toString('latin1', 0, cut);
    const ix = this.index;
    const byId = this.byId;
    const none = cut + 1;
    // Next candidate of each kind; recomputed once `pos` passes it (-1 = not searched yet).
    let nextU = -1;
    let nextO = -1;
    let pos = 0;
    // Newlines are counted lazily (memchr via indexOf): up to each hit, then to the cut.
    let nlCount = this.newlines;
    let nextNl = text.indexOf('\n');
    if (nextNl < 0) nextNl = cut;
    for (;;) {
      if (nextU < pos) nextU = nextUnderscore(data, text, pos, cut, none);
      if (nextO < pos) nextO = nextOther(text, pos, none);
      const i = nextU < nextO ? nextU : nextO;
      if (i === none) break;
      let start = i;
      let end: number;
      let id = -1;
      let token = '';
      if (i !== nextU && data[i] === 104 /* h */) {
        // http(s):// — keep scheme, host and path up to gateway.do / rest.htm.
        const slash = i + (data[i + 4] === 115 ? 8 : 7);
        end = gatewayEnd(data, text, slash, cut);
        if (end < 0) {
          pos = slash;
          continue;
        }
        token = text.slice(start, end);
      } else {
        // Widen the candidate to its whole identifier (sub-codes also take '-').
        const lower = i !== nextU;
        while (start > 0 && isWordCode(data[start - 1])) start--;
        end = lower ? i + 4 : i + 2;
        if (lower) {
          while (end < cut && (isWordCode(data[end]) || data[end] === 45)) end++;
          while (data[end - 1] === 45) end--;
        } else {
          while (end < cut && isWordCode(data[end])) end++;
          // `ACQ.TRADE_NOT_EXIST` is an OpenAPI sub-code, not the MAPI TRADE_NOT_EXIST.
          // A letter glued to the front (xTRADE_SUCCESS) makes an unknown token, skipped below.
          if (start >= 4 && data[start - 1] === 46 && data[start - 4] === 65 && data[start - 3] === 67 && data[start - 2] === 81 && !(start >= 5 && isWordCode(data[start - 5]))) start -= 4;
        }
        pos = end;
        id = lookup(ix, data, text, start, end);
        if (id < 0) continue;
      }
      pos = end;
      while (nextNl < start) {
        nlCount++;
        nextNl = text.indexOf('\n', nextNl + 1);
        if (nextNl < 0) nextNl = cut;
      }
      const line = nlCount + 1;
      const offset = this.base + start;
      const st = id >= 0 ? byId[id] : this.stats.get(token);
      if (st !== undefined) {
        st.count++;
        st.last.line = line;
        st.last.offset = offset;
      } else {
        const fresh: ScanStat = { token: id >= 0 ? ix.tokens[id] : token, kind: id >= 0 ? ix.kinds[id] : 'gateway', count: 1, first: { line, offset }, last: { line, offset } };
        this.stats.set(fresh.token, fresh);
        if (id >= 0) byId[id] = fresh;
      }
    }
    while (nextNl < cut) {
      nlCount++;
      nextNl = text.indexOf('\n', nextNl + 1);
      if (nextNl < 0) nextNl = cut;
    }
    this.newlines = nlCount;
    this.base += cut;
  }
}

const MAX_TAIL = 4 * 1024 * 1024;

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
  const stats = [...merged.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count || a.token.localeCompare(b.token));
  return { bytes, lines, stats };
}

/** Stops a scan: the caller's AbortSignal, checked between chunks. */
export class ScanCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Streams bytes [start, end) of an open file through `scanner`, with two
 * reused buffers: the next read runs while this chunk is scanned, and no fresh
 * chunk is allocated per read (the scanner copies the little it keeps).
 * Memory: 2 × chunkSize plus one chunk's latin1 copy.
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
  const size = Math.max(1, Math.min(chunkSize, end - start || 1));
  const bufs = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let pending: Promise<{ bytesRead: number }> | undefined;
  let pos = start;
  const next = (buf: Buffer): Promise<{ bytesRead: number }> => handle.read(buf, 0, Math.min(size, end - pos), pos);
  try {
    if (pos < end) pending = next(bufs[0]);
    for (let k = 0; pending; k ^= 1) {
      const { bytesRead }: { bytesRead: number } = await pending;
      pending = undefined;
      if (bytesRead === 0) break;
      if (signal?.aborted) throw new ScanCancelled();
      pos += bytesRead;
      if (pos < end) pending = next(bufs[k ^ 1]);
      scanner.push(bufs[k].subarray(0, bytesRead));
      onChunk?.(bytesRead);
    }
  } finally {
    // Let an outstanding read finish before the caller closes the file; its result no longer matters.
    await pending?.catch(() => undefined);
  }
  return scanner.finish();
}
