// Async notifications: a signed form POST to notify_url; anything but the body
// `success` is retried on a (compressed) schedule; every attempt is logged and
// recorded. Resend and a deliberately tampered copy exist so a merchant's
// handler can be shown to be idempotent and to reject forgeries.
import { isLoopbackHost } from '../core/profile';
import * as crypto from 'node:crypto';
import { serializeQuery, type Param } from '../core/params';
import { encode } from '../core/charset';
import { acceptsNotifyAnswer, classifyNotifyAnswer } from '../core/notifyAnswer';
import type { LoadedConfig } from './config';
import type { LogFn } from './log';
import { postNotification } from './postNotification';
import { redactParams } from './log';
import { notifyParams, signOutgoing } from './messages';
import type { Store } from './state';
import { alipayTime, NotificationRecord, NotifyAttempt, Trade } from './types';

/** Alipay re-sends at 4m, 10m, 10m, 1h, 2h, 6h, 15h; compressed 60x by default. */
export const DEFAULT_SCHEDULE_MS = [4, 10, 10, 60, 120, 360, 900].map((m) => m * 1000);

export interface NotifierDeps {
  store: Store;
  config: LoadedConfig;
  log: LogFn;
  now: () => number;
  scheduleMs: number[];
  timeoutMs: number;
}

export type TamperMode = 'amount' | 'sign';

/** An async notification's notify_id, shaped like real ones: 34 lowercase hex digits. */
export function newNotifyId(): string {
  return crypto.randomBytes(17).toString('hex');
}

/**
 * A return URL's notify_id, shaped like real ones (`RqPnCoPT3K9/vwbh3I…`, base64 with '/' and '+').
 * Real return URLs carry it percent-encoded once more (`%252F` on the wire): see returnNotifyIdValue.
 */
export function newReturnNotifyId(): string {
  return 'RqPnCoPT3K9/vwbh3I' + crypto.randomBytes(36).toString('base64').replace(/=+$/, '');
}

