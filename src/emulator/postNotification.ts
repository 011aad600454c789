// POSTs a notification form the way Alipay does, for the emulator's notifier
// and the notify-test battery alike, and keeps what the handler answered.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Charset } from '../core/charset';

export interface NotifyPostAnswer {
  /** HTTP status, 0 when no response came. */
  status: number;
  /** The first 4 KB or so of the body: a handler's answer is a word, not a page. */
  body: Buffer;
  /** Why no (complete) answer came: connection refused, timeout, reset. */
  error?: string;
}

export interface NotifyPostOptions {
  timeoutMs: number;
  userAgent: string;
  /** A fresh connection per POST (no keep-alive socket the server may just have closed). */
  freshConnection?: boolean;
}

const KEEP_BYTES = 4096;

export function postNotification(url: URL, body: Buffer, charset: Charset, o: NotifyPostOptions): Promise<NotifyPostAnswer> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = mod.request(
      url,
      {
        method: 'POST',
        timeout: o.timeoutMs,
        ...(o.freshConnection ? { agent: false } : {}),
        headers: { 'content-type': `application/x-www-form-urlencoded; charset=${charset}`, 'content-length': body.length, 'user-agent': o.userAgent },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < KEEP_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', (e) => resolve({ status: res.statusCode ?? 0, body: Buffer.alloc(0), error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    req.on('error', (e) => resolve({ status: 0, body: Buffer.alloc(0), error: e.message }));
    req.end(body);
  });
}
