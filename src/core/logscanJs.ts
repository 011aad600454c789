// The log scanner's rules in plain JavaScript: what counts as a code, status,
// sub-code or gateway URL in a region of bytes. ./logscanWasm.ts decides the
// same with SIMD and runs wherever WebAssembly does; this one runs where it
// does not (node --jitless) and is the reference the kernel is tested against.
import { byteClasses, C_HOST, C_PATH, C_UPPER, C_WORD } from './logscanWasm';

export type ScanKind = 'error' | 'status' | 'gateway';

/** The counted codes and statuses with their kinds (logscan.ts builds it from the catalog). */
export type TokenTable = ReadonlyArray<readonly [string, ScanKind]>;

/** A hit: token index in the table (or -1 for a gateway URL), its bytes [start, end) in the region, newlines before it in the region. */
export type HitSink = (id: number, start: number, end: number, newlines: number) => void;

/**
 * Candidates are found by two independent searches over latin1 text (so
 * string index = byte offset): `_` between two upper-case letters (every MAPI
 * code and status has one), found with memchr-backed indexOf; and the start of
 * an OpenAPI sub-code or `http(s)://`, found by a regex whose literal prefixes
 * let V8 skip ahead. Taking the leftmost of the two is the same as one
 * alternation regex over all three. Each candidate is widened to its whole
 * token by byte loops and looked up in a map.
 */
const OTHER_START = /(?:is[vp]|aop)\.[a-z]|https?:\/\//g;

const CLASS = byteClasses();
const isWordCode = (c: number): boolean => (CLASS[c] & C_WORD) !== 0;
const isUpper = (c: number): boolean => (CLASS[c] & C_UPPER) !== 0;
const isHostCode = (c: number): boolean => (CLASS[c] & C_HOST) !== 0;
const isPathCode = (c: number): boolean => (CLASS[c] & C_PATH) !== 0;

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

const IDS = new WeakMap<TokenTable, Map<string, number>>();

/** Scans data[0, cut) (data[0] starts a line), reporting hits in order; returns the newlines in it. */
export function scanRegionJs(table: TokenTable, data: Buffer, cut: number, hit: HitSink): number {
  let ids = IDS.get(table);
  if (!ids) IDS.set(table, (ids = new Map(table.map(([t], id) => [t, id]))));
  const text = data.toString('latin1', 0, cut);
  const none = cut + 1;
  // Next candidate of each kind; recomputed once `pos` passes it (-1 = not searched yet).
  let nextU = -1;
  let nextO = -1;
  let pos = 0;
  // Newlines are counted lazily (memchr via indexOf): up to each hit, then to the cut.
  let nlCount = 0;
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
    if (i !== nextU && data[i] === 104 /* h */) {
      // http(s):// — keep scheme, host and path up to gateway.do / rest.htm.
      const slash = i + (data[i + 4] === 115 ? 8 : 7);
      end = gatewayEnd(data, text, slash, cut);
      if (end < 0) {
        pos = slash;
        continue;
      }
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
      id = ids.get(text.slice(start, end)) ?? -1;
      if (id < 0) continue;
    }
    pos = end;
    while (nextNl < start) {
      nlCount++;
      nextNl = text.indexOf('\n', nextNl + 1);
      if (nextNl < 0) nextNl = cut;
    }
    hit(id, start, end, nlCount);
  }
  while (nextNl < cut) {
    nlCount++;
    nextNl = text.indexOf('\n', nextNl + 1);
    if (nextNl < 0) nextNl = cut;
  }
  return nlCount;
}
