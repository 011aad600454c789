// `alipay-toolkit` — the command line over the core engine. Each subcommand
// lives in src/cli/<name>.ts and is loaded only when called.
import { CliIO, EXIT, processIO, reportError } from './cli/io';

export interface Subcommand {
  /** One line for `--help`, in both languages. */
  summary: { en: string; zh: string };
  run(args: string[], io: CliIO): Promise<number>;
}

const COMMANDS: Record<string, () => Subcommand> = {
  // name: () => require('./cli/name').command,  — one line per subcommand
};

function help(io: CliIO): void {
  io.stdout('alipay-toolkit <command> [options]');
  for (const [name, load] of Object.entries(COMMANDS)) {
    io.stdout(`  ${name.padEnd(10)} ${load().summary[io.lang]}`);
  }
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name ? EXIT.ok : EXIT.usage;
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
