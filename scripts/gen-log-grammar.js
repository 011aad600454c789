// Rebuilds the code lists of syntaxes/alipay-log.injection.tmLanguage.json from
// the catalog, so the log grammar highlights exactly what `scan` counts.
//   node scripts/gen-log-grammar.js          rewrite the grammar
//   node scripts/gen-log-grammar.js --check  exit 1 when it is out of date
'use strict';

require('tsx/cjs');
const fs = require('fs');
const path = require('path');
const { scanTable } = require('../src/core/logscan');

const FILE = path.join(__dirname, '..', 'syntaxes', 'alipay-log.injection.tmLanguage.json');

/** Longest first, so an alternation never stops at a prefix of a longer code. */
function alternation(tokens) {
  const sorted = [...tokens].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function build(grammar) {
  const errors = [];
  const statuses = [];
  for (const [token, kind] of scanTable()) (kind === 'status' ? statuses : errors).push(token);
  const out = JSON.parse(JSON.stringify(grammar));
  // OpenAPI sub-codes contain "-", so error codes also refuse a neighbouring "-".
  out.repository['error-code'].match = `(?<![A-Za-z0-9_-])(?:${alternation(errors)})(?![A-Za-z0-9_-])`;
  out.repository['trade-status'].match = `(?<![A-Za-z0-9_])(?:${alternation(statuses)})(?![A-Za-z0-9_])`;
  return JSON.stringify(out, null, 2) + '\n';
}

const current = fs.readFileSync(FILE, 'utf8');
const next = build(JSON.parse(current));
if (process.argv.includes('--check')) {
  if (next !== current) {
    process.stderr.write('syntaxes/alipay-log.injection.tmLanguage.json is out of date: run node scripts/gen-log-grammar.js\n');
    process.exit(1);
  }
} else if (next !== current) {
  fs.writeFileSync(FILE, next);
  process.stdout.write('updated syntaxes/alipay-log.injection.tmLanguage.json\n');
}
