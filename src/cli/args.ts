// Option parsing for the subcommands: `--name value` and `--name=value`, `--`
// ends options, `-` is a positional (standard input). Errors never echo a value:
// a mistyped secret must not be printed back.
import { UsageError } from './io';

export type OptionKind = 'value' | 'flag';
export type OptionSpec = Record<string, OptionKind>;

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

// Options people reach for that would put a secret on the command line (and in shell history).
const SECRET_OPTIONS = new Set(['key', 'md5-key', 'md5', 'secret', 'private-key', 'privatekey', 'password', 'passphrase', 'sign-key']);

export function parseArgs(args: readonly string[], spec: OptionSpec, maxPositionals: number): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (onlyPositionals || a === '-' || !a.startsWith('-')) {
      out.positionals.push(a);
      if (out.positionals.length > maxPositionals) {
        throw new UsageError(
          'Unexpected extra argument (argument {n}); this command takes at most {max}',
          '多余的参数（第 {n} 个）；此命令最多接受 {max} 个',
          { n: out.positionals.length, max: maxPositionals },
        );
      }
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    if (a === '-h') {
      out.flags.add('help');
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a : a.slice(0, eq)).replace(/^--?/, '');
    if (SECRET_OPTIONS.has(name.toLowerCase())) {
      throw new UsageError(
        '--{name}: a secret is never taken as a command-line value (it would stay in shell history); put it in a file and use --key-file / --private-key-file, or set ALIPAY_MD5_KEY',
        '--{name}：密钥不接受命令行参数形式（会留在 shell 历史中）；请放入文件并使用 --key-file / --private-key-file，或设置 ALIPAY_MD5_KEY',
        { name },
      );
    }
    // One JSON switch for every command: --json where a command has --output,
    // --output json where it has --json (see cli.ts: errors become JSON too).
    if (name === 'json' && !spec.json && spec.output === 'value' && eq < 0) {
      if (out.options.has('output') && out.options.get('output') !== 'json') {
        throw new UsageError('--json and --output {value} ask for different outputs', '--json 与 --output {value} 要求的输出不同', { value: out.options.get('output')! });
      }
      out.options.set('output', 'json');
      continue;
    }
    if (name === 'output' && !spec.output && spec.json === 'flag') {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value?.toLowerCase() !== 'json') throw new UsageError('--output: this command prints text, or JSON with --json (--output json)', '--output：此命令输出文本，或用 --json（--output json）输出 JSON');
      out.flags.add('json');
      continue;
    }
    const kind = spec[name];
    if (!kind || !a.startsWith('--')) {
      throw new UsageError('Unknown option "--{name}"', '未知选项 "--{name}"', { name });
    }
    if (kind === 'flag') {
      if (eq >= 0) throw new UsageError('Option --{name} takes no value', '选项 --{name} 不带值', { name });
      out.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    if (value === undefined || value === '') {
      throw new UsageError('Option --{name} needs a value', '选项 --{name} 需要一个值', { name });
    }
    if (out.options.has(name) && !(name === 'output' && out.options.get(name) === value)) {
      throw new UsageError('Option --{name} is given more than once', '选项 --{name} 重复出现', { name });
    }
    out.options.set(name, value);
  }
  return out;
}

/** One of a fixed set of values, case-insensitively; the error lists the choices. */
export function oneOf<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const hit = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!hit) {
    throw new UsageError('--{name}: "{value}" is not one of {choices}', '--{name}："{value}" 不在可选值 {choices} 之中', {
      name,
      value: value.slice(0, 40),
      choices: choices.join(', '),
    });
  }
  return hit;
}
