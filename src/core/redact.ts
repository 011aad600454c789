/**
 * Secret redaction for anything the toolkit writes where a person or a file
 * can read it (the "Alipay" output channel, CLI diagnostics, error texts).
 *
 *   redact(text, known?)  → text with every secret replaced by `[REDACTED]`
 *
 * What counts as a secret:
 * - the value of a parameter named `sign` or `key` (the SNS user key of
 *   `sns.trade.operate.by.action`), `md5_key`/`md5Key`, `private_key`/`privateKey`,
 *   `secret`, `password` — in URLs and form bodies (`&sign=…`), `name = value`
 *   lines, JSON (`"sign": "…"`), XML (`<sign>…</sign>`) and quoted order strings
 *   (`sign="…"`). `sign_type` is not a secret and stays.
 * - PEM private keys (`-----BEGIN … PRIVATE KEY-----` … `-----END …-----`).
 * - long base64 runs (≥ 400 base64 characters, line breaks and literal `\n`
 *   allowed): bare private keys as Alipay's key tool prints them. A 2048-bit
 *   public key (392 chars) and signatures stay readable.
 * - tokens shaped like an Alipay MD5 key: 32 characters of [0-9a-z] with a
 *   digit and a letter beyond `f` (so an MD5 digest — hex — is not one).
 * - every string in `known` (the caller's actual secrets, ≥ 6 characters), also
 *   in its percent-encoded form.
 *
 * Pure and idempotent; never throws.
 */

import { type Args, isToolkitError, type Lang, localize } from './i18n';

export const REDACTED = '[REDACTED]';

const NAMES = 'sign|key|md5_?key|private_?key|secret|password';

// name=value in URLs, forms and lines; `sign="…"` in app order strings.
const PAIR = new RegExp(`(^|[?&\\s"'{,;(\\[])(${NAMES})(\\s*=\\s*)("[^"\\n]*"|'[^'\\n]*'|[^&\\s"'<>]+)`, 'gim');
// "sign": "…" in JSON (also single-quoted JS-ish objects).
const JSON_PAIR = new RegExp(`(["'])(${NAMES})\\1(\\s*:\\s*)("(?:[^"\\\\\\n]|\\\\.)*"|'[^'\\n]*'|[^,}\\s]+)`, 'gi');
// <sign>…</sign>
const XML_PAIR = new RegExp(`<(${NAMES})>([^<]*)</\\1>`, 'gi');
const PEM_PRIVATE = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----|$)/g;
const BASE64_RUN = /[A-Za-z0-9+/]{16,}(?:(?:\\r)?(?:\\n|\r?\n)[A-Za-z0-9+/]{16,})*={0,2}/g;
const MD5_KEY_SHAPE = /\b(?=[0-9a-z]{32}\b)(?=[0-9a-z]*[0-9])(?=[0-9a-z]*[g-z])[0-9a-z]{32}\b/g;
const MIN_BASE64_SECRET = 400;
const MIN_KNOWN = 6;

function quoteAware(value: string): string {
  const q = value[0];
  return q === '"' || q === "'" ? `${q}${REDACTED}${q}` : REDACTED;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redact(text: string, known: readonly string[] = []): string {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? text : '';
  let out = text;
  for (const secret of known) {
    if (typeof secret !== 'string' || secret.trim().length < MIN_KNOWN) continue;
    for (const form of new Set([secret, secret.trim(), encodeURIComponent(secret.trim())])) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
    }
  }
  out = out.replace(PEM_PRIVATE, (_m, label: string) => `-----BEGIN ${label}----- ${REDACTED} -----END ${label}-----`);
  out = out.replace(BASE64_RUN, (m) => (m.replace(/\\r|\\n|\s|=/g, '').length >= MIN_BASE64_SECRET ? REDACTED : m));
  out = out.replace(XML_PAIR, (m, name: string, value: string) => (value === REDACTED ? m : `<${name}>${REDACTED}</${name}>`));
  out = out.replace(JSON_PAIR, (_m, q: string, name: string, sep: string, value: string) => `${q}${name}${q}${sep}${quoteAware(value)}`);
  out = out.replace(PAIR, (_m, pre: string, name: string, sep: string, value: string) => `${pre}${name}${sep}${quoteAware(value)}`);
  out = out.replace(MD5_KEY_SHAPE, REDACTED);
  return out;
}

const SECRET_NAME = new RegExp(`^(${NAMES})$`, 'i');

/** A parameter whose value is a secret or a signature (`sign`, the SNS `key`, …), case-insensitively. */
export function isSecretParam(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A parameter list safe to log: secret values replaced, long values shortened, other values redacted too. */
export function redactParams(params: readonly { name: string; value: string }[], maxValue = 80): string {
  return params
    .map((p) => `${p.name}=${isSecretParam(p.name) ? REDACTED : redact(p.value.length > maxValue ? p.value.slice(0, maxValue) + '…' : p.value)}`)
    .join('&');
}

/**
 * An error as one line for people, in `lang`. A ToolkitError's wording is the
 * tool's own (it may show syntax such as `--var-file key=FILE`) and stays; the
 * arguments it quotes from the input are what can hold a secret, so they are
 * redacted. Any other error: its message, redacted.
 */
export function redactedErrorText(e: unknown, lang: Lang, known: readonly string[] = []): string {
  if (!isToolkitError(e)) return redactError(e, known);
  const args: Args = {};
  for (const k in e.args) {
    const v = e.args[k];
    args[k] = typeof v === 'string' ? redact(v, known) : v;
  }
  return localize(e.text, lang, args);
}

/** Redacts an error for display or logging: its message only, never a stack. */
export function redactError(e: unknown, known: readonly string[] = []): string {
  const msg = e instanceof Error ? e.message : String(e);
  return redact(msg, known);
}
