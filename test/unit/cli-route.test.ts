// dist/cli.js picks the bundle for a command line with commandOf (src/cli/route.ts)
// before anything is loaded; the bundle's main then dispatches the same line.
// They must agree on which command runs, or `scan` would start the wrong bundle
// (dist/cli-scan.js knows no other command).
import * as assert from 'node:assert/strict';
import { commandOf } from '../../src/cli/route';
import { runCli, type Commands } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

/** What main does with the line given these commands: the command it ran ('' for none), exit code, output. */
async function outcome(names: string[], argv: string[]): Promise<{ ran: string; code: number; out: string[] }> {
  let ran = '';
  const out: string[] = [];
  const commands: Commands = Object.fromEntries(names.map((name) => [name, () => ({
    summary: { en: name, zh: name },
    run: async () => {
      ran = name;
      return 0;
    },
  })]));
  const io: CliIO = { stdout: (l) => out.push(l), stderr: (l) => out.push('E ' + l), readStdin: async () => Buffer.alloc(0), env: {}, lang: 'en' };
  const code = await runCli(commands, argv, io);
  return { ran, code, out };
}

describe('CLI entry: which bundle runs a command line', () => {
  const lines = [
    ['scan', 'app.log'], ['scan', '--json', 'x'], ['--lang', 'zh', 'scan', 'x'], ['--lang=zh', 'scan', 'x'], ['--lang', 'en', '--lang=zh', 'scan'],
    ['--json', 'scan', 'x'], ['sign', 'scan'], ['--lang', 'scan', 'x'], ['--lang'], ['--lang=xx', 'scan'], ['--lang', 'xx', 'scan', '--json'], ['--', 'scan'],
    ['--lang', 'zh', '--', 'scan'], ['SCAN', 'x'], ['scan=1'], ['lang', 'scan'], ['--help', 'scan'], ['help'], [], ['--version'], ['scan', '--lang', 'zh', 'x'], ['--lang', 'zh'],
  ];
  for (const argv of lines) {
    it(`${JSON.stringify(argv)}: the scan bundle exactly when it does what the full CLI does`, async () => {
      const full = await outcome(['scan', 'sign', 'lang'], argv);
      if (commandOf(argv) === 'scan') {
        // dist/cli-scan.js: main with scan alone must answer as the full CLI (scan runs, or the same usage error).
        assert.ok(full.ran === 'scan' || full.ran === '', `the full CLI ran ${full.ran}`);
        assert.deepEqual(await outcome(['scan'], argv), full);
      } else {
        assert.notEqual(full.ran, 'scan');
      }
    });
  }
});
