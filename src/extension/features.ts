/**
 * The feature bundle's entry (dist/features.js). The entry bundle requires it
 * on the first command, hover, view or request file that needs feature code
 * (./lazy.ts), calls init() with its services, then asks for features by
 * name. Each loader evaluates only its own modules (esbuild keeps the targets
 * of `import()` lazy inside the bundle), so the first hover does not pay for
 * the emulator or the preview.
 *
 * Adding a feature: a loader here, and a lazy registration in the entry
 * (./extension.ts or the feature's own register file there).
 */
import type * as vscode from 'vscode';
import { bindServices, type Services } from './shared';

export function init(services: Services): void {
  bindServices(services);
}

export const features = {
  sign: () => import('./commands/sign'),
  certs: () => import('./profileCerts'),
  keys: () => import('./commands/keys'),
  compare: () => import('./commands/compare'),
  secretCommands: () => import('./commands/secrets'),
  // Validating and fingerprinting secrets, for the entry's secrets service (./secrets).
  secretValues: () => import('./secretValues'),
  preview: () => import('./preview/panel'),
  requestCommands: () => import('./requestFile/commands'),
  requestEditor: () => import('./requestFile/editor'),
  emulator: () => import('./emulator'),
  notifyTest: () => import('./notifyTest'),
  logAnalyzer: () => import('./logAnalyzer'),
  views: () => import('./views/feature'),
  hover: async () => {
    const [{ createHoverProvider }, { profileHoverDeps }, { createCompareHoverProvider }] = await Promise.all([import('./hover'), import('./hoverVerify'), import('./commands/compareHover')]);
    return { createHoverProvider: (context: vscode.ExtensionContext) => createHoverProvider(context, profileHoverDeps()), createCompareHoverProvider };
  },
};

export type FeatureName = keyof typeof features;
export type Feature<K extends FeatureName> = Awaited<ReturnType<(typeof features)[K]>>;
