// The HTTP client to a gateway: https to Alipay, plain http only to this
// computer (the emulator). Each way a send can fail is its own typed error with
// a message a developer can act on; the response is decoded in its charset.
import * as http from 'node:http';
import * as https from 'node:https';
import { declaredEncoding, decode, encode, normalizeCharset, type Charset } from './charset';
import { ToolkitError, type Text } from './i18n';
import { serializeQuery, type Param } from './params';
import { checkGateway } from './profile';

export type FailureKind = 'BAD_GATEWAY' | 'REFUSED' | 'DNS' | 'TIMEOUT' | 'TLS' | 'HTTP_5XX' | 'HTTP_STATUS' | 'NOT_XML' | 'CANCELLED' | 'NETWORK' | 'TOO_LARGE';

const FAILURES: Record<FailureKind, Text> = {
  BAD_GATEWAY: { en: 'Cannot send to {url}', zh: '无法发送到 {url}' },
  REFUSED: { en: 'Connection refused by {host}: nothing is listening there (is the gateway or the emulator running?)', zh: '{host} 拒绝连接：该地址没有服务在监听（网关或模拟器是否已启动？）' },
  DNS: { en: 'The host name {host} cannot be resolved (DNS): check the gateway URL and your network', zh: '无法解析主机名 {host}（DNS）：请检查网关 URL 和网络' },
  TIMEOUT: { en: 'No answer from {host} within {seconds} s (timeout); the request may or may not have been processed', zh: '{host} 在 {seconds} 秒内没有应答（超时）；请求可能已被处理，也可能没有' },
  TLS: { en: 'Secure connection to {host} failed (TLS: {reason}); the certificate is not trusted or the connection was intercepted', zh: '与 {host} 的安全连接失败（TLS：{reason}）；证书不受信任或连接被拦截' },
  HTTP_5XX: { en: 'The gateway {host} failed with HTTP {status} (a server error on its side; try again later)', zh: '网关 {host} 返回 HTTP {status}（对方服务器错误，请稍后重试）' },
  HTTP_STATUS: { en: 'The gateway {host} answered HTTP {status}; check the gateway URL', zh: '网关 {host} 返回 HTTP {status}；请检查网关 URL' },
  NOT_XML: { en: 'The gateway {host} answered with something that is not XML ({contentType}): "{preview}"', zh: '网关 {host} 返回的内容不是 XML（{contentType}）："{preview}"' },
  CANCELLED: { en: 'Sending was cancelled', zh: '已取消发送' },
  NETWORK: { en: 'The connection to {host} failed ({reason})', zh: '与 {host} 的连接失败（{reason}）' },
  TOO_LARGE: { en: 'The answer from {host} is larger than {mb} MB; a gateway response never is', zh: '{host} 的应答超过 {mb} MB，网关响应不会这么大' },
};

/** A send that failed; `kind` says how (each kind has its own message). */
export class GatewayError extends ToolkitError {
  constructor(
    readonly kind: FailureKind,
    args: Record<string, string | number> = {},
    text: Text = FAILURES[kind],
  ) {
    super(`GATEWAY_${kind}`, text, args);
    this.name = 'GatewayError';
  }
}

export interface SendOptions {
  /** The gateway URL (`https://…/gateway.do`, or http to 127.0.0.1 / localhost). */
  gateway: string;
  method: 'GET' | 'POST';
  /** Every parameter, `sign` and `sign_type` included, in order. */
  params: readonly Param[];
  charset: Charset;
  /** Milliseconds until the whole exchange is abandoned; default 20 000. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra trusted CA certificates (tests against a local https server). */
  ca?: string | Buffer;
  /** Page services answer with HTML or a redirect: accept those instead of failing NOT_XML. */
  acceptHtml?: boolean;
}

export interface GatewayResponse {
  status: number;
  /** xml: an `<alipay>`/XML document; text: a short plain answer (`true`, `false`, `success`); html/redirect for page services. */
  kind: 'xml' | 'text' | 'html' | 'redirect';
  body: string;
  bytes: Buffer;
  /** The charset the body was decoded with, and where it came from. */
  charset: string;
  charsetFrom: 'content-type' | 'xml-declaration' | 'request';
  contentType?: string;
  location?: string;
  /** What was sent: the URL (with the query) and, for POST, the form body. */
  url: string;
  requestBody?: string;
}

const MAX_BODY = 8 * 1024 * 1024;

/** The URL and body a request goes out as. `_input_charset` is always in the query (seed 000). */
export function buildHttpRequest(gateway: string, method: 'GET' | 'POST', params: readonly Param[], charset: Charset): { url: string; body?: string } {
  const sep = gateway.includes('?') ? '&' : '?';
  const inUrl = new URL(gateway).searchParams;
  const pending = params.filter((p) => !(inUrl.has(p.name) && inUrl.get(p.name) === p.value));
  if (method === 'GET') {
    const q = serializeQuery(pending, charset);
    return { url: q === '' ? gateway : gateway + sep + q };
  }
  const ic = params.find((p) => p.name === '_input_charset');
  const url = ic && !inUrl.has('_input_charset') ? gateway + sep + serializeQuery([ic], charset) : gateway;
  return { url, body: serializeQuery(params, charset) };
}

function tlsReason(code: string | undefined, message: string): string | undefined {
  if (!code && !/ssl|tls|certificate/i.test(message)) return undefined;
  if (code && (/^ERR_(SSL|TLS)_/.test(code) || /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|EPROTO|HOSTNAME/.test(code))) return code;
  if (/ssl|tls|certificate/i.test(message)) return message.slice(0, 120);
  return undefined;
}

