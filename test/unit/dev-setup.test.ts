// The developer set-up the README and .vscode/ promise: installs that print no
// EBADENGINE on the Node the extension supports, F5 configurations that point
// at real scripts, and a package step that starts from an empty dist/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// npm's own range logic (semver is in the tree through npm's tooling; no types shipped).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as { satisfies(v: string, range: string): boolean; minVersion(range: string): { version: string } | null };

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

/** .vscode/*.json allow comments, as VS Code reads them. */
function readJsonc(file: string): unknown {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}

describe('developer set-up', () => {
  it('every locked package accepts the oldest Node the project supports (npm ci prints no EBADENGINE)', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    assert.ok(semver.satisfies(oldest, '>=20 <21'), `engines.node stays at Node 20 (${pkg.engines.node})`);
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: unknown }> };
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name && p.engines && typeof p.engines === 'object' && !Array.isArray(p.engines))
      .filter(([, p]) => {
        const node = (p.engines as { node?: string }).node;
        return node !== undefined && !semver.satisfies(oldest, node);
      })
      .map(([name, p]) => `${name} (node ${(p.engines as { node: string }).node})`);
    assert.deepEqual(refused, [], `these want a newer Node than ${oldest}: pin versions that accept it`);
  });

  it('has watch, a type-checking prepublish and a package step that empties dist/ first', () => {
    assert.match(pkg.scripts.watch, /esbuild\.js --watch/);
    assert.match(pkg.scripts['vscode:prepublish'], /typecheck/);
    assert.match(pkg.scripts['vscode:prepublish'], /--production/);
    assert.match(pkg.scripts.package, /^npm run clean && vsce package/);
    assert.match(pkg.scripts.clean, /rmSync\('dist'/);
  });

  it('F5 runs the extension and the CLI through the watch task', () => {
    const launch = readJsonc('.vscode/launch.json') as { configurations: Array<{ name: string; type: string; program?: string; preLaunchTask?: string }> };
    const tasks = readJsonc('.vscode/tasks.json') as { tasks: Array<{ label: string; script?: string }> };
    const ext = launch.configurations.find((c) => c.type === 'extensionHost');
    const cli = launch.configurations.find((c) => c.program?.endsWith('/dist/cli.js'));
    assert.ok(ext && cli, 'an extension and a CLI configuration');
    for (const c of [ext, cli]) {
      const task = tasks.tasks.find((t) => t.label === c.preLaunchTask);
      assert.ok(task?.script && pkg.scripts[task.script], `${c.name}: its preLaunchTask runs an npm script`);
    }
  });
});
