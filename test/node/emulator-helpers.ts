// Shared test plumbing for the emulator suites: a gateway with two merchants,
// a signer, a tiny HTTP client and a merchant server that receives notifications.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Charset } from '../../src/core/charset';
import { parseQuery, serializeQuery, type Param } from '../../src/core/params';
import { signParams, verifyParams } from '../../src/core/sign';
import { startGateway, type GatewayOptions, type LogEntry, type RunningGateway } from '../../src/emulator';

export const FIX = path.join(__dirname, '..', 'fixtures', 'emulator');
export const read = (f: string) => fs.readFileSync(path.join(FIX, f), 'utf8');

export const PARTNER = '2088101122136241';
export const LIMITED = '2088101122130000';
export const MD5_KEY = 'testkey0123456789abcdefghijklmnop';
export const SNS = { id: 'douban_buyer', key: '2011062143A2BD6F1DD043F8999AD2923D5D19AE' };

export function testConfig() {
  return {
    alipay: { privateKey: read('alipay_private_key.pem') },
    merchants: [
      { partner: PARTNER, sellerEmail: 'seller@example.com', md5Key: MD5_KEY, publicKey: read('merchant_public_key.pem'), snsUsers: [SNS] },
      { partner: LIMITED, md5Key: 'limitedkey', services: ['single_trade_query'] },
    ],
  };
}

export interface TestGateway {
  gw: RunningGateway;
  logs: LogEntry[];
}

export async function startTest(opts: GatewayOptions = {}): Promise<TestGateway> {
  const logs: LogEntry[] = [];
  const gw = await startGateway({ config: testConfig(), notifySchedule: [5, 5, 5], logger: (e) => logs.push(e), ...opts });
  return { gw, logs };
}

export interface SignOpts {
  signType?: 'MD5' | 'RSA';
  charset?: Charset;
  partner?: string;
  md5Key?: string;
}

/** A signed query string for `service` with business params, as a merchant builds it. */
export function signedQuery(service: string, biz: Record<string, string>, o: SignOpts = {}): string {
  const charset = o.charset ?? 'utf-8';
  const params: Param[] = [
    { name: 'service', value: service },
    { name: 'partner', value: o.partner ?? PARTNER },
    { name: '_input_charset', value: charset },
    ...Object.entries(biz).map(([name, value]) => ({ name, value })),
  ];
  const key = (o.signType ?? 'MD5') === 'MD5' ? { md5Key: o.md5Key ?? MD5_KEY } : { privateKey: read('merchant_private_key.pem') };
  return serializeQuery(signParams(params, o.signType ?? 'MD5', key, charset).params, charset);
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export function request(url: string, init: { method?: string; body?: string | Buffer; headers?: Record<string, string>; agent?: http.Agent } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: init.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export const get = (gw: RunningGateway, query: string) => request(`${gw.url}?${query}`);
export const postForm = (url: string, body: string) => request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

export const errorXmlOf = (code: string) => `<?xml version="1.0" encoding="utf-8"?><alipay><is_success>F</is_success><error>${code}</error></alipay>`;

/** The trade_no in a cashier page's Pay form. */
export function tradeNoOf(page: string): string {
  const m = /name="trade_no" value="(\d+)"/.exec(page);
  if (!m) throw new Error('no trade_no in page: ' + page.slice(0, 300));
  return m[1];
}

export interface Received {
  params: Param[];
  valid: boolean;
}

/** A merchant's notify_url handler: verifies with Alipay's public key (RSA) or the MD5 key, answers as told. */
export class MerchantServer {
  readonly received: Received[] = [];
  answer: (n: number) => string = () => 'success';
  url = '';
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = parseQuery(Buffer.concat(chunks).toString('latin1'), {}).params;
      const st = params.find((p) => p.name === 'sign_type')?.value === 'RSA' ? 'RSA' : 'MD5';
      const key = st === 'RSA' ? { publicKey: read('alipay_public_key.pem') } : { md5Key: MD5_KEY };
      this.received.push({ params, valid: verifyParams(params, st, key, 'utf-8').valid });
      res.end(this.answer(this.received.length));
      const w = this.waiters.filter((x) => this.received.length >= x.n);
      this.waiters = this.waiters.filter((x) => this.received.length < x.n);
      w.forEach((x) => x.resolve());
    });
  });
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notify`;
    return this;
  }

  /** Resolves when `n` notifications have arrived in total. */
  waitFor(n: number): Promise<void> {
    if (this.received.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

export const valueOf = (params: Param[], name: string) => params.find((p) => p.name === name)?.value;
