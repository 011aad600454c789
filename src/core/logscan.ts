// Streams a log file of any size and counts Alipay error codes, trade/refund
// statuses and gateway URLs, with the first and last place each occurs.
// The file is read in chunks and never held whole: VS Code will not hand
// files over ~50 MB to an extension, and production logs are often larger.
// Large files are cut into byte ranges at line starts, which worker threads
// (./logscanWorker.ts) and this thread take one at a time until none is left;
// the ranges' results merge into exactly what one pass would give (./logscanner.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileError } from './fileError';
import { ToolkitError, type Text } from './i18n';
import { LogScanner as RangeScanner, mergeRanges, scanPieces, ScanCancelled, type RangeResult, type ScanKind, type ScanSummary, type TokenTable } from './logscanner';
import { kernelModule } from './logscanWasm';
import type { ScanJob, WorkerMessage } from './logscanWorker';
import { SCAN_ROWS } from './scanTable';

export type { Occurrence, RangeResult, ScanKind, ScanStat, ScanSummary } from './logscanner';
export { mergeRanges } from './logscanner';

let TABLE: TokenTable | undefined;

function tokenTable(): TokenTable {
  return (TABLE ??= SCAN_ROWS.map(([token, kind]) => [token, kind] as const));
}

/** The codes and statuses a scan counts (gateway URLs come on top). */
export function scanTokens(): string[] {
  return tokenTable().map(([t]) => t);
}

/** Each counted token with its kind (scripts/gen-log-grammar.js builds the log grammar from it). */
export function scanTable(): ReadonlyMap<string, ScanKind> {
  return new Map(tokenTable());
}

let TITLES: Map<string, Text> | undefined;

/** What a counted code or status means (explain's title), from the scan's own table. */
export function scanTitle(token: string): Text | undefined {
  TITLES ??= new Map(SCAN_ROWS.flatMap(([token, , title]) => (title ? [[token, title] as const] : [])));
  return TITLES.get(token);
}

/**
 * The scanner over the catalog's tokens: a whole file fed chunk by chunk
 * (push, then end), or the range of it starting at byte `start` (push, then
 * finish, then mergeRanges with the other ranges).
 */
export class LogScanner extends RangeScanner {
  constructor(start = 0) {
    super(tokenTable(), start);
  }
}


export interface ScanOptions {
  /** Stops the scan; the promise rejects with a ToolkitError code CANCELLED. */
  signal?: AbortSignal;
  /** Called after each chunk with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Read size; tests use tiny chunks to exercise lines split across chunks. */
  chunkSize?: number;
  /**
   * Threads to scan with (this one included). Default: one per CPU, at most 4,
   * and no more than one plus the idle CPUs (threadsFor); 1 below 16 MB,
   * where starting a worker costs more than it saves.
   */
  threads?: number;
  /** Size of the pieces threads take one at a time (default 8 MB); tests use small ones. */
  pieceBytes?: number;
}

const MIN_PARALLEL_BYTES = 16 * 1024 * 1024;

/**
 * Threads for a scan of `total` bytes on `cpus` CPUs at 1-minute load average
 * `load1`. A worker only pays when a CPU is idle to run it: it costs ~100 ms
 * of CPU to start (Node's bootstrap of a thread), so on a 200 MB log two
 * threads gained ~5 % at best (0.35 s against 0.37 s) and lost ~45 % when
 * another process ran now and then (0.56 s against 0.38 s); on a busy
 * machine extra threads just queue behind other processes. The instant's
 * running count (/proc/loadavg) was tried as well: it misses processes
 * between bursts. loadavg() is [0, 0, 0] on Windows: every CPU counts there.
 */
export function threadsFor(total: number, cpus: number, load1: number): number {
  if (total < MIN_PARALLEL_BYTES) return 1;
  const idle = Math.floor(cpus - load1);
  return Math.max(1, Math.min(cpus, 4, 1 + idle));
}

function defaultThreads(total: number): number {
  // availableParallelism: Node >= 18.14, below the engines floor (20.19) and VS Code's.
  return threadsFor(total, os.availableParallelism(), os.loadavg()[0]);
}

/**
 * Cuts [0, total) into up to `parts` ranges of about equal size, each starting
 * at a line start: a nominal cut moves forward to just after the next newline.
 * A cut that finds no newline before the next nominal cut is dropped (one very
 * long line stays in one range), so no line — and no token — is ever split.
 * `readAt(pos, len)` returns the file's bytes there (fewer at the end).
 */
export function splitAtLines(total: number, parts: number, readAt: (pos: number, len: number) => Uint8Array): Array<[number, number]> {
  const cuts = [0];
  const PROBE = 64 * 1024;
  for (let k = 1; k < parts; k++) {
    const nominal = Math.floor((total * k) / parts);
    const limit = Math.floor((total * (k + 1)) / parts);
    // A range starts after a newline: look for one from the byte before the nominal cut.
    let pos = Math.max(cuts[cuts.length - 1], nominal - 1);
    let cut = -1;
    while (pos < limit && cut < 0) {
      const bytes = readAt(pos, Math.min(PROBE, limit - pos));
      if (bytes.length === 0) break;
      const nl = bytes.indexOf(10);
      if (nl >= 0) cut = pos + nl + 1;
      pos += bytes.length;
    }
    if (cut > cuts[cuts.length - 1] && cut < total) cuts.push(cut);
  }
  return cuts.map((c, i): [number, number] => [c, i + 1 < cuts.length ? cuts[i + 1] : total]);
}

