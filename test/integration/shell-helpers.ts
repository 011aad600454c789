// Helpers shared by the shell's integration tests (shell, keys, secret-leak).
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
 * commands under test read window.activeTextEditor).
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
 * Leaves earlier test documents open on purpose: closing dirty untitled editors
 * (revertAndCloseActiveEditor) finishes after the command resolves, and the late
 * focus change made the next test's command read the wrong editor. Tests instead
 * wait until their own document is active (openDoc / waitActive).
 */
export async function closeAll(): Promise<void> {
  // intentionally nothing
}

export function exec<T>(command: string, args?: unknown): Thenable<T> {
  return vscode.commands.executeCommand<T>(command, args);
}
