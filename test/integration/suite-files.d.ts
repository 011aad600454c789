// Types for the two module names only the integration bundle knows (see esbuild.js).

/** Every `*.test.ts` under test/integration/, listed at build time by esbuild.js's plugin. */
declare module 'integration-suite-files' {
  export const suiteFiles: ReadonlyArray<{ name: string; load: () => unknown }>;
}

/** Mocha's CommonJS build: loads on any Node (mocha's package entry is ESM). */
declare module 'mocha/lib/mocha.cjs' {
  import Mocha from 'mocha';
  export default Mocha;
}
