// `alipay-toolkit` — the command line over the core engine. Each subcommand
// lives in src/cli/<name>.ts and is loaded only when called; src/cli/main.ts
// runs the line. Built as dist/cli-main.js, which dist/cli.js (src/cliEntry.ts)
// starts for every command but scan (dist/cli-scan.js, src/cliScan.ts).
import { processIO } from './cli/io';
import { runCli, runProcess, type Commands } from './cli/main';

import type { CliIO } from './cli/io';

export type { Subcommand } from './cli/subcommand';

// Lazy require: each subcommand's code loads only when it runs.
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Commands = {
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

export function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  return runCli(COMMANDS, argv, given);
}

/** Runs this process's command line (dist/cli.js calls it). */
export function run(): void {
  runProcess(main);
}

if (require.main === module) run();
