// Streams a log file of any size and counts Alipay error codes, trade/refund
// statuses and gateway URLs, with the first and last place each occurs.
// The file is read in chunks and never held whole: VS Code will not hand
// files over ~50 MB to an extension, and production logs are often larger.
import { fileError } from './fileError';
import * as fs from 'node:fs';
import { allEnums, allErrors } from './catalog';
import { ToolkitError } from './i18n';

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

const KIND_ORDER: Record<ScanKind, number> = { error: 0, status: 1, gateway: 2 };

// What is counted. OpenAPI numeric codes (40004…) are not: a bare number in a
// log is ambiguous, and the sub-code beside it (ACQ.…, isv.…) is what says what failed.
function buildTables(): Map<string, ScanKind> {
  const m = new Map<string, ScanKind>();
  for (const e of allErrors()) if (!/^\d+$/.test(e.code)) m.set(e.code, 'error');
  for (const name of ['trade_status', 'refund_status']) {
    for (const v of allEnums().find((d) => d.name === name)!.values) if (!m.has(v.value)) m.set(v.value, 'status');
  }
  return m;
}

let TABLE: Map<string, ScanKind> | undefined;

/** The codes and statuses a scan counts (gateway URLs come on top). */
export function scanTokens(): string[] {
  return [...scanTable().keys()];
}

/** Each counted token with its kind (scripts/gen-log-grammar.js builds the log grammar from it). */
export function scanTable(): ReadonlyMap<string, ScanKind> {
  return (TABLE ??= buildTables());
}

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

function buildIndex(table: Map<string, ScanKind>): TokenIndex {
  const tokens = [...table.keys()];
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
  return { tokens, kinds: tokens.map((t) => table.get(t)!), slots, mask, minLen: Math.min(...lens), maxLen: Math.max(...lens) };
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

let INDEX: TokenIndex | undefined;

/** Incremental scanner: feed chunks in order with `push`, then `end`. Pure, no I/O. */
export class LogScanner {
  private readonly index = (INDEX ??= buildIndex((TABLE ??= buildTables())));
  private readonly stats = new Map<string, ScanStat>();
  /** Stats of codes and statuses by token id (gateway URLs stay in `stats` only). */
  private readonly byId: Array<ScanStat | undefined> = [];
  private tail: Buffer = Buffer.alloc(0);
  /** Byte offset of `tail[0]` in the file. */
  private base = 0;
  /** Newlines seen before `base`. */
  private newlines = 0;
  private lastByte = -1;

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

  end(): ScanSummary {
    if (this.tail.length) this.process(this.tail, this.tail.length);
    const bytes = this.base;
    const lines = this.newlines + (bytes > 0 && this.lastByte !== 10 ? 1 : 0);
    const stats = [...this.stats.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count || a.token.localeCompare(b.token));
    return { bytes, lines, stats };
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

export interface ScanOptions {
  /** Stops the scan; the promise rejects with a ToolkitError code CANCELLED. */
  signal?: AbortSignal;
  /** Called after each chunk with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Read size; tests use tiny chunks to exercise lines split across chunks. */
  chunkSize?: number;
}

function logFileError(file: string, e: unknown): ToolkitError {
  return fileError('LOG_FILE', file, { en: 'log', zh: '日志' }, e);
}

/** Streams `file` through a LogScanner. Memory stays at about one chunk whatever the file size. */
export async function scanFile(file: string, options: ScanOptions = {}): Promise<ScanSummary> {
  let total: number;
  try {
    const st = await fs.promises.stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    total = st.size;
  } catch (e) {
    throw logFileError(file, e);
  }
  const scanner = new LogScanner();
  // Two reused buffers: the next read runs while this chunk is scanned, and no
  // fresh chunk is allocated per read (the scanner copies the little it keeps).
  const size = options.chunkSize ?? 1024 * 1024;
  const bufs = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let handle: fs.promises.FileHandle | undefined;
  let pending: Promise<{ bytesRead: number }> | undefined;
  let read = 0;
  try {
    handle = await fs.promises.open(file, 'r');
    pending = handle.read(bufs[0], 0, size, 0);
    for (let k = 0; ; k ^= 1) {
      const { bytesRead }: { bytesRead: number } = await pending;
      pending = undefined;
      if (bytesRead === 0) break;
      if (options.signal?.aborted) {
        throw new ToolkitError('CANCELLED', { en: 'The log scan was cancelled.', zh: '日志分析已取消。' });
      }
      pending = handle.read(bufs[k ^ 1], 0, size, read + bytesRead);
      scanner.push(bufs[k].subarray(0, bytesRead));
      read += bytesRead;
      options.onProgress?.(read, total);
    }
  } catch (e) {
    if (e instanceof ToolkitError) throw e;
    throw logFileError(file, e);
  } finally {
    // Let an outstanding read finish before closing; its result no longer matters.
    await pending?.catch(() => undefined);
    await handle?.close();
  }
  return scanner.end();
}
