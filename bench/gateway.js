// Local gateway emulator throughput: signed single_trade_query requests per
// second at concurrency 32 (autocannon), beside a bare node:http server that
// returns a fixed body, in the same run. Goal: >= 0.4x bare (a ratio: absolute
// req/s depend on the machine and its load, so they are printed, not judged).
//   node bench/gateway.js            (BENCH_SECONDS=8 per round; 2 rounds per server)
// Each server runs in its own child process; the load generator runs here.
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
/** On SIGTERM a server child prints the CPU time it used (µs) and exits: CPU per request is a figure a busy machine distorts less than req/s. */
function reportCpuOnExit() {
  process.on('SIGTERM', () => {
    const u = process.cpuUsage();
    process.stdout.write(JSON.stringify({ cpuMicros: u.user + u.system }) + '\n', () => process.exit(0));
  });
}

function serveBare() {
  reportCpuOnExit();
  const body = Buffer.from('<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success></alipay>');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
}

function serveEmulator() {
  reportCpuOnExit();
  require('tsx/cjs');
  const fs = require('node:fs');
  const { startGateway } = require('../src/emulator');
  startGateway({
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
    const child = spawn(process.execPath, [path.join(__dirname, 'gateway.js'), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = [];
    const waiters = [];
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(out.slice(0, nl)));
        out = out.slice(nl + 1);
        if (lines.length === 1) resolve({ child, port: lines[0].port, stop });
        while (waiters.length && lines.length > 1) waiters.shift()(lines[1]);
      }
    });
    /** Stops the child and returns the CPU time (µs) it used in total. */
    function stop() {
      return new Promise((res) => {
        waiters.push((l) => res(l.cpuMicros));
        child.kill('SIGTERM');
      });
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
  const emu = await serve('--serve-emulator');
  let stopped = false;
  try {
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
    for (const which of ['bare', 'emu', 'emu', 'bare']) {
      runs[which].push(which === 'bare' ? await load(`http://127.0.0.1:${bare.port}`, ['/gateway.do']) : await load(base, queries));
    }
    const bareCpu = await bare.stop();
    const emuCpu = await emu.stop();
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
    const ratio = emuRps / bareRps;
    const bad = (r) => r.errors + r.timeouts + r.non2xx;
    // CPU µs per request of each server process (start-up and the 64 set-up requests included for the emulator).
    const perReq = (cpu, r) => (cpu / r.requests.total).toFixed(0);
    console.log(`gateway emulator bench — concurrency ${CONNECTIONS}, 2 x ${SECONDS}s each (order bare, emulator, emulator, bare), node ${process.version}, ${require('node:os').cpus().length} CPUs, load ${require('node:os').loadavg()[0].toFixed(1)}`);
    console.log(`  rounds req/s: bare ${runs.bare.map((r) => r.requests.average.toFixed(0)).join(', ')}; emulator ${runs.emu.map((r) => r.requests.average.toFixed(0)).join(', ')}`);
    console.log(`  bare node:http fixed body      ${bareRps.toFixed(0).padStart(7)} req/s   p50 ${rBare.latency.p50} ms  p99 ${rBare.latency.p99} ms  errors ${bad(rBare)}  server CPU ${perReq(bareCpu, rBare)} µs/req`);
    console.log(`  emulator single_trade_query    ${emuRps.toFixed(0).padStart(7)} req/s   p50 ${rEmu.latency.p50} ms  p99 ${rEmu.latency.p99} ms  errors ${bad(rEmu)}  server CPU ${perReq(emuCpu, rEmu)} µs/req`);
    console.log(`  ratio emulator / bare          ${ratio.toFixed(2)}x   (goal >= 0.40x)`);
    summary({ name: 'gateway single_trade_query', figure: emuRps, unit: 'req/s', anchor: bareRps, anchorName: 'bare node:http fixed body', ratio, goal: 0.4, higherIsBetter: true });
    // Errors are a failure of the run itself; a slow machine is not.
    if (bad(rEmu) !== 0) {
      console.error(`  the emulator answered ${bad(rEmu)} requests with errors, timeouts or non-2xx`);
      process.exitCode = 1;
    }
  } finally {
    if (!stopped) {
      bare.child.kill();
      emu.child.kill();
    }
  }
}

if (process.argv[2] === '--serve-bare') serveBare();
else if (process.argv[2] === '--serve-emulator') serveEmulator();
else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
