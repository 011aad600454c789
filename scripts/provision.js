// npm test's first step: makes sure the tools the test stages drive are here,
// on a fresh machine, with no command but `npm ci` before it.
//
//   node scripts/provision.js [stage …]    (default: every stage's needs)
//
// Where each tool comes from, in order of preference:
//   - npm (devDependencies, so `npm ci` already brought it): PHP as WebAssembly
//     (@php-wasm/cli via scripts/php.mjs; test/snippets/toolchains.ts), the VS Code test
//     host (code-server + Node 24 + playwright-core, into .vscode-test/host).
//   - Debian packages, installed here when running as root (apt-get update
//     first): go (golang-go), chromium, openssl.
//   - otherwise one line naming the exact command to run, and exit 1.
// Prints what it installed and how much was downloaded; the first VS Code host
// install (~800 MB) is announced before it starts.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Debian packages by the command that proves them; `stages` says who needs them. */
const DEBIAN = [
  { name: 'openssl', pkg: 'openssl', present: () => onPath('openssl'), stages: ['node'] },
  { name: 'python3', pkg: 'python3 python3-cryptography', present: () => probe('python3', ['-c', 'import cryptography']), stages: ['node'] },
  { name: 'java', pkg: 'default-jdk-headless', present: () => onPath('javac') && onPath('java'), stages: ['node'] },
  { name: 'go', pkg: 'golang-go', present: () => onPath('go'), stages: ['node'] },
  { name: 'chromium', pkg: 'chromium', present: () => fs.existsSync('/usr/bin/chromium'), stages: ['vscode'] },
];

const say = (msg) => process.stdout.write(`[provision] ${msg}\n`);

function probe(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function fail(msg) {
  process.stderr.write(`[provision] ${msg}\n`);
  process.exit(1);
}

/** apt-get update + install; returns the "Need to get …" size apt reported. */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  say(`apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`);
  const up = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (up.status !== 0) fail(`apt-get update failed (exit ${up.status}); run it by hand and retry`);
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(r.stdout.slice(-3000) + r.stderr.slice(-3000));
    fail(`apt-get install ${packages.join(' ')} failed (exit ${r.status})`);
  }
  const m = /Need to get ([\d.,]+ [kMG]?B)/.exec(r.stdout);
  return m ? m[1] : 'nothing (already in apt cache)';
}

function duMegabytes(dir) {
  const r = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split(/\s/)[0]) : NaN;
}

/** PHP compiled to WebAssembly, from devDependencies: proves it runs and has what the snippets use. */
function checkPhp() {
  const code = 'foreach (["openssl","simplexml","iconv","mbstring"] as $e) if (!extension_loaded($e)) { echo "missing extension $e"; exit(1); } echo PHP_VERSION;';
  const r = spawnSync(process.execPath, [path.join(__dirname, 'php.mjs'), '-r', code], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = `${r.stdout || ''}${r.stderr || ''}`.trim().split('\n').pop() || String(r.error);
    fail(`PHP from npm (@php-wasm/cli) does not run (${why}): run npm ci`);
  }
  return r.stdout.trim();
}

function main() {
  const stages = process.argv.slice(2);
  const wants = (s) => stages.length === 0 || stages.includes(s);
  const installed = [];

  if (wants('node')) say(`php ${checkPhp()} (WebAssembly, from npm: @php-wasm/cli)`);

  const missing = DEBIAN.filter((t) => t.stages.some(wants) && !t.present());
  if (missing.length) {
    const pkgs = missing.flatMap((t) => t.pkg.split(' '));
    if (!isRoot()) fail(`missing ${missing.map((t) => t.name).join(', ')}: run sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`);
    const got = aptInstall(pkgs);
    const still = missing.filter((t) => !t.present());
    if (still.length) fail(`apt-get installed ${pkgs.join(' ')} but ${still.map((t) => t.name).join(', ')} still does not work`);
    installed.push(`Debian packages ${pkgs.join(', ')} (downloaded ${got})`);
  }

  if (wants('vscode')) {
    const host = require('./vscode-host');
    if (!host.isInstalled()) {
      say('installing the VS Code test host into .vscode-test/host: code-server, Node 24 and playwright-core from npm, about 800 MB — once per machine');
      host.ensureHost();
      installed.push(`VS Code test host (${duMegabytes(host.HOST_DIR)} MB on disk in .vscode-test/host)`);
    }
  }

  say(installed.length ? `installed: ${installed.join('; ')}` : 'everything the tests need is already here (nothing installed, nothing downloaded)');
}

main();
