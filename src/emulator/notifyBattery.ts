// notify-test: a battery of notifications signed as Alipay, sent to a
// merchant's notify_url handler, each answer judged. Used by the CLI
// (`alipay-toolkit notify-test`) and the editor command. A gateway on loopback
// (our own for the duration, or the one named) issues the notify_ids and
// answers the handler's notify_verify calls, which are recorded.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { encode, type Charset } from '../core/charset';
import type { Text } from '../core/i18n';
import { generateRsaPair } from '../core/keys';
import { classifyNotifyAnswer } from '../core/notifyAnswer';
import { serializeQuery, type Param } from '../core/params';
import { signParams, presignFor, type SigningKey } from '../core/sign';
import { escapeText } from '../core/terminal';
import { postNotification, type NotifyPostAnswer as Answer } from './postNotification';
import { startGateway, type RunningGateway } from './server';
import { alipayTime } from './types';

export type BatterySignType = 'MD5' | 'RSA';
export type Verdict = 'pass' | 'warn' | 'fail';

/**
 * What differs between request families lives here, and only here: what a
 * notification carries, what is signed (content rule), how a notification is
 * confirmed, and the answer that acknowledges it. #16 adds `openapi`.
 */
export interface FamilySpec {
  id: string;
  /** The notification about one trade in one status, before signing. */
  notification(t: BatteryTrade, status: string, notifyId: string, nowMs: number): Param[];
  /** The content that is signed (the family's pre-sign rule). */
  content(params: readonly Param[]): string;
  /** Adds the signature parameters. */
  sign(params: readonly Param[], signType: BatterySignType, key: SigningKey, charset: Charset): Param[];
  /** The service a handler calls to confirm a notification id; absent when the family has none (OpenAPI). */
  confirmService?: string;
  /** The amount parameter the tampering case changes. */
  amountParam: string;
  /** The exact answer that stops re-sends. */
  ack: string;
}

export interface BatteryTrade {
  tradeNo: string;
  outTradeNo: string;
  subject: string;
  body: string;
  totalFee: string;
  partner: string;
  /** OpenAPI app ID. */
  appId: string;
}

export const FAMILIES: Record<string, FamilySpec> = {
  mapi: {
    id: 'mapi',
    notification: (t, status, notifyId, nowMs) => [
      { name: 'notify_time', value: alipayTime(nowMs) },
      { name: 'notify_type', value: 'trade_status_sync' },
      { name: 'notify_id', value: notifyId },
      { name: 'out_trade_no', value: t.outTradeNo },
      { name: 'subject', value: t.subject },
      { name: 'body', value: t.body },
      { name: 'payment_type', value: '1' },
      { name: 'trade_no', value: t.tradeNo },
      { name: 'trade_status', value: status },
      { name: 'seller_id', value: t.partner },
      { name: 'buyer_id', value: '2088102000000001' },
      { name: 'buyer_email', value: 'buyer@example.com' },
      { name: 'total_fee', value: t.totalFee },
      { name: 'gmt_payment', value: alipayTime(nowMs) },
      { name: 'is_total_fee_adjust', value: 'N' },
      { name: 'use_coupon', value: 'N' },
    ],
    content: (params) => presignFor(params),
    sign: (params, signType, key, charset) => signParams(params, signType, key, charset).params,
    confirmService: 'notify_verify',
    amountParam: 'total_fee',
    ack: 'success',
  },
  // OpenAPI trade_status_sync (#16): app_id, RSA2, verified by the V1 rule
  // (every parameter but sign and sign_type, sorted); no notify_verify service.
  openapi: {
    id: 'openapi',
    notification: (t, status, notifyId, nowMs) => [
      { name: 'notify_time', value: alipayTime(nowMs) },
      { name: 'notify_type', value: 'trade_status_sync' },
      { name: 'notify_id', value: notifyId },
      { name: 'app_id', value: t.appId },
      { name: 'charset', value: 'utf-8' },
      { name: 'version', value: '1.0' },
      { name: 'trade_no', value: t.tradeNo },
      { name: 'out_trade_no', value: t.outTradeNo },
      { name: 'trade_status', value: status },
      { name: 'total_amount', value: t.totalFee },
      { name: 'receipt_amount', value: t.totalFee },
      { name: 'buyer_id', value: '2088102000000001' },
      { name: 'seller_id', value: t.partner },
      { name: 'subject', value: t.subject },
      { name: 'body', value: t.body },
      { name: 'gmt_create', value: alipayTime(nowMs) },
      { name: 'gmt_payment', value: alipayTime(nowMs) },
    ],
    content: (params) => presignFor(params),
    // RSA here means the family's RSA type: RSA2 (SHA256withRSA).
    sign: (params, signType, key, charset) => signParams(params, signType === 'RSA' ? 'RSA2' : signType, key, charset).params,
    amountParam: 'total_amount',
    ack: 'success',
  },
};

