// The entry bundle (dist/extension.js): activate() creates the shared
// services (log, profiles, secrets, status bar) and registers every command,
// provider and view with a lazy handler. Feature code is in dist/features.js
// and loads on first use (./lazy.ts); the emulator is dist/emulator.js.
// Keep this bundle small: bench/activation.js times require + activate and
// fails when a heavy module is evaluated here.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerCompare } from './compareRegister';
import { loadedBundles, loadedFeatures, loadFeature, lazyCommand } from './lazy';
import { recentLogLines, registerLog } from './log';
import { registerPreview } from './preview';
import { profileKeyDeps } from './preview/keys';
import { registerProfiles } from './profiles';
import { registerRequestFiles } from './requestFile';
import { registerSecrets } from './secrets';
import { registerStatusBar, statusBarState } from './statusBar';
import { registerViews, sideBar } from './views';

/** What activate() returns: read-only views for the integration tests (no secrets). */
export interface ExtensionApi {
  /** The folder of the "Alipay" log file (context.logUri). */
  logUri: vscode.Uri;
  /** context.globalStorageUri: the secret-leak test finds the user's settings.json from it. */
  globalStorageUri: vscode.Uri;
  statusBar: typeof statusBarState;
  /** The last lines written to the "Alipay" log, as written (redacted). */
  logLines: typeof recentLogLines;
  /** Features whose code was asked for so far (./lazy), and the bundles Node has evaluated. */
  loadedFeatures: typeof loadedFeatures;
  loadedBundles: typeof loadedBundles;
  /** The side bar's tree providers and the local gateway's status item. */
  sideBar: typeof sideBar;
}

/** Hovers in every file: the provider (and the catalog) load on the first hover. */
function registerHover(context: vscode.ExtensionContext): vscode.Disposable {
  let provider: Promise<vscode.HoverProvider> | undefined;
  return vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], {
    async provideHover(doc, pos, token) {
      provider ??= loadFeature('hover').then((m) => m.createHoverProvider(context));
      return (await provider).provideHover(doc, pos, token);
    },
  });
}

/** The local gateway's commands; closing the window stops a gateway only if one was started. */
function registerEmulator(context: vscode.ExtensionContext): vscode.Disposable {
  let started = false;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('alipay.startLocalGateway', () => {
      started = true;
      return loadFeature('emulator').then((m) => m.startCommand(context));
    }),
    vscode.commands.registerCommand('alipay.stopLocalGateway', lazyCommand('emulator', (m) => m.stopCommand)),
    vscode.commands.registerCommand('alipay.testNotifyEndpoint', () => loadFeature('notifyTest').then((m) => m.testNotifyCommand(context))),
    { dispose: () => void (started && loadFeature('emulator').then((m) => m.closeGateway())) },
  );
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  context.subscriptions.push(
    vscode.Disposable.from(
      registerLog(context), // first: the others log
      registerProfiles(context),
      registerSecrets(context),
      registerStatusBar(context),
      registerCommands(context),
      registerPreview(context, profileKeyDeps()),
      registerRequestFiles(context),
      registerEmulator(context),
      registerHover(context),
      registerCompare(context),
      registerViews(context),
      // register<Feature>(context, …) calls go here, one per feature: register with
      // lazy handlers (./lazy loadFeature / lazyCommand), the code in ./features.
    ),
  );
  return {
    logUri: context.logUri,
    globalStorageUri: context.globalStorageUri,
    statusBar: statusBarState,
    logLines: recentLogLines,
    loadedFeatures,
    loadedBundles,
    sideBar,
  };
}

export function deactivate(): void {}
