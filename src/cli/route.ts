// The command word of an `alipay-toolkit` line, found without loading anything:
// dist/cli.js (src/cliEntry.ts) uses it to start the bundle that runs it.
// It must agree with src/cli/main.ts, which takes --lang out before dispatching.

/** The first argument that is not `--lang X` or `--lang=X` (what main dispatches on), or undefined. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') i++;
    else if (!a.startsWith('--lang=')) return a;
  }
  return undefined;
}
