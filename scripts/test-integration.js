// npm run test:integration — runs test/integration/ inside a real VS Code
// (code-server + headless Chromium; see scripts/vscode-host.js) against this
// repo's extension and a fresh temp copy of samples/.
//
//   node scripts/test-integration.js [--grep <pattern>] [--verbose] [--stall <seconds>]
//
// Prints the extension host's console (mocha's report), then a last line
// `N passed, N failed`; exits with the suite's code. There is no cap on the
// whole run (it grows with the suite): each test has mocha's own timeout, and
// if the suite makes no progress for --stall seconds (default 180: a hung
// extension host, a workbench that never starts the suite) the run stops,
// names the test that was running and reports the totals counted so far.
// With ALIPAY_TEST_SUMMARY=<file> the counts are also written there as JSON
// (scripts/test-stages.js reads it). On failure a screenshot is
// kept in test-results/. code-server and Chromium are stopped by their own pids
// on every path (pass, fail, timeout, exception, Ctrl-C).
//
// Webview probe (scripts/webview-probe.js): a small HTTP server on 127.0.0.1
// whose URL the extension host gets as ALIPAY_TEST_PROBE (code-server's
// extension host inherits its environment); test/integration/probe.ts is the client.
'use strict';

const fs = require('fs');
const path = require('path');
const host = require('./vscode-host');
const { startProbe, saveScreenshot } = require('./webview-probe');

const ROOT = host.ROOT;
const SUITE = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const RESULT_PREFIX = '__RESULT__ ';
const PROGRESS_PREFIX = '__PROGRESS__ ';
const CI = process.env.CI === 'true' || process.env.CI === '1';

function parseArgs(argv) {
  const opts = { grep: '', verbose: false, stallSec: 180 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep') opts.grep = argv[++i] || '';
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--stall' || a === '--timeout') opts.stallSec = Number(argv[++i]);
    else throw new Error(`unknown argument ${a} (expected --grep <pattern>, --verbose, --stall <seconds>)`);
  }
  if (!(opts.stallSec > 0)) throw new Error('--stall needs a positive number of seconds');
  return opts;
}

