// Diagnostics, completion, hovers and CodeLens for request files: they need
// the catalog and the validator, so they live in the feature bundle and start
// when the first request file opens (./index.ts decides when).
import * as vscode from 'vscode';
import { SELECTOR, type RequestFileDeps } from './deps';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './language';
import { Lenses } from './lenses';

export function registerEditorFeatures(deps: RequestFileDeps): vscode.Disposable {
  const lenses = new Lenses();
  return vscode.Disposable.from(
    registerDiagnostics(deps),
    registerLanguageFeatures(deps),
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    ...deps.changes.map((ev) => ev(() => lenses.refresh())),
  );
}
