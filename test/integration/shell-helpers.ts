// Helpers shared by the integration tests.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'alipay-toolkit.alipay-toolkit';

export async function activateExtension(): Promise<{ api: ExtensionApi; root: string }> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  return { api, root: ext.extensionPath };
}

export interface Vector {
  id: string;
  sign_type: string;
  md5_key?: string;
  private_key_file?: string;
  public_key_file?: string;
  params?: Record<string, string>;
  url?: string;
  presign: string;
  sign: string;
}

/** The published vectors: ../shared/vectors next to the repository (read by the test, never by the product). */
export function vectorsDir(root: string): string {
  return path.join(root, '..', 'shared', 'vectors');
}

export function loadVectors(root: string): Vector[] {
  return (JSON.parse(fs.readFileSync(path.join(vectorsDir(root), 'mapi-public.json'), 'utf8')) as { vectors: Vector[] }).vectors;
}

/**
 * Opens an untitled document and returns once the extension host sees it as the
 * active editor (that news can arrive after showTextDocument resolves, and the
 * commands under test read window.activeTextEditor). Test documents stay open:
 * closing dirty untitled editors finishes after the close command resolves, and
 * the late focus change made the next test's command read the wrong editor.
 */
export async function openDoc(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(doc, { preview: false });
  return waitActive(doc);
}

/** Returns once `doc` is the active editor in the extension host's view (re-showing it if focus moved). */
export async function waitActive(doc: vscode.TextDocument): Promise<vscode.TextEditor> {
  const deadline = Date.now() + 10000;
  while (vscode.window.activeTextEditor?.document !== doc) {
    if (Date.now() > deadline) assert.fail(`the document never became the active editor (active: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'})`);
    await new Promise((r) => setTimeout(r, 20));
    if (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document !== doc) await vscode.window.showTextDocument(doc, { preview: false });
  }
  return vscode.window.activeTextEditor;
}

/**
 * Closes the editors without a save prompt (untitled test documents are dirty),
 * one at a time, each time waiting for the extension host to see the change
 * before the next close — issuing closes ahead of that view closed the wrong
 * editor and moved focus late. The shell's own tests don't close (see openDoc).
 */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    const seen = new Promise<void>((resolve) => {
      const sub = vscode.window.onDidChangeVisibleTextEditors(() => {
        sub.dispose();
        resolve();
      });
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 3000); // a close that changes nothing visible (e.g. focus was elsewhere) sends no event
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await seen;
  }
}

export function exec<T>(command: string, args?: unknown): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, args);
}

/** All hover text at `offset` in `uri`, with appendText's markdown escapes and &nbsp; undone (compare on plain text). */
export async function hoverText(uri: vscode.Uri, offset: number): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset))) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

export type Shown = { message: string; options: unknown; items: unknown[] };

/**
 * Records `window[name]` messages (the test shares the extension's vscode API object)
 * and answers each with its FIRST button: what Enter does in a modal dialog.
 */
export function recordMessages(name: 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage'): { shown: Shown[]; restore(): void } {
  const w = vscode.window as unknown as Record<string, (...a: unknown[]) => Thenable<unknown>>;
  const original = w[name];
  const shown: Shown[] = [];
  w[name] = (message: unknown, ...rest: unknown[]) => {
    const options = rest.length && typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? rest.shift() : undefined;
    shown.push({ message: String(message), options, items: rest });
    return Promise.resolve(rest[0]);
  };
  return { shown, restore: () => void (w[name] = original) };
}
