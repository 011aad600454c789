// The HTTP side: /gateway.do with the real gateway's checks and error XML,
// the emulator's pages (cashier, trade actions) and its admin API.
import { MAPI_CHARSET_PARAM } from '../core/protocol';
import { gatewayReadCharset, gatewaySignType } from '../core/resolve';
import { isSecretParam, REDACTED } from '../core/redact';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Charset } from '../core/charset';
import { isToolkitError, ToolkitError } from '../core/i18n';
import { getParam, MAX_PARAMS, parseQuery, Param } from '../core/params';
import { verifyParams } from '../core/sign';
import { checkBusinessParams } from './checkParams';
import { defaultKeyDir, ensureKeyDir, GatewayConfig, loadConfig, loadConfigFile, LoadedConfig } from './config';
import { Engine, GatewayError } from './engine';
import { bi, htmlEscape, page } from './html';
import { Logger, makeLog, redactParams } from './log';
import { DEFAULT_SCHEDULE_MS, Notifier, TamperMode } from './notifier';
import { cashierPage, detailPage, errorPageReply, html, plainText, Reply, Root, rootOf, SERVICES, ServiceImpl, xml } from './services';
import { ParamValues } from './paramValues';
import { Store } from './state';
import type { MapiSignType, NotificationRecord, NotifyAttempt, Trade } from './types';
import { errorXml } from './xml';

export interface GatewayOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A config file path or object; absent: keys created/reused in `keyDir`. */
  config?: string | GatewayConfig;
  keyDir?: string;
  stateFile?: string;
  logger?: Logger;
  /** Retry delays in ms after a failed notification (overrides the config). */
  notifySchedule?: number[];
  notifyTimeoutMs?: number;
  /** Clock in epoch ms (tests move it to check notify_verify's one-minute window). */
  now?: () => number;
  /** Largest request body accepted (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface MerchantSummary {
  partner: string;
  sellerEmail: string;
  signTypes: MapiSignType[];
  /** Paths only, never contents. */
  keyFiles: { md5Key?: string; merchantPrivateKey?: string; merchantPublicKey?: string; alipayPublicKey?: string };
  snsUserIds: string[];
}

export interface RunningGateway {
  url: string;
  origin: string;
  host: string;
  port: number;
  keyDir?: string;
  stateFile?: string;
  merchants: MerchantSummary[];
  trades(): Trade[];
  trade(tradeNo: string): Trade | undefined;
  notifications(): NotificationRecord[];
  pay(tradeNo: string): Promise<{ returnUrl: string }>;
  confirmReceipt(tradeNo: string): Promise<Trade>;
  resendNotification(notifyId: string): Promise<NotifyAttempt>;
  sendTamperedNotification(notifyId: string, mode?: TamperMode): Promise<NotifyAttempt>;
  idle(): Promise<void>;
  close(): Promise<void>;
  /** Called after every change of trades or notifications (front ends refresh from it; no polling). */
  onDidChange(listener: () => void): { dispose(): void };
}

const CHARSET_KEY = `${MAPI_CHARSET_PARAM}=`;

/** The raw value of the first `_input_charset=` pair, found without splitting the query (every request runs this). */
function rawCharset(query: string): string | undefined {
  let start = 0;
  for (;;) {
    const amp = query.indexOf('&', start);
    if (query.startsWith(CHARSET_KEY, start)) {
      return query.slice(start + CHARSET_KEY.length, amp < 0 ? query.length : amp);
    }
    if (amp < 0) return undefined;
    start = amp + 1;
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function json(status: number, value: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(value)) };
}

/**
 * writeHead's flat [name, value, …] form, content-length last: node stores it as given (same bytes),
 * where a spread object cost a slow property definition and a for-in enumeration per request.
 */
function headerList(headers: Reply['headers'], length: number): string[] {
  const out: string[] = [];
  for (const name in headers) out.push(name, headers[name]);
  out.push('content-length', String(length));
  return out;
}

function send(res: http.ServerResponse, r: Reply): void {
  if (res.headersSent || res.destroyed) return;
  // One body buffer, as a plain server answers: the socket gets the head and the body in one
  // two-piece writev, where a piece per chunk cost the most CPU of a request.
  res.writeHead(r.status, headerList(r.headers, r.body.length));
  res.end(r.body);
}

