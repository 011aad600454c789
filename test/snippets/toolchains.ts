// The compilers and interpreters the snippet tests drive. A missing one fails
// the test that needs it with a message saying how to install it (never a skip).
import { spawnSync } from 'node:child_process';

export interface Toolchain {
  /** What to run to check it is there. */
  probe: [string, ...string[]];
  /** How to get it on Debian (what scripts/install-system-tools.sh does in CI). */
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
    { probe: ['php', '-r', 'exit(extension_loaded("openssl") && extension_loaded("simplexml") ? 0 : 1);'], install: 'apt-get install -y php-cli php-xml (bash scripts/install-system-tools.sh)' },
  ],
  python: [
    { probe: ['python3', '-c', 'import sys; assert sys.version_info >= (3, 10)'], install: 'Python 3.10+ (apt-get install -y python3)' },
    { probe: ['python3', '-c', 'import cryptography'], install: 'the cryptography package for the RSA snippets (apt-get install -y python3-cryptography, or pip install cryptography)' },
  ],
  go: [{ probe: ['go', 'version'], install: 'apt-get install -y golang-go (bash scripts/install-system-tools.sh)' }],
};

/** Throws a clear error naming what is missing and how to install it. */
export function requireToolchain(language: string): void {
  for (const t of TOOLCHAINS[language] ?? []) {
    const r = spawnSync(t.probe[0], t.probe.slice(1), { stdio: 'ignore' });
    if (r.error || r.status !== 0) {
      const ci = process.env.CI === 'true' || process.env.CI === '1' ? ' (CI must install it: .ci/run runs scripts/install-system-tools.sh)' : '';
      throw new Error(`The ${language} snippets cannot be tested: "${t.probe.join(' ')}" failed. Install ${t.install}${ci}.`);
    }
  }
}