/** The worker script: dist/scan-worker.js beside the bundle, or the TypeScript source under tsx (tests, benches from source). */
function workerScript(): { script: string; eval: boolean } | undefined {
  if (__filename.endsWith('.ts')) {
    const source = path.join(__dirname, 'logscanWorker.ts');
    return { script: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
  }
  const bundled = path.join(__dirname, 'scan-worker.js');
  return fs.existsSync(bundled) ? { script: bundled, eval: false } : undefined;
}

function logFileError(file: string, e: unknown): ToolkitError {
  return fileError('LOG_FILE', file, { en: 'log', zh: '日志' }, e);
}

function cancelled(): ToolkitError {
  return new ToolkitError('CANCELLED', { en: 'The log scan was cancelled.', zh: '日志分析已取消。' });
}

/** Scans pieces in a worker thread until none is left; `stop` terminates it (cancellation, or another thread failed). */
function scanInWorker(w: { script: string; eval: boolean }, job: ScanJob, onChunk: (n: number) => void): { done: Promise<RangeResult[]>; stop: () => void } {
  // Required here: node:worker_threads costs a single-thread scan ~10 ms of start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(w.script, { eval: w.eval, workerData: { alipayScan: job } });
  let settled = false;
  const done = new Promise<RangeResult[]>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      if ('progress' in m) onChunk(m.progress);
      else if ('results' in m) {
        settled = true;
        resolve(m.results);
      } else {
        settled = true;
        reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the scan worker stopped (exit ${code})`));
    });
  });
  return { done: done.finally(() => void worker.terminate()), stop: () => void worker.terminate() };
}

/** Size of the pieces threads take one at a time: small enough that a slowed thread holds the others up little. */
const PIECE_BYTES = 8 * 1024 * 1024;

/**
 * Streams `file` through the scanner, in parallel ranges when it is large.
 * Memory, bounded whatever the file size: per thread the scanner's memory
 * (LogScanner: about 2 MB resident at the default 1 MB chunks, 10 MB at most
 * on lines of megabytes) plus the counts, and a worker's own heap (about
 * 10 MB each). Measured peak RSS of `scan` on 200 MB: bench/scan.js prints it.
 */
export async function scanFile(file: string, options: ScanOptions = {}): Promise<ScanSummary> {
  let total: number;
  let fd: number | undefined;
  try {
    // Callback fs, not fs.promises: loading that costs a scan's start ~6 ms.
    fd = await new Promise<number>((resolve, reject) => fs.open(file, 'r', (e, n) => (e ? reject(e) : resolve(n))));
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    total = st.size;
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    throw logFileError(file, e);
  }
  const chunkSize = options.chunkSize ?? 1024 * 1024;
  const signal = options.signal;
  const stops: Array<() => void> = [];
  let read = 0;
  const onChunk = (n: number): void => {
    read += n;
    options.onProgress?.(read, total);
  };
  try {
    const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads(total)));
    const worker = threads > 1 ? workerScript() : undefined;
    const at = fd;
    const pieces = worker ? splitAtLines(total, Math.max(threads, Math.ceil(total / (options.pieceBytes ?? PIECE_BYTES))), (pos, len) => {
      const b = Buffer.allocUnsafe(len);
      return b.subarray(0, fs.readSync(at, b, 0, len, pos));
    }) : [[0, total] as [number, number]];
    const table = tokenTable();
    const scanner = new RangeScanner(table);
    const next = new Int32Array(new SharedArrayBuffer(4));
    // Workers start (tens of milliseconds) while this thread already takes the first pieces;
    // they get this thread's compiled kernel rather than assembling and compiling their own.
    const job: ScanJob = { file, pieces, next, table, chunkSize, kernel: kernelModule(table) };
    const jobs = worker ? Array.from({ length: threads - 1 }, () => scanInWorker(worker, job, onChunk)) : [];
    for (const j of jobs) stops.push(j.stop);
    const abort = (): void => stops.forEach((s) => s());
    signal?.addEventListener('abort', abort, { once: true });
    try {
      // Between chunks this thread yields to the event loop when someone listens (progress,
      // cancellation: the editor, whose other work goes on meanwhile); the CLI does not wait.
      const pause = signal || options.onProgress ? (): Promise<void> => new Promise((resolve) => setImmediate(resolve)) : undefined;
      const here = scanPieces(fd, pieces, next, scanner, chunkSize, onChunk, signal, pause);
      const parts = (await Promise.all([here, ...jobs.map((j) => j.done)])).flat();
      if (signal?.aborted) throw cancelled();
      return mergeRanges(parts);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  } catch (e) {
    if (e instanceof ScanCancelled || signal?.aborted) throw cancelled();
    if (e instanceof ToolkitError) throw e;
    throw logFileError(file, e);
  } finally {
    stops.forEach((s) => s());
    fs.closeSync(fd);
  }
}
