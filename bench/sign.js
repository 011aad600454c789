// Signing throughput of src/core/sign.ts beside its anchors, in one run:
//   MD5 of a 12-parameter request  vs raw node:crypto md5 of the already-built string  (goal >= 0.5)
//   RSA2-2048                      vs raw crypto.createSign with a cached KeyObject     (goal >= 0.9)
//   RSA2-2048                      vs the official alipay-sdk's sign()                  (goal >= 3x)
//   GBK vs UTF-8 (MD5, Chinese values)                                                   (figure only)
// Loads the TypeScript sources through tsx (what the tests run), so the figures
// are for the code in src/, not a stale bundle.  Usage: node bench/sign.js
//   BENCH_MS=1500: time per measured function, in alternating 25 ms slices.
'use strict';
require('tsx/cjs');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { signParams, presignString } = require('../src/core/sign');
const { summary } = require('./lib/summary');

const MS = Number(process.env.BENCH_MS || 1500);
const WARM_MS = Number(process.env.BENCH_WARM_MS || 500);
const KEYS = path.join(__dirname, '..', 'test', 'fixtures', 'keys');
const PEM = fs.readFileSync(path.join(KEYS, 'rsa2048-pkcs1.pem'), 'utf8');
const MD5_KEY = 'abcdefghijklmnopqrstuvwxyz012345';

/** A typical 12-parameter create_direct_pay_by_user request. */
function request(subject, body) {
  return Object.entries({
    service: 'create_direct_pay_by_user',
    partner: '2088101122136241',
    _input_charset: 'utf-8',
    notify_url: 'https://merchant.example.com/alipay/notify',
    return_url: 'https://merchant.example.com/alipay/return',
    out_trade_no: '20260101120000123456',
    subject,
    payment_type: '1',
    total_fee: '88.00',
    seller_id: '2088101122136241',
    body,
    it_b_pay: '30m',
  }).map(([name, value]) => ({ name, value }));
}

/**
 * Operations per second of each function, measured in alternating ~25 ms slices
 * for MS milliseconds each after a warm-up: on a busy machine both sides see
 * the same load, so the ratio holds even when the absolute figures wobble.
 */
function measure(...fns) {
  // Warm-up long enough for the optimising compiler to finish (it runs on a
  // background thread, which a loaded machine starves).
  for (const fn of fns) {
    const until = Date.now() + WARM_MS;
    while (Date.now() < until) fn();
  }
  const counts = fns.map(() => 0);
  const times = fns.map(() => 0n);
  const slice = 25000000n; // 25 ms
  const rounds = Math.max(4, Math.round(MS / 25));
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const start = process.hrtime.bigint();
      const end = start + slice;
      let now = start;
      let n = 0;
      while (now < end) {
        fn();
        fn();
        fn();
        fn();
        n += 4;
        now = process.hrtime.bigint();
      }
      counts[k] += n;
      times[k] += now - start;
    });
  }
  return counts.map((n, k) => n / (Number(times[k]) / 1e9));
}

const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(11);
const line = (label, ops) => console.log(`  ${label.padEnd(52)} ${fmt(ops)} signatures/s`);
function ratio(label, value, goal, higherIsBetter = true) {
  const ok = goal === undefined ? '' : higherIsBetter ? (value >= goal ? `  (goal >= ${goal}: met)` : `  (goal >= ${goal}: NOT met)`) : '';
  console.log(`  ${label.padEnd(52)} ${value.toFixed(2).padStart(11)}x${ok}`);
}

function loadSdkSign() {
  // The SDK's package "exports" hide util.js; its file is loaded by path.
  const file = path.join(path.dirname(require.resolve('alipay-sdk/package.json')), 'dist', 'commonjs', 'util.js');
  return require(file).sign;
}

