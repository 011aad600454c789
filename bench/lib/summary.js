// The contract between each benchmark and `npm run bench` (bench/run.js):
// a benchmark prints one line per goal it checks,
//
//   SUMMARY {"name":"…","figure":N,"unit":"…","anchor":N,"anchorName":"…","ratio":R,"goal":"…","met":true,"load":L}
//
//   name        what is measured (unique across benches)
//   figure      the product's number, in `unit` (ms, MB/s, µs, ops/s…)
//   anchor      the reference measured in the same process run, interleaved
//               with the figure, in the same unit; anchorName says what it is
//   ratio       the comparison the goal is stated in (e.g. figure/anchor)
//   goal        that goal as text ("<= 1.3x", ">= 0.5x")
//   met         whether ratio satisfies goal
//   load        os.loadavg()[0] when the measurement ended
//
// and keeps printing its human-readable lines as before. run.js collects the
// SUMMARY lines of every bench and ends with one table.
'use strict';
const os = require('node:os');

/** Prints one SUMMARY line; `higherIsBetter` says which way `goal` points (ratio >= goal or ratio <= goal). */
function summary({ name, figure, unit, anchor, anchorName, ratio, goal, higherIsBetter }) {
  const met = higherIsBetter ? ratio >= goal : ratio <= goal;
  const line = {
    name,
    figure: round(figure),
    unit,
    anchor: round(anchor),
    anchorName,
    ratio: Math.round(ratio * 100) / 100,
    goal: `${higherIsBetter ? '>=' : '<='} ${goal}x`,
    met,
    load: Math.round(os.loadavg()[0] * 10) / 10,
  };
  console.log('SUMMARY ' + JSON.stringify(line));
  return met;
}

function round(x) {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}

/** "load 1.9 2.3 2.1 on 2 CPUs" — every bench prints it. */
function loadLine() {
  return `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`;
}

module.exports = { summary, loadLine };
