// `alipay-toolkit` — the command line over the core engine. Each subcommand
// lives in src/cli/<name>.ts and is loaded only when called.
import { CliIO, EXIT, processIO, reportError, terminalSafe } from './cli/io';
import { langFromLocale } from './core/i18n';

export interface Subcommand {
  /** One line for `--help`, in both languages. */
  summary: { en: string; zh: string };
  run(args: string[], io: CliIO): Promise<number>;
}

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
  io.stdout('alipay-toolkit <command> [options]');
  for (const [name, load] of Object.entries(COMMANDS)) {
    io.stdout(`  ${name.padEnd(10)} ${load().summary[io.lang]}`);
  }
}

/** `--lang en|zh` anywhere on the line overrides LANG; it is removed before the subcommand sees the arguments. */
function takeLang(argv: string[], io: CliIO): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return out.concat(argv.slice(i));
    const value = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === undefined && a !== '--lang') out.push(a);
    else io.lang = langFromLocale(value);
  }
  return out;
}

export async function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  const io = terminalSafe(given);
  const [name, ...rest] = takeLang(argv, io);
  if (name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return EXIT.ok;
  }
  if (!name) {
    // A usage error: one line on stderr (stdout stays empty for scripts), exit 2.
    io.stderr(io.lang === 'zh' ? 'alipay-toolkit: 缺少命令（运行 alipay-toolkit --help 查看全部命令）' : 'alipay-toolkit: no command given (run alipay-toolkit --help for the list)');
    return EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(io.lang === 'zh' ? `alipay-toolkit: 未知命令 "${name}"（运行 --help 查看全部命令）` : `alipay-toolkit: unknown command "${name}" (run --help for the list)`);
    return EXIT.usage;
  }
  try {
    return await load().run(rest, io);
  } catch (e) {
    return reportError(io, e);
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
