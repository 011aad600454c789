// The CLI built as esbuild.js ships it, into a folder of one's own: dist/cli.js, the
// bundles it starts (cli-scan.js, cli-main.js) and the scan worker, each with
// esbuild.js's own options. The CLI bundle test and bench/scan.js run these.
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Build {
  entryPoints: string[];
  outfile: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is the build's own CommonJS script
const builds = require(path.join(ROOT, 'esbuild.js')) as { cliBuilds: Build[]; extensionBuilds: Build[] };

/** The CLI's bundles (dist/cli.js starts dist/cli-scan.js or dist/cli-main.js). */
export const cliBuilds: readonly Build[] = builds.cliBuilds;
/** The scan worker, which the extension and the CLI both start. */
export const scanWorkerBuild: Build = builds.extensionBuilds.find((b) => b.outfile.endsWith('scan-worker.js'))!;

/** Builds each of `list` into `dir` under its shipped file name; `extra` adds esbuild options (minify). */
export async function buildAsShipped(list: readonly Build[], dir: string, extra: Record<string, unknown> = {}): Promise<void> {
  const esbuild = await import('esbuild');
  for (const b of list) {
    await esbuild.build({ ...b, entryPoints: b.entryPoints.map((e) => path.join(ROOT, e)), outfile: path.join(dir, path.basename(b.outfile)), sourcemap: false, logLevel: 'silent', ...extra });
  }
}
