// Writes expanded snippets plus a harness (./harness/*.tmpl) into a temp folder
// per language and variant, compiles them in one go per language, and runs
// harness tasks (see harness/README.md). Variants differ only in tab stop values
// (partner, sign type, gateway), which is what a developer fills in.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandSnippet, TabStopValues } from './expand';
import { PHP } from './toolchains';

const ROOT = path.join(__dirname, '..', '..');
const HARNESS = path.join(__dirname, 'harness');

export type Language = 'typescript' | 'javascript' | 'java' | 'php' | 'python' | 'go';
export const LANGUAGES: readonly Language[] = ['typescript', 'javascript', 'java', 'php', 'python', 'go'];

export interface Variant {
  /** A lowercase identifier (also the Java package / Go folder name). */
  id: string;
  values: TabStopValues;
}

export interface SnippetFile {
  prefix: string;
  description: string;
  body: string[];
}

export function loadSnippets(language: Language): Record<string, SnippetFile> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', `${language}.json`), 'utf8')) as Record<string, SnippetFile>;
}

interface Spec {
  /** File name of the snippet with `prefix`, given its expanded text. */
  file(prefix: string, text: string): string;
  /** Text written before the expanded snippet. */
  header(variant: string): string;
  harness: { from: string; to: string };
  compile?(dir: string, variants: string[]): void;
  command(dir: string, variant: string, task: string): { cmd: string; args: string[]; cwd: string };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')}… failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`.slice(0, 6000));
}

