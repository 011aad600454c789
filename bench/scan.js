// Scan throughput end to end, as a user runs it: `node cli.js scan FILE --json`
// (process start, worker threads and all, production bundles built with
// esbuild.js's options) against `LC_ALL=C grep -c -E` on the same file, in
// the same run, interleaved, best of 3 each. Two logs from test/support/logGen:
//   dense  — every line kind, 30 % of lines carry a code, status or gateway
//            URL; grep gets every catalog token + the gateway URL pattern.
//            Goal: at least 1.0x grep.
//   sparse — 5 % of lines carry one (production-like); grep gets a dozen codes.
//            Goal: at least 0.5x grep.
// Also checks the counts against what the generator wrote, and prints the
// scan's peak memory (maxRSS, worker threads included).
//   node bench/scan.js [MB]      (default 200)
'use strict';
require('tsx/cjs');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { scanTokens } = require('../src/core/logscan');
const { generateLog } = require('../test/support/logGen');
const { buildAsShipped, cliBuilds, scanWorkerBuild } = require('../test/support/shippedCli');
const { summary, loadLine } = require('./lib/summary');

const mb = Number(process.argv[2] || 200);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-scan-bench-'));
const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DENSE_PATTERN = [...scanTokens().map(esc), 'https?://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_./-]*(gateway\\.do|rest\\.htm)'].join('|');
const DOZEN = ['ILLEGAL_SIGN', 'ILLEGAL_PARTNER', 'TRADE_NOT_EXIST', 'SYSTEM_ERROR', 'HAS_NO_PRIVILEGE', 'SESSION_TIMEOUT', 'TRADE_SUCCESS', 'TRADE_CLOSED', 'WAIT_BUYER_PAY', 'TRADE_FINISHED', 'ACQ.TRADE_NOT_EXIST', 'isv.invalid-signature'];
const CASES = [
  { name: 'scan dense log', density: 0.3, pattern: DENSE_PATTERN, goal: 1.0, what: `every catalog token (${scanTokens().length}) + gateway URLs` },
  { name: 'scan sparse log', density: 0.05, pattern: DOZEN.map(esc).join('|'), goal: 0.5, what: 'a dozen codes' },
];

async function buildCli() {
  const out = path.join(dir, 'bin');
  // The CLI's bundles (dist/cli.js starts dist/cli-scan.js) and the scan worker, as esbuild.js builds them, minified.
  await buildAsShipped([...cliBuilds, scanWorkerBuild], out, { minify: true });
  // Prints the process's peak memory (threads included) when the CLI exits.
  fs.writeFileSync(path.join(out, 'rss.js'), "process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
  return out;
}

function time(fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  return [Number(process.hrtime.bigint() - t) / 1e9, r];
}

/**
 * What starting node costs here before any of our code runs, best of 3: a part
 * of every scan's time that grep does not pay. NODE_EXTRA_CA_CERTS (set on some
 * machines for a proxy) makes Node 20 parse its root certificates at every start.
 */
function nodeStart(env) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) best = Math.min(best, time(() => spawnSync(process.execPath, ['-e', '0'], { env }))[0]);
  return best;
}

function startLine() {
  const start = nodeStart(process.env);
  if (!process.env.NODE_EXTRA_CA_CERTS) return `node start (in every scan's time): ${(start * 1000).toFixed(0)} ms`;
  const bare = nodeStart(Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')));
  return `node start (in every scan's time): ${(start * 1000).toFixed(0)} ms with NODE_EXTRA_CA_CERTS set, as here; ${(bare * 1000).toFixed(0)} ms without it (not measured that way)`;
}

async function main() {
  const bin = await buildCli();
  console.log(startLine());
  for (const c of CASES) {
    const file = path.join(dir, `${c.density}.log`);
    const truth = generateLog(file, mb * 1024 * 1024, 7, c.density);
    const bytes = fs.statSync(file).size;
    const expected = [...truth.counts.values()].reduce((n, x) => n + x.count, 0);
    const best = { grep: Infinity, scan: Infinity };
    let grepLines = 0;
    let result;
    let maxRss = 0;
    for (let round = 0; round < 3; round++) {
      const [g, lines] = time(() => Number(execFileSync('grep', ['-c', '-E', c.pattern, file], { env: { ...process.env, LC_ALL: 'C' } }).toString().trim()));
      best.grep = Math.min(best.grep, g);
      grepLines = lines;
      const [s, r] = time(() => spawnSync(process.execPath, ['--require', path.join(bin, 'rss.js'), path.join(bin, 'cli.js'), 'scan', file, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
      if (r.status !== 0) throw new Error(`scan exited ${r.status}: ${r.stderr}`);
      best.scan = Math.min(best.scan, s);
      result = JSON.parse(r.stdout);
      maxRss = Math.max(maxRss, Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0));
    }
    const total = result.stats.reduce((n, s) => n + s.count, 0);
    if (total !== expected || result.lines !== truth.lines) throw new Error(`${c.name}: scan counted ${total} in ${result.lines} lines, the generator wrote ${expected} in ${truth.lines}`);
    const mbps = (s) => bytes / 1048576 / s;
    console.log(`${c.name}: ${(bytes / 1048576).toFixed(0)} MB, ${result.lines} lines, density ${c.density}; grep gets ${c.what}`);
    console.log(`  grep -c -E     : ${best.grep.toFixed(3)} s  ${mbps(best.grep).toFixed(0)} MB/s  (${grepLines} matching lines)`);
    console.log(`  alipay scan    : ${best.scan.toFixed(3)} s  ${mbps(best.scan).toFixed(0)} MB/s  (${total} occurrences = generator's; process start included; peak memory ${(maxRss / 1024).toFixed(0)} MB)`);
    console.log(`  ratio          : ${(best.grep / best.scan).toFixed(2)}x grep (goal >= ${c.goal}x); best of 3 interleaved rounds; ${loadLine()}`);
    summary({ name: c.name, figure: mbps(best.scan), unit: 'MB/s', anchor: mbps(best.grep), anchorName: 'LC_ALL=C grep -c -E', ratio: best.grep / best.scan, goal: c.goal, higherIsBetter: true });
    fs.rmSync(file, { force: true });
  }
}

main()
  .catch((e) => {
    console.error(e.stack || e.message);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
