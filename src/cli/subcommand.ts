// The shape of one `alipay-toolkit` subcommand. Its own file so that src/cli.ts
// (which loads the subcommands) and src/cli/*.ts (which implement it) do not import each other.
import type { CliIO } from './io';

export interface Subcommand {
  /** One line for `--help`, in both languages. */
  summary: { en: string; zh: string };
  run(args: string[], io: CliIO): Promise<number>;
}
