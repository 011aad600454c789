// A scan worker thread (bundled alone as dist/scan-worker.js): scans the byte
// range it is given with ./logscanner and posts progress per chunk, then the
// range's result. ./logscan.ts starts it, merges the results, and terminates
// it on cancellation.
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { LogScanner, scanRange, type TokenTable } from './logscanner';

export interface ScanJob {
  file: string;
  start: number;
  end: number;
  table: TokenTable;
  chunkSize: number;
}

/** Messages to the main thread. */
export type WorkerMessage = { progress: number } | { result: import('./logscanner').RangeResult } | { error: { message: string; code?: string } };

async function run(job: ScanJob, port: NonNullable<typeof parentPort>): Promise<void> {
  const handle = await fs.promises.open(job.file, 'r');
  try {
    const post = (m: WorkerMessage): void => port.postMessage(m);
    const result = await scanRange(handle, job.start, job.end, new LogScanner(job.table, job.start), job.chunkSize, (n) => post({ progress: n }));
    post({ result });
  } finally {
    await handle.close();
  }
}

const port = parentPort;
if (port && (workerData as { alipayScan?: ScanJob } | undefined)?.alipayScan) {
  run((workerData as { alipayScan: ScanJob }).alipayScan, port).catch((e: NodeJS.ErrnoException) => {
    port.postMessage({ error: { message: String(e?.message ?? e), code: e?.code } } satisfies WorkerMessage);
  });
}
