// In-memory trades and notifications, optionally persisted to a file. Every
// change is written atomically (temp file + fsync + rename); concurrent changes
// share one write ("group commit"), and a caller that must not answer before
// the change is durable awaits `commit()`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHARSETS } from '../core/charset';
import { ToolkitError } from '../core/i18n';
import { MAPI_SIGN_TYPES, NotificationRecord, Trade, TRADE_KINDS, TRADE_STATUSES } from './types';

interface StateFile {
  version: 1;
  seq: number;
  trades: Trade[];
  notifications: NotificationRecord[];
}

function stateError(file: string, en: string, zh: string, args: Record<string, string | number> = {}): ToolkitError {
  return new ToolkitError('EMULATOR_STATE', { en: `State file "{file}": ${en}`, zh: `状态文件 "{file}"：${zh}` }, { file, ...args });
}

const TRADE_STRINGS: Array<keyof Trade> = [
  'tradeNo', 'outTradeNo', 'partner', 'subject', 'body', 'totalFee', 'price', 'quantity', 'paymentType', 'sellerId', 'sellerEmail',
  'buyerId', 'buyerEmail', 'logisticsType', 'logisticsFee', 'logisticsPayment', 'logisticsName', 'invoiceNo', 'transportType',
  'notifyUrl', 'returnUrl', 'gmtCreate', 'gmtPayment', 'gmtSendGoods', 'gmtClose', 'gmtLastModified',
];

function validTrade(t: unknown): t is Trade {
  if (typeof t !== 'object' || t === null) return false;
  const r = t as Record<string, unknown>;
  return (
    TRADE_STRINGS.every((k) => typeof r[k] === 'string') &&
    (TRADE_STATUSES as readonly unknown[]).includes(r.status) &&
    (TRADE_KINDS as readonly unknown[]).includes(r.kind) &&
    (CHARSETS as readonly unknown[]).includes(r.charset) &&
    (MAPI_SIGN_TYPES as readonly unknown[]).includes(r.signType)
  );
}

