// Generates a realistic Alipay integration log of a given size and records
// exactly what it wrote: per token the count and first/last (line, byte
// offset). Used by the scan test (exact counts) and bench/scan.js.
import * as fs from 'node:fs';

export interface Truth {
  bytes: number;
  lines: number;
  counts: Map<string, { count: number; first: { line: number; offset: number }; last: { line: number; offset: number } }>;
}

/** Small deterministic PRNG (mulberry32), so runs are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ERRORS = ['ILLEGAL_SIGN', 'ILLEGAL_PARTNER', 'TRADE_NOT_EXIST', 'SYSTEM_ERROR', 'ILLEGAL_SIGN_TYPE', 'HAS_NO_PRIVILEGE', 'ILLEGAL_ARGUMENT', 'SESSION_TIMEOUT', 'TRADE_HAS_CLOSE', 'ILLEGAL_CHARSET'];
const STATUSES = ['TRADE_SUCCESS', 'TRADE_FINISHED', 'WAIT_BUYER_PAY', 'TRADE_CLOSED', 'WAIT_SELLER_SEND_GOODS', 'REFUND_SUCCESS'];
const SUBCODES = ['ACQ.TRADE_NOT_EXIST', 'ACQ.SYSTEM_ERROR', 'isv.invalid-signature', 'isv.invalid-app-id', 'aop.invalid-app-auth-token'];
const GATEWAYS = ['https://mapi.alipay.com/gateway.do', 'https://openapi.alipay.com/gateway.do', 'https://mapi.alipaydev.com/gateway.do'];

/** Lines that hold none of the counted tokens, including look-alikes that must not count. */
const NOISE = [
  'DEBUG [main] o.s.web.servlet.DispatcherServlet - Completed 200 OK HTTP_OK MAX_VALUE',
  'INFO  [pool-2-thread-7] c.e.shop.OrderService - order created, amount=12.00, illegal_sign=false',
  'WARN  [pool-2-thread-1] c.e.shop.Retry - XTRADE_SUCCESS TRADE_SUCCESSES ILLEGAL_SIGNS SYSTEM_ERROR_X not real',
  'INFO  [http-nio-8080-exec-4] c.e.pay.Client - http://example.com/not-a-gateway?service=x isv.invalid-signature-foo',
  'TRACE 中文日志 交易成功 订单号 20260101000001 处理完成',
];

/** `density`: share of lines that carry a counted token (the rest are noise and look-alikes). */
export function generateLog(file: string, targetBytes: number, seed = 42, density = 0.3): Truth {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
  const counts: Truth['counts'] = new Map();
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let line = 0;
  const parts: Buffer[] = [];
  let pending = 0;
  const note = (token: string, offset: number) => {
    const at = { line, offset };
    const c = counts.get(token);
    if (c) {
      c.count++;
      c.last = at;
    } else counts.set(token, { count: 1, first: at, last: at });
  };
  while (bytes < targetBytes) {
    line++;
    const ts = `2026-01-0${1 + (line % 9)} 12:${String(line % 60).padStart(2, '0')}:00.${String(line % 1000).padStart(3, '0')} `;
    const r = (rand() * 0.3) / density;
    let text: string;
    let tokenAt: Array<[string, number]> = [];
    if (r < 0.1) {
      const code = pick(ERRORS);
      const pre = `${ts}ERROR [pool-1-thread-3] c.e.pay.AlipayClient - <alipay><is_success>F</is_success><error>`;
      text = `${pre}${code}</error></alipay> cost=${line % 97}ms`;
      tokenAt = [[code, Buffer.byteLength(pre)]];
    } else if (r < 0.2) {
      const st = pick(STATUSES);
      const pre = `${ts}INFO  [notify-1] c.e.pay.NotifyController - 收到通知 notify_type=trade_status_sync&trade_status=`;
      text = `${pre}${st}&out_trade_no=${line}&total_fee=0.01`;
      tokenAt = [[st, Buffer.byteLength(pre)]];
    } else if (r < 0.25) {
      const sc = pick(SUBCODES);
      const pre = `${ts}WARN  [pool-1-thread-2] c.e.pay.OpenApi - {"code":"40004","msg":"Business Failed","sub_code":"`;
      text = `${pre}${sc}","sub_msg":"x"}`;
      tokenAt = [[sc, Buffer.byteLength(pre)]];
    } else if (r < 0.3) {
      const gw = pick(GATEWAYS);
      const pre = `${ts}DEBUG [pool-1-thread-5] c.e.pay.Http - GET `;
      text = `${pre}${gw}?service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&sign_type=MD5&sign=0123456789abcdef`;
      tokenAt = [[gw, Buffer.byteLength(pre)]];
    } else {
      text = ts + pick(NOISE);
    }
    for (const [tok, off] of tokenAt) note(tok, bytes + off);
    const buf = Buffer.from(text + '\n', 'utf8');
    parts.push(buf);
    pending += buf.length;
    bytes += buf.length;
    if (pending >= 8 << 20) {
      fs.writeSync(fd, Buffer.concat(parts));
      parts.length = 0;
      pending = 0;
    }
  }
  fs.writeSync(fd, Buffer.concat(parts));
  fs.closeSync(fd);
  return { bytes, lines: line, counts };
}