/** Maps a socket-level error to its typed failure. */
function classify(e: NodeJS.ErrnoException, host: string): GatewayError {
  const code = e.code;
  if (code === 'ECONNREFUSED') return new GatewayError('REFUSED', { host });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return new GatewayError('DNS', { host });
  const tls = tlsReason(code, e.message ?? '');
  if (tls) return new GatewayError('TLS', { host, reason: tls });
  return new GatewayError('NETWORK', { host, reason: code ?? (e.message || 'unknown').slice(0, 120) });
}

function charsetOfContentType(ct: string | undefined): string | undefined {
  return ct ? /;\s*charset\s*=\s*"?([A-Za-z0-9._-]+)"?/i.exec(ct)?.[1] : undefined;
}

function toCharset(name: string | undefined): Charset | undefined {
  if (!name) return undefined;
  try {
    return normalizeCharset(name);
  } catch {
    return undefined;
  }
}

/** Decodes the body: Content-Type charset, else the XML declaration, else the request's charset. */
export function decodeBody(bytes: Buffer, contentType: string | undefined, requestCharset: Charset): { text: string; charset: string; from: GatewayResponse['charsetFrom'] } {
  const fromCt = toCharset(charsetOfContentType(contentType));
  const fromDecl = fromCt ? undefined : toCharset(declaredEncoding(bytes.subarray(0, 256).toString('latin1')));
  const charset = fromCt ?? fromDecl ?? requestCharset;
  const from = fromCt ? 'content-type' : fromDecl ? 'xml-declaration' : 'request';
  let text: string;
  try {
    text = decode(bytes, charset, 'response');
  } catch {
    text = new TextDecoder('utf-8').decode(bytes); // a mislabelled body is still shown, not lost
  }
  return { text: text.replace(/^\uFEFF/, ''), charset, from };
}

const PLAIN_ANSWER = /^(true|false|success|fail)$/i;

function kindOf(text: string, contentType: string | undefined): GatewayResponse['kind'] | undefined {
  const t = text.trim();
  if (t.startsWith('<?xml') || /^<alipay[\s>]/.test(t) || (t.startsWith('<') && /xml/i.test(contentType ?? '') && !/^<!doctype html|^<html/i.test(t))) return 'xml';
  if (PLAIN_ANSWER.test(t)) return 'text';
  if (/^<!doctype html|^<html/i.test(t) || /html/i.test(contentType ?? '')) return 'html';
  return undefined;
}

/** Sends one request and returns the decoded answer, or throws a GatewayError. */
export function sendToGateway(options: SendOptions): Promise<GatewayResponse> {
  const why = checkGateway(options.gateway);
  if (why) return Promise.reject(new GatewayError('BAD_GATEWAY', { url: options.gateway }, { en: 'Cannot send: ' + why.en, zh: '无法发送：' + why.zh }));
  let built: { url: string; body?: string };
  try {
    built = buildHttpRequest(options.gateway, options.method, options.params, options.charset);
  } catch (e) {
    return Promise.reject(e);
  }
  const target = new URL(built.url);
  const host = target.host;
  const plain = target.protocol === 'http:';
  const timeoutMs = options.timeoutMs ?? 20000;
  const bodyBytes = built.body !== undefined ? encode(built.body, 'utf-8') : undefined; // already percent-encoded ASCII

  return new Promise<GatewayResponse>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new GatewayError('CANCELLED'));
      return;
    }
    let settled = false;
    const finish = (err: GatewayError | undefined, res?: GatewayResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(res as GatewayResponse);
    };
    const headers: Record<string, string | number> = { Accept: 'text/xml, application/xml, text/plain, */*', 'User-Agent': 'alipay-toolkit' };
    if (bodyBytes) {
      headers['Content-Type'] = `application/x-www-form-urlencoded; charset=${options.charset}`;
      headers['Content-Length'] = bodyBytes.length;
    }
    const reqOptions: https.RequestOptions = { method: options.method, headers };
    if (options.ca) reqOptions.ca = options.ca;
    const req = (plain ? http : https).request(target, reqOptions, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          finish(new GatewayError('TOO_LARGE', { host, mb: MAX_BODY / 1024 / 1024 }));
          req.destroy();
          return;
        }
        chunks.push(c);
      });
      res.on('error', (e) => finish(classify(e, host)));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const bytes = Buffer.concat(chunks);
        const contentType = res.headers['content-type'];
        const { text, charset, from } = decodeBody(bytes, contentType, options.charset);
        const base = { status, body: text, bytes, charset, charsetFrom: from, contentType, url: built.url, requestBody: built.body };
        if (status >= 500) return finish(new GatewayError('HTTP_5XX', { host, status }));
        if (status >= 300 && status < 400 && res.headers.location) {
          return finish(undefined, { ...base, kind: 'redirect', location: res.headers.location });
        }
        if (status >= 400 || status < 200) return finish(new GatewayError('HTTP_STATUS', { host, status }));
        const kind = kindOf(text, contentType);
        if (kind === 'xml' || kind === 'text' || (kind === 'html' && options.acceptHtml)) return finish(undefined, { ...base, kind });
        const preview = text.trim().replace(/\s+/g, ' ').slice(0, 80) || '(empty)';
        finish(new GatewayError('NOT_XML', { host, contentType: contentType ?? 'no Content-Type', preview }));
      });
    });
    const onAbort = (): void => {
      finish(new GatewayError('CANCELLED'));
      req.destroy();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      finish(new GatewayError('TIMEOUT', { host, seconds: Math.round(timeoutMs / 100) / 10 }));
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish(classify(e, host)));
    if (bodyBytes) req.end(bodyBytes);
    else req.end();
  });
}