const goEnv = (): NodeJS.ProcessEnv => ({ ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GO111MODULE: 'on', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' });

const SPECS: Record<Language, Spec> = {
  typescript: {
    file: (prefix) => `${prefix}.ts`,
    header: () => '',
    harness: { from: 'main.ts.tmpl', to: 'main.ts' },
    compile(dir) {
      // Type-check every expanded snippet the way a strict project would, and emit plain JS to run.
      const tsconfig = {
        compilerOptions: {
          target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', lib: ['ES2022'], strict: true,
          noUnusedLocals: true, noUnusedParameters: true, outDir: 'js', rootDir: '.', skipLibCheck: true, ignoreDeprecations: '6.0',
          types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        },
        include: ['**/*.ts'],
      };
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
      run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir);
    },
    command: (dir, variant, task) => ({ cmd: process.execPath, args: [path.join('js', variant, 'main.js'), task], cwd: dir }),
  },
  javascript: {
    // ES modules, as the snippets' import/export are written.
    file: (prefix) => `${prefix}.mjs`,
    header: () => '',
    harness: { from: 'main.mjs.tmpl', to: 'main.mjs' },
    command: (dir, variant, task) => ({ cmd: process.execPath, args: ['main.mjs', task], cwd: path.join(dir, variant) }),
  },
  java: {
    file: (_prefix, text) => {
      const m = /public final class (\w+)/.exec(text);
      if (!m) throw new Error('a Java snippet declares no public final class');
      return `${m[1]}.java`;
    },
    header: (variant) => `package ${variant};\n\n`,
    harness: { from: 'Main.java.tmpl', to: 'Main.java' },
    compile(dir, variants) {
      const files = variants.flatMap((v) => fs.readdirSync(path.join(dir, v)).filter((f) => f.endsWith('.java')).map((f) => path.join(v, f)));
      run('javac', ['-Xlint:all', '-Werror', '-Xlint:-serial', '-d', 'classes', ...files], dir);
    },
    // Quick start-up matters more than peak speed for these short runs.
    command: (dir, variant, task) => ({ cmd: 'java', args: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', 'classes', `${variant}.Main`, task], cwd: dir }),
  },
  php: {
    file: (prefix) => `${prefix}.php`,
    header: () => '<?php\ndeclare(strict_types=1);\n\n',
    harness: { from: 'main.php.tmpl', to: 'main.php' },
    // PHP from npm (WebAssembly), not the machine's: see ./toolchains.ts.
    command: (dir, variant, task) => ({ cmd: PHP[0], args: [...PHP.slice(1), '-d', 'error_reporting=E_ALL', '-d', 'display_errors=stderr', 'main.php', task], cwd: path.join(dir, variant) }),
  },
  python: {
    file: (prefix) => `${prefix.replace(/-/g, '_')}.py`,
    header: () => '',
    harness: { from: 'main.py.tmpl', to: 'main.py' },
    command: (dir, variant, task) => ({ cmd: 'python3', args: ['-W', 'error', 'main.py', task], cwd: path.join(dir, variant) }),
  },
  go: {
    file: (prefix) => `${prefix.replace(/-/g, '_')}.go`,
    header: () => 'package main\n\n',
    harness: { from: 'main_harness.go.tmpl', to: 'main_harness.go' },
    compile(dir) {
      fs.writeFileSync(path.join(dir, 'go.mod'), 'module snippets\n\ngo 1.19\n');
      fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
      run('go', ['vet', './...'], dir, goEnv());
      run('go', ['build', '-o', path.join(dir, 'bin') + path.sep, './...'], dir, goEnv());
    },
    command: (dir, variant, task) => ({ cmd: path.join(dir, 'bin', variant), args: [task], cwd: dir }),
  },
};

export interface PreparedLanguage {
  language: Language;
  /** Expanded snippet text by variant id and prefix. */
  texts: Record<string, Record<string, string>>;
  /** Runs a harness task: one output line per input line. */
  task(variant: string, task: string, lines: string[], env: Record<string, string>): Promise<string[]>;
  /** A harness task kept running (its state, e.g. the notify claim store, lives on): one answer per line asked. */
  session(variant: string, task: string, env: Record<string, string>): TaskSession;
}

export interface TaskSession {
  ask(line: string): Promise<string>;
  close(): Promise<void>;
}

/** Expands every snippet of `language` for each variant into `dir` and compiles them. */
export function prepareLanguage(language: Language, dir: string, variants: Variant[]): PreparedLanguage {
  const spec = SPECS[language];
  const snippets = Object.values(loadSnippets(language));
  const texts: Record<string, Record<string, string>> = {};
  for (const v of variants) {
    const vdir = path.join(dir, v.id);
    fs.mkdirSync(vdir, { recursive: true });
    texts[v.id] = {};
    for (const s of snippets) {
      const text = expandSnippet(s.body, v.values);
      texts[v.id][s.prefix] = text;
      fs.writeFileSync(path.join(vdir, spec.file(s.prefix, text)), spec.header(v.id) + text + '\n');
    }
    const harness = fs.readFileSync(path.join(HARNESS, spec.harness.from), 'utf8');
    fs.writeFileSync(path.join(vdir, spec.harness.to), (language === 'java' ? spec.header(v.id) : '') + harness);
  }
  spec.compile?.(dir, variants.map((v) => v.id));
  return {
    language,
    texts,
    session(variant, task, env) {
      const { cmd, args, cwd } = spec.command(dir, variant, task);
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ALIPAY_')));
      const child = spawn(cmd, args, { cwd, env: { ...clean, ...env } });
      const waiting: Array<{ resolve: (l: string) => void; reject: (e: Error) => void }> = [];
      let buf = '';
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        buf += d;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          waiting.shift()?.resolve(line);
        }
      });
      const exited = new Promise<void>((resolve) => child.on('close', () => {
        for (const w of waiting.splice(0)) w.reject(new Error(`${language} ${task} ended early:\n${err}`.slice(0, 6000)));
        resolve();
      }));
      return {
        ask: (line) => new Promise<string>((resolve, reject) => {
          waiting.push({ resolve, reject });
          child.stdin.write(line + '\n');
        }),
        close: async () => {
          child.stdin.end();
          await exited;
        },
      };
    },
    task(variant, task, lines, env) {
      const { cmd, args, cwd } = spec.command(dir, variant, task);
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ALIPAY_')));
      return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { cwd, env: { ...clean, ...env } });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
        child.on('error', reject);
        child.on('close', (code) => {
          const got = out.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
          if (code !== 0 || got.length !== lines.length) {
            reject(new Error(`${language} ${task} exited ${code} with ${got.length}/${lines.length} answers:\n${out}\n${err}`.slice(0, 6000)));
          } else resolve(got);
        });
        child.stdin.end(lines.map((l) => l + '\n').join(''));
      });
    },
  };
}
