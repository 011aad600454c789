// `alipay-toolkit` — the command line over the core engine. Each subcommand
// lives in src/cli/<name>.ts and is loaded only when called.
import { version } from '../package.json';
import { COMMON_HELP } from './cli/help';
import { CliIO, EXIT, UsageError, printData, processIO, reportError, terminalSafe } from './cli/io';
import { isToolkitError, langFromLocale } from './core/i18n';
import { redactedErrorText } from './core/redact';

import type { Subcommand } from './cli/subcommand';

export type { Subcommand } from './cli/subcommand';

// Lazy require: each subcommand's code loads only when it runs.
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Subcommand> = {
  // name: () => require('./cli/name').command,  — one line per subcommand
  sign: () => require('./cli/sign').command,
  verify: () => require('./cli/verify').command,
  keys: () => require('./cli/keys').command,
  explain: () => require('./cli/explain').command,
  scan: () => require('./cli/scan').command,
  send: () => require('./cli/send').command,
  decode: () => require('./cli/decode').command,
  gateway: () => require('./cli/gateway').command,
  'notify-test': () => require('./cli/notifyTest').command,
  aes: () => require('./cli/aes').command,
  'presign-diff': () => require('./cli/presignDiff').command,
};
/* eslint-enable @typescript-eslint/no-require-imports */

function help(io: CliIO): void {
  io.stdout(io.lang === 'zh' ? '用法：alipay-toolkit <命令> [选项]    （alipay-toolkit <命令> --help 查看命令的选项）' : 'usage: alipay-toolkit <command> [options]    (alipay-toolkit <command> --help for its options)');
  for (const [name, load] of Object.entries(COMMANDS)) {
    io.stdout(`  ${name.padEnd(12)} ${load().summary[io.lang]}`);
  }
  for (const line of COMMON_HELP[io.lang].split('\n')) io.stdout(line);
}

/** en, zh and their locale forms (en-US, zh_CN, zh-Hans-CN); anything else is refused, not guessed. */
const LANG_VALUE = /^(en|zh)([-_][A-Za-z0-9]+)*$/i;

/** `--lang en|zh` anywhere on the line overrides LANG; it is removed before the subcommand sees the arguments. */
function takeLang(argv: string[], io: CliIO): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return out.concat(argv.slice(i));
    const value = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === undefined && a !== '--lang') {
      out.push(a);
      continue;
    }
    if (value === undefined || !LANG_VALUE.test(value)) {
      throw new UsageError('--lang: "{value}" is not a language of this tool (use en or zh)', '--lang："{value}" 不是本工具支持的语言（请用 en 或 zh）', { value: value ?? '' });
    }
    io.lang = langFromLocale(value);
  }
  return out;
}

/** True when the command was asked for JSON (`--json`, `--output json`, `--output=json`) before any `--`. */
function wantsJson(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return false;
    if (a === '--json' || a === '--output=json' || (a === '--output' && args[i + 1] === 'json')) return true;
  }
  return false;
}

/** The error as one line on stderr, and with --json also as `{"error":…}` on stdout; returns the exit code. */
function fail(io: CliIO, e: unknown, command: string | undefined, json: boolean): number {
  // A usage problem says where the options are listed.
  const hint = e instanceof UsageError
    ? io.lang === 'zh' ? `；运行 alipay-toolkit ${command ? `${command} ` : ''}--help` : `; run alipay-toolkit ${command ? `${command} ` : ''}--help`
    : '';
  const code = reportError(io, e, hint);
  if (json) {
    const err = isToolkitError(e)
      ? { code: e.code, message: redactedErrorText(e, io.lang), exit: code }
      : { code: 'INTERNAL', message: redactedErrorText(e, io.lang), exit: code };
    printData(io, JSON.stringify({ error: err }));
  }
  return code;
}

export async function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  const io = terminalSafe(given);
  const json = wantsJson(argv);
  let name: string | undefined;
  try {
    const [first, ...rest] = takeLang(argv, io);
    name = first;
    if (name === '--help' || name === '-h' || name === 'help') {
      help(io);
      return EXIT.ok;
    }
    // No command: a usage error, one line on stderr (stdout stays empty for scripts), exit 2.
    if (!name) throw new UsageError('No command given', '缺少命令');
    if (name === '--version' || name === '-V' || name === 'version') {
      if (json) printData(io, JSON.stringify({ name: 'alipay-toolkit', version }));
      else io.stdout(`alipay-toolkit ${version}`);
      return EXIT.ok;
    }
    const load = COMMANDS[name];
    if (!load) {
      const command = name;
      name = undefined;
      throw new UsageError('Unknown command "{command}"', '未知命令 "{command}"', { command });
    }
    return await load().run(rest, io);
  } catch (e) {
    return fail(io, e, name, json);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.exitCode = reportError(processIO(), e);
    },
  );
}
