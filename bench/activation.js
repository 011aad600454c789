// Activation cost of the extension: the time for `require(bundle)` + `activate()`
// to return in plain Node with a minimal fake `vscode` module, the bundle's size,
// and which modules activation evaluates — heavy ones (iconv-lite,
// fast-xml-parser, node-forge, the emulator, the preview panel, the doctor,
// the catalog, response decoding) must wait for first use.
//
//   node bench/activation.js [--runs N]
//
// Builds throwaway bundles in a temp dir with esbuild.js's own options (the
// entry, dist/extension.js, plus its sibling feature and emulator bundles): a
// production (minified) set that is timed and measured, and an instrumented
// entry whose every module records itself when evaluated. Each timing run is a
// fresh Node process (a cold require, as VS Code does it), alternating with
// the anchor — requiring iconv-lite alone in the same harness.
// Goal: require + activate <= 1.3x the anchor (under 10 ms on an idle
// machine); nothing heavy evaluated. Prints a SUMMARY line (bench/lib/summary.js).
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const GOAL_MS = 10;
const GOAL_RATIO = 1.3;
const { summary, loadLine } = require('./lib/summary');
const { extensionBuilds } = require('../esbuild.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

/** Modules that must not be evaluated before first use (path patterns relative to the repo). */
const HEAVY = [
  /node_modules\/iconv-lite\//,
  /node_modules\/fast-xml-parser\//,
  /node_modules\/node-forge\//,
  /^src\/emulator\//,
  /^src\/extension\/preview\/panel/,
  /^src\/core\/(charset|doctor|response|explain|xmlSignContent)/,
  /^src\/core\/catalog\//,
  /^src\/extension\/commands\//,
];

const [entryBuild] = extensionBuilds;
const common = { ...entryBuild, entryPoints: entryBuild.entryPoints.map((e) => path.resolve(ROOT, e)), outfile: undefined, sourcemap: false, logLevel: 'silent' };

/** Prepends `globalThis.__loaded.push(file)` to every module, so evaluation order is observable. */
const recordEvaluation = {
  name: 'record-evaluation',
  setup(build) {
    build.onLoad({ filter: /\.(ts|js|cjs)$/ }, (args) => {
      const rel = path.relative(ROOT, args.path).split(path.sep).join('/');
      const src = fs.readFileSync(args.path, 'utf8').replace(/^#!.*\n/, '');
      const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
      return { contents: `(globalThis.__loaded ??= []).push([${JSON.stringify(rel)}, performance.now()]);\n${src}`, loader, resolveDir: path.dirname(args.path) };
    });
  },
};

// The fake `vscode` module: what activation touches, plus a catch-all so new
// features' registrations work without editing this file.
const FAKE_VSCODE = String.raw`
const disposable = { dispose() {} };
const event = () => disposable;
const noop = () => disposable;
class Disposable { constructor(f) { this.f = f; } dispose() { this.f && this.f(); } static from(...d) { return new Disposable(() => d.forEach((x) => x && x.dispose && x.dispose())); } }
class EventEmitter { constructor() { this.l = []; this.event = (f) => { this.l.push(f); return disposable; }; } fire(e) { this.l.forEach((f) => f(e)); } dispose() {} }
class Position { constructor(l, c) { this.line = l; this.character = c; } }
class Range { constructor(a, b, c, d) { this.start = typeof a === 'number' ? new Position(a, b) : a; this.end = typeof a === 'number' ? new Position(c, d) : b; } }
class Anything { constructor(...a) { this.args = a; } }
const uri = (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => 'file://' + p, with() { return this; } });
const channel = () => new Proxy({ logLevel: 3 }, { get: (t, k) => (k in t ? t[k] : () => undefined) });
const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => { m.set(k, v); }, keys: () => [...m.keys()] }; };
const missing = new Set();
function namespace(name, members) {
  return new Proxy(members, { get(t, k) {
    if (k in t) return t[k];
    if (typeof k !== 'string') return undefined;
    missing.add(name + '.' + k);
    return k.startsWith('on') ? event : noop;
  } });
}
const api = {
  Disposable, EventEmitter, Position, Range, Selection: Range, Location: Anything, Hover: Anything, MarkdownString: class { constructor(v) { this.value = v || ''; } appendText() { return this; } appendMarkdown() { return this; } appendCodeblock() { return this; } },
  ThemeColor: Anything, ThemeIcon: Anything, CodeLens: Anything, CompletionItem: Anything, SnippetString: Anything, Diagnostic: Anything, DocumentLink: Anything, TreeItem: Anything, FoldingRange: Anything, DocumentSymbol: Anything, SymbolInformation: Anything,
  Uri: { file: uri, parse: (s) => uri(s), joinPath: (u, ...p) => uri([u.fsPath, ...p].join('/')) },
  StatusBarAlignment: { Left: 1, Right: 2 }, LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 }, QuickPickItemKind: { Separator: -1, Default: 0 }, ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 }, CompletionItemKind: new Proxy({}, { get: () => 0 }), SymbolKind: new Proxy({}, { get: () => 0 }),
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 }, ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 }, EndOfLine: { LF: 1, CRLF: 2 },
  window: namespace('window', { createOutputChannel: channel, createStatusBarItem: () => channel(), activeTextEditor: undefined, visibleTextEditors: [] }),
  commands: namespace('commands', { registerCommand: noop, registerTextEditorCommand: noop, executeCommand: async () => undefined }),
  workspace: namespace('workspace', { getConfiguration: () => ({ get: (k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined }), textDocuments: [], workspaceFolders: undefined, isTrusted: true }),
  languages: namespace('languages', { createDiagnosticCollection: () => channel() }),
  env: namespace('env', { language: 'en', appName: 'bench', uriScheme: 'vscode', clipboard: { readText: async () => '', writeText: async () => undefined } }),
  l10n: { t: (s, ...a) => (typeof s === 'string' ? s : s.message).replace(/\{(\d+)\}/g, (m, i) => String(a[i])), bundle: undefined, uri: undefined },
  extensions: namespace('extensions', { all: [] }),
  version: '1.100.0',
};
// Anything else: a value that can be read, called and constructed to any depth.
function deep(name) {
  return new Proxy(function () {}, {
    get(t, k) { if (k === Symbol.toPrimitive) return () => name; if (typeof k !== 'string' || k === 'then') return undefined; if (k === 'dispose') return () => undefined; return deep(name + '.' + k); },
    apply() { return deep(name + '()'); },
    construct() { return deep('new ' + name); },
  });
}
// esbuild's ESM interop copies only the module's own keys, so name the rest here.
for (const k of ['CodeAction', 'CodeActionKind', 'WorkspaceEdit', 'TextEdit', 'SnippetTextEdit', 'CompletionList', 'CompletionItemTag', 'InlayHint', 'InlayHintKind',
  'SemanticTokensLegend', 'SemanticTokensBuilder', 'SignatureHelp', 'SignatureInformation', 'ParameterInformation', 'DocumentHighlight', 'CodeLens', 'Color', 'ColorInformation',
  'TabInputText', 'TabInputWebview', 'RelativePattern', 'CancellationTokenSource', 'CancellationError', 'FileType', 'FileSystemError', 'DiagnosticRelatedInformation', 'DiagnosticTag',
  'TextEditorRevealType', 'DecorationRangeBehavior', 'OverviewRulerLane', 'StatusBarItem', 'TaskScope', 'UIKind', 'ExtensionMode', 'ColorThemeKind', 'LanguageStatusSeverity', 'IndentAction', 'FoldingRangeKind']) {
  if (!(k in api)) api[k] = deep(k);
}
module.exports = new Proxy(api, { get(t, k) { if (k in t) return t[k]; if (typeof k !== 'string') return undefined; missing.add(k); return deep(k); } });
module.exports.__missing = missing;
`;

// One timing run, in a fresh process: prints { requireMs, activateMs, loaded, missing }.
const CHILD = String.raw`
const Module = require('module');
const path = require('path');
const [bundle, fakePath, root] = process.argv.slice(1);
const fake = require(fakePath);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? fakePath : resolve.call(this, req, ...rest); };
const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => { m.set(k, v); }, keys: () => [...m.keys()], setKeysForSync() {} }; };
const uri = (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => 'file://' + p });
const context = {
  subscriptions: [], workspaceState: memento(), globalState: memento(),
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
  extensionUri: uri(root), extensionPath: root, asAbsolutePath: (p) => path.join(root, p),
  logUri: uri('/tmp/log'), globalStorageUri: uri('/tmp/global'), storageUri: uri('/tmp/ws'), extensionMode: 1,
  extension: { id: 'alipay-toolkit.alipay-toolkit', packageJSON: require(path.join(root, 'package.json')) },
};
const t0 = process.hrtime.bigint();
const ext = require(bundle);
const t1 = process.hrtime.bigint();
const ret = ext.activate(context);
const t2 = process.hrtime.bigint();
Promise.resolve(ret).then(() => {
  process.stdout.write(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, activateMs: Number(t2 - t1) / 1e6, loaded: globalThis.__loaded || [], missing: [...fake.__missing] }));
});
`;

async function build(outfile, extra) {
  const r = await esbuild.build({ ...common, outfile, metafile: true, ...extra });
  if (r.errors.length) throw new Error(r.errors.map((e) => e.text).join('\n'));
  return r.metafile;
}

function runChild(tmp, bundle) {
  const r = spawnSync(process.execPath, ['-e', CHILD, bundle, path.join(tmp, 'vscode.js'), ROOT], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`activation failed in the fake host:\n${r.stderr.split('\n').filter((l) => l.length < 400).join('\n')}`);
  return JSON.parse(r.stdout);
}

/** For each heavy module, the module right under extension.ts on its static import chain (the feature to make lazy). */
function whoLoads(meta, heavy) {
  const entry = Object.keys(meta.inputs).find((f) => f.endsWith('src/extension/extension.ts'));
  const parent = new Map([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift();
    for (const imp of meta.inputs[f]?.imports ?? []) {
      if (imp.kind === 'dynamic-import' || imp.external || parent.has(imp.path)) continue;
      parent.set(imp.path, f);
      queue.push(imp.path);
    }
  }
  const owners = new Map();
  for (const h of heavy) {
    let f = Object.keys(meta.inputs).find((k) => k.endsWith(h));
    const chain = [];
    while (f && parent.get(f) && parent.get(f) !== entry) {
      chain.push(f);
      f = parent.get(f);
    }
    const owner = f ? f.replace(/^.*?(src\/)/, '$1') : '(unknown)';
    if (!owners.has(owner)) owners.set(owner, []);
    owners.get(owner).push(h.replace(/^node_modules\/([^/]+)\/.*/, '$1'));
  }
  for (const [k, v] of owners) owners.set(k, [...new Set(v)]);
  return owners;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-bench-activation-'));
  try {
    fs.writeFileSync(path.join(tmp, 'vscode.js'), FAKE_VSCODE);
    const prod = path.join(tmp, 'extension.js');
    const meta = await build(prod, { minify: true });
    // The siblings, as `npm run package` ships them (sizes only: activation must not touch them).
    const siblings = [];
    for (const b of extensionBuilds.slice(1)) {
      const out = path.join(tmp, path.basename(b.outfile));
      await build(out, { plugins: b.plugins, entryPoints: b.entryPoints.map((e) => path.resolve(ROOT, e)), minify: true });
      siblings.push(`${path.basename(out)} ${kb(fs.statSync(out).size)} KB`);
    }
    const instrumentedDir = path.join(tmp, 'instrumented');
    fs.mkdirSync(instrumentedDir);
    const instrumented = path.join(instrumentedDir, 'extension.js');
    await build(instrumented, { plugins: [...entryBuild.plugins, recordEvaluation] });

    // Anchor: requiring iconv-lite alone, bundled the same way (about 9 ms on an idle machine).
    const iconvEntry = path.join(tmp, 'iconv-anchor.js');
    fs.writeFileSync(iconvEntry, `const iconv = require(${JSON.stringify(require.resolve('iconv-lite'))}); exports.activate = () => typeof iconv.encode;`);
    const iconvBundle = path.join(tmp, 'extension.iconv.js');
    await build(iconvBundle, { minify: true, entryPoints: [iconvEntry] });
    // Interleaved, so a burst of load on the shared machine hits both alike.
    const anchorRuns = [];
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      anchorRuns.push(runChild(tmp, iconvBundle));
      runs.push(runChild(tmp, prod));
    }
    const anchor = median(anchorRuns.map((r) => r.requireMs + r.activateMs));
    const req = median(runs.map((r) => r.requireMs));
    const act = median(runs.map((r) => r.activateMs));
    const total = median(runs.map((r) => r.requireMs + r.activateMs));

    const probe = runChild(tmp, instrumented);
    const loaded = [...new Set(probe.loaded.map(([f]) => f))];
    // Time from one module's start to the next one's: its own top-level cost (nested imports start their own clock).
    const selfMs = probe.loaded.map(([f, t], i) => [f, (probe.loaded[i + 1]?.[1] ?? t) - t]).sort((a, b) => b[1] - a[1]).slice(0, 6);
    const heavy = loaded.filter((f) => HEAVY.some((re) => re.test(f)));
    const inBundle = Object.keys(meta.inputs).length;
    const prodSize = fs.statSync(prod).size;
    const distFile = path.join(ROOT, 'dist', 'extension.js');
    const biggest = Object.entries(meta.outputs[Object.keys(meta.outputs).find((k) => k.endsWith('.js'))].inputs)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, 5)
      .map(([f, v]) => `${f} ${kb(v.bytesInOutput)} KB`);

    console.log(`activation (median of ${RUNS} cold processes, production bundle, fake vscode):`);
    console.log(`  require(bundle)      ${req.toFixed(2)} ms`);
    console.log(`  activate()           ${act.toFixed(2)} ms`);
    console.log(`  require + activate   ${total.toFixed(2)} ms   goal < ${GOAL_MS} ms on an idle machine`);
    console.log(`  anchor: iconv-lite   ${anchor.toFixed(2)} ms (require only, same harness, interleaved)   ratio ${(total / anchor).toFixed(2)}x anchor (goal <= ${GOAL_RATIO}x)`);
    console.log(`  machine ${loadLine()} (timings scale with it)`);
    console.log(`bundle size: entry ${kb(prodSize)} KB minified (dist/extension.js as built: ${fs.existsSync(distFile) ? kb(fs.statSync(distFile).size) + ' KB' : 'not built'}); loaded on first use: ${siblings.join(', ')}`);
    console.log(`  largest inputs: ${biggest.join(', ')}`);
    console.log(`modules evaluated at activation: ${loaded.length} of ${inBundle} in the bundle`);
    console.log(`  ${loaded.join('\n  ')}`);
    console.log(`slowest top-level evaluations (instrumented build): ${selfMs.map(([f, ms]) => `${f} ${ms.toFixed(1)} ms`).join(', ')}`);
    if (heavy.length) {
      const owners = whoLoads(meta, heavy);
      console.log('heavy modules by the feature module that imports them statically:');
      for (const [owner, mods] of owners) console.log(`  ${owner}: ${mods.join(', ')}`);
    }
    console.log(heavy.length ? `HEAVY modules evaluated before first use: ${heavy.join(', ')}` : 'heavy modules evaluated before first use: none');
    if (probe.missing.length) console.log(`(fake vscode stubbed: ${probe.missing.sort().join(', ')})`);
    summary({ name: 'activation (require + activate)', figure: total, unit: 'ms', anchor, anchorName: 'require iconv-lite', ratio: total / anchor, goal: GOAL_RATIO, higherIsBetter: false });
    if (heavy.length) summary({ name: 'activation: heavy modules evaluated', figure: heavy.length, unit: 'modules', anchor: 0, anchorName: 'none', ratio: heavy.length, goal: 0, higherIsBetter: false });
    process.exitCode = heavy.length ? 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.stack || e.message);
  process.exitCode = 1;
});
