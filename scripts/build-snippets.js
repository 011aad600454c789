// Builds snippets/<language>.json from the readable templates in snippets/source/<language>/.
//
//   node scripts/build-snippets.js          write the JSON files
//   node scripts/build-snippets.js --check  exit 1 if a JSON file is out of date (the unit test runs this)
//
// A template is plain source code of its language with VS Code tab stops written
// as usual ($1, ${1:default}, ${1|a,b|}); every other `$` and every `\` is escaped
// here, so PHP variables and Go/Java regexes need no escaping in the template.
// Header lines (before the `---` line):
//   @@name <title>   @@prefix <alipay-…>   @@description <what it does>   @@class <Name>
// Body lines `@@include <partial>` insert snippets/source/<language>/_<partial>.<ext>;
// `__CLASS__` in a body or partial becomes the @@class value.
//
// javascript.json is made from the TypeScript templates by TypeScript's own
// transpiler (types removed, ES modules kept), so the two cannot drift apart.
//
// Tab stop numbers are shared by all languages: 1 partner, 2 sign type,
// 3 gateway, 4 MD5 key variable, 5 merchant private key file variable,
// 6 Alipay public key file variable; 7 and up are snippet-specific.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'snippets', 'source');
const LANGUAGES = { typescript: 'ts', javascript: 'ts', java: 'java', php: 'php', python: 'py', go: 'go' };
/** Languages whose snippets are derived from another language's templates. */
const DERIVED = { javascript: { from: 'typescript', transform: stripTypes } };

// A tab stop or placeholder (defaults hold no `$`, `\` or `}`), or a choice.
const PLACEHOLDER = /\$\{\d+\|[^|]*\|\}|\$\{\d+(?::[^}$\\]*)?\}|\$\d+/g;

function escapeText(text) {
  return text.replace(/\\/g, '\\\\').replace(/\$/g, '\\$');
}

/** Escapes everything except the tab stops. */
function toSnippetLine(line) {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(PLACEHOLDER)) {
    out += escapeText(line.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapeText(line.slice(last));
}

/**
 * TypeScript → JavaScript for a snippet: tab stops are parked in identifiers and
 * blank lines in comments while the transpiler runs, then put back; the
 * transpiler's 4-space indentation becomes 2 like the source.
 */
function stripTypes(lines) {
  const ts = require('typescript');
  const parked = [];
  const text = lines
    .map((l) => (l.trim() === '' ? '//__BLANK__' : l.replace(PLACEHOLDER, (m) => `__SNIPPET_TABSTOP_${parked.push(m) - 1}__`)))
    .join('\n');
  const out = ts.transpileModule(text, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
  }).outputText;
  return out
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l.trim() === '//__BLANK__' ? '' : l))
    .map((l) => l.replace(/^((?: {4})+)/, (m) => ' '.repeat(m.length / 2)))
    .map((l) => l.replace(/__SNIPPET_TABSTOP_(\d+)__/g, (_, i) => parked[Number(i)]))
    .map((l) => (/^\s*\$0;$/.test(l) ? l.replace('$0;', '$0') : l))
    .filter((l, i, all) => !(l === '' && all[i - 1] === ''))
    .reduce(rejoin, []);
}

/** Undoes two of the printer's line breaks: `if (…)⏎ stmt;` and `}⏎catch`. */
function rejoin(out, line) {
  const prev = out[out.length - 1];
  if (prev !== undefined && /^\s*if \(.*\)$/.test(prev) && /^\s+[^\s{}].*;$/.test(line) && indent(line) === indent(prev) + 2) {
    out[out.length - 1] = `${prev} ${line.trim()}`;
  } else if (prev !== undefined && /^\s*}$/.test(prev) && /^\s*(catch|finally|else)\b/.test(line)) {
    out[out.length - 1] = `${prev} ${line.trim()}`;
  } else out.push(line);
  return out;
}

const indent = (l) => l.length - l.trimStart().length;

function parseTemplate(file, ext, transform) {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const sep = text.indexOf('\n---\n');
  if (sep < 0) throw new Error(`${file}: no "---" line after the header`);
  const head = {};
  for (const line of text.slice(0, sep).split('\n')) {
    const m = /^@@(\w+)\s+(.*)$/.exec(line.trim());
    if (m) head[m[1]] = m[2].trim();
    else if (line.trim()) throw new Error(`${file}: bad header line "${line}"`);
  }
  for (const k of ['name', 'prefix', 'description']) if (!head[k]) throw new Error(`${file}: missing @@${k}`);
  const dir = path.dirname(file);
  const lines = [];
  for (const line of text.slice(sep + 5).replace(/\n+$/, '').split('\n')) {
    const inc = /^@@include\s+(\w+)\s*$/.exec(line.trim());
    if (inc) {
      const part = fs.readFileSync(path.join(dir, `_${inc[1]}.${ext}`), 'utf8').replace(/\r\n/g, '\n').replace(/\n+$/, '');
      lines.push(...part.split('\n'));
    } else lines.push(line);
  }
  const code = lines.map((l) => (head.class ? l.replace(/__CLASS__/g, head.class) : l));
  const body = (transform ? transform(code) : code).map(toSnippetLine);
  return { name: head.name, value: { prefix: head.prefix, description: head.description, body } };
}

function build(language) {
  const ext = LANGUAGES[language];
  const derived = DERIVED[language];
  const dir = path.join(SOURCE, derived ? derived.from : language);
  const out = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(`.${ext}`) && !f.startsWith('_')).sort()) {
    const { name, value } = parseTemplate(path.join(dir, f), ext, derived?.transform);
    out[name] = value;
  }
  return JSON.stringify(out, null, 2) + '\n';
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const language of Object.keys(LANGUAGES)) {
    const file = path.join(ROOT, 'snippets', `${language}.json`);
    const text = build(language);
    const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (now === text) continue;
    if (check) {
      console.error(`snippets/${language}.json is out of date: run node scripts/build-snippets.js`);
      stale++;
    } else fs.writeFileSync(file, text);
  }
  process.exit(stale ? 1 : 0);
}

if (require.main === module) main();
module.exports = { build, LANGUAGES, toSnippetLine };