export class Notifier {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly d: NotifierDeps) {}

  /** Creates, records and sends the notification for the trade's current status. */
  issue(t: Trade): NotificationRecord | undefined {
    if (!t.notifyUrl) return undefined;
    const merchant = this.d.config.merchants.get(t.partner);
    if (!merchant) return undefined;
    const notifyId = newNotifyId();
    const params = signOutgoing(notifyParams(t, notifyId, this.d.now()), t.signType, t.charset, { merchant, alipayPrivateKey: this.d.config.alipayPrivateKey, alipayDsaPrivateKey: this.d.config.alipayDsaPrivateKey });
    const rec: NotificationRecord = {
      notifyId,
      tradeNo: t.tradeNo,
      partner: t.partner,
      notifyUrl: t.notifyUrl,
      charset: t.charset,
      params,
      lastSentAt: 0,
      delivered: false,
      nextSlot: 0,
      attempts: [],
    };
    this.d.store.notifications.set(notifyId, rec);
    void this.track(this.attempt(rec, 'scheduled'));
    return rec;
  }

  /** After a restart: undelivered notifications continue on their schedule. */
  resumePending(): void {
    for (const rec of this.d.store.notifications.values()) {
      if (!rec.delivered && rec.nextSlot < this.d.scheduleMs.length && rec.attempts.length > 0) this.schedule(rec);
    }
  }

  resend(notifyId: string): Promise<NotifyAttempt> | undefined {
    const rec = this.d.store.notifications.get(notifyId);
    return rec ? this.track(this.attempt(rec, 'resend')) : undefined;
  }

  sendTampered(notifyId: string, mode: TamperMode): Promise<NotifyAttempt> | undefined {
    const rec = this.d.store.notifications.get(notifyId);
    return rec ? this.track(this.attempt(rec, 'tampered', mode)) : undefined;
  }

  /** Resolves when no delivery is in flight. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    return p;
  }

  private schedule(rec: NotificationRecord): void {
    const delay = this.d.scheduleMs[rec.nextSlot];
    const old = this.timers.get(rec.notifyId);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(rec.notifyId);
      if (!rec.delivered && !this.closed) {
        rec.nextSlot++;
        void this.track(this.attempt(rec, 'scheduled'));
      }
    }, delay);
    timer.unref();
    this.timers.set(rec.notifyId, timer);
  }

  private tampered(params: Param[], mode: TamperMode): Param[] {
    return params.map((p) => {
      if (mode === 'amount' && p.name === 'total_fee') return { ...p, value: (Number(p.value) + 100).toFixed(2) };
      if (mode === 'sign' && p.name === 'sign') return { ...p, value: p.value.slice(0, -4) + (p.value.endsWith('AAAA') ? 'BBBB' : 'AAAA') };
      return p;
    });
  }

  private async attempt(rec: NotificationRecord, kind: NotifyAttempt['kind'], mode: TamperMode = 'amount'): Promise<NotifyAttempt> {
    const params = kind === 'tampered' ? this.tampered(rec.params, mode) : rec.params;
    const nowMs = this.d.now();
    if (kind !== 'tampered') rec.lastSentAt = nowMs;
    const result = await this.post(rec, params);
    const attempt: NotifyAttempt = { at: alipayTime(nowMs), attempt: rec.attempts.length + 1, kind, ...result };
    if (kind !== 'tampered' && result.ok) rec.delivered = true;
    if (kind === 'scheduled' && !result.ok && rec.nextSlot < this.d.scheduleMs.length && !this.closed) {
      attempt.nextRetryMs = this.d.scheduleMs[rec.nextSlot];
      this.schedule(rec);
    }
    rec.attempts.push(attempt);
    this.d.log(
      'notify',
      {
        en: 'notification {notifyId} ({kind}) attempt {n} → {url}: {result}',
        zh: '通知 {notifyId}（{kind}）第 {n} 次 → {url}：{result}',
      },
      {
        notifyId: rec.notifyId,
        kind: kind === 'tampered' ? `tampered:${mode}` : kind,
        n: attempt.attempt,
        url: rec.notifyUrl,
        result:
          (result.ok ? 'success' : `${result.status || 'no response'} ${JSON.stringify(result.answer.slice(0, 60))}${attempt.nextRetryMs !== undefined ? ` (retry in ${attempt.nextRetryMs} ms)` : ''}`) +
          (result.note === 'bom' ? ' (UTF-8 BOM before "success": refused)' : result.note === 'whitespace' ? ' (whitespace around "success": accepted)' : ''),
      },
      { attempt, notifyId: rec.notifyId, tradeNo: rec.tradeNo, params: redactParams(params) },
    );
    await this.d.store.commit().catch(() => undefined);
    return attempt;
  }

  private post(rec: NotificationRecord, params: Param[]): Promise<Pick<NotifyAttempt, 'status' | 'answer' | 'ok' | 'note'>> {
    let url: URL;
    try {
      url = new URL(rec.notifyUrl);
    } catch {
      return Promise.resolve({ status: 0, answer: 'notify_url is not a valid URL', ok: false });
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !this.d.config.notify.allowHttpAnyHost) {
      return Promise.resolve({ status: 0, answer: 'refused: http notify_url only to loopback (use https, or notify.allowHttpAnyHost in the config)', ok: false });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve({ status: 0, answer: `unsupported scheme ${url.protocol}`, ok: false });
    const body = encode(serializeQuery(params, rec.charset), 'utf-8');
    return postNotification(url, body, rec.charset, { timeoutMs: this.d.timeoutMs, userAgent: 'alipay-toolkit-emulator' }).then((a) => {
      if (a.error !== undefined) return { status: a.status, answer: a.error, ok: false };
      const kind = classifyNotifyAnswer(a.body);
      const note = kind === 'bom' || kind === 'whitespace' ? { note: kind } : {};
      return { status: a.status, answer: a.body.toString('utf8').slice(0, 200), ok: acceptsNotifyAnswer(a.status, a.body), ...note };
    });
  }
}
