// `npm run bench`: runs every bench/*.js except this one, one after another,
// each in its own process (so one benchmark's heap and JIT state do not skew the
// next), shows its output as it runs, and ends with one table built from the
// `SUMMARY {json}` lines the benches print (the contract: bench/lib/summary.js):
// benchmark, figure, anchor (measured in the same run, interleaved), ratio,
// goal, met, and the machine's load when each was measured.
//   node bench/run.js [name…] [--runs N]   (names without .js: run only those)
// --runs N (npm run bench -- --runs 3) runs the whole set N times, one set after
// another, and the table shows per goal the median of the N runs, the spread of
// the ratio (min–max: the noise of this machine, at the loads shown) and how many
// runs met the goal; met = the median meets it. One run (the default) is ≈ 90 s.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`bench/run.js: --runs needs a whole number >= 1, got "${args[runsAt + 1] ?? ''}"`);
  process.exit(2);
}
const only = args.filter((a, i) => i !== runsAt && i !== runsAt + 1);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.js') && f !== 'run.js')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.js$/, '')))
  .sort();

function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const rows = [];
    let buffered = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buffered += d.toString('utf8');
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith('SUMMARY ')) {
          try {
            rows.push({ bench: file, ...JSON.parse(line.slice(8)) });
          } catch {
            rows.push({ bench: file, name: `(unreadable SUMMARY line in ${file})`, met: false });
          }
        }
      }
    });
    child.on('close', (code, signal) => resolve({ code: code ?? signal, rows }));
  });
}

function num(x) {
  if (typeof x !== 'number') return '';
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 100) / 100);
}

function table(rows, withSpread = false) {
  const head = ['benchmark', 'figure', 'anchor', 'ratio', ...(withSpread ? ['spread'] : []), 'goal', 'met', 'load'];
  const body = rows.map((r) => [
    r.name,
    r.figure === undefined ? '' : `${num(r.figure)} ${r.unit ?? ''}`.trim(),
    r.anchor === undefined ? '' : `${num(r.anchor)} ${r.unit ?? ''} (${r.anchorName ?? ''})`.trim(),
    r.ratio === undefined ? '' : `${r.ratio}x`,
    ...(withSpread ? [r.spread ?? ''] : []),
    r.goal ?? '',
    r.met === undefined ? (r.exitOk ? '(ran)' : 'FAILED') : r.met ? 'yes' : 'NO',
    r.load === undefined ? '' : String(r.load),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const fmt = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(fmt)].join('\n');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round2 = (x) => Math.round(x * 100) / 100;

/** Whether `ratio` meets a goal written as ">= 0.5x" / "<= 1.3x" (bench/lib/summary.js). */
function meets(ratio, goal) {
  const m = /^(>=|<=)\s*([\d.]+)x$/.exec(goal ?? '');
  if (!m) return undefined;
  return m[1] === '>=' ? ratio >= Number(m[2]) : ratio <= Number(m[2]);
}

/** One row per goal over N runs: medians, the ratio's min–max, runs that met the goal. */
function combine(rows) {
  const byName = new Map();
  for (const r of rows) {
    if (!byName.has(r.name)) byName.set(r.name, []);
    byName.get(r.name).push(r);
  }
  return [...byName.values()].map((rs) => {
    const first = rs[0];
    if (first.ratio === undefined) return { ...first, exitOk: rs.every((r) => r.exitOk) };
    const ratios = rs.map((r) => r.ratio);
    const ratio = round2(median(ratios));
    const met = meets(ratio, first.goal) ?? rs.filter((r) => r.met).length > rs.length / 2;
    const loads = rs.map((r) => r.load).filter((x) => typeof x === 'number');
    return {
      ...first,
      figure: median(rs.map((r) => r.figure)),
      anchor: median(rs.map((r) => r.anchor)),
      ratio,
      spread: `${round2(Math.min(...ratios))}–${round2(Math.max(...ratios))} (${rs.filter((r) => r.met).length}/${rs.length} met)`,
      met,
      load: loads.length ? `${Math.min(...loads)}–${Math.max(...loads)}` : undefined,
    };
  });
}

async function main() {
  const all = [];
  let failed = 0;
  for (let pass = 1; pass <= RUNS; pass++) {
    for (const f of files) {
      console.log(`\n=== bench/${f}${RUNS > 1 ? ` (run ${pass} of ${RUNS})` : ''} ===`);
      const { code, rows } = await run(f);
      all.push(...rows);
      if (code !== 0) {
        failed++;
        console.log(`bench/${f} exited with ${code}`);
      }
      // A bench without SUMMARY lines (not yet on the contract) gets a row saying whether it ran cleanly.
      if (rows.length === 0) all.push({ name: `${f}: no SUMMARY line (see its output above)`, exitOk: code === 0 });
    }
  }
  const rows = RUNS > 1 ? combine(all) : all;
  console.log('\n=== summary ===');
  console.log(table(rows, RUNS > 1));
  const goals = rows.filter((r) => r.met !== undefined);
  const unmet = goals.filter((r) => !r.met).length;
  console.log(`${goals.length - unmet} of ${goals.length} goals met; machine load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs at the end (per row: load when measured)`);
  if (RUNS > 1) console.log(`noise: each row is the median of ${RUNS} runs of the whole set; "spread" is the ratio's min–max over those runs and how many met the goal`);
  process.exitCode = failed ? 1 : 0;
}

void main();
