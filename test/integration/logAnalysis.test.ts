// Alipay: Analyze Log File on a log of tens of MB in the real editor: the
// notification reports progress as the scan goes, and cancelling stops the
// scan (no summary, a "cancelled" message, no worker thread left running).
// Progress is read by wrapping window.withProgress (the test shares the
// extension's vscode API object, as recordMessages does); the real
// notification still gets every report. An extension cannot click the
// notification's Cancel, so the test runs alipay.cancelLogAnalysis, which
// aborts the scan the same way that button does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { log } from './probe';
import { EXTENSION_ID, recordMessages } from './shell-helpers';

type Report = { message?: string; increment?: number };

const LINES_PER_BLOCK = 10_000; // ≈ 820 KB
const BLOCKS = 50; // 820 KB × 50 ≈ 41 MB

/** Node names its worker threads "WorkerThread" (Linux: /proc/self/task/<tid>/comm). */
function workerThreads(): number {
  let n = 0;
  for (const t of fs.readdirSync('/proc/self/task')) {
    try {
      if (fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() === 'WorkerThread') n++;
    } catch {
      /* the thread ended while listing */
    }
  }
  return n;
}

/** Waits (up to 10 s) for the worker thread count to come back to `baseline`; fails with the count seen. */
async function workersBackTo(baseline: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  let now = workerThreads();
  while (now > baseline && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    now = workerThreads();
  }
  assert.strictEqual(now, baseline, 'worker threads left running after the scan');
}

/** Records every progress report of the Analyze command's notification; `onReport` runs after each. */
function recordProgress(onReport?: (r: Report) => void): { titles: string[]; reports: Report[]; restore(): void } {
  type Task = (progress: vscode.Progress<Report>, token: vscode.CancellationToken) => Thenable<unknown>;
  const w = vscode.window as unknown as { withProgress: (options: vscode.ProgressOptions, task: Task) => Thenable<unknown> };
  const original = w.withProgress;
  const titles: string[] = [];
  const reports: Report[] = [];
  w.withProgress = (options, task) =>
    original.call(vscode.window, options, (progress, token) => {
      titles.push(`${options.title ?? ''}${options.cancellable ? ' (cancellable)' : ''}`);
      return task(
        {
          report: (r: Report) => {
            reports.push(r);
            progress.report(r);
            onReport?.(r);
          },
        },
        token,
      );
    });
  return { titles, reports, restore: () => void (w.withProgress = original) };
}

/** Counts the summary quick picks the command opens. */
function countQuickPicks(): { count(): number; restore(): void } {
  const w = vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = w.createQuickPick;
  let n = 0;
  w.createQuickPick = (() => {
    n++;
    return original.call(vscode.window);
  }) as typeof original;
  return { count: () => n, restore: () => void (w.createQuickPick = original) };
}