// Extension-host console lines reach the page console inside the workbench's
// own log (e.g. `%c INFO color: #33f <text>`); test/integration/index.ts
// prefixes the suite's lines with CONSOLE_MARK so they can be told apart.
const CONSOLE_MARK = '__ALIPAY_TEST__ ';
function extensionHostText(msg) {
  const text = msg.text();
  const at = text.indexOf(CONSOLE_MARK);
  return at < 0 ? null : text.slice(at + CONSOLE_MARK.length);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch {
        /* keep stopping the rest */
      }
    }
  };
  let interrupted = false;
  const onSignal = (sig) => {
    interrupted = true;
    process.stderr.write(`\n${sig}: stopping code-server and Chromium…\n`);
    setTimeout(() => process.exit(130), 8000).unref(); // in case a cleanup step hangs
    void cleanup().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let counts = null;
  // Running totals from __PROGRESS__ lines: true even when the run is cut short.
  const live = { test: '', passed: 0, failed: 0, pending: 0, seen: false };
  let server = null;
  let exitCode;
  let failure = null;
  const timer = { id: null };
  try {
    host.build();
    if (!fs.existsSync(SUITE)) throw new Error(`the build did not produce ${path.relative(ROOT, SUITE)}`);
    host.ensureHost();
    const workspace = host.copySamples();
    cleanups.push(() => fs.rmSync(workspace, { recursive: true, force: true }));

    let page = null;
    const probe = await startProbe(() => page);
    cleanups.push(() => new Promise((r) => probe.close(() => r())));
    const probeUrl = `http://127.0.0.1:${probe.address().port}`;

    server = await host.startCodeServer({
      quiet: !opts.verbose,
      env: { ALIPAY_TEST_PROBE: probeUrl, ALIPAY_TEST_GREP: opts.grep, ALIPAY_TEST_CONSOLE_MARK: CONSOLE_MARK },
    });
    cleanups.push(() => server.stop());

    const chromium = await host.launchChromium();
    cleanups.push(() => chromium.stop());
    const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();

    let lastProgress = Date.now();
    const done = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
      timer.id = setInterval(() => {
        if (Date.now() - lastProgress > opts.stallSec * 1000) resolve('stalled');
      }, 1000);
    });
    page.on('console', (msg) => {
      const text = extensionHostText(msg);
      if (text === null) {
        if (opts.verbose) process.stdout.write(`[workbench] ${msg.text()}\n`);
        return;
      }
      if (text.startsWith(PROGRESS_PREFIX)) {
        lastProgress = Date.now();
        try {
          Object.assign(live, JSON.parse(text.slice(PROGRESS_PREFIX.length)), { seen: true });
        } catch {
          /* malformed: the final __RESULT__ line still counts */
        }
        return;
      }
      if (text.startsWith(RESULT_PREFIX)) {
        try {
          counts = JSON.parse(text.slice(RESULT_PREFIX.length));
        } catch {
          /* malformed: treated as missing below */
        }
        return;
      }
      process.stdout.write(`${text}\n`);
    });
    page.on('pageerror', (e) => {
      if (opts.verbose) process.stdout.write(`[workbench error] ${e.message}\n`);
    });

    await page.goto(host.workbenchUrl(server.origin, {
      folder: workspace,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
    }));
    const outcome = await done;
    if (outcome === 'stalled') {
      failure = live.test
        ? `stuck: "${live.test}" made no progress for ${opts.stallSec} s`
        : live.seen ? `the suite made no progress for ${opts.stallSec} s (between tests)`
          : `the suite did not start within ${opts.stallSec} s`;
      // The stuck test counts as failed; the others keep their true outcome.
      counts = { passed: live.passed, failed: live.failed + (live.test ? 1 : 0), pending: live.pending };
      exitCode = 1;
    } else {
      exitCode = outcome;
    }
    if (exitCode !== 0 || !counts) {
      try {
        const file = await saveScreenshot(page, `integration-failure-${new Date().toISOString().replace(/[:.]/g, '-')}`);
        process.stdout.write(`Screenshot of the workbench: ${path.relative(ROOT, file)}\n`);
      } catch (e) {
        process.stdout.write(`(could not take a screenshot: ${e.message})\n`);
      }
    }
    if (!counts && !failure) {
      failure = 'the suite ended without reporting its results (did test/integration/index.ts load? rerun with --verbose)';
      if (opts.verbose) process.stdout.write(server.output().slice(-4000));
    }
  } catch (e) {
    failure = `could not set up or run the integration suite: ${e.message}`;
    exitCode = 1;
  } finally {
    clearInterval(timer.id);
    await cleanup();
  }
  if (interrupted) return;

  const passed = counts ? counts.passed : 0;
  let failed = counts ? counts.failed + (counts.pending || 0) : 0;
  if (failure || exitCode !== 0) {
    if (failed === 0) failed = 1; // never report a broken run as all green
    exitCode = exitCode || 1;
  }
  if (failure) {
    process.stderr.write(`\nIntegration tests FAILED: ${failure}\n`);
    if (CI && server) process.stderr.write(`--- code-server output (last lines) ---\n${server.output().slice(-4000)}\n`);
    else if (!CI) process.stderr.write('(This is a failure, not a skip: the suite must run. Rerun with --verbose for code-server and workbench output.)\n');
  }
  process.stderr.write(`(integration run took ${Math.round((Date.now() - t0) / 1000)} s)\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  writeSummary({ tests: passed + failed, passed, failed });
  process.exitCode = exitCode;
}

function writeSummary(s) {
  const file = process.env.ALIPAY_TEST_SUMMARY;
  if (file) fs.writeFileSync(file, JSON.stringify(s));
}

main().catch((e) => {
  process.stderr.write(`Integration tests FAILED: ${e.stack || e}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  writeSummary({ tests: 1, passed: 0, failed: 1 });
  process.exitCode = 1;
});
