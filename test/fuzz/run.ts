// `npm run fuzz`: the unit-stage fuzz targets for longer, with time budgets.
// Each target runs until it has seen --min inputs (default 100,000) or its
// --budget seconds (default 120) are spent, in chunks with fresh seeds; it
// prints inputs/s and the first counterexample, if any, shrunk by fast-check.
//   npm run fuzz [-- --min N] [--budget S] [--only NAME] [--seed N]
// Exit 1 when anything was found: an uncaught exception, a multi-line
// message or a raw control character.
import fc from 'fast-check';
import { TARGETS } from './targets';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MIN = arg('--min', 100_000);
const BUDGET_S = arg('--budget', 120);
const SEED = arg('--seed', Date.now() % 2 ** 31);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const CHUNK = 5_000;

interface Result {
  target: string;
  inputs: number;
  seconds: number;
  perSecond: number;
  findings: number;
  counterexample?: string;
  error?: string;
}

const results: Result[] = [];
console.log(`fuzz: seed ${SEED}, at least ${MIN.toLocaleString('en')} inputs or ${BUDGET_S} s per target`);
for (const t of TARGETS) {
  if (only && !t.name.includes(only)) continue;
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
  let inputs = 0;
  let chunk = 0;
  const r: Result = { target: t.name, inputs: 0, seconds: 0, perSecond: 0, findings: 0 };
  while (inputs < MIN && elapsed() < BUDGET_S) {
    const left = Math.max(0.5, BUDGET_S - elapsed());
    const out = fc.check(fc.property(t.input, (x) => t.run(x)), { seed: SEED + chunk++, numRuns: Math.min(CHUNK, MIN - inputs), interruptAfterTimeLimit: left * 1000, markInterruptAsFailure: false });
    inputs += out.numRuns;
    if (out.failed) {
      r.findings++;
      r.counterexample = JSON.stringify(out.counterexample);
      r.error = String(out.errorInstance);
      break;
    }
  }
  r.inputs = inputs;
  r.seconds = Number(elapsed().toFixed(1));
  r.perSecond = Math.round(inputs / elapsed());
  results.push(r);
  const status = r.findings ? 'FOUND' : inputs >= MIN ? 'OK' : 'OK (budget spent before the minimum)';
  console.log(`  ${t.name.padEnd(46)} ${inputs.toLocaleString('en').padStart(9)} inputs  ${r.perSecond.toLocaleString('en').padStart(7)} inputs/s  ${String(r.findings)} findings  ${status}`);
  if (r.findings) console.log(`    ${r.error}\n    counterexample: ${r.counterexample}`);
}
const found = results.reduce((n, r) => n + r.findings, 0);
console.log(`uncaught exceptions, multi-line messages, raw control characters: ${found}`);
console.log('FUZZ ' + JSON.stringify({ seed: SEED, results }));
process.exitCode = found ? 1 : 0;
