// The compilers and interpreters the snippet tests drive. A missing one fails
// the test that needs it with a message saying how to install it (never a skip).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** PHP from npm (WebAssembly, @php-wasm/cli): `[...PHP, file.php]` runs a script. */
export const PHP: [string, ...string[]] = [process.execPath, path.join(__dirname, '..', '..', 'scripts', 'php.mjs')];

export interface Toolchain {
  /** What to run to check it is there. */
  probe: [string, ...string[]];
  /** How to get it (scripts/provision.js, run first by npm test, installs the Debian ones as root). */
  install: string;
}

export const TOOLCHAINS: Record<string, Toolchain[]> = {
  typescript: [],
  javascript: [],
  java: [
    { probe: ['javac', '-version'], install: 'apt-get install -y default-jdk-headless (Java 17+)' },
    { probe: ['java', '-version'], install: 'apt-get install -y default-jdk-headless (Java 17+)' },
  ],
  php: [
    { probe: [...PHP, '-r', 'exit(extension_loaded("openssl") && extension_loaded("simplexml") ? 0 : 1);'], install: 'the npm devDependencies @php-wasm/cli and @php-wasm/node (npm ci)' },
  ],
  python: [
    { probe: ['python3', '-c', 'import sys; assert sys.version_info >= (3, 10)'], install: 'Python 3.10+ (apt-get install -y python3)' },
    { probe: ['python3', '-c', 'import cryptography'], install: 'the cryptography package for the RSA snippets (apt-get install -y python3-cryptography, or pip install cryptography)' },
  ],
  go: [{ probe: ['go', 'version'], install: 'apt-get install -y golang-go (npm test does it when run as root)' }],
};

/** Throws a clear error naming what is missing and how to install it. */
export function requireToolchain(language: string): void {
  for (const t of TOOLCHAINS[language] ?? []) {
    const r = spawnSync(t.probe[0], t.probe.slice(1), { stdio: 'ignore' });
    if (r.error || r.status !== 0) {
      const ci = process.env.CI === 'true' || process.env.CI === '1' ? ' (CI must provide it: npm test runs scripts/provision.js first)' : '';
      throw new Error(`The ${language} snippets cannot be tested: "${t.probe.join(' ')}" failed. Install ${t.install}${ci}.`);
    }
  }
}
