// A scan worker thread (bundled alone as dist/scan-worker.js): takes pieces of
// the file from the shared counter and scans them with ./logscanner, posting
// progress per chunk, then the pieces' results. ./logscan.ts starts it, merges
// the results, and terminates it on cancellation.
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { LogScanner, scanPieces, type RangeResult, type TokenTable } from './logscanner';
import { useKernelModule } from './logscanWasm';

export interface ScanJob {
  file: string;
  /** Line-aligned byte ranges covering the file, in order. */
  pieces: Array<[number, number]>;
  /** Index of the next piece to take, shared by all threads (Atomics). */
  next: Int32Array;
  table: TokenTable;
  chunkSize: number;
  /** The scanning kernel the main thread compiled for `table` (undefined where WebAssembly is not available). */
  kernel?: WebAssembly.Module;
}

/** Messages to the main thread. */
export type WorkerMessage = { progress: number } | { results: RangeResult[] } | { error: { message: string; code?: string } };

async function run(job: ScanJob, port: NonNullable<typeof parentPort>): Promise<void> {
  if (job.kernel) useKernelModule(job.table, job.kernel);
  // Synchronous file calls: this thread has nothing else to do meanwhile (and fs.promises costs its start ~6 ms).
  const fd = fs.openSync(job.file, 'r');
  try {
    const post = (m: WorkerMessage): void => port.postMessage(m);
    const results = await scanPieces(fd, job.pieces, job.next, new LogScanner(job.table), job.chunkSize, (n) => post({ progress: n }));
    post({ results });
  } finally {
    fs.closeSync(fd);
  }
}

const port = parentPort;
if (port && (workerData as { alipayScan?: ScanJob } | undefined)?.alipayScan) {
  run((workerData as { alipayScan: ScanJob }).alipayScan, port).catch((e: NodeJS.ErrnoException) => {
    port.postMessage({ error: { message: String(e?.message ?? e), code: e?.code } } satisfies WorkerMessage);
  });
}
