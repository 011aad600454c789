// activate() only composes feature modules; each returns a Disposable and
// loads its heavy parts on first use.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.Disposable.from(
      // register<Feature>(context, …) calls go here, one per feature module.
    ),
  );
}

export function deactivate(): void {}
