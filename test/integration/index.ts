/**
 * Entry of the suite that runs inside a real VS Code: `run()` has the
 * @vscode/test-electron shape, so one suite serves `npm run test:integration`
 * (code-server + headless Chromium, scripts/test-integration.js) and
 * `npm run test:electron` (desktop VS Code, scripts/test-electron.js).
 *
 * Adding a suite: create `test/integration/<feature>.test.ts` using mocha's BDD
 * globals (`describe`/`it`/`before`…). Nothing else to edit: esbuild.js lists
 * every `*.test.ts` under this folder into the bundle at build time (module
 * 'integration-suite-files'), and this file loads them all. Run just yours with
 * `node scripts/test-integration.js --grep <title words>`. Webview checks go
 * through ./probe.ts (see its header); `log()` there prints to the runner's output.
 *
 * Stack traces name lines of out/test/integration/index.js (VS Code's extension
 * host replaces Error.prepareStackTrace, so Node's source maps do not apply);
 * index.js.map is beside it.
 *
 * Contract with the runner: one line `__RESULT__ {"passed":n,"failed":m,"pending":k}`
 * on the console at the end, and `__PROGRESS__ {"test":title,"passed":n,…}` as
 * each test starts and ends, so a runner that gives up on a stuck test still
 * names it and reports true totals; `run()` rejects when anything failed, was pending (skipped tests
 * are not allowed) or no test ran, which makes the workbench exit with code 1.
 */
import { format } from 'util';
import Mocha from 'mocha/lib/mocha.cjs';
import { suiteFiles } from 'integration-suite-files';

/**
 * code-server forwards extension-host console lines into the workbench's own
 * log, indistinguishable from its chatter, and VS Code locks the extension
 * host's `console` methods against reassignment. So when the runner asks (by
 * setting ALIPAY_TEST_CONSOLE_MARK), mocha's reporter and our result line are
 * written with that prefix, and the runner prints only prefixed lines. Tests
 * wanting a line in the runner's output use `log()` from ./probe.
 */
function markReporter(mark: string): () => void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const reporterLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => console.log(mark + format(...args));
  return () => {
    base.consoleLog = reporterLog;
  };
}

/** Saves test-results/<test title>.png while the UI still shows the failure (probe runs only). */
function screenshotFailures(mocha: Mocha): void {
  const probe = process.env.ALIPAY_TEST_PROBE;
  if (!probe) return;
  mocha.suite.afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const name = `failed-${test.fullTitle()}`;
    await fetch(`${probe}/screenshot?name=${encodeURIComponent(name)}`, { method: 'POST' }).catch(() => undefined);
  });
}

export function run(): Promise<void> {
  const mark = process.env.ALIPAY_TEST_CONSOLE_MARK ?? '';
  const unmark = markReporter(mark);
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 20000 });
  const grep = process.env.ALIPAY_TEST_GREP;
  if (grep) mocha.grep(grep);
  screenshotFailures(mocha);
  const report = (r: { passed: number; failed: number; pending: number }): void =>
    console.log(`${mark}__RESULT__ ${JSON.stringify(r)}`);

  // Load files the way mocha's own loader does, so describe/it exist while they run.
  const current = { name: '' };
  try {
    for (const file of suiteFiles) {
      current.name = file.name;
      mocha.suite.emit('pre-require', globalThis, file.name, mocha);
      mocha.suite.emit('require', file.load(), file.name, mocha);
      mocha.suite.emit('post-require', globalThis, file.name, mocha);
    }
  } catch (e) {
    console.error(mark + format(`Loading test/integration/${current.name} failed:`, e));
    report({ passed: 0, failed: 1, pending: 0 });
    unmark();
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }

  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, pending: 0 };
    const progress = (test: string): void =>
      console.log(`${mark}__PROGRESS__ ${JSON.stringify({ test, ...counts })}`);
    const runner = mocha.run(() => {
      report(counts);
      unmark();
      const problem = counts.failed > 0 ? `${counts.failed} integration test(s) failed`
        : counts.pending > 0 ? `${counts.pending} integration test(s) pending; skipped tests are not allowed`
        : counts.passed === 0 ? (grep ? `no integration test matches --grep ${grep}` : 'no integration tests ran')
        : '';
      if (!problem) return resolve();
      console.error(mark + problem);
      reject(new Error(problem));
    });
    runner.on('test', (t) => progress(t.fullTitle()));
    runner.on('pass', () => {
      counts.passed++;
      progress('');
    });
    runner.on('fail', () => {
      counts.failed++;
      progress('');
    });
    runner.on('pending', () => counts.pending++);
  });
}
