// `php` for the tests, from npm: PHP compiled to WebAssembly (@php-wasm/cli,
// a devDependency), with the host's files visible as usual.
//
//   node scripts/php.mjs [php arguments …]
//
// @php-wasm/cli 3.1.54 always exits 0 (it ignores the script's exit status),
// which would hide a failing snippet; this wrapper keeps PHP's status.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PHP } from '@php-wasm/universal';

let status = 0;
const cli = PHP.prototype.cli;
PHP.prototype.cli = async function (...args) {
  const response = await cli.apply(this, args);
  response.exitCode.then((code) => (status = Number(code) || 0), () => undefined);
  return response;
};
const exit = process.exit.bind(process);
process.exit = (code) => exit(code === 0 || code === undefined ? status : code);

const require = createRequire(import.meta.url);
await import(pathToFileURL(path.join(path.dirname(require.resolve('@php-wasm/cli/package.json')), 'main.js')).href);