describe('Analyze Log File progress and cancel', function () {
  this.timeout(180_000);
  let dir: string;
  let file: string;
  let size: number;
  let root: string;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    root = ext.extensionPath;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-progress-'));
    file = path.join(dir, 'big.log');
    const lines: string[] = [];
    for (let i = 0; i < LINES_PER_BLOCK; i++) {
      lines.push(i % 100 === 0 ? `2026-01-01 12:00:00 ERROR [pool-1] c.e.pay.Client - pay failed: <error>ILLEGAL_SIGN</error> seq=${i}` : `2026-01-01 12:00:00 INFO  [pool-1] c.e.pay.Client - request ${i} handled in 12 ms`);
    }
    const block = Buffer.from(lines.join('\n') + '\n');
    const fd = fs.openSync(file, 'w');
    try {
      for (let b = 0; b < BLOCKS; b++) fs.writeSync(fd, block);
    } finally {
      fs.closeSync(fd);
    }
    size = fs.statSync(file).size;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

  it('reports progress in increasing steps up to 100 % and then shows the counts', async () => {
    const baseline = workerThreads();
    let maxWorkers = 0;
    const progress = recordProgress(() => (maxWorkers = Math.max(maxWorkers, workerThreads())));
    const picks = countQuickPicks();
    let result: { summary: { lines: number; bytes: number; stats: Array<{ token: string; count: number }> } } | undefined;
    try {
      result = await vscode.commands.executeCommand('alipay.analyzeLogFile', { uri: vscode.Uri.file(file), threads: 2 });
    } finally {
      progress.restore();
      picks.restore();
    }
    assert.ok(result, 'the command returns the summary');
    assert.strictEqual(result.summary.bytes, size);
    assert.strictEqual(result.summary.lines, LINES_PER_BLOCK * BLOCKS);
    assert.strictEqual(result.summary.stats.find((s) => s.token === 'ILLEGAL_SIGN')?.count, (LINES_PER_BLOCK / 100) * BLOCKS);
    assert.strictEqual(picks.count(), 1, 'the summary is shown');
    assert.deepStrictEqual(progress.titles, [`Analyzing ${vscode.workspace.asRelativePath(vscode.Uri.file(file))} (cancellable)`]);
    const { reports } = progress;
    assert.ok(reports.length >= 10, `a report per chunk, not one at the end (got ${reports.length})`);
    for (const r of reports) assert.ok(typeof r.increment === 'number' && r.increment > 0, `every increment is positive: ${JSON.stringify(r)}`);
    const total = reports.reduce((a, r) => a + r.increment!, 0);
    assert.ok(Math.abs(total - 100) < 1e-6, `increments add up to 100 % (got ${total})`);
    // "12.0 MB of 38.5 MB": bytes read only grow, the last report is the whole file.
    const read = reports.map((r) => parseFloat(r.message ?? ''));
    for (let i = 1; i < read.length; i++) assert.ok(read[i] >= read[i - 1], `bytes read grow: ${reports[i - 1].message} then ${reports[i].message}`);
    assert.match(reports[reports.length - 1].message ?? '', new RegExp(`^${(size / 1048576).toFixed(1)} MB of ${(size / 1048576).toFixed(1)} MB$`));
    assert.ok(maxWorkers > baseline, 'worker threads scanned (so the check below can see them)');
    await workersBackTo(baseline);
  });

  it('cancelling stops the scan: no summary, a cancelled message, no worker left', async () => {
    const baseline = workerThreads();
    let cancelled: Thenable<number> | undefined;
    let workersAtCancel = 0;
    // Cancel at the first report once a worker thread runs (or a quarter in, if none started yet).
    let sum = 0;
    const progress = recordProgress((r) => {
      sum += r.increment ?? 0;
      const workers = workerThreads();
      if (!cancelled && (workers > baseline || sum >= 25)) {
        workersAtCancel = workers;
        cancelled = vscode.commands.executeCommand<number>('alipay.cancelLogAnalysis');
      }
    });
    const picks = countQuickPicks();
    const info = recordMessages('showInformationMessage');
    const errors = recordMessages('showErrorMessage');
    const editorsBefore = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString());
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('alipay.analyzeLogFile', { uri: vscode.Uri.file(file), threads: 2 });
    } finally {
      progress.restore();
      picks.restore();
      info.restore();
      errors.restore();
    }
    assert.ok(cancelled, 'the scan reported progress before it was cancelled');
    assert.strictEqual(await cancelled, 1, 'the cancel command found the running analysis');
    assert.strictEqual(result, undefined, 'no result after cancel');
    assert.strictEqual(picks.count(), 0, 'no summary is shown');
    assert.deepStrictEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), editorsBefore, 'no summary document opened');
    assert.deepStrictEqual(errors.shown, []);
    assert.deepStrictEqual(info.shown.map((s) => s.message), ['Log analysis cancelled.']);
    const zh = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.strictEqual(zh['Log analysis cancelled.'], '日志分析已取消。');
    // Promptly: the scan stopped where it was cancelled, far from the end of the file.
    const done = progress.reports.reduce((a, r) => a + (r.increment ?? 0), 0);
    assert.ok(done < 75, `the scan stopped early (reported ${done.toFixed(1)} %)`);
    log(`cancelled at ${done.toFixed(1)} % with ${workersAtCancel - baseline} worker thread(s) running`);
    await workersBackTo(baseline);
  });
});
