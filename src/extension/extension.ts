// activate() only composes feature modules; each returns a Disposable and
// loads its heavy parts on first use.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { recentLogLines, registerLog } from './log';
import { registerPreview } from './preview';
import { profileKeyDeps } from './preview/keys';
import { registerProfiles } from './profiles';
import { registerRequestFiles } from './requestFile';
import { registerEmulator } from './emulator';
import { registerHover } from './hover';
import { profileHoverDeps } from './hoverVerify';
import { registerLogAnalyzer } from './logAnalyzer';
import { registerSecrets } from './secrets';
import { registerStatusBar, statusBarState } from './statusBar';

/** What activate() returns: read-only views for the integration tests (no secrets). */
export interface ExtensionApi {
  /** The folder of the "Alipay" log file (context.logUri). */
  logUri: vscode.Uri;
  /** context.globalStorageUri: the secret-leak test finds the user's settings.json from it. */
  globalStorageUri: vscode.Uri;
  statusBar: typeof statusBarState;
  /** The last lines written to the "Alipay" log, as written (redacted). */
  logLines: typeof recentLogLines;
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
      registerHover(context, profileHoverDeps()),
      registerLogAnalyzer(context),
      // register<Feature>(context, …) calls go here, one per feature module.
    ),
  );
  return { logUri: context.logUri, globalStorageUri: context.globalStorageUri, statusBar: statusBarState, logLines: recentLogLines };
}

export function deactivate(): void {}
