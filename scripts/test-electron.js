// npm run test:electron — the same suite (test/integration/) in desktop VS Code
// via @vscode/test-electron, for machines that can download VS Code
// (update.code.visualstudio.com). Headless boxes and CI use
// `npm run test:integration` (code-server) instead.
//
//   node scripts/test-electron.js [--grep <pattern>] [--version <x.y.z|stable|insiders>]
//
// Webview probe: VS Code is started with a DevTools port; playwright-core
// attaches to it over CDP and serves the same probe API as test-integration.js
// (ALIPAY_TEST_PROBE). This half has not been run here (no download access);
// if attaching fails, webview tests fail with the probe's message.
'use strict';

const fs = require('fs');
const path = require('path');
const { Writable } = require('stream');
const host = require('./vscode-host');
const { startProbe } = require('./webview-probe');

const ROOT = host.ROOT;
const SUITE = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const RESULT_PREFIX = '__RESULT__ ';

function parseArgs(argv) {
  const opts = { grep: '', version: process.env.ALIPAY_VSCODE_VERSION || 'stable' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') opts.grep = argv[++i] || '';
    else if (argv[i] === '--version') opts.version = argv[++i] || 'stable';
    else throw new Error(`unknown argument ${argv[i]} (expected --grep <pattern>, --version <x.y.z>)`);
  }
  return opts;
}

/** Passes VS Code's stdout through, taking the suite's result line out of it. */
function resultCatcher(onResult) {
  let pending = '';
  return new Writable({
    write(chunk, _enc, cb) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const at = line.indexOf(RESULT_PREFIX);
        if (at >= 0) {
          try {
            onResult(JSON.parse(line.slice(at + RESULT_PREFIX.length)));
          } catch {
            /* malformed: counted as missing */
          }
        } else process.stdout.write(`${line}\n`);
      }
      cb();
    },
  });
}

/** Attaches playwright-core to VS Code's DevTools port; retries until it answers or the deadline passes. */
async function attachOverCdp(port, onPage, isDone) {
  const { chromium } = require('playwright-core');
  const deadline = Date.now() + 120000;
  while (!isDone() && Date.now() < deadline) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      for (;;) {
        const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().includes('workbench'));
        if (page) return onPage(page, browser);
        if (isDone() || Date.now() > deadline) return undefined;
        await new Promise((r) => setTimeout(r, 200));
      }
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return undefined;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { runTests } = require('@vscode/test-electron');
  host.build();
  const workspace = host.copySamples();
  const cdpPort = await host.freePort();
  let page = null;
  let browser = null;
  let done = false;
  const probe = await startProbe(() => page);
  const probeUrl = `http://127.0.0.1:${probe.address().port}`;
  void attachOverCdp(cdpPort, (p, b) => { page = p; browser = b; }, () => done);

  let counts = null;
  let code = 0;
  try {
    await runTests({
      version: opts.version,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
        '--skip-release-notes', `--remote-debugging-port=${cdpPort}`],
      extensionTestsEnv: { ALIPAY_TEST_PROBE: probeUrl, ALIPAY_TEST_GREP: opts.grep },
      stdout: resultCatcher((r) => { counts = r; }),
    });
  } catch (e) {
    code = 1;
    if (!counts) {
      const offline = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(String(e && e.message));
      process.stderr.write(`Integration tests (desktop VS Code) FAILED: ${e.message || e}\n`
        + (offline ? 'VS Code could not be downloaded; without network use `npm run test:integration` (code-server).\n' : ''));
    }
  } finally {
    done = true;
    if (browser) await browser.close().catch(() => {});
    probe.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const passed = counts ? counts.passed : 0;
  let failed = counts ? counts.failed + (counts.pending || 0) : 0;
  if (code !== 0 && failed === 0) failed = 1;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = code;
}

main().catch((e) => {
  process.stderr.write(`Integration tests (desktop VS Code) FAILED: ${e.stack || e}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
