// npm test — every check this project has, in order, then one table:
//
//   node scripts/test-stages.js [stage …]     (default: all; e.g. `npm test -- unit node`)
//
//   provision  scripts/provision.js: the tools the chosen stages need (PHP from
//              npm, Go/Chromium from Debian as root, the VS Code test host)
//   typecheck  tsc --noEmit
//   lint       eslint
//   unit       test/unit: in-process only, fast (budget 60 s on 2 cores)
//   node       test/node: CLI processes, the emulator over loopback, openssl /
//              python / snippet toolchains, large generated files
//   vscode     test/integration inside a real VS Code (scripts/test-integration.js)
//
// Every stage runs even when an earlier one failed, so the table is complete;
// the exit code is 1 if any stage failed. Budgets are reported, never asserted
// (timings depend on the machine's load, printed under the table).
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

const STAGES = [
  { name: 'provision', script: 'provision' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit', budget: 60, mocha: true },
  { name: 'node', script: 'test:node', budget: 300, mocha: true },
  { name: 'vscode', script: 'test:vscode', budget: 240 },
];

function parseArgs(argv) {
  const known = STAGES.map((s) => s.name);
  for (const a of argv) {
    if (!known.includes(a)) {
      process.stderr.write(`test-stages: unknown stage "${a}" (stages: ${known.join(', ')})\n`);
      process.exit(2);
    }
  }
  // Provisioning always comes first, for just the stages asked for.
  return argv.length ? STAGES.filter((s) => s.name === 'provision' || argv.includes(s.name)) : STAGES;
}

function runStage(stage, summaryFile, names) {
  const args = ['run', '--silent', stage.script];
  if (stage.name === 'provision') args.push('--', ...names);
  // Mocha stages report through scripts/stage-reporter.js (spec output + counts file).
  if (stage.mocha) args.push('--', '--reporter', path.join(__dirname, 'stage-reporter.js'));
  process.stdout.write(`\n=== ${stage.name}: npm run ${stage.script} ===\n`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const env = { ...process.env, ALIPAY_TEST_SUMMARY: summaryFile };
    // Node 20 parses NODE_EXTRA_CA_CERTS (set on some machines for a proxy) at every process
    // start, ~80 ms here; the test stages start hundreds of processes and talk only to
    // 127.0.0.1, so only provisioning (which downloads) keeps it.
    if (stage.name !== 'provision') delete env.NODE_EXTRA_CA_CERTS;
    const child = spawn('npm', args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', (e) => resolve({ code: 1, seconds: (Date.now() - t0) / 1000, error: e.message }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), seconds: (Date.now() - t0) / 1000 }));
  });
}

function readSummary(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function table(rows) {
  const head = ['stage', 'result', 'tests', 'seconds', 'budget'];
  const body = rows.map((r) => [
    r.name,
    r.skipped ? 'not run' : r.code === 0 ? 'ok' : 'FAILED',
    r.summary ? (r.summary.failed ? `${r.summary.passed}/${r.summary.tests}` : String(r.summary.tests)) : '—',
    r.seconds.toFixed(1),
    r.budget ? `${r.budget}${r.seconds > r.budget ? ' (over)' : ''}` : '—',
  ]);
  const total = rows.reduce((a, r) => a + r.seconds, 0);
  const tests = rows.reduce((a, r) => a + (r.summary ? r.summary.tests : 0), 0);
  body.push(['total', rows.every((r) => r.code === 0) ? 'ok' : 'FAILED', String(tests), total.toFixed(1), '—']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const stages = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-stages-'));
  const rows = [];
  try {
    for (const stage of stages) {
      const summaryFile = path.join(tmp, `${stage.name}.json`);
      const r = await runStage(stage, summaryFile, stages.map((s) => s.name));
      if (r.error) process.stderr.write(`test-stages: could not start npm run ${stage.script}: ${r.error}\n`);
      rows.push({ ...stage, ...r, summary: readSummary(summaryFile) });
      if (stage.name === 'provision' && r.code !== 0) {
        // Without the tools the stages would only fail for the same reason, at length.
        for (const rest of stages.slice(1)) rows.push({ ...rest, code: 1, seconds: 0, summary: null, skipped: true });
        break;
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const load = os.loadavg().map((x) => x.toFixed(2)).join(', ');
  process.stdout.write(`\n${table(rows)}\n(budgets are reported, not enforced; ${os.cpus().length} cores, load average ${load})\n`);
  const provision = rows.find((r) => r.name === 'provision');
  if (provision && provision.code !== 0) process.stderr.write('\nProvisioning failed (see the [provision] line above), so no stage ran.\n');
  const failed = rows.filter((r) => r.code !== 0).map((r) => r.name);
  if (failed.length) process.stderr.write(`\nnpm test FAILED: ${failed.join(', ')}\n`);
  // The plain closing line CI reads: every stage's tests added up.
  const count = (key) => rows.reduce((a, r) => a + (r.summary ? r.summary[key] ?? 0 : 0), 0);
  process.stdout.write(`${count('passed')} passed, ${count('failed')} failed\n`);
  process.exitCode = failed.length ? 1 : 0;
}

void main();
