// What the emulator tells its front end (CLI stdout, the VS Code output
// channel, a test). Entries never carry keys; `sign` values are redacted.
import { redactParams as redactParamList } from '../core/redact';
import { Args, Lang, Text, localize } from '../core/i18n';
import type { Param } from '../core/params';
import { escapeText } from '../core/terminal';

export interface LogEntry {
  /** ISO time. */
  time: string;
  kind: 'request' | 'notify' | 'trade' | 'state' | 'error';
  text: Text;
  args: Args;
  /** Structured detail for programs (tests, the extension): never secrets. */
  detail?: Record<string, unknown>;
}

export type Logger = (entry: LogEntry) => void;

/** One log line: request data inside is untrusted, so it is escaped (core/terminal) and cannot forge lines. */
export function formatLogEntry(entry: LogEntry, lang: Lang): string {
  return escapeText(`${entry.time} [${entry.kind}] ${localize(entry.text, lang, entry.args)}`);
}

/** A parameter list safe to log: core/redact's rule (sign, key, … case-insensitively; secrets in values). */
export function redactParams(params: readonly Param[]): string {
  return redactParamList(params);
}

export type LogFn = ((kind: LogEntry['kind'], text: Text, args?: Args, detail?: Record<string, unknown> | (() => Record<string, unknown>)) => void) & {
  /** False without a logger: callers skip building what only a log would show. */
  enabled: boolean;
};

export function makeLog(logger: Logger | undefined): LogFn {
  const fn = (kind: LogEntry['kind'], text: Text, args: Args = {}, detail?: Record<string, unknown> | (() => Record<string, unknown>)) => {
    if (!logger) return;
    try {
      logger({ time: new Date().toISOString(), kind, text, args, detail: typeof detail === 'function' ? detail() : detail });
    } catch {
      // a failing logger must never break the gateway
    }
  };
  return Object.assign(fn, { enabled: logger !== undefined });
}