function errXml(code: string, charset: Charset, status = 200): Reply {
  return xml(errorXml(code, charset), charset, status);
}

/** The reply with more headers (the error XML is built once, not again for its headers). */
function withHeaders(r: Reply, extra: Record<string, string>): Reply {
  return { ...r, headers: { ...r.headers, ...extra } };
}

const NO_BODY = Buffer.alloc(0);

class BodyTooLarge extends Error {}
/** The client went away mid-upload: nobody to answer, nothing to log (1,000 aborted uploads are not 1,000 errors). */
class ClientAborted extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume(); // drain what is left; the answer says why
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new ClientAborted()));
    req.on('aborted', () => reject(new ClientAborted()));
  });
}

/** The Origin's host is the Host (or X-Forwarded-Host) asked for: same site, whatever the scheme a proxy adds. */
function sameHost(origin: string, req: http.IncomingMessage): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = req.headers['x-forwarded-host'];
  return host === req.headers.host || (typeof forwarded === 'string' && forwarded.split(',').some((h) => h.trim() === host));
}

function redactNotification(n: NotificationRecord): NotificationRecord {
  return { ...clone(n), params: n.params.map((p) => (isSecretParam(p.name) ? { name: p.name, value: REDACTED } : p)) };
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  let config: LoadedConfig;
  if (typeof options.config === 'string') config = loadConfigFile(options.config);
  else if (options.config) config = loadConfig(options.config, process.cwd(), 'config');
  else config = ensureKeyDir(options.keyDir ?? defaultKeyDir(options.stateFile));

  const log = makeLog(options.logger);
  const now = options.now ?? Date.now;
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const store = new Store(options.stateFile);
  store.load();
  const listeners = new Set<() => void>();
  store.onCommit = () => {
    for (const l of [...listeners]) {
      try {
        l();
      } catch {
        // a listener's bug must not fail the request that changed the state
      }
    }
  };
  const notifier = new Notifier({
    store,
    config,
    log,
    now,
    scheduleMs: options.notifySchedule ?? config.notify.scheduleMs ?? DEFAULT_SCHEDULE_MS,
    timeoutMs: options.notifyTimeoutMs ?? config.notify.timeoutMs ?? 10_000,
  });
  const engine = new Engine(store, config, notifier, now, log);

  /**
   * The checks of the real gateway, in its order, then the service. A GET is answered in the
   * same turn (no promise unless the service itself waits): a query costs no microtask hops.
   */
  function gateway(req: http.IncomingMessage, query: string): Reply | Promise<Reply> {
    if (req.method === 'POST') {
      return readBody(req, maxBody).then(
        (body) => gatewayAnswer(query, body),
        (e: unknown) => {
          if (e instanceof BodyTooLarge) return withHeaders(errXml('ILLEGAL_ARGUMENT', 'utf-8', 413), { connection: 'close' });
          throw e;
        },
      );
    }
    if (req.method !== 'GET') {
      return withHeaders(errXml('ILLEGAL_ARGUMENT', 'utf-8', 405), { allow: 'GET, POST' });
    }
    return gatewayAnswer(query, NO_BODY);
  }

  function gatewayAnswer(query: string, body: Buffer): Reply | Promise<Reply> {
    // Form bodies are ASCII after percent-encoding; latin1 keeps stray raw bytes as they came.
    const bodyText = body.length === 0 ? '' : body.toString('latin1');
    let charset: Charset;
    try {
      // The resolver's gateway rule: only the query string's _input_charset counts, else GBK.
      const named = rawCharset(query);
      // Only an escaped name needs decoding (decodeURIComponent is a call into the runtime).
      charset = gatewayReadCharset(named === undefined || !named.includes('%') ? named : decodeURIComponent(named)).value;
    } catch {
      return errXml('ILLEGAL_CHARSET', 'utf-8');
    }
    let params: Param[];
    try {
      params = parseQuery(query, { charset }).params;
      if (bodyText.trim() !== '') {
        // One map lookup per parameter (a linear search each made a 100,000-parameter body quadratic).
        const seen = new Map(params.map((p) => [p.name, p.value]));
        for (const p of parseQuery(bodyText, { charset }).params) {
          const have = seen.get(p.name);
          if (have === undefined) {
            if (params.length === MAX_PARAMS) throw new ToolkitError('TOO_MANY_PARAMS', { en: 'More than {max} parameters', zh: '参数超过 {max} 个' }, { max: MAX_PARAMS });
            params.push(p);
            seen.set(p.name, p.value);
          } else if (have !== p.value) return errXml('ILLEGAL_ARGUMENT', charset);
        }
      }
    } catch (e) {
      if (isToolkitError(e)) {
        log('request', { en: 'rejected: {reason}', zh: '已拒绝：{reason}' }, { reason: e.message.slice(0, 200) });
        return errXml('ILLEGAL_ARGUMENT', charset);
      }
      throw e;
    }
    const values = new ParamValues(params);
    const serviceName = values.get('service') ?? '';
    const impl: ServiceImpl | undefined = Object.prototype.hasOwnProperty.call(SERVICES, serviceName) ? SERVICES[serviceName] : undefined;
    const fail = (code: string, why = ''): Reply => {
      log('request', { en: '{service} → {code} {why}', zh: '{service} → {code} {why}' }, { service: serviceName || '(none)', code, why }, () => ({ params: redactParams(params) }));
      return impl?.kind === 'page' ? errorPageReply(code, charset) : errXml(code, charset);
    };
    if (!impl) return fail('ILLEGAL_SERVICE');
    const merchant = config.merchants.get(values.get('partner') ?? '');
    // notify_verify answers in plain text, also for a partner it does not know (the documented `invalid`).
    if (!merchant && serviceName === 'notify_verify') {
      engine.recordVerify(values.get('partner') ?? '', values.get('notify_id') ?? '', 'invalid');
      log('request', { en: '{service} → {code} {why}', zh: '{service} → {code} {why}' }, { service: serviceName, code: 'invalid', why: 'unknown partner' });
      return plainText('invalid', charset);
    }
    if (!merchant) return fail('ILLEGAL_PARTNER');
    let signType: MapiSignType = 'MD5';
    if (!impl.unsigned) {
      // The resolver's gateway rule: sign_type as sent, one the MAPI gateway takes (not RSA2).
      const st = gatewaySignType(params, 'mapi');
      if ('refused' in st) return fail('ILLEGAL_SIGN_TYPE', st.refused === 'missing' ? 'sign_type missing' : st.value);
      if (!(merchant.signTypes as string[]).includes(st.signType)) return fail('ILLEGAL_SECURITY_PROFILE', `no ${st.signType} key for this partner`);
      signType = st.signType as MapiSignType;
      const key =
        signType === 'MD5'
          ? { md5Key: merchant.md5Key as string }
          : { publicKey: (signType === 'DSA' ? merchant.dsaPublicKey : merchant.publicKey) as NonNullable<typeof merchant.publicKey> };
      if (!verifyParams(params, signType, key, charset).valid) return fail('ILLEGAL_SIGN');
    }
    // A service outside the merchant's contract: what integrators see from the real gateway.
    if (!impl.unsigned && merchant.services && !merchant.services.has(serviceName)) return fail('ILLEGAL_PARTNER_EXTERFACE');
    // Anti-phishing (防钓鱼): a key query_timestamp did not give this partner, or an old one, is refused.
    const antiPhishingKey = values.get('anti_phishing_key');
    if (antiPhishingKey) {
      const refused = engine.checkAntiPhishingKey(merchant.partner, antiPhishingKey);
      if (refused) return fail(refused, 'anti_phishing_key');
    }
    const bad = checkBusinessParams(serviceName, values);
    if (bad) return fail('ILLEGAL_ARGUMENT', bad);
    const done = (reply: Reply): Reply => {
      if (log.enabled) log('request', { en: '{service} → ok', zh: '{service} → 成功' }, { service: serviceName }, () => ({ params: redactParams(params) }));
      return reply;
    };
    const failed = (e: unknown): Reply => {
      if (e instanceof GatewayError) return fail(e.code, e.why);
      throw e;
    };
    let result: Reply | Promise<Reply>;
    try {
      result = impl.run({ engine, params, values, merchant, charset, signType });
    } catch (e) {
      return failed(e);
    }
    return result instanceof Promise ? result.then(done, failed) : done(result);
  }

  /** A field of the emulator's own forms or links; malformed input is just absent. */
  function formField(text: string, name: string): string {
    try {
      return getParam(parseQuery(text, { charset: 'utf-8' }).params, name) ?? '';
    } catch {
      return '';
    }
  }

  /** The emulator's own pages and admin API. */
  async function emulatorRoute(req: http.IncomingMessage, path: string, query: string): Promise<Reply> {
    const isPost = req.method === 'POST';
    let body: Buffer = Buffer.alloc(0);
    if (isPost) {
      try {
        body = await readBody(req, 64 * 1024);
      } catch (e) {
        if (e instanceof BodyTooLarge) return { ...json(413, { error: 'body too large' }), headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } };
        throw e;
      }
    }
    // A page elsewhere must not drive the emulator through the browser (CSRF). Behind a port proxy
    // (code-server's /proxy/8787/) the page's origin is the proxy's: its host is the one asked for.
    if (isPost && req.headers.origin && !sameHost(req.headers.origin, req)) return json(403, { error: 'cross-origin request refused' });
    const root = rootOf(path);
    const field = (n: string) => formField(body.toString('latin1'), n) || formField(query, n);
    const pageError = (e: unknown): Reply => {
      if (e instanceof GatewayError) return errorPageReply(e.code, 'utf-8');
      throw e;
    };
    try {
      if (isPost && path === '/__emulator/cashier/pay') {
        const { trade, returnUrl } = await engine.pay(field('trade_no'));
        if (returnUrl) return { status: 302, headers: { location: returnUrl, 'content-type': 'text/plain' }, body: Buffer.from('') };
        return detailPage(trade, { zh: '付款成功', en: 'Payment succeeded' }, root);
      }
      if (isPost && path === '/__emulator/cashier/cancel') {
        const t = engine.need(field('trade_no'));
        return detailPage(t, { zh: '已取消付款，交易仍等待付款', en: 'Payment cancelled; the trade still waits for payment' }, root);
      }
      if (isPost && path === '/__emulator/trade/confirm') return detailPage(await engine.confirmReceipt(field('trade_no')), { zh: '已确认收货', en: 'Receipt confirmed' }, root);
      if (isPost && path === '/__emulator/trade/modify') return detailPage(await engine.modifyPrice(field('trade_no'), field('total_fee')), { zh: '价格已修改', en: 'Price modified' }, root);
      if (isPost && path === '/__emulator/trade/close') return detailPage(await engine.close(engine.need(field('trade_no'))), { zh: '交易已关闭', en: 'Trade closed' }, root);
      if (!isPost && path === '/__emulator/trade') return detailPage(engine.need(field('trade_no')), undefined, root);
      if (!isPost && path === '/__emulator/cashier') return cashierPage(engine.need(field('trade_no')), root);
    } catch (e) {
      return pageError(e);
    }
    // notify-test: notify_ids for notifications it signs itself, and the notify_verify calls a handler made.
    if (isPost && path === '/__emulator/api/notify-ids') {
      const partner = field('partner');
      if (!config.merchants.has(partner)) return json(404, { error: 'unknown partner' });
      return json(200, { notifyId: engine.issueNotifyId(partner) });
    }
    if (!isPost && path === '/__emulator/api/notify-verify-calls') return json(200, engine.verifyCalls);
    if (!isPost && path === '/__emulator/api/state') {
      return json(200, { trades: [...store.trades.values()], notifications: [...store.notifications.values()].map(redactNotification) });
    }
    const m = /^\/__emulator\/api\/(notifications|trades)\/([^/]+)\/(resend|tamper|pay|confirm)$/.exec(path);
    if (isPost && m) {
      let id: string;
      try {
        id = decodeURIComponent(m[2]);
      } catch {
        return json(400, { error: 'bad id' });
      }
      try {
        if (m[1] === 'notifications' && m[3] === 'resend') {
          const a = notifier.resend(id);
          return a ? json(200, await a) : json(404, { error: 'no such notification' });
        }
        if (m[1] === 'notifications' && m[3] === 'tamper') {
          const mode = formField(query, 'mode') === 'sign' ? 'sign' : 'amount';
          const a = notifier.sendTampered(id, mode);
          return a ? json(200, await a) : json(404, { error: 'no such notification' });
        }
        if (m[1] === 'trades' && m[3] === 'pay') return json(200, { returnUrl: (await engine.pay(id)).returnUrl });
        if (m[1] === 'trades' && m[3] === 'confirm') return json(200, await engine.confirmReceipt(id));
      } catch (e) {
        if (e instanceof GatewayError) return json(409, { error: e.code, why: e.why });
        throw e;
      }
    }
    if (!isPost && (path === '/__emulator' || path === '/__emulator/')) return indexPage(root);
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found\n') };
  }

  function indexPage(root: Root): Reply {
    const rows = [...store.trades.values()]
      .slice(-200)
      .reverse()
      .map((t) => `<tr><td><a href="${root}__emulator/trade?trade_no=${encodeURIComponent(t.tradeNo)}">${htmlEscape(t.tradeNo)}</a></td><td>${htmlEscape(t.outTradeNo)}</td><td>${htmlEscape(t.totalFee)}</td><td>${htmlEscape(t.status)}</td></tr>`)
      .join('');
    const merchants = [...config.merchants.values()].map((mm) => `<li>partner <code>${htmlEscape(mm.partner)}</code> (${mm.signTypes.join(', ')})</li>`).join('');
    return html(page({ zh: '本地模拟网关', en: 'Local gateway' }, `<ul>${merchants}</ul><table><tr><th>trade_no</th><th>out_trade_no</th><th>total_fee</th><th>${bi({ zh: '状态', en: 'Status' })}</th></tr>${rows}</table>`, 'utf-8'), 'utf-8');
  }

  const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const query = q < 0 ? '' : raw.slice(q + 1);
    const failed = (e: unknown): void => {
      if (e instanceof ClientAborted) return void res.destroy();
      // A bug must cost one request, never the gateway.
      log('error', { en: 'internal error: {reason}', zh: '内部错误：{reason}' }, { reason: e instanceof Error ? e.message : String(e) });
      send(res, errXml('SYSTEM_ERROR', 'utf-8', 500));
    };
    let work: Reply | Promise<Reply>;
    try {
      if (path === '/gateway.do') work = gateway(req, query);
      else if (path.startsWith('/__emulator')) work = emulatorRoute(req, path, query);
      else if (path === '/') work = Promise.resolve({ status: 302, headers: { location: '__emulator/' }, body: Buffer.alloc(0) });
      else work = Promise.resolve({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found\n') });
    } catch (e) {
      return failed(e);
    }
    if (work instanceof Promise) work.then((r) => send(res, r), failed);
    else send(res, work);
  });
  // Oversized or malformed requests the HTTP parser rejects still get the gateway's XML.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = errorXml('ILLEGAL_ARGUMENT');
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/xml; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body.toString('utf8')}`);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host, backlog: 2048 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  notifier.resumePending();
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log('state', { en: 'gateway listening on {url}', zh: '网关已在 {url} 监听' }, { url: `${origin}/gateway.do` });

  const need = <T>(p: Promise<T> | undefined, what: string): Promise<T> => p ?? Promise.reject(new GatewayError('NOT_FOUND', what));
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/gateway.do`,
    origin,
    host,
    port,
    keyDir: config.keyDir,
    stateFile: options.stateFile,
    merchants: [...config.merchants.values()].map((mm) => ({ partner: mm.partner, sellerEmail: mm.sellerEmail, signTypes: [...mm.signTypes], keyFiles: { ...mm.keyFiles }, snsUserIds: mm.snsUsers.map((u) => u.id) })),
    trades: () => clone([...store.trades.values()]),
    trade: (no) => {
      const t = store.trades.get(no);
      return t && clone(t);
    },
    notifications: () => [...store.notifications.values()].map(clone),
    pay: async (no) => ({ returnUrl: (await engine.pay(no)).returnUrl }),
    confirmReceipt: async (no) => clone(await engine.confirmReceipt(no)),
    resendNotification: (id) => need(notifier.resend(id), `notification ${id}`),
    sendTamperedNotification: (id, mode = 'amount') => need(notifier.sendTampered(id, mode), `notification ${id}`),
    onDidChange: (listener) => {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
    idle: async () => {
      await notifier.idle();
      await store.commit().catch(() => undefined);
    },
    close: () => {
      closing ??= (async () => {
        notifier.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await notifier.idle();
        await store.commit().catch(() => undefined);
        log('state', { en: 'gateway stopped', zh: '网关已停止' });
      })();
      return closing;
    },
  };
}
