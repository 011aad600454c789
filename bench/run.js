// `npm run bench`: runs every bench/*.js except this one, one after another,
// each in its own process (so one benchmark's heap and JIT state do not skew the
// next), shows its output as it runs, and ends with one table built from the
// `SUMMARY {json}` lines the benches print (the contract: bench/lib/summary.js):
// benchmark, figure, anchor (measured in the same run, interleaved), ratio,
// goal, met, and the machine's load when each was measured.
//   node bench/run.js [name…]   (names without .js: run only those)
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const only = process.argv.slice(2);
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
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(x);
}

function table(rows) {
  const head = ['benchmark', 'figure', 'anchor', 'ratio', 'goal', 'met', 'load'];
  const body = rows.map((r) => [
    r.name,
    r.figure === undefined ? '' : `${num(r.figure)} ${r.unit ?? ''}`.trim(),
    r.anchor === undefined ? '' : `${num(r.anchor)} ${r.unit ?? ''} (${r.anchorName ?? ''})`.trim(),
    r.ratio === undefined ? '' : `${r.ratio}x`,
    r.goal ?? '',
    r.met === undefined ? (r.exitOk ? '(ran)' : 'FAILED') : r.met ? 'yes' : 'NO',
    r.load === undefined ? '' : String(r.load),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const fmt = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(fmt)].join('\n');
}

async function main() {
  const all = [];
  let failed = 0;
  for (const f of files) {
    console.log(`\n=== bench/${f} ===`);
    const { code, rows } = await run(f);
    all.push(...rows);
    if (code !== 0) {
      failed++;
      console.log(`bench/${f} exited with ${code}`);
    }
    // A bench without SUMMARY lines (not yet on the contract) gets a row saying whether it ran cleanly.
    if (rows.length === 0) all.push({ name: `${f}: no SUMMARY line (see its output above)`, exitOk: code === 0 });
  }
  console.log('\n=== summary ===');
  console.log(table(all));
  const goals = all.filter((r) => r.met !== undefined);
  const unmet = goals.filter((r) => !r.met).length;
  console.log(`${goals.length - unmet} of ${goals.length} goals met; machine load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs at the end (per row: load when measured)`);
  process.exitCode = failed ? 1 : 0;
}

void main();
