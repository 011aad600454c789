// Response decoding: decodeResponse() on the 2,500-row (~1.5 MB) account
// statement against a bare fast-xml-parser parse of the same text, in the same
// run, alternating so load on the machine hits both alike. Goal: ≤ 1.5x bare.
//
//   node bench/decode.js [--runs N] [--preview]
//
// decodeResponse = one-pass XML reading (well-formedness checked as it reads, for line/column errors) + labelling
// every cell from the catalog + the signature content. --preview also runs the
// integration test that opens the same statement in the real preview
// (code-server + Chromium) and prints its first paint: decoding on the
// extension side, then postMessage → the webview's `rendered` reply, which it
// sends after the first animation frame with the content (goal < 500 ms).
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { XMLParser } = require('fast-xml-parser');
const { statementXml } = require('../scripts/gen-statement');
const { summary } = require('./lib/summary');

const ROOT = path.join(__dirname, '..');
const GOAL = 1.5;
const arg = (name) => process.argv.indexOf(name);
const RUNS = arg('--runs') > 0 ? Number(process.argv[arg('--runs') + 1]) : 15;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  // Inside the repo (out/ is git-ignored) so the bundle resolves node_modules.
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'bench-decode-'));
  try {
    const out = path.join(dir, 'response.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/core/response/index.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      logLevel: 'silent',
      external: ['fast-xml-parser', 'iconv-lite'], // the same library instance as the anchor
    });
    const { decodeResponse, MAX_RESPONSE_BYTES } = require(out);
    const xml = statementXml(2500);
    const bytes = Buffer.from(xml);
    const bare = new XMLParser();

    // Sanity: both read the 2,500 rows.
    const model = decodeResponse(bytes);
    const rows = bare.parse(xml).alipay.response.account_page_query_result.account_log_list.AccountQueryAccountLogVO.length;
    if (model.tables[0].rows.length !== 2500 || rows !== 2500) throw new Error('the statement was not read as 2,500 rows');

    for (let i = 0; i < 3; i++) {
      bare.parse(xml);
      decodeResponse(bytes);
    }
    const tBare = [];
    const tDecode = [];
    for (let i = 0; i < RUNS; i++) {
      let t = process.hrtime.bigint();
      bare.parse(xml);
      tBare.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      decodeResponse(bytes);
      tDecode.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const b = median(tBare);
    const d = median(tDecode);
    const ratio = d / b;
    console.log(`statement: 2,500 rows, ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${RUNS} runs (median)`);
    console.log(`  bare fast-xml-parser parse   ${b.toFixed(1)} ms`);
    console.log(`  decodeResponse (bytes→model) ${d.toFixed(1)} ms`);
    console.log(`  ratio ${ratio.toFixed(2)}x (goal ≤ ${GOAL}x) ${ratio <= GOAL ? 'OK' : 'OVER'}`);
    summary({ name: 'decode 2,500-row statement', figure: d, unit: 'ms', anchor: b, anchorName: 'bare fast-xml-parser parse', ratio, goal: GOAL, higherIsBetter: false });
    const maxMb = MAX_RESPONSE_BYTES / 1024 / 1024;
    console.log(`  throughput ${(bytes.length / 1024 / 1024 / (d / 1000)).toFixed(1)} MB/s → the ${maxMb} MB input bound decodes in ~${((maxMb * d * 1024 * 1024) / bytes.length / 1000).toFixed(2)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  if (arg('--preview') > 0) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/test-integration.js'), '--grep', '2,500-row statement', '--verbose'], { encoding: 'utf8' });
    const line = /preview first paint, 2,500-row statement: decode (\d+) ms, post→painted (\d+) ms \(of which webview render (\d+|undefined) ms\)/.exec(r.stdout + r.stderr);
    if (!line) {
      console.log('preview first paint: not measured (the integration host did not report it; see npm run test:integration)');
    } else {
      const total = Number(line[1]) + Number(line[2]);
      console.log(`preview first paint: decode ${line[1]} ms + post→painted ${line[2]} ms (webview render ${line[3]} ms, the rest transport) = ${total} ms (goal < 500 ms) ${total < 500 ? 'OK' : 'OVER'}`);
    }
  } else {
    console.log('preview first paint: run with --preview (opens the statement in the real preview via the integration host)');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