function main() {
  const load = os.loadavg()[0].toFixed(1);
  console.log(`bench/sign.js — node ${process.version}, ${os.cpus().length} CPUs, load average ${load}, ${MS} ms per measured function`);
  if (Number(load) > os.cpus().length) console.log('  (the machine is busy: absolute figures are low; the interleaved ratios are the figures to read)');

  // --- MD5 ---------------------------------------------------------------
  const utf8Params = request('Bench order 12345', 'A typical order body text');
  const prebuilt = presignString(utf8Params);
  // The same request as parsed from 64 URLs: every name and value its own string (signing
  // remembers a list of names by their text, so this is what a server signing requests sees).
  const flatCopy = (t) => [t.slice(0, 1), t.slice(1)].join('');
  const parsedCopies = Array.from({ length: 64 }, () => utf8Params.map((p) => ({ name: flatCopy(p.name), value: flatCopy(p.value) })));
  let copy = 0;
  const [md5Ours, md5Raw, md5RawOneShot, md5Parsed] = measure(
    () => signParams(utf8Params, 'MD5', { md5Key: MD5_KEY }, 'utf-8'),
    () => crypto.createHash('md5').update(prebuilt + MD5_KEY, 'utf8').digest('hex'),
    () => crypto.hash('md5', prebuilt + MD5_KEY, 'hex'),
    () => signParams(parsedCopies[copy++ & 63], 'MD5', { md5Key: MD5_KEY }, 'utf-8'),
  );
  console.log('MD5, 12-parameter request');
  line('toolkit signParams (pre-sign string + md5)', md5Ours);
  line('raw createHash("md5") of the prebuilt string', md5Raw);
  line('raw crypto.hash("md5") of the prebuilt string', md5RawOneShot);
  ratio('ratio toolkit / raw createHash md5', md5Ours / md5Raw, 0.5);
  ratio('ratio toolkit / raw crypto.hash md5 (stricter)', md5Ours / md5RawOneShot, 0.5);
  line('toolkit signParams, parameters as parsed (new strings)', md5Parsed);
  ratio('ratio of that / raw crypto.hash md5', md5Parsed / md5RawOneShot);
  summary({ name: 'MD5 sign (12 params)', figure: md5Ours, unit: 'ops/s', anchor: md5RawOneShot, anchorName: "crypto.hash('md5') of the prebuilt string", ratio: md5Ours / md5RawOneShot, goal: 0.5, higherIsBetter: true });

  // --- RSA2 2048 -----------------------------------------------------------
  const keyObject = crypto.createPrivateKey(PEM);
  const sdkSign = loadSdkSign();
  const sdkConfig = { appId: '2021000000000000', charset: 'utf-8', version: '1.0', signType: 'RSA2', privateKey: PEM };
  const sdkParams = Object.fromEntries(utf8Params.map((p) => [p.name, p.value]));
  const [rsaOurs, rsaRaw, sdkOps] = measure(
    () => signParams(utf8Params, 'RSA2', { privateKey: PEM }, 'utf-8'),
    () => crypto.createSign('RSA-SHA256').update(prebuilt, 'utf8').sign(keyObject, 'base64'),
    () => sdkSign('alipay.trade.page.pay', sdkParams, sdkConfig),
  );
  console.log('RSA2 (SHA256withRSA), 2048-bit key, 12-parameter request');
  line('toolkit signParams (key given as PEM text, cached)', rsaOurs);
  line('raw crypto.createSign with a cached KeyObject', rsaRaw);
  ratio('ratio toolkit / raw createSign', rsaOurs / rsaRaw, 0.9);
  summary({ name: 'RSA2-2048 sign', figure: rsaOurs, unit: 'ops/s', anchor: rsaRaw, anchorName: 'crypto.createSign, cached KeyObject', ratio: rsaOurs / rsaRaw, goal: 0.9, higherIsBetter: true });

  const sdkVersion = require('alipay-sdk/package.json').version;
  line(`alipay-sdk ${sdkVersion} sign() (PEM parsed on every call)`, sdkOps);
  ratio('ratio toolkit / alipay-sdk', rsaOurs / sdkOps, 3);
  // A signer at raw createSign speed can be at most this much faster than the SDK on this
  // machine: what parsing the PEM costs beside the RSA arithmetic (which varies by CPU).
  ratio('ceiling here: raw createSign / alipay-sdk', rsaRaw / sdkOps);
  summary({ name: 'RSA2-2048 sign vs alipay-sdk', figure: rsaOurs, unit: 'ops/s', anchor: sdkOps, anchorName: `alipay-sdk ${sdkVersion} sign()`, ratio: rsaOurs / sdkOps, goal: 3, higherIsBetter: true });

  // --- GBK vs UTF-8 ----------------------------------------------------------
  const zh = request('贝尔金 USB 数据线 1 米', '测试商品：含运费，七天无理由退货');
  const gbk = zh.map((p) => (p.name === '_input_charset' ? { name: p.name, value: 'gbk' } : p));
  const [zhUtf8, zhGbk] = measure(
    () => signParams(zh, 'MD5', { md5Key: MD5_KEY }, 'utf-8'),
    () => signParams(gbk, 'MD5', { md5Key: MD5_KEY }, 'gbk'),
  );
  console.log('MD5 with Chinese values: GBK vs UTF-8 bytes');
  line('utf-8', zhUtf8);
  line('gbk (iconv-lite encoder)', zhGbk);
  ratio('ratio gbk / utf-8', zhGbk / zhUtf8);
}

main();
