// Local gateway emulator throughput: signed single_trade_query requests at
// concurrency 32 (autocannon), beside a bare node:http server that returns a
// fixed body, in the same run (rounds A-B-B-A). Goal: >= 0.4x bare.
//   node bench/gateway.js            (BENCH_SECONDS=8 per round; 2 rounds per server)
// Each server runs in its own child process; the load generator runs here, on
// the same cores. The goal is judged on each server's CPU time per request,
// read from the server process at the start and end of its timed rounds
// (start-up and set-up excluded): a server that is not the bottleneck (the load
// generator starved on a busy machine) still shows what it costs per request,
// so the ratio — bare µs/request ÷ emulator µs/request, the throughput ratio of
// two saturated single-threaded servers — does not drift with the machine's
// load. The req/s of the rounds are printed beside it.
// The emulator runs from an esbuild bundle of src/emulator built at start with
// esbuild.js's options: the code users run (the CLI and the extension ship
// bundles), not tsx's per-module wrappers.
'use strict';
const { spawn } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');
const { summary } = require('./lib/summary');

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const TRADES = 64;
const MD5_KEY = 'benchkey0123456789abcdefghijklmn';
const PARTNER = '2088101122136241';
const FIX = path.join(__dirname, '..', 'test', 'fixtures', 'emulator');

// ---- child modes -----------------------------------------------------------
/**
 * A server child prints `{port}` once listening, then one `{cpuMicros}` line
 * (its CPU time so far, µs) per SIGUSR2; on SIGTERM it exits.
 */
function reportCpu() {
  process.on('SIGUSR2', () => {
    const u = process.cpuUsage();
    process.stdout.write(JSON.stringify({ cpuMicros: u.user + u.system }) + '\n');
  });
  process.on('SIGTERM', () => process.exit(0));
}

function serveBare() {
  reportCpu();
  const body = Buffer.from('<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success></alipay>');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
}

/** src/emulator bundled as esbuild.js bundles it (minified, as `npm run package` ships it), in a temp dir. */
async function emulatorBundle() {
  const esbuild = require('esbuild');
  const fs = require('node:fs');
  const os = require('node:os');
  const { common } = require('../esbuild.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-bench-gateway-'));
  const outfile = path.join(dir, 'emulator.js');
  await esbuild.build({ ...common, entryPoints: [path.join(__dirname, '..', 'src', 'emulator', 'index.ts')], outfile, minify: !process.env.BENCH_PROF, sourcemap: false, logLevel: 'silent' });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return outfile;
}

async function serveEmulator() {
  reportCpu();
  const fs = require('node:fs');
  const { startGateway } = require(await emulatorBundle());
  await startGateway({
    config: {
      alipay: { privateKey: fs.readFileSync(path.join(FIX, 'alipay_private_key.pem'), 'utf8') },
      merchants: [{ partner: PARTNER, md5Key: MD5_KEY }],
    },
  }).then((gw) => process.stdout.write(JSON.stringify({ port: gw.port }) + '\n'));
}

// ---- driver ----------------------------------------------------------------
function signed(service, biz) {
  require('tsx/cjs');
  const { signParams } = require('../src/core/sign');
  const { serializeQuery } = require('../src/core/params');
  const params = [
    { name: 'service', value: service },
    { name: 'partner', value: PARTNER },
    { name: '_input_charset', value: 'utf-8' },
    ...Object.entries(biz).map(([name, value]) => ({ name, value })),
  ];
  return serializeQuery(signParams(params, 'MD5', { md5Key: MD5_KEY }, 'utf-8').params, 'utf-8');
}

function serve(mode) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []), path.join(__dirname, 'gateway.js'), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const waiters = [];
    let out = '';
    let started = false;
    child.stdout.on('data', (c) => {
      out += c;
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = JSON.parse(out.slice(0, nl));
        out = out.slice(nl + 1);
        if (!started) {
          started = true;
          resolve({ child, port: line.port, cpu, stop });
        } else waiters.shift()?.(line.cpuMicros);
      }
    });
    /** The child's CPU time so far (µs). */
    function cpu() {
      return new Promise((res) => {
        waiters.push(res);
        child.kill('SIGUSR2');
      });
    }
    function stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    }
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
  });
}

function fetchText(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let t = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (t += c));
      res.on('end', () => resolve(t));
    }).on('error', reject);
  });
}

