// What the notification, query, send-goods and SNS-link snippet tests run
// against: the local gateway emulator (src/emulator) with the project's test
// keys, a loopback notify_url that captures what the emulator POSTs, and a
// proxy in front of the gateway that can corrupt one trade's signed XML.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Param, buildUrl, getParam, parseQuery } from '../../src/core/params';
import { signParams } from '../../src/core/sign';
import { startGateway, RunningGateway } from '../../src/emulator';

export type SnippetSignType = 'MD5' | 'RSA';

export const KEYS = path.join(__dirname, '..', 'fixtures', 'keys');
const key = (f: string) => path.join(KEYS, f);
/** The merchant's pair (bare base64 PKCS#8, as Alipay's key tool prints it) and "Alipay's" pair. */
export const MERCHANT_PRIVATE = key('rsa1024-pkcs8.base64.txt');
export const MERCHANT_PUBLIC = key('rsa1024-public.pem');
const ALIPAY_PRIVATE = key('alipay-side-rsa2048-private.pem');
const ALIPAY_PUBLIC = key('alipay-side-rsa2048-public.pem');

export interface Notification {
  /** The form body exactly as the emulator POSTed it to notify_url. */
  body: string;
  /** The emulator's deliberately forged copy (amount changed, signature kept). */
  tampered: string;
}

export interface TestGateway {
  /** The URL the snippets use: the proxy in front of the emulator (http on loopback). */
  readonly url: string;
  readonly partner: string;
  readonly snsUser: { id: string; key: string };
  /** Environment for a snippet under its default variable names: the MD5 key, or the key files. */
  env(signType: SnippetSignType): Record<string, string>;
  /** A new trade, created with a request signed with `signType`; escrow trades get paid. */
  trade(signType: SnippetSignType, options?: { pay?: boolean }): Promise<{ tradeNo: string; outTradeNo: string }>;
  /** A trade whose query/send-goods answers reach the snippet with total_fee changed after signing. */
  corrupt(tradeNo: string): void;
  /** A fresh notification for a newly paid trade. */
  notification(signType: SnippetSignType): Promise<Notification>;
  close(): Promise<void>;
}

export const SUBJECT = '测试 & <订单> 1+1';

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function readAll(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startTestGateway(): Promise<TestGateway> {
  const partner = '2088101122136241';
  const md5Key = crypto.randomBytes(16).toString('hex');
  const snsUser = { id: 'test_buyer', key: crypto.randomBytes(20).toString('hex').toUpperCase() };
  const gw: RunningGateway = await startGateway({
    port: 0,
    config: {
      alipay: { privateKeyFile: ALIPAY_PRIVATE, publicKeyFile: ALIPAY_PUBLIC },
      merchants: [{ partner, md5Key, publicKeyFile: MERCHANT_PUBLIC, privateKeyFile: MERCHANT_PRIVATE, snsUsers: [snsUser] }],
    },
    notifySchedule: [],
  });

  // notify_url: keeps every POSTed body, answers "success" so the emulator stops.
  const captured: string[] = [];
  const capture = http.createServer((req, res) => {
    void readAll(req).then((b) => {
      captured.push(b.toString('latin1'));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('success');
    });
  });
  const notifyUrl = `${await listen(capture)}/notify`;

  // The snippets' gateway: forwards to the emulator; corrupts answers about chosen trades.
  const corrupted = new Set<string>();
  const proxy = http.createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const upstream = await fetch(gw.origin + (req.url ?? '/'), { method: req.method, body: req.method === 'POST' ? new Uint8Array(body) : undefined, headers: { 'content-type': req.headers['content-type'] ?? '' } });
      let answer = Buffer.from(await upstream.arrayBuffer());
      const q = parseQuery(new URL(req.url ?? '/', 'http://x').search).params;
      if (corrupted.has(getParam(q, 'trade_no') ?? '')) {
        answer = Buffer.from(answer.toString('utf8').replace(/<total_fee>[^<]*<\/total_fee>/, '<total_fee>0.01</total_fee>'));
      }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' }).end(answer);
    })().catch((e: Error) => res.writeHead(502).end(e.message));
  });
  const proxyOrigin = await listen(proxy);

  let serial = 0;
  const keys = (t: SnippetSignType) => (t === 'MD5' ? { md5Key } : { privateKey: fs.readFileSync(MERCHANT_PRIVATE, 'utf8') });

  async function trade(signType: SnippetSignType, options: { pay?: boolean } = {}) {
    serial++;
    const outTradeNo = `SNIP${Date.now()}${serial}`;
    const params: Param[] = [
      { name: 'service', value: 'create_partner_trade_by_buyer' },
      { name: 'partner', value: partner },
      { name: '_input_charset', value: 'utf-8' },
      { name: 'notify_url', value: notifyUrl },
      { name: 'out_trade_no', value: outTradeNo },
      { name: 'subject', value: SUBJECT },
      { name: 'payment_type', value: '1' },
      { name: 'logistics_type', value: 'EXPRESS' },
      { name: 'logistics_fee', value: '0.00' },
      { name: 'logistics_payment', value: 'SELLER_PAY' },
      { name: 'price', value: '12.30' },
      { name: 'quantity', value: '1' },
      { name: 'seller_id', value: partner },
    ];
    const signed = signParams(params, signType, keys(signType), 'utf-8');
    const res = await fetch(buildUrl(gw.url, signed.params, 'utf-8'));
    const page = await res.text();
    const t = gw.trades().find((x) => x.outTradeNo === outTradeNo);
    if (!t) throw new Error(`the emulator created no trade (HTTP ${res.status}): ${page.slice(0, 300)}`);
    if (options.pay !== false) {
      await gw.pay(t.tradeNo);
      await gw.idle();
    }
    return { tradeNo: t.tradeNo, outTradeNo };
  }

  return {
    url: `${proxyOrigin}/gateway.do`,
    partner,
    snsUser,
    env: (signType): Record<string, string> =>
      signType === 'MD5' ? { ALIPAY_MD5_KEY: md5Key } : { ALIPAY_PRIVATE_KEY_FILE: MERCHANT_PRIVATE, ALIPAY_PUBLIC_KEY_FILE: ALIPAY_PUBLIC },
    trade,
    corrupt: (tradeNo) => void corrupted.add(tradeNo),
    async notification(signType) {
      const before = captured.length;
      const { tradeNo } = await trade(signType);
      const body = captured.slice(before).find((b) => getParam(parseQuery(b).params, 'trade_no') === tradeNo);
      if (!body) throw new Error(`the emulator POSTed no notification for ${tradeNo}`);
      const notifyId = getParam(parseQuery(body).params, 'notify_id') ?? '';
      const mark = captured.length;
      await gw.sendTamperedNotification(notifyId, 'amount');
      await gw.idle();
      const tampered = captured.slice(mark).find((b) => getParam(parseQuery(b).params, 'notify_id') === notifyId);
      if (!tampered || tampered === body) throw new Error('the emulator sent no tampered copy');
      return { body, tampered };
    },
    async close() {
      await gw.close();
      await new Promise<void>((r) => capture.close(() => r()));
      await new Promise<void>((r) => proxy.close(() => r()));
    },
  };
}
