// Runs `alipay-toolkit` in-process (src/cli.ts main) with captured output.
import { main } from '../../../src/cli';
import type { CliIO } from '../../../src/cli/io';

export interface CliResult {
  code: number;
  out: string[];
  err: string[];
}

export async function runCli(args: string[], opts: { stdin?: string | Buffer; lang?: 'en' | 'zh'; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readStdin: async () => (opts.stdin === undefined ? Buffer.alloc(0) : Buffer.isBuffer(opts.stdin) ? opts.stdin : Buffer.from(opts.stdin, 'utf8')),
    env: opts.env ?? {},
    lang: opts.lang ?? 'en',
    stdinIsTTY: opts.stdin === undefined,
  };
  const code = await main(args, io);
  return { code, out, err };
}