function load(url, paths) {
  const autocannon = require('autocannon');
  return new Promise((resolve, reject) => {
    autocannon(
      // A fixed list of requests: autocannon builds each once and cycles through them.
      { url, connections: CONNECTIONS, duration: SECONDS, requests: paths.map((p) => ({ method: 'GET', path: p })) },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function main() {
  const bare = await serve('--serve-bare');
  let emu;
  let stopped = false;
  try {
    emu = await serve('--serve-emulator');
    const base = `http://127.0.0.1:${emu.port}`;
    const queries = [];
    for (let n = 0; n < TRADES; n++) {
      const page = await fetchText(`${base}/gateway.do?${signed('create_direct_pay_by_user', { out_trade_no: `BENCH-${n}`, subject: `商品 ${n}`, total_fee: '9.99', payment_type: '1', seller_id: PARTNER })}`);
      const tradeNo = /name="trade_no" value="(\d+)"/.exec(page)[1];
      queries.push(`/gateway.do?${signed('single_trade_query', { trade_no: tradeNo })}`);
    }
    const sample = await fetchText(base + queries[0]);
    if (!sample.includes('<is_success>T</is_success>') || !sample.includes('<sign>')) throw new Error('unexpected answer: ' + sample.slice(0, 200));

    // A-B-B-A order: a machine whose load drifts during the run biases neither side.
    const runs = { bare: [], emu: [] };
    const cpuMicros = { bare: 0, emu: 0 };
    for (const which of ['bare', 'emu', 'emu', 'bare']) {
      const server = which === 'bare' ? bare : emu;
      const before = await server.cpu();
      runs[which].push(which === 'bare' ? await load(`http://127.0.0.1:${bare.port}`, ['/gateway.do']) : await load(base, queries));
      cpuMicros[which] += (await server.cpu()) - before;
    }
    bare.stop();
    emu.stop();
    stopped = true;
    const merge = (rs) => ({
      requests: { average: rs.reduce((s, r) => s + r.requests.average, 0) / rs.length, total: rs.reduce((s, r) => s + r.requests.total, 0) },
      latency: { p50: Math.max(...rs.map((r) => r.latency.p50)), p99: Math.max(...rs.map((r) => r.latency.p99)) },
      errors: rs.reduce((s, r) => s + r.errors, 0),
      timeouts: rs.reduce((s, r) => s + r.timeouts, 0),
      non2xx: rs.reduce((s, r) => s + r.non2xx, 0),
    });
    const rBare = merge(runs.bare);
    const rEmu = merge(runs.emu);
    const bareRps = rBare.requests.average;
    const emuRps = rEmu.requests.average;
    const bad = (r) => r.errors + r.timeouts + r.non2xx;
    // Server CPU µs per request over the timed rounds only (what a saturated server can serve: 1e6 / µs per request).
    const bareUs = cpuMicros.bare / rBare.requests.total;
    const emuUs = cpuMicros.emu / rEmu.requests.total;
    const ratio = bareUs / emuUs;
    console.log(`gateway emulator bench — concurrency ${CONNECTIONS}, 2 x ${SECONDS}s each (order bare, emulator, emulator, bare), node ${process.version}, ${require('node:os').cpus().length} CPUs, load ${require('node:os').loadavg()[0].toFixed(1)}`);
    console.log(`  rounds req/s: bare ${runs.bare.map((r) => r.requests.average.toFixed(0)).join(', ')}; emulator ${runs.emu.map((r) => r.requests.average.toFixed(0)).join(', ')}`);
    console.log(`  bare node:http fixed body      ${bareRps.toFixed(0).padStart(7)} req/s   p50 ${rBare.latency.p50} ms  p99 ${rBare.latency.p99} ms  errors ${bad(rBare)}  server CPU ${bareUs.toFixed(1)} µs/req`);
    console.log(`  emulator single_trade_query    ${emuRps.toFixed(0).padStart(7)} req/s   p50 ${rEmu.latency.p50} ms  p99 ${rEmu.latency.p99} ms  errors ${bad(rEmu)}  server CPU ${emuUs.toFixed(1)} µs/req`);
    console.log(`  ratio emulator / bare, req/s as measured        ${(emuRps / bareRps).toFixed(2)}x   (the load generator shares the cores: drifts with load)`);
    console.log(`  ratio emulator / bare, server capacity (CPU)    ${ratio.toFixed(2)}x   (goal >= 0.40x)`);
    summary({ name: 'gateway single_trade_query (server capacity)', figure: 1e6 / emuUs, unit: 'req/s/core', anchor: 1e6 / bareUs, anchorName: 'bare node:http fixed body', ratio, goal: 0.4, higherIsBetter: true });
    // Errors are a failure of the run itself; a slow machine is not.
    if (bad(rEmu) !== 0) {
      console.error(`  the emulator answered ${bad(rEmu)} requests with errors, timeouts or non-2xx`);
      process.exitCode = 1;
    }
  } finally {
    if (!stopped) {
      bare.stop();
      emu?.stop();
    }
  }
}

if (process.argv[2] === '--serve-bare') serveBare();
else if (process.argv[2] === '--serve-emulator') {
  serveEmulator().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
