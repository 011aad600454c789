// Bundles the extension, the CLI and the integration suite (esbuild-sample's shape).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error:` form VS Code's problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
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
  plugins: [problemMatcher, require('./scripts/iconv-slim')],
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

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The suite that runs inside a real VS Code (see scripts/test-integration.js).
  { ...common, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', external: ['vscode', 'mocha'],
    minify: false, sourcemap: true, plugins: [problemMatcher, integrationSuiteFiles] },
];

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
