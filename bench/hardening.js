// Issue #12 bounds, measured:
//  1. decode time against input size, flat statements and wide "table bomb"
//     lists (1k, 10k, 100k distinct columns): time(10x)/time(1x) <= 12;
//  2. the 10,000-column case (228 KB) through the CLI (`decode`, a real
//     process): wall time < 3 s and peak RSS < 400 MB;
//  3. the emulator answering a valid query while another connection posts a
//     100,000-parameter body: query latency < 100 ms (median and worst).
//
//   node bench/hardening.js [--runs N]
// Prints SUMMARY lines (bench/lib/summary.js) for bench/run.js.
'use strict';
const esbuild = require('esbuild');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { URLSearchParams } = require('node:url');
const { spawn, spawnSync } = require('node:child_process');
const { statementXml } = require('../scripts/gen-statement');
const { summary } = require('./lib/summary');

const ROOT = path.join(__dirname, '..');
const arg = (name) => process.argv.indexOf(name);
const RUNS = arg('--runs') > 0 ? Number(process.argv[arg('--runs') + 1]) : 5;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bomb(columns) {
  const parts = [];
  for (let i = 0; i < columns; i++) parts.push(`<R><c${i}>v</c${i}></R>`);
  return `<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success><response><r><list>${parts.join('')}</list></r></response></alipay>`;
}

async function bundle(dir, entry, name) {
  const out = path.join(dir, name);
  await esbuild.build({ entryPoints: [path.join(ROOT, entry)], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  return out;
}

function timeDecode(decodeResponse, bytes) {
  const ts = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    decodeResponse(bytes);
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ts);
}

function decodeScaling(decodeResponse) {
  console.log(`decode time against input size (median of ${RUNS})`);
  const rows = [];
  const series = [
    ['flat statement', [300, 3000], (n) => statementXml(n), 'rows'],
    ['wide table', [1000, 10000, 100000], bomb, 'distinct columns'],
  ];
  for (const [name, sizes, make, unit] of series) {
    let prev;
    for (const n of sizes) {
      const bytes = Buffer.from(make(n));
      decodeResponse(bytes); // warm
      const ms = timeDecode(decodeResponse, bytes);
      const line = `  ${name.padEnd(15)} ${n.toLocaleString('en').padStart(7)} ${unit.padEnd(16)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  ${ms.toFixed(1).padStart(8)} ms`;
      if (prev) {
        const ratio = ms / prev.ms;
        console.log(`${line}   ×${(n / prev.n).toFixed(0)} input → ×${ratio.toFixed(1)} time`);
        summary({ name: `decode ${name} ${prev.n}→${n}`, figure: ms, unit: 'ms', anchor: prev.ms, anchorName: `${prev.n} ${unit}`, ratio, goal: 12, higherIsBetter: false });
      } else console.log(line);
      prev = { n, ms };
      rows.push({ name, n, ms });
    }
  }
  return rows;
}

function cliDecode(dir, cli) {
  const file = path.join(dir, 'bomb-10000.xml');
  fs.writeFileSync(file, bomb(10000));
  const hook = path.join(dir, 'maxrss.js');
  fs.writeFileSync(hook, "process.on('exit', () => require('fs').writeSync(2, 'MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
  const walls = [];
  let rss = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', hook, cli, 'decode', file], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    walls.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error('decode failed: ' + r.stderr);
    rss = Math.max(rss, Number(/MAXRSS (\d+)/.exec(r.stderr)[1]) / 1024);
  }
  const wall = median(walls);
  console.log(`CLI decode of the 10,000-column list (${(fs.statSync(file).size / 1024).toFixed(0)} KB): ${wall.toFixed(0)} ms wall (goal < 3000), peak RSS ${rss.toFixed(0)} MB (goal < 400)`);
  summary({ name: 'CLI decode 10k-column list: wall', figure: wall, unit: 'ms', anchor: 3000, anchorName: 'goal', ratio: wall / 3000, goal: 1, higherIsBetter: false });
  summary({ name: 'CLI decode 10k-column list: peak RSS', figure: rss, unit: 'MB', anchor: 400, anchorName: 'goal', ratio: rss / 400, goal: 1, higherIsBetter: false });
}

function post(url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

async function emulatorUnderLoad(dir, emu) {
  // The emulator in its own process, as `alipay-toolkit gateway` runs it: a stall there cannot hide in our event loop.
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(emu)}).startGateway({ port: 0, keyDir: ${JSON.stringify(path.join(dir, 'emu'))} }).then((g) => console.log(JSON.stringify({ url: g.url, partner: g.merchants[0].partner, md5: g.merchants[0].keyFiles.md5Key })))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const info = await new Promise((resolve) => child.stdout.once('data', (c) => resolve(JSON.parse(String(c)))));
    const key = fs.readFileSync(info.md5, 'utf8').trim();
    const params = { service: 'single_trade_query', partner: info.partner, _input_charset: 'utf-8', out_trade_no: 'BENCH-1' };
    const presign = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('&');
    const sign = crypto.createHash('md5').update(presign + key, 'utf8').digest('hex');
    const query = `${info.url}?${new URLSearchParams({ ...params, sign, sign_type: 'MD5' })}`;
    const pairs = [];
    for (let i = 0; i < 100000; i++) pairs.push(`p${i}=${i % 10}`);
    const bombBody = pairs.join('&');
    const answer = await get(query);
    if (!/TRADE_NOT_EXIST/.test(answer)) throw new Error('unexpected answer: ' + answer);
    const lat = [];
    for (let i = 0; i < 20; i++) {
      const bombing = post(info.url, bombBody);
      await new Promise((r) => setTimeout(r, 2)); // the big body is on its way
      const t = process.hrtime.bigint();
      await get(query);
      lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      await bombing;
    }
    const med = median(lat);
    const worst = Math.max(...lat);
    console.log(`emulator: valid query while another connection posts a 100,000-parameter body (${(bombBody.length / 1024).toFixed(0)} KB), 20 rounds: median ${med.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (goal < 100)`);
    summary({ name: 'emulator query under a 100,000-parameter post (median)', figure: med, unit: 'ms', anchor: 100, anchorName: 'goal', ratio: med / 100, goal: 1, higherIsBetter: false });
    summary({ name: 'emulator query under a 100,000-parameter post (worst)', figure: worst, unit: 'ms', anchor: 100, anchorName: 'goal', ratio: worst / 100, goal: 1, higherIsBetter: false });
  } finally {
    child.kill();
  }
}

async function main() {
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'out', 'bench-hardening-'));
  try {
    const { decodeResponse } = require(await bundle(dir, 'src/core/response/index.ts', 'response.js'));
    decodeScaling(decodeResponse);
    cliDecode(dir, await bundle(dir, 'src/cli.ts', 'cli.js'));
    await emulatorUnderLoad(dir, await bundle(dir, 'src/emulator/index.ts', 'emulator.js'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
