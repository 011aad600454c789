// Shared plumbing for the `alipay-toolkit` subcommands: input, key files,
// one-line errors. Secrets are read only from files or environment variables.
import { redactError, redactedErrorText } from '../core/redact';
import * as fs from 'node:fs';
import { isatty } from 'node:tty';
import { fileError } from '../core/fileError';
import { Lang, ToolkitError, langFromLocale, isToolkitError } from '../core/i18n';
import { escapeText } from '../core/terminal';

export interface CliIO {
  /** One human-readable line: control and bidi characters are shown escaped (core/terminal). */
  stdout: (line: string) => void;
  /** One error or warning line, escaped the same way. */
  stderr: (line: string) => void;
  /**
   * Machine output, byte-exact (JSON, pre-sign strings, signatures, URLs, PEM):
   * users pipe it into openssl. Absent in simple test IOs: stdout is used.
   */
  data?: (text: string) => void;
  readStdin: () => Promise<Buffer>;
  /** Standard input chunk by chunk (a log of any size, never held whole); absent in simple test IOs. */
  readStdinChunks?: () => AsyncIterable<Buffer>;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  /** True when standard input is an interactive terminal (nothing piped in). */
  stdinIsTTY?: boolean;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, fail: 1, usage: 2 } as const;

/**
 * `alipay-toolkit … | head` closes the pipe early: that is the reader saying
 * "enough", not an error, so the process ends quietly instead of crashing.
 */
let pipeGuarded = false;
function guardClosedPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export function processIO(): CliIO {
  guardClosedPipes();
  const env = process.env;
  return {
    stdout: (l) => process.stdout.write(escapeText(l) + '\n'),
    stderr: (l) => process.stderr.write(escapeText(l) + '\n'),
    data: (t) => process.stdout.write(t + '\n'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    readStdinChunks: () => process.stdin as AsyncIterable<Buffer>,
    env,
    // isatty, not process.stdin.isTTY: touching process.stdin builds a stream (~15 ms of every command's start).
    stdinIsTTY: isatty(0),
    lang: langFromLocale(env.ALIPAY_TOOLKIT_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG),
  };
}

/**
 * The IO every subcommand gets: human lines escaped and kept to one line
 * whatever the underlying IO does; machine output through `data`, untouched.
 * Escaping is idempotent, so wrapping twice is harmless.
 */
export function terminalSafe(io: CliIO): CliIO {
  const raw = io.data ?? io.stdout;
  const out = io.stdout;
  const err = io.stderr;
  return { ...io, stdout: (l: string) => out(escapeText(l)), stderr: (l: string) => err(escapeText(l)), data: raw };
}

/** Prints machine output byte-exact (see CliIO.data). */
export function printData(io: CliIO, text: string): void {
  (io.data ?? io.stdout)(text);
}

/** A usage or input problem: printed as one line, exit 2. */
export class UsageError extends ToolkitError {
  constructor(en: string, zh: string, args: Record<string, string | number> = {}) {
    super('USAGE', { en, zh }, args);
  }
}

/**
 * Reads INPUT as the commands take it: absent or `-` is standard input,
 * `@file` a file, anything else the literal text.
 */
export async function readInput(io: CliIO, input: string | undefined): Promise<Buffer> {
  if (input === undefined && io.stdinIsTTY) {
    // Waiting silently for a terminal to send EOF looks like a hang.
    throw new UsageError(
      'No INPUT given and nothing is piped in: pass a URL or query string, @file, or - to type it (end with Ctrl-D)',
      '未提供 INPUT，也没有管道输入：请提供 URL 或查询串、@文件，或用 - 手动输入（以 Ctrl-D 结束）',
    );
  }
  if (input === undefined || input === '-') return io.readStdin();
  if (input.startsWith('@')) return readFileOrFail(input.slice(1), 'input');
  return Buffer.from(input, 'utf8');
}

/** Reads a file, turning ENOENT/EACCES/EISDIR into one clear line naming the file. */
/** The roles a file plays on the command line, in Chinese. */
const ROLE_ZH: Record<string, string> = {
  input: '输入',
  response: '响应',
  request: '请求',
  key: '密钥',
  'MD5 key': 'MD5 密钥',
  'private key': '私钥',
  'public key': '公钥',
  'merchant public key': '商户公钥',
  "Alipay's public key": '支付宝公钥',
  'AES key': 'AES 密钥',
  certificate: '证书',
};

export function readFileOrFail(file: string, what: string): Buffer {
  if (file === '-') {
    // Standard input feeds INPUT (or the command's FILE); an option's file is named by its path.
    throw new UsageError(`The ${what} file "-": standard input is for INPUT; give this file by its path`, `${ROLE_ZH[what] ?? what}文件 "-"：标准输入只用于 INPUT；请给出该文件的路径`);
  }
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw fileError('USAGE', file, { en: what, zh: ROLE_ZH[what] ?? what }, e);
  }
}

/** Prints an error as one line in the user's language (plus `suffix`); never a stack trace. */
export function reportError(io: CliIO, e: unknown, suffix = ''): number {
  if (isToolkitError(e)) {
    io.stderr(`alipay-toolkit: ${redactedErrorText(e, io.lang)}${suffix}`);
  } else {
    const msg = redactError(e);
    io.stderr(`alipay-toolkit: ${io.lang === 'zh' ? '内部错误' : 'internal error'}: ${msg}`);
  }
  return EXIT.usage;
}
