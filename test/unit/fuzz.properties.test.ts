// Property-based hardening (issue #12): every parser and the hover text take
// hostile input without an uncaught exception, and everything a person would
// read is one line with no raw control or bidi character. Fixed seed and run
// count, so coverage does not depend on the machine; `npm run fuzz` runs the
// same targets for ≥ 100,000 inputs each.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TARGETS } from '../fuzz/targets';

const SEED = 20261130;
const RUNS = 300;
// Key loading goes through OpenSSL for every form it tries (~10 ms an input): fewer runs keep the unit stage fast.
const runsFor = (name: string) => (name.startsWith('key loading') ? 60 : RUNS);

describe('fuzz properties (fixed seed)', () => {
  for (const t of TARGETS) {
    const runs = runsFor(t.name);
    it(`${t.name}: ${runs} hostile inputs, no uncaught exception, one clean line per message`, () => {
      const r = fc.check(fc.property(t.input, (x) => t.run(x)), { seed: SEED, numRuns: runs });
      assert.ok(!r.failed, r.failed ? `${String(r.errorInstance)}\ncounterexample: ${JSON.stringify(r.counterexample)}` : '');
      assert.equal(r.numRuns, runs);
    });
  }
});
