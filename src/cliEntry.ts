// dist/cli.js, the `alipay-toolkit` command: it loads nothing but the bundle
// that runs the line — dist/cli-scan.js for `scan` (a log scan's start is part
// of its speed), dist/cli-main.js (src/cli.ts) for everything else. Each bundle
// is a complete CLI with its own error classes, so none crosses bundles.
import { commandOf } from './cli/route';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = require(commandOf(process.argv.slice(2)) === 'scan' ? './cli-scan.js' : './cli-main.js') as { run: () => void };
cli.run();
