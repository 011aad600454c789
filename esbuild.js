// Bundles the extension, the CLI and the integration suite (esbuild-sample's shape).
//
// The extension is three bundles, so activation evaluates only the first:
//   dist/extension.js  the entry (src/extension/extension.ts): shared services
//                      (log, profiles, secrets, status bar) and lazy registrations
//   dist/features.js   every feature's code (src/extension/features.ts), required
//                      on first use; it gets the entry's services passed in
//                      (src/extension/shared.ts) and may not bundle their modules
//   dist/emulator.js   the local gateway (src/emulator), required on first start
//   dist/scan-worker.js a log scan thread (src/core/logscanWorker.ts), for the CLI too
// The CLI is three (cliBuilds below).
// `node esbuild.js` builds; `require('./esbuild.js').extensionBuilds` gives the
// same options to bench/activation.js, `cliBuilds` to bench/scan.js.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

let watchActive = 0;

/** Prints errors in the `file:line:col: error:` form VS Code's problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    // One begin/end pair around all bundles' rebuilds, so .vscode/tasks.json's
    // background matcher (F5's preLaunchTask) waits until every bundle is written.
    if (watch) build.onStart(() => (watchActive++ === 0 ? console.log('[watch] build started') : undefined));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch && --watchActive === 0) console.log('[watch] build finished');
    });
  },
};

/**
 * src/core/scanTable.ts evaluated when bundling: the bundles get its rows as
 * data, so a scan loads no catalog (only scanTable.ts reads it). Computed once
 * per build, from the sources as they are then (watch mode: when they change).
 */
const scanTableAtBuild = {
  name: 'scan-table-at-build',
  setup(build) {
    let rows;
    build.onStart(() => {
      rows = undefined;
    });
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]scanTable\.ts$/ }, (args) => {
      if (!rows) {
        const r = esbuild.buildSync({ entryPoints: [args.path], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent' });
        const m = { exports: {} };
        new Function('module', 'exports', 'require', r.outputFiles[0].text)(m, m.exports, require);
        rows = { text: JSON.stringify(m.exports.SCAN_ROWS), watchFiles: Object.keys(r.metafile.inputs).map((f) => path.resolve(f)) };
      }
      return { contents: `// src/core/scanTable.ts, evaluated by esbuild.js\nexport const SCAN_ROWS = ${rows.text};\n`, loader: 'js', watchFiles: rows.watchFiles };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcher, require('./scripts/iconv-slim'), scanTableAtBuild],
};

/**
 * The integration suite's test files: `import { suiteFiles } from 'integration-suite-files'`
 * in test/integration/index.ts yields every `*.test.ts` under test/integration/ (subfolders too), bundled, each
 * loaded only when index.ts asks (after mocha has set its globals). A new *.test.ts
 * file joins the suite on the next build with no other edit.
 */
const integrationSuiteFiles = {
  name: 'integration-suite-files',
  setup(build) {
    const dir = path.join(__dirname, 'test', 'integration');
    build.onResolve({ filter: /^integration-suite-files$/ }, () => ({ path: dir, namespace: 'integration-suite-files' }));
    build.onLoad({ filter: /.*/, namespace: 'integration-suite-files' }, () => {
      const files = fs.readdirSync(dir, { recursive: true })
        .map((f) => f.split(path.sep).join('/'))
        .filter((f) => f.endsWith('.test.ts'))
        .sort();
      const entries = files.map((f) => `  { name: ${JSON.stringify(f)}, load: () => require(${JSON.stringify('./' + f)}) },`);
      return {
        contents: `module.exports.suiteFiles = [\n${entries.join('\n')}\n];\n`,
        resolveDir: dir,
        loader: 'js',
        watchDirs: [dir],
      };
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in a CommonJS bundle becomes, in every
 * importing file, `__toESM(require('vscode'))`: a fresh copy of the whole API
 * object (hundreds of getters), a dozen times during activation. Routing every
 * import through one `export * from 'vscode'` module copies it once per bundle.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Imports of these sources become `require('./<name>.js')` of the sibling bundle. */
const SPLIT = {
  [path.join(__dirname, 'src', 'extension', 'features.ts')]: './features.js',
  [path.join(__dirname, 'src', 'emulator', 'index.ts')]: './emulator.js',
};
/** The entry's stateful services: the feature bundle reaches them only through src/extension/shared.ts. */
const ENTRY_ONLY = ['log', 'profiles', 'secrets', 'statusBar', 'lazy', 'extension'].map((f) => path.join(__dirname, 'src', 'extension', `${f}.ts`));

/** Resolves each import; one that lands on another bundle's entry becomes external (and `forbid` fails the build). */
function splitBundles(own, forbid = []) {
  return {
    name: 'split-bundles',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.pluginData === 'split-bundles') return undefined;
        const base = path.resolve(args.resolveDir, args.path);
        const file = [base, base + '.ts', path.join(base, 'index.ts')].find((f) => SPLIT[f] || forbid.includes(f));
        if (!file || file === own) return undefined;
        if (forbid.includes(file)) {
          return { errors: [{ text: `${path.relative(__dirname, args.importer)} imports ${path.relative(__dirname, file)}: the feature bundle must take the entry's services from src/extension/shared.ts (a second copy would have its own state)` }] };
        }
        return { path: SPLIT[file], external: true };
      });
    },
  };
}

const entryFile = path.join(__dirname, 'src', 'extension', 'extension.ts');
const featuresFile = path.join(__dirname, 'src', 'extension', 'features.ts');
const emulatorFile = path.join(__dirname, 'src', 'emulator', 'index.ts');
const extensionBuilds = [
  { ...common, entryPoints: [entryFile], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...common.plugins, vscodeOnce, splitBundles(entryFile)] },
  { ...common, entryPoints: [featuresFile], outfile: 'dist/features.js', external: ['vscode'], plugins: [...common.plugins, vscodeOnce, splitBundles(featuresFile, ENTRY_ONLY)] },
  { ...common, entryPoints: [emulatorFile], outfile: 'dist/emulator.js', external: ['vscode'], plugins: [...common.plugins, vscodeOnce, splitBundles(emulatorFile, ENTRY_ONLY)] },
  // The log scan's worker thread, started by core/logscan from both the CLI and the feature bundle.
  { ...common, entryPoints: ['src/core/logscanWorker.ts'], outfile: 'dist/scan-worker.js' },
];

// The CLI: dist/cli.js (the `bin`) only picks the bundle that runs the line, each
// complete on its own: dist/cli-scan.js for `scan`, whose start is part of a
// log scan's speed (it compiles ~60 KB instead of ~800 KB), dist/cli-main.js for
// every other command. They share dist/scan-worker.js.
const cliBuilds = [
  { ...common, entryPoints: ['src/cliEntry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./cli-scan.js', './cli-main.js'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli-main.js' },
  { ...common, entryPoints: ['src/cliScan.ts'], outfile: 'dist/cli-scan.js' },
];

const builds = [
  ...extensionBuilds,
  ...cliBuilds,
  // The suite that runs inside a real VS Code (see scripts/test-integration.js).
  { ...common, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', external: ['vscode', 'mocha'],
    minify: false, sourcemap: true, plugins: [problemMatcher, integrationSuiteFiles] },
];

module.exports = { extensionBuilds, cliBuilds, common };

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e.message || e);
    process.exit(1);
  });
}
