// Texts the toolkit shows (pre-sign strings, log summaries) as read-only
// documents: nothing to save, no "save changes?" prompt when they close.
// The provider registers on first use (feature code, not activation).
import * as vscode from 'vscode';

const SCHEME = 'alipay-readonly';
const texts = new Map<string, string>();
let provider: vscode.Disposable | undefined;
let seq = 0;

/** A read-only document's address, not opened yet (e.g. the two sides of a `vscode.diff`). */
export function readOnlyUri(name: string, content: string): vscode.Uri {
  provider ??= vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '' });
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}`, query: String(++seq) });
  texts.set(uri.toString(), content);
  return uri;
}

/** Opens `content` as a read-only document named `name` (its extension picks the language, e.g. summary.md). */
export async function openReadOnly(name: string, content: string, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(readOnlyUri(name, content));
  await vscode.window.showTextDocument(doc, { preview: true, ...options });
  return doc;
}
