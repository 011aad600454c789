// Mocha reporter for the test stages: mocha's own `spec` output, plus the
// counts written as JSON to $ALIPAY_TEST_SUMMARY when set (read by
// scripts/test-stages.js for its table). Also names the slowest tests, so a
// stage drifting past its budget says where the time went.
'use strict';

const fs = require('fs');
const Mocha = require('mocha');

const SLOWEST = 5;

class StageReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const durations = [];
    runner.on('pass', (t) => durations.push([t.duration || 0, t.fullTitle()]));
    runner.once('end', () => {
      const s = this.stats;
      durations.sort((a, b) => b[0] - a[0]);
      const slow = durations.slice(0, SLOWEST).filter(([ms]) => ms >= 1000);
      if (slow.length) {
        process.stdout.write('  Slowest tests:\n');
        for (const [ms, title] of slow) process.stdout.write(`    ${(ms / 1000).toFixed(1).padStart(6)} s  ${title}\n`);
        process.stdout.write('\n');
      }
      const file = process.env.ALIPAY_TEST_SUMMARY;
      if (file) {
        fs.writeFileSync(file, JSON.stringify({
          tests: s.passes + s.failures + s.pending,
          passed: s.passes,
          failed: s.failures,
          pending: s.pending,
        }));
      }
    });
  }
}

module.exports = StageReporter;
