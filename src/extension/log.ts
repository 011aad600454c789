/**
 * The "Alipay" log (a LogOutputChannel: levels, timestamps, "Set Log Level…")
 * where every message passes through core/redact first — `sign`, the SNS `key`
 * parameter, MD5 keys, private keys and every secret this session has stored
 * never reach the channel or its log file.
 *
 * API (import { log, reportError, errorText } from './log'):
 *   log.trace/debug/info/warn/error(message, ...args)
 *                       message: string or Error (an Error logs its redacted
 *                       message, its stack only at debug level); args are
 *                       appended after redaction (objects as JSON).
 *   log.show()          reveals the channel.
 *   errorText(e)        one line for the user: a ToolkitError in the user's
 *                       language, anything else its message — always redacted.
 *   reportError(e, what?) logs e and shows errorText(e) as an error message
 *                       (not awaited, never a stack). Use in every catch that
 *                       ends a user action.
 *   addKnownSecret(v)   secrets.ts registers each secret it reads or stores so
 *                       redaction catches it anywhere (kept in memory only).
 *   recentLogLines()    the last 500 lines written (redacted), for tests.
 *   registerLog(context): vscode.Disposable — creates the channel (extension.ts).
 * Calls before registerLog() are dropped silently (nothing to write to yet).
 */
import * as vscode from 'vscode';
import { isToolkitError } from '../core/i18n';
import { redact } from '../core/redact';
import { userLang } from './l10n';

let channel: vscode.LogOutputChannel | undefined;
const known = new Set<string>();
/** The last lines sent to the channel (already redacted), for the secret-leak test: some hosts write no log file. */
const recent: string[] = [];
const RECENT_MAX = 500;

export function recentLogLines(): string[] {
  return [...recent];
}

export function addKnownSecret(value: string | undefined): void {
  if (value && value.trim().length >= 6) known.add(value.trim());
}

/** Redacts with the known secrets of this session too. */
export function redactText(text: string): string {
  return redact(text, [...known]);
}

function render(message: string | Error, args: unknown[], withStack: boolean): string {
  let text = message instanceof Error ? (withStack && message.stack ? message.stack : message.message) : String(message);
  for (const a of args) {
    if (a instanceof Error) text += ' ' + a.message;
    else if (typeof a === 'object' && a !== null) {
      try {
        text += ' ' + JSON.stringify(a);
      } catch {
        text += ' [unprintable]';
      }
    } else text += ' ' + String(a);
  }
  return redactText(text);
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

function write(level: Level, message: string | Error, args: unknown[]): void {
  if (!channel) return;
  const debugOn = channel.logLevel <= vscode.LogLevel.Debug && channel.logLevel !== vscode.LogLevel.Off;
  const line = render(message, args, debugOn);
  recent.push(`${level} ${line}`);
  if (recent.length > RECENT_MAX) recent.shift();
  channel[level](line);
}

export const log = {
  trace: (message: string | Error, ...args: unknown[]): void => write('trace', message, args),
  debug: (message: string | Error, ...args: unknown[]): void => write('debug', message, args),
  info: (message: string | Error, ...args: unknown[]): void => write('info', message, args),
  warn: (message: string | Error, ...args: unknown[]): void => write('warn', message, args),
  error: (message: string | Error, ...args: unknown[]): void => write('error', message, args),
  show: (): void => channel?.show(true),
};

export function errorText(e: unknown): string {
  if (isToolkitError(e)) return redactText(e.localized(userLang()));
  if (e instanceof Error) return redactText(e.message);
  return redactText(String(e));
}

export function reportError(e: unknown, what?: string): void {
  const text = errorText(e);
  log.error(what ? `${what}: ${text}` : text);
  if (!isToolkitError(e) && e instanceof Error) log.debug(e);
  void vscode.window.showErrorMessage(what ? `${what}: ${text}` : text);
}

export function registerLog(_context: vscode.ExtensionContext): vscode.Disposable {
  channel = vscode.window.createOutputChannel('Alipay', { log: true });
  const c = channel;
  return new vscode.Disposable(() => {
    if (channel === c) channel = undefined;
    c.dispose();
  });
}
