// The command word of an `alipay-toolkit` line, found without loading anything:
// dist/cli.js (src/cliEntry.ts) uses it to start the bundle that runs it, and
// src/cli/main.ts takes --lang out with the same splitLang, so both agree on
// which command runs.

/**
 * The line without its `--lang X` / `--lang=X` options (none are read after `--`),
 * and the values they gave in order (undefined: `--lang` ended the line).
 */
export function splitLang(argv: readonly string[]): { args: string[]; langs: Array<string | undefined> } {
  const args: string[] = [];
  const langs: Array<string | undefined> = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') langs.push(argv[++i]);
    else if (a.startsWith('--lang=')) langs.push(a.slice(7));
    else args.push(a);
  }
  return { args, langs };
}

/** The first argument that is not `--lang X` or `--lang=X` (what main dispatches on), or undefined. */
export function commandOf(argv: readonly string[]): string | undefined {
  return splitLang(argv).args[0];
}
