// What every `alipay-toolkit` process runs: --lang and --json, help, --version,
// dispatch to a subcommand, and one clear line (JSON too with --json) for any
// error. src/cli.ts runs it with every command; src/cliScan.ts, the bundle
// `scan` starts with (dist/cli-scan.js), with scan alone.
import { version } from '../../package.json';
import { COMMON_HELP } from './help';
import { CliIO, EXIT, UsageError, printData, processIO, reportError, terminalSafe } from './io';
import { isToolkitError, langFromLocale } from '../core/i18n';
import { redactedErrorText } from '../core/redact';
import { splitLang } from './route';

import type { Subcommand } from './subcommand';

/** Subcommands by name, each loaded only when it runs. */
export type Commands = Record<string, () => Subcommand>;

function help(io: CliIO, commands: Commands): void {
  io.stdout(io.lang === 'zh' ? '用法：alipay-toolkit <命令> [选项]    （alipay-toolkit <命令> --help 查看命令的选项）' : 'usage: alipay-toolkit <command> [options]    (alipay-toolkit <command> --help for its options)');
  for (const [name, load] of Object.entries(commands)) {
    io.stdout(`  ${name.padEnd(12)} ${load().summary[io.lang]}`);
  }
  for (const line of COMMON_HELP[io.lang].split('\n')) io.stdout(line);
}

/** en, zh and their locale forms (en-US, zh_CN, zh-Hans-CN); anything else is refused, not guessed. */
const LANG_VALUE = /^(en|zh)([-_][A-Za-z0-9]+)*$/i;

/** `--lang en|zh` anywhere on the line overrides LANG; it is removed before the subcommand sees the arguments. */
function takeLang(argv: string[], io: CliIO): string[] {
  const { args, langs } = splitLang(argv);
  for (const value of langs) {
    if (value === undefined || !LANG_VALUE.test(value)) {
      throw new UsageError('--lang: "{value}" is not a language of this tool (use en or zh)', '--lang："{value}" 不是本工具支持的语言（请用 en 或 zh）', { value: value ?? '' });
    }
    io.lang = langFromLocale(value);
  }
  return args;
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

/** Runs one command line with the given commands; returns the exit code. */
export async function runCli(commands: Commands, argv: string[], given: CliIO = processIO()): Promise<number> {
  const io = terminalSafe(given);
  const json = wantsJson(argv);
  let name: string | undefined;
  try {
    const [first, ...rest] = takeLang(argv, io);
    name = first;
    if (name === '--help' || name === '-h' || name === 'help') {
      help(io, commands);
      return EXIT.ok;
    }
    // No command: a usage error, one line on stderr (stdout stays empty for scripts), exit 2.
    if (!name) throw new UsageError('No command given', '缺少命令');
    if (name === '--version' || name === '-V' || name === 'version') {
      if (json) printData(io, JSON.stringify({ name: 'alipay-toolkit', version }));
      else io.stdout(`alipay-toolkit ${version}`);
      return EXIT.ok;
    }
    const load = commands[name];
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

/** Runs this process's command line and sets its exit code. */
export function runProcess(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.exitCode = reportError(processIO(), e);
    },
  );
}
