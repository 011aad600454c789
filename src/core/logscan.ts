// Streams a log file of any size and counts Alipay error codes, trade/refund
// statuses and gateway URLs, with the first and last place each occurs.
// The file is read in chunks and never held whole: VS Code will not hand
// files over ~50 MB to an extension, and production logs are often larger.
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
  return [...(TABLE ??= buildTables()).keys()];
}

/**
 * One regex pass over latin1 text (so string index = byte offset) finds
 * candidates cheaply: an upper-case letter, `_`, an upper-case letter (every
 * MAPI code and status has one), the start of an OpenAPI sub-code, or `://`.
 * Each candidate is widened to its whole token by byte loops and looked up in
 * a Map, which is much cheaper than matching a long alternation.
 */
const CANDIDATE = /[A-Z]_[A-Z]|(?:isv|isp|aop)\.[a-z]|https?:\/\//g;
const GATEWAY_TAIL = /^[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9_./-]*?(?:gateway\.do|rest\.htm)/;

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordByte = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Incremental scanner: feed chunks in order with `push`, then `end`. Pure, no I/O. */
export class LogScanner {
  private readonly table = (TABLE ??= buildTables());
  private readonly stats = new Map<string, ScanStat>();
  private tail: Buffer = Buffer.alloc(0);
  /** Byte offset of `tail[0]` in the file. */
  private base = 0;
  /** Newlines seen before `base`. */
  private newlines = 0;
  private lastByte = -1;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.lastByte = chunk[chunk.length - 1];
    const data = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    // Process up to the last newline; keep the partial line for the next chunk.
    let cut = data.lastIndexOf(10) + 1;
    if (cut === 0 && data.length > MAX_TAIL) {
      // A huge line with no newline yet: cut at a non-token byte so no token is split.
      cut = data.length - 512;
      while (cut > data.length - 4096 && isWordByte(data[cut - 1])) cut--;
    }
    if (cut > 0) this.process(data, cut);
    this.tail = cut > 0 ? Buffer.from(data.subarray(cut)) : data;
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
    const re = CANDIDATE;
    const table = this.table;
    const stats = this.stats;
    re.lastIndex = 0;
    // Newlines are counted lazily (memchr via indexOf): up to each hit, then to the cut.
    let nlCount = this.newlines;
    let nextNl = data.indexOf(10);
    if (nextNl < 0 || nextNl >= cut) nextNl = cut;
    // test() + lastIndex instead of exec(): no match arrays to allocate and collect.
    while (re.test(text)) {
      const li = re.lastIndex;
      const last = text.charCodeAt(li - 1);
      // Which alternative matched, from its last character: `X_Y`, `isv.x`, or `…//`.
      const i = last === 47 /* / */ ? (text.charCodeAt(li - 8) === 104 ? li - 8 : li - 7) : last >= 97 ? li - 5 : li - 3;
      const c0 = text.charCodeAt(i);
      let start = i;
      let end: number;
      let kind: ScanKind | undefined;
      let token: string;
      if (c0 === 104 /* h */) {
        // https?:// — keep scheme, host and path up to gateway.do / rest.htm.
        const slash = text.indexOf('//', i) + 2;
        const g = GATEWAY_TAIL.exec(text.slice(slash, slash + 300));
        if (!g) continue;
        end = slash + g[0].length;
        token = text.slice(start, end);
        kind = 'gateway';
      } else {
        // Widen the candidate to its whole identifier (sub-codes also take '-').
        const lower = c0 >= 97;
        while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
        end = lower ? i + 4 : i + 2;
        if (lower) {
          while (end < cut && (isWordCode(text.charCodeAt(end)) || text.charCodeAt(end) === 45)) end++;
          while (text.charCodeAt(end - 1) === 45) end--;
        } else {
          while (end < cut && isWordCode(text.charCodeAt(end))) end++;
          // `ACQ.TRADE_NOT_EXIST` is an OpenAPI sub-code, not the MAPI TRADE_NOT_EXIST.
          // A letter glued to the front (xTRADE_SUCCESS) makes an unknown token, skipped below.
          if (start >= 4 && text.charCodeAt(start - 1) === 46 && text.startsWith('ACQ', start - 4) && !(start >= 5 && isWordCode(text.charCodeAt(start - 5)))) start -= 4;
        }
        re.lastIndex = end;
        if (end - start < 8) continue; // shorter than any counted token (HTTP_OK, MAX_ID…)
        token = text.slice(start, end);
        kind = table.get(token);
        if (kind === undefined) continue;
      }
      re.lastIndex = end;
      while (nextNl < start) {
        nlCount++;
        nextNl = data.indexOf(10, nextNl + 1);
        if (nextNl < 0 || nextNl >= cut) nextNl = cut;
      }
      const line = nlCount + 1;
      const offset = this.base + start;
      const st = stats.get(token);
      if (st !== undefined) {
        st.count++;
        st.last.line = line;
        st.last.offset = offset;
      } else stats.set(token, { token, kind, count: 1, first: { line, offset }, last: { line, offset } });
    }
    while (nextNl < cut) {
      nlCount++;
      nextNl = data.indexOf(10, nextNl + 1);
      if (nextNl < 0 || nextNl >= cut) nextNl = cut;
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

function fileError(file: string, e: unknown): ToolkitError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const reason: Record<string, [string, string]> = {
    ENOENT: ['does not exist', '不存在'],
    EACCES: ['cannot be read (permission denied)', '无读取权限'],
    EISDIR: ['is a folder, not a file', '是文件夹而不是文件'],
  };
  const [en, zh] = reason[code] ?? [`cannot be read (${code})`, `无法读取 (${code})`];
  return new ToolkitError('LOG_FILE', { en: `The log file "{file}" ${en}.`, zh: `日志文件 "{file}" ${zh}。` }, { file });
}

/** Streams `file` through a LogScanner. Memory stays at about one chunk whatever the file size. */
export async function scanFile(file: string, options: ScanOptions = {}): Promise<ScanSummary> {
  let total: number;
  try {
    const st = await fs.promises.stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    total = st.size;
  } catch (e) {
    throw fileError(file, e);
  }
  const scanner = new LogScanner();
  const stream = fs.createReadStream(file, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
  let read = 0;
  try {
    for await (const chunk of stream) {
      if (options.signal?.aborted) {
        throw new ToolkitError('CANCELLED', { en: 'The log scan was cancelled.', zh: '日志分析已取消。' });
      }
      scanner.push(chunk as Buffer);
      read += (chunk as Buffer).length;
      options.onProgress?.(read, total);
    }
  } catch (e) {
    if (e instanceof ToolkitError) throw e;
    throw fileError(file, e);
  } finally {
    stream.destroy();
  }
  return scanner.end();
}