export interface BatteryOptions {
  /** The merchant's notify_url. */
  url: string;
  family?: string;
  signType: BatterySignType;
  /** OpenAPI app ID the notifications carry (openapi family). */
  appId?: string;
  partner: string;
  /** MD5: the merchant's key; RSA: Alipay's private key (PEM or KeyObject). */
  md5Key?: string;
  alipayPrivateKey?: string | crypto.KeyObject;
  /** A running gateway (URL) to issue notify_ids and record notify_verify; absent: one of our own on loopback. */
  gatewayUrl?: string;
  /** Port for our own gateway (0 = any): a handler under test must be pointed at it. */
  gatewayPort?: number;
  /** Merchant charset: notifications are sent in it; the GBK case is required only for gbk. */
  charset?: 'utf-8' | 'gbk';
  strict?: boolean;
  timeoutMs?: number;
}

export interface CaseResult {
  id: string;
  title: Text;
  /** What was sent, in one line (parameters that matter, never a key). */
  sent: string;
  status: number;
  /** The answer as received (first 200 characters). */
  answer: string;
  /** The answer escaped for a terminal or a document. */
  answerShown: string;
  verdict: Verdict;
  why: Text;
  /** One line: what to change, naming the snippet to use. */
  fix?: Text;
}

export interface Scorecard {
  url: string;
  family: string;
  signType: BatterySignType;
  partner: string;
  gateway: string;
  strict: boolean;
  cases: CaseResult[];
  notifyVerifyCalls: number;
  summary: Record<Verdict, number>;
  /** 0 every required case passed, 1 one failed. */
  exitCode: 0 | 1;
}

/** Bad input or an unreachable handler: the CLI exits 2. */
export class BatteryInputError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

const T = (en: string, zh: string): Text => ({ en, zh });
const SNIPPET = 'alipay-notify';

