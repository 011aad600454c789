// Every string a user can see exists in Simplified Chinese: each literal passed to
// `l10n.t(` in src/ has an entry in l10n/bundle.l10n.zh-cn.json, and each `%key%`
// in package.json has an entry in both package.nls files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

const LITERAL = /^\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)\s*[,)]/;

/** The English strings given to l10n.t in src/, with where they are. */
export function l10nCalls(): { calls: Array<{ text: string; where: string }>; nonLiteral: string[] } {
  const calls: Array<{ text: string; where: string }> = [];
  const nonLiteral: string[] = [];
  for (const file of sources(path.join(ROOT, 'src'))) {
    const src = fs.readFileSync(file, 'utf8');
    const re = /\bl10n\.t\(/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(src))) {
      const where = `${path.relative(ROOT, file)}:${src.slice(0, m.index).split('\n').length}`;
      const lineStart = src.lastIndexOf('\n', m.index) + 1;
      if (/^\s*(\*|\/\/)/.test(src.slice(lineStart, m.index))) continue; // documentation, not a call
      const lit = LITERAL.exec(src.slice(m.index + m[0].length));
      if (!lit) {
        nonLiteral.push(where);
        continue;
      }
      // A JS string literal matched above: evaluating it only unescapes it.
      calls.push({ text: new Function(`return ${lit[1]};`)() as string, where });
    }
  }
  return { calls, nonLiteral };
}

function readJson(rel: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, string>;
}

const placeholders = (s: string): string => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

describe('localization', () => {
  it('finds the l10n.t calls it checks (the scanner works)', () => {
    const { calls } = l10nCalls();
    assert.ok(calls.some((c) => c.text === 'Click to switch profile'), 'statusBar.ts strings are seen');
    assert.ok(calls.some((c) => c.text.includes("Alipay's")), 'escaped quotes are unescaped');
  });

  it('passes only literal strings to l10n.t, so they can be translated', () => {
    assert.deepStrictEqual(l10nCalls().nonLiteral, []);
  });

  it('has a Chinese translation for every l10n.t string, with the same {n} placeholders', () => {
    const zh = readJson('l10n/bundle.l10n.zh-cn.json');
    const missing = [...new Set(l10nCalls().calls.filter((c) => typeof zh[c.text] !== 'string' || zh[c.text].trim() === '').map((c) => `${c.where}: ${JSON.stringify(c.text)}`))];
    assert.deepStrictEqual(missing, [], `l10n/bundle.l10n.zh-cn.json lacks:\n${missing.join('\n')}`);
    const wrong = l10nCalls().calls.filter((c) => placeholders(c.text) !== placeholders(zh[c.text])).map((c) => c.text);
    assert.deepStrictEqual([...new Set(wrong)], []);
  });

  it('has every %key% of package.json in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
    assert.ok(keys.length > 0);
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepStrictEqual(keys.filter((k) => !en[k]), [], 'missing in package.nls.json');
    assert.deepStrictEqual(keys.filter((k) => !zh[k]), [], 'missing in package.nls.zh-cn.json');
    assert.deepStrictEqual(Object.keys(en).filter((k) => !zh[k]), [], 'in package.nls.json but not translated');
  });

  it('gives every setting an explicit scope and a localized markdownDescription', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> } } };
    for (const [name, s] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.ok(s.scope, `${name} has no scope`);
      assert.match(s.markdownDescription ?? '', /^%[^%]+%$/, `${name} has no localized markdownDescription`);
    }
  });

  it('gives every command a category and a localized title', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string; title: string; category?: string }> } };
    for (const c of pkg.contributes.commands) {
      assert.ok(c.category, `${c.command} has no category`);
      assert.match(c.title, /^%[^%]+%$/, `${c.command}'s title is not a %key%`);
    }
  });
});