function validNotification(n: unknown): n is NotificationRecord {
  if (typeof n !== 'object' || n === null) return false;
  const r = n as Record<string, unknown>;
  return (
    ['notifyId', 'tradeNo', 'partner', 'notifyUrl'].every((k) => typeof r[k] === 'string') &&
    (CHARSETS as readonly unknown[]).includes(r.charset) &&
    Array.isArray(r.params) &&
    r.params.every((p: unknown) => typeof p === 'object' && p !== null && typeof (p as { name: unknown }).name === 'string' && typeof (p as { value: unknown }).value === 'string') &&
    typeof r.lastSentAt === 'number' &&
    typeof r.delivered === 'boolean' &&
    typeof r.nextSlot === 'number' &&
    Array.isArray(r.attempts)
  );
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Store {
  readonly trades = new Map<string, Trade>();
  /** partner + '\n' + out_trade_no → trade_no */
  private readonly byOut = new Map<string, string>();
  readonly notifications = new Map<string, NotificationRecord>();
  seq = 0;

  private writing: Promise<void> | undefined;
  private pending: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly file?: string) {}

  /** Loads and validates the state file; a missing file is an empty state, a damaged one an error (never overwritten). */
  load(): void {
    if (!this.file) return;
    this.removeStaleTemps(this.file);
    if (!fs.existsSync(this.file)) return;
    let obj: unknown;
    try {
      obj = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch (e) {
      throw stateError(this.file, 'not valid JSON ({reason}); fix or remove it', '不是合法的 JSON（{reason}），请修复或删除', { reason: (e as Error).message });
    }
    const s = obj as Partial<StateFile>;
    if (typeof s !== 'object' || s === null || s.version !== 1 || !Array.isArray(s.trades) || !Array.isArray(s.notifications) || typeof s.seq !== 'number') {
      throw stateError(this.file, 'not an emulator state file (version 1 with trades and notifications)', '不是模拟网关的状态文件（需要 version 1、trades 与 notifications）');
    }
    s.trades.forEach((t, i) => {
      if (!validTrade(t)) throw stateError(this.file as string, 'trade #{n} is damaged', '第 {n} 笔交易已损坏', { n: i + 1 });
      this.putTrade(t);
    });
    s.notifications.forEach((n, i) => {
      if (!validNotification(n)) throw stateError(this.file as string, 'notification #{n} is damaged', '第 {n} 条通知已损坏', { n: i + 1 });
      this.notifications.set(n.notifyId, n);
    });
    this.seq = s.seq;
  }

  removeTrade(t: Trade): void {
    this.trades.delete(t.tradeNo);
    const key = t.partner + '\n' + t.outTradeNo;
    if (this.byOut.get(key) === t.tradeNo) this.byOut.delete(key);
  }

  /**
   * Temp files a killed process left (`state.json.<pid>.tmp`): never the state
   * (the rename is what commits), so they go. Another live emulator on the
   * same file would be a misuse anyway; its pid is spared.
   */
  private removeStaleTemps(file: string): void {
    const dir = path.dirname(file);
    const prefix = path.basename(file) + '.';
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const m = n.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(n.slice(prefix.length)) : null;
      if (!m || Number(m[1]) === process.pid || pidAlive(Number(m[1]))) continue;
      try {
        fs.unlinkSync(path.join(dir, n));
      } catch {
        // gone already, or not ours to remove
      }
    }
  }

  putTrade(t: Trade): void {
    this.trades.set(t.tradeNo, t);
    this.byOut.set(t.partner + '\n' + t.outTradeNo, t.tradeNo);
  }

  byOutTradeNo(partner: string, outTradeNo: string): Trade | undefined {
    const no = this.byOut.get(partner + '\n' + outTradeNo);
    return no === undefined ? undefined : this.trades.get(no);
  }

  /** Finds a merchant's trade by trade_no or out_trade_no (trade_no wins, as the docs recommend). */
  find(partner: string, tradeNo?: string, outTradeNo?: string): Trade | undefined {
    if (tradeNo) {
      const t = this.trades.get(tradeNo);
      return t && t.partner === partner && (!outTradeNo || t.outTradeNo === outTradeNo) ? t : undefined;
    }
    return outTradeNo ? this.byOutTradeNo(partner, outTradeNo) : undefined;
  }

  snapshot(): StateFile {
    return { version: 1, seq: this.seq, trades: [...this.trades.values()], notifications: [...this.notifications.values()] };
  }

  /** Told of every committed change (the gateway's onDidChange). */
  onCommit: (() => void) | undefined;

  /** Resolves once every change made before the call is on disk (no-op without a file). */
  commit(): Promise<void> {
    this.onCommit?.();
    if (!this.file) return Promise.resolve();
    if (this.pending) return this.pending; // a queued write will include this change
    if (!this.writing) return this.start();
    // The write in flight took its snapshot before this change: queue one more.
    this.pending = this.writing.then(
      () => this.start(),
      () => this.start(),
    );
    return this.pending;
  }

  private start(): Promise<void> {
    this.pending = undefined;
    const w: Promise<void> = this.writeNow().finally(() => {
      if (this.writing === w) this.writing = undefined;
    });
    this.writing = w;
    return w;
  }

  /** The last write failure, if any (shown by the front end; the gateway keeps serving from memory). */
  get lastError(): Error | undefined {
    return this.failure;
  }

  /** Makes the rename itself durable (POSIX); platforms that cannot open a folder skip it. */
  private async syncDir(dir: string): Promise<void> {
    let fh: fs.promises.FileHandle | undefined;
    try {
      fh = await fs.promises.open(dir, 'r');
      await fh.sync();
    } catch {
      // Windows cannot fsync a directory; the rename is still atomic there
    } finally {
      await fh?.close();
    }
  }

  private async writeNow(): Promise<void> {
    const file = this.file as string;
    const tmp = `${file}.${process.pid}.tmp`;
    const data = JSON.stringify(this.snapshot());
    try {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const fh = await fs.promises.open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.promises.rename(tmp, file);
      await this.syncDir(path.dirname(file));
      this.failure = undefined;
    } catch (e) {
      this.failure = e as Error;
      throw stateError(file, 'cannot be written ({reason})', '无法写入（{reason}）', { reason: (e as Error).message });
    }
  }
}
