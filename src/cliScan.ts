// `alipay-toolkit scan` alone (dist/cli-scan.js): dist/cli.js starts this bundle
// for a scan, so a scan's start compiles only what it runs (not the ~800 KB of
// every command). Same main as src/cli.ts, so the same options, messages and
// exit codes; it is complete on its own (its error classes are its own).
import { processIO } from './cli/io';
import { runCli, runProcess, type Commands } from './cli/main';
import { command as scan } from './cli/scan';

import type { CliIO } from './cli/io';

const COMMANDS: Commands = { scan: () => scan };

export function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  return runCli(COMMANDS, argv, given);
}

export function run(): void {
  runProcess(main);
}
