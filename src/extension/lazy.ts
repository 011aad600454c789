/**
 * Loads feature code on first use. The entry bundle (dist/extension.js) holds
 * only registrations and the shared services; the first call here requires
 * the feature bundle (dist/features.js, built from ./features.ts), hands it
 * the services (./shared.ts explains why they are passed, not imported), and
 * records which features were asked for, so a test can check that activation
 * alone loaded none.
 *
 * API: loadFeature(name): Promise<module>   lazyCommand(name, pick): command handler
 *      loadedFeatures(): names asked for, in order
 *      loadedBundles(): this extension's bundles Node has evaluated (from require.cache)
 */
import * as path from 'node:path';
import type * as FeaturesModule from './features';
import type { Feature, FeatureName } from './features';
import * as log from './log';
import * as profiles from './profiles';
import * as secrets from './secrets';

let bundle: typeof FeaturesModule | undefined;
const asked: FeatureName[] = [];

function features(): typeof FeaturesModule {
  if (!bundle) {
    // esbuild.js turns this into require('./features.js'), the sibling bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const b = require('./features') as typeof FeaturesModule;
    b.init({ log, profiles, secrets });
    bundle = b;
  }
  return bundle;
}

export function loadFeature<K extends FeatureName>(name: K): Promise<Feature<K>> {
  if (!asked.includes(name)) asked.push(name);
  try {
    return features().features[name]() as Promise<Feature<K>>;
  } catch (e) {
    return Promise.reject(e);
  }
}

/** A command handler that loads `name` on its first call and runs what `pick` chooses from it. */
export function lazyCommand<K extends FeatureName>(name: K, pick: (m: Feature<K>) => (args?: never) => unknown): (args?: unknown) => Promise<unknown> {
  return async (args?: unknown) => pick(await loadFeature(name))(args as never);
}

export function loadedFeatures(): string[] {
  return [...asked];
}

/** Which of the extension's bundles (files next to this one) Node has evaluated: the evidence independent of loadFeature's bookkeeping. */
export function loadedBundles(): string[] {
  const dir = __dirname;
  return Object.keys(require.cache)
    .filter((f) => path.dirname(f) === dir)
    .map((f) => path.basename(f))
    .sort();
}