function getJson(url: string, method: 'GET' | 'POST', timeoutMs: number): Promise<unknown> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, { method, timeout: timeoutMs, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          if ((res.statusCode ?? 0) !== 200) throw new Error(`HTTP ${res.statusCode}`);
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(e as Error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** The gateway side: issue notify_ids, list notify_verify calls (our own in-process, or one named by URL). */
interface GatewaySide {
  url: string;
  issue(): Promise<string>;
  calls(): Promise<Array<{ notifyId: string; answer: string }>>;
  close(): Promise<void>;
}

async function ownGateway(o: BatteryOptions, alipayKey: crypto.KeyObject): Promise<GatewaySide> {
  const gw: RunningGateway = await startGateway({
    port: o.gatewayPort ?? 0,
    config: {
      alipay: { privateKey: alipayKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      merchants: o.signType === 'MD5' ? [{ partner: o.partner, md5Key: o.md5Key }] : [{ partner: o.partner, md5Key: crypto.randomBytes(16).toString('hex') }],
    },
    notifySchedule: [],
  });
  return remoteGateway(gw.url, o.partner, o.timeoutMs ?? 10_000, () => gw.close());
}

function remoteGateway(url: string, partner: string, timeoutMs: number, close: () => Promise<void> = async () => undefined): GatewaySide {
  const origin = new URL(url).origin;
  return {
    url,
    async issue() {
      const r = (await getJson(`${origin}/__emulator/api/notify-ids?partner=${encodeURIComponent(partner)}`, 'POST', timeoutMs)) as { notifyId?: unknown };
      if (typeof r.notifyId !== 'string') throw new Error('no notifyId');
      return r.notifyId;
    },
    async calls() {
      const r = await getJson(`${origin}/__emulator/api/notify-verify-calls`, 'GET', timeoutMs);
      return Array.isArray(r) ? (r as Array<{ notifyId: string; answer: string }>) : [];
    },
    close,
  };
}

function accepted(a: Answer): boolean {
  // A forgery "accepted" in any spelling (BOM, case, whitespace) is still accepted by the handler.
  return a.status === 200 && a.body.toString('utf8').replace(/^\ufeff/, '').trim().toLowerCase() === 'success';
}

interface Sent {
  params: Param[];
  charset: Charset;
  answer: Answer;
}

/** Runs the battery and judges each answer. Throws BatteryInputError for bad input or an unreachable URL. */
export async function runNotifyBattery(o: BatteryOptions): Promise<Scorecard> {
  const family = FAMILIES[o.family ?? 'mapi'];
  if (!family) throw new BatteryInputError(T(`--family: unknown family "${o.family}" (known: ${Object.keys(FAMILIES).join(', ')})`, `--family：未知的协议族 "${o.family}"（可用：${Object.keys(FAMILIES).join('、')}）`));
  let target: URL;
  try {
    target = new URL(o.url);
  } catch {
    throw new BatteryInputError(T(`URL: "${o.url}" is not a valid URL`, `URL："${o.url}" 不是合法的 URL`));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new BatteryInputError(T('URL: only http and https notify URLs can be tested', 'URL：只能测试 http 或 https 的通知地址'));
  if (!/^2088\d{12}$/.test(o.partner)) throw new BatteryInputError(T('--partner must be 16 digits starting with 2088', '--partner 必须是以 2088 开头的 16 位数字'));
  if (o.signType === 'MD5' && !o.md5Key) throw new BatteryInputError(T('MD5 needs the merchant MD5 key (--key-file)', 'MD5 需要商户 MD5 密钥（--key-file）'));
  if (o.signType === 'RSA' && !o.alipayPrivateKey) throw new BatteryInputError(T("RSA needs Alipay's private key (--alipay-private-key-file)", 'RSA 需要支付宝私钥（--alipay-private-key-file）'));
  const timeoutMs = o.timeoutMs ?? 10_000;
  const charset: Charset = o.charset ?? 'utf-8';
  const alipayKey =
    o.signType === 'RSA'
      ? typeof o.alipayPrivateKey === 'string'
        ? crypto.createPrivateKey(o.alipayPrivateKey)
        : (o.alipayPrivateKey as crypto.KeyObject)
      : crypto.createPrivateKey(generateRsaPair(1024).privateKey);
  const key: SigningKey = o.signType === 'MD5' ? { md5Key: o.md5Key as string } : { privateKey: alipayKey };

  let side: GatewaySide;
  try {
    side = o.gatewayUrl ? remoteGateway(o.gatewayUrl, o.partner, timeoutMs) : await ownGateway(o, alipayKey);
  } catch (e) {
    throw new BatteryInputError(T(`cannot start the local gateway: ${(e as Error).message}`, `无法启动本地网关：${(e as Error).message}`));
  }
  try {
    const issued = new Set<string>();
    const issue = async (): Promise<string> => {
      const id = await side.issue();
      issued.add(id);
      return id;
    };
    let first: string;
    try {
      first = await issue();
    } catch (e) {
      throw new BatteryInputError(T(`--gateway ${side.url}: not a local emulator that knows partner ${o.partner} (${(e as Error).message})`, `--gateway ${side.url}：不是已配置 partner ${o.partner} 的本地模拟网关（${(e as Error).message}）`));
    }
    const now = Date.now();
    const seq = String(now).slice(-8);
    const trade = (n: number, subject = 'notify-test', body = 'alipay-toolkit notify-test'): BatteryTrade => ({
      tradeNo: `${alipayTime(now).slice(0, 10).replace(/-/g, '')}2100100${seq}${n}`.slice(0, 28),
      outTradeNo: `NT-${seq}-${n}`,
      subject,
      body,
      totalFee: '0.01',
      partner: o.partner,
      appId: o.appId ?? '2021000000000001',
    });
    const send = async (params: Param[], cs: Charset = charset): Promise<Sent> => {
      // A fresh connection each time: a kept-alive socket the server has just closed would fail the case.
      const answer = await postNotification(target, encode(serializeQuery(params, cs), 'utf-8'), cs, { timeoutMs, userAgent: 'alipay-toolkit-notify-test', freshConnection: true });
      return { params, charset: cs, answer };
    };
    const signed = (t: BatteryTrade, status: string, id: string, cs: Charset = charset) => family.sign(family.notification(t, status, id, Date.now()), o.signType, key, cs);

    // 1. A valid notification — the first one also tells whether the URL is reachable at all.
    const a = trade(1);
    const validParams = signed(a, 'TRADE_SUCCESS', first);
    const valid = await send(validParams);
    if (valid.answer.status === 0) throw new BatteryInputError(T(`${o.url}: unreachable (${valid.answer.error ?? 'no answer'})`, `${o.url}：无法访问（${valid.answer.error ?? '无应答'}）`));
    const retry = await send(validParams);
    const tamperedAmount = await send(validParams.map((p) => (p.name === family.amountParam ? { ...p, value: '100.01' } : p)));
    const noSign = await send(validParams.filter((p) => p.name !== 'sign'));
    const otherKey: SigningKey = o.signType === 'MD5' ? { md5Key: crypto.randomBytes(16).toString('hex') } : { privateKey: crypto.createPrivateKey(generateRsaPair(1024).privateKey) };
    const byOtherKey = await send(family.sign(family.notification(a, 'TRADE_SUCCESS', first, Date.now()), o.signType, otherKey, charset));
    // A sign_type it did not ask for: MD5 merchants get an RSA-signed copy; RSA merchants an MD5 one with an empty key.
    const otherType: BatterySignType = o.signType === 'MD5' ? 'RSA' : 'MD5';
    const otherTypeKey: SigningKey = otherType === 'MD5' ? { md5Key: '' } : { privateKey: crypto.createPrivateKey(generateRsaPair(1024).privateKey) };
    const wrongType = await send(family.sign(family.notification(a, 'TRADE_SUCCESS', first, Date.now()), otherType, otherTypeKey, charset));
    // TRADE_FINISHED before TRADE_SUCCESS, one trade.
    const b = trade(2);
    const finished = await send(signed(b, 'TRADE_FINISHED', await issue()));
    const success = await send(signed(b, 'TRADE_SUCCESS', await issue()));
    // GBK with Chinese text.
    const c = trade(3, '测试商品：中文标题', '支付宝通知测试（GBK）');
    const gbk = await send(signed(c, 'TRADE_SUCCESS', await issue(), 'gbk'), 'gbk');
    // A correctly signed notification whose notify_id the gateway never issued.
    const d = trade(4);
    const forgedId = crypto.randomBytes(17).toString('hex');
    const unknownId = await send(signed(d, 'TRADE_SUCCESS', forgedId));

    const calls = await side.calls().catch(() => []);
    const confirmedValid = calls.some((c2) => c2.notifyId === first);
    const askedForged = calls.some((c2) => c2.notifyId === forgedId);
    const calledAtAll = calls.some((c2) => issued.has(c2.notifyId) || c2.notifyId === forgedId);

    const results: CaseResult[] = [];
    const show = (s: Sent): Pick<CaseResult, 'status' | 'answer' | 'answerShown'> => {
      const text = s.answer.status === 0 ? `(${s.answer.error ?? 'no answer'})` : s.answer.body.toString('utf8').slice(0, 200);
      return { status: s.answer.status, answer: text, answerShown: escapeText(JSON.stringify(text).replace(/\ufeff/g, '\\ufeff')) };
    };
    const sentLine = (s: Sent, extra: string) => `${extra}; trade_no=${s.params.find((p) => p.name === 'trade_no')?.value}, trade_status=${s.params.find((p) => p.name === 'trade_status')?.value}, sign_type=${s.params.find((p) => p.name === 'sign_type')?.value ?? '(none)'}, charset=${s.charset}`;

    const FIX_EXACT = T(`Answer HTTP 200 with exactly the 7 bytes "success": no BOM (save as UTF-8 without signature), no HTML, no other output (snippet ${SNIPPET}).`, `以 HTTP 200 返回恰好 7 个字节 "success"：不要 BOM（保存为无签名的 UTF-8）、不要 HTML、不要其他输出（代码片段 ${SNIPPET}）。`);
    const positive = (id: string, title: Text, s: Sent, sent: string, failFix: Text, required = true): CaseResult => {
      const k = classifyNotifyAnswer(s.answer.body);
      const base = { id, title, sent: sentLine(s, sent), ...show(s) };
      if (s.answer.status !== 200) return { ...base, verdict: required ? 'fail' : 'warn', why: T(`HTTP ${s.answer.status || 'error'}: Alipay re-sends`, `HTTP ${s.answer.status || '错误'}：支付宝会重发`), fix: s.answer.status === 0 ? failFix : FIX_EXACT };
      if (k === 'exact') return { ...base, verdict: 'pass', why: T(`answered exactly "${family.ack}"`, `恰好返回了 "${family.ack}"`) };
      if (k === 'whitespace') return { ...base, verdict: 'warn', why: T('"success" with whitespace around it: accepted, but answer it exactly', '"success" 前后有空白：可被接受，但应恰好返回它'), fix: FIX_EXACT };
      if (k === 'bom') return { ...base, verdict: required ? 'fail' : 'warn', why: T('a UTF-8 BOM before "success": Alipay does not accept it and keeps re-sending', '"success" 前有 UTF-8 BOM：支付宝不认，会一直重发'), fix: FIX_EXACT };
      const looksOk = accepted(s.answer);
      return { ...base, verdict: required ? 'fail' : 'warn', why: looksOk ? T('not exactly "success" (case or extra text): Alipay re-sends', '不是恰好的 "success"（大小写或多余内容）：支付宝会重发') : T('refused a valid notification: Alipay re-sends, the order is never marked paid', '拒绝了合法通知：支付宝会重发，订单不会被标记为已支付'), fix: looksOk ? FIX_EXACT : failFix };
    };
    const negative = (id: string, title: Text, s: Sent, sent: string, fix: Text): CaseResult => {
      const base = { id, title, sent: sentLine(s, sent), ...show(s) };
      if (accepted(s.answer)) return { ...base, verdict: 'fail', why: T('answered "success" to a forged notification: anyone can mark orders paid', '对伪造通知返回了 "success"：任何人都能把订单标记为已支付'), fix };
      return { ...base, verdict: 'pass', why: T('refused (not "success")', '已拒绝（未返回 "success"）') };
    };
    const FIX_VERIFY = T(`Verify the signature over every POSTed parameter first and answer "fail" when it does not match (snippet ${SNIPPET}, alipayVerify).`, `先对全部 POST 参数验签，不通过就返回 "fail"（代码片段 ${SNIPPET} 的 alipayVerify）。`);

    results.push(positive('valid', T('valid TRADE_SUCCESS', '合法的 TRADE_SUCCESS 通知'), valid, 'signed as Alipay', FIX_VERIFY));
    results.push(positive('retry', T('the same notification again (a retry)', '同一通知再次送达（重发）'), retry, 'identical to "valid"', T(`Make processing idempotent: a trade_no + trade_status handled before answers "success" again (snippet ${SNIPPET}, the claim store).`, `处理须幂等：已处理过的 trade_no + trade_status 再次到达时仍返回 "success"（代码片段 ${SNIPPET} 的 claim 存储）。`)));
    const amt = family.amountParam;
    results.push(negative('tampered-amount', T(`${amt} tampered, original sign kept`, `篡改 ${amt}，保留原签名`), tamperedAmount, `${amt}=100.01, sign of ${amt}=0.01`, FIX_VERIFY));
    results.push(negative('sign-removed', T('sign removed', '去掉 sign'), noSign, 'no sign parameter', FIX_VERIFY));
    results.push(negative('other-key', T('signed with another key', '用其他密钥签名'), byOtherKey, `a random ${o.signType === 'MD5' ? 'MD5 key' : 'RSA key'}`, FIX_VERIFY));
    results.push(negative('wrong-sign-type', T(`sign_type ${otherType}, which the handler did not ask for`, `未约定的 sign_type ${otherType}`), wrongType, otherType === 'MD5' ? 'MD5 with an empty key' : 'RSA with a random key', T(`Verify only with the sign type you configured; refuse a notification whose sign_type differs (snippet ${SNIPPET}).`, `只按约定的签名方式验签，sign_type 不同的通知一律拒绝（代码片段 ${SNIPPET}）。`)));
    const FIX_ORDER = T(`Accept states in any order: TRADE_FINISHED may come without or before TRADE_SUCCESS; key idempotency on trade_no + trade_status (snippet ${SNIPPET}).`, `状态可能乱序到达：TRADE_FINISHED 可能先于或不伴随 TRADE_SUCCESS；以 trade_no + trade_status 做幂等（代码片段 ${SNIPPET}）。`);
    results.push(positive('finished-first', T('TRADE_FINISHED before TRADE_SUCCESS: the TRADE_FINISHED', 'TRADE_FINISHED 先于 TRADE_SUCCESS：先到的 TRADE_FINISHED'), finished, 'a new trade', FIX_ORDER));
    results.push(positive('success-after-finished', T('TRADE_FINISHED before TRADE_SUCCESS: the TRADE_SUCCESS', 'TRADE_FINISHED 先于 TRADE_SUCCESS：后到的 TRADE_SUCCESS'), success, 'the same trade', FIX_ORDER));
    results.push(
      positive('gbk', T('GBK-encoded notification with Chinese text', 'GBK 编码、含中文的通知'), gbk, 'subject=测试商品：中文标题', T(`Decode the body in the charset it arrived in (content-type charset=gbk) and verify over those bytes, or keep _input_charset=utf-8 in every request (snippet ${SNIPPET}).`, `按通知的实际字符集（content-type charset=gbk）解码并对这些字节验签，或在所有请求中保持 _input_charset=utf-8（代码片段 ${SNIPPET}）。`), charset === 'gbk'),
    );
    if (charset !== 'gbk' && results[results.length - 1].verdict === 'warn') {
      results[results.length - 1].why = T(`${results[results.length - 1].why.en} — a warning only: your requests use utf-8, so Alipay sends utf-8`, `${results[results.length - 1].why.zh} —— 仅为警告：你的请求使用 utf-8，支付宝会以 utf-8 通知`);
    }
    const FIX_CONFIRM = T(`Confirm each notify_id with service=${family.confirmService} and answer "fail" unless the gateway says "true" (snippet ${SNIPPET}); for this test point the handler's gateway at ${side.url}.`, `用 service=${family.confirmService} 确认每个 notify_id，网关未返回 "true" 就返回 "fail"（代码片段 ${SNIPPET}）；本测试请把处理程序的网关指向 ${side.url}。`);
    if (!family.confirmService) {
      const summary0: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
      for (const r of results) summary0[r.verdict]++;
      return { url: o.url, family: family.id, signType: o.signType, partner: o.partner, gateway: side.url, strict: o.strict === true, cases: results, notifyVerifyCalls: calls.length, summary: summary0, exitCode: summary0.fail > 0 ? 1 : 0 };
    }
    const unknown = negative('unknown-notify-id', T('valid sign, a notify_id the gateway never issued', '签名正确，但 notify_id 不是网关发出的'), unknownId, `notify_id=${forgedId}`, FIX_CONFIRM);
    if (unknown.verdict === 'fail' && !askedForged && !calledAtAll && !o.strict) {
      unknown.verdict = 'warn';
      unknown.why = T('answered "success": the handler never asks notify_verify, so a replayed or invented notify_id passes (a failure with --strict)', '返回了 "success"：处理程序从不调用 notify_verify，重放或编造的 notify_id 也能通过（--strict 时判为失败）');
    }
    results.push(unknown);
    results.push({
      id: 'notify-verify-called',
      title: T(`the handler confirms notify_id with ${family.confirmService}`, `处理程序用 ${family.confirmService} 确认 notify_id`),
      sent: `${calls.length} ${family.confirmService} call(s) recorded by ${side.url}`,
      status: 0,
      answer: '',
      answerShown: '',
      ...(confirmedValid
        ? { verdict: 'pass' as const, why: T(`called ${family.confirmService} for the valid notification`, `已为合法通知调用 ${family.confirmService}`) }
        : { verdict: o.strict ? ('fail' as const) : ('warn' as const), why: T(`no ${family.confirmService} call for the valid notification${o.strict ? '' : ' (a failure with --strict)'}`, `未为合法通知调用 ${family.confirmService}${o.strict ? '' : '（--strict 时判为失败）'}`), fix: FIX_CONFIRM }),
    });

    const summary: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
    for (const r of results) summary[r.verdict]++;
    return { url: o.url, family: family.id, signType: o.signType, partner: o.partner, gateway: side.url, strict: o.strict === true, cases: results, notifyVerifyCalls: calls.length, summary, exitCode: summary.fail > 0 ? 1 : 0 };
  } finally {
    await side.close();
  }
}

/** The scorecard as plain lines (terminal, or the editor's report document), in one language. */
export function scorecardLines(s: Scorecard, lang: 'en' | 'zh'): string[] {
  const L = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const mark: Record<Verdict, string> = { pass: L('PASS', '通过'), warn: L('WARN', '警告'), fail: L('FAIL', '失败') };
  const out = [
    L(`notify-test ${s.url} (${s.family}, ${s.signType}, partner ${s.partner}; notify_verify at ${s.gateway})`, `notify-test ${s.url}（${s.family}，${s.signType}，partner ${s.partner}；notify_verify 网关 ${s.gateway}）`),
    '',
  ];
  for (const c of s.cases) {
    out.push(`[${mark[c.verdict]}] ${c.id}: ${c.title[lang]}`);
    out.push(`    ${L('sent', '发送')}: ${c.sent}`);
    if (c.status || c.answerShown) out.push(`    ${L('answer', '应答')}: HTTP ${c.status || '-'} ${c.answerShown}`);
    out.push(`    ${L('verdict', '结论')}: ${c.why[lang]}`);
    if (c.fix && c.verdict !== 'pass') out.push(`    ${L('fix', '修改')}: ${c.fix[lang]}`);
  }
  out.push('');
  out.push(L(`${s.summary.pass} passed, ${s.summary.warn} warnings, ${s.summary.fail} failed`, `通过 ${s.summary.pass}，警告 ${s.summary.warn}，失败 ${s.summary.fail}`));
  return out;
}
