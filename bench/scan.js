// Scan throughput: `alipay-toolkit scan`'s core (src/core/logscan.ts) vs
// `LC_ALL=C grep -c -E '<the same codes>'` on the same generated log, in the
// same run. Goal: at least 0.5x grep. Usage: node bench/scan.js [MB] [density]
//   density: share of lines carrying a code/status/URL (default 0.3 = a dense
//   payment-service log; 0.02 is closer to a general application log).
require('tsx/cjs');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { scanFile, scanTokens } = require('../src/core/logscan');
const { generateLog } = require('../test/support/logGen');

const mb = Number(process.argv[2] || 200);
const density = Number(process.argv[3] || 0.3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-scan-bench-'));
const file = path.join(dir, 'bench.log');

async function main() {
  const truth = generateLog(file, mb * 1024 * 1024, 7, density);
  const bytes = fs.statSync(file).size;
  const pattern = [...scanTokens().map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'https?://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_./-]*(gateway\\.do|rest\\.htm)'].join('|');
  const best = { grep: Infinity, scan: Infinity };
  let grepLines = 0;
  let summary;
  for (let round = 0; round < 3; round++) {
    let t = process.hrtime.bigint();
    grepLines = Number(execFileSync('grep', ['-c', '-E', pattern, file], { env: { ...process.env, LC_ALL: 'C' } }).toString().trim());
    best.grep = Math.min(best.grep, Number(process.hrtime.bigint() - t) / 1e9);
    t = process.hrtime.bigint();
    summary = await scanFile(file);
    best.scan = Math.min(best.scan, Number(process.hrtime.bigint() - t) / 1e9);
  }
  const total = summary.stats.reduce((n, s) => n + s.count, 0);
  const expected = [...truth.counts.values()].reduce((n, c) => n + c.count, 0);
  const mbps = (s) => (bytes / 1048576 / s).toFixed(0);
  console.log(`file: ${(bytes / 1048576).toFixed(0)} MB, ${summary.lines} lines, density ${density}, ${scanTokens().length} tokens + gateway URLs`);
  console.log(`grep -c -E : ${best.grep.toFixed(3)} s  ${mbps(best.grep)} MB/s  (${grepLines} matching lines)`);
  console.log(`logscan    : ${best.scan.toFixed(3)} s  ${mbps(best.scan)} MB/s  (${total} occurrences, generator wrote ${expected})`);
  console.log(`ratio      : ${(best.grep / best.scan).toFixed(2)}x grep (goal >= 0.5x); best of 3 rounds`);
  console.log(`host load  : ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
}

main().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
