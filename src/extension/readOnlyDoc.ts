// Texts the toolkit shows (pre-sign strings, log summaries) as read-only
// documents: nothing to save, no "save changes?" prompt when they close.
// The provider registers on first use (feature code, not activation).
import * as vscode from 'vscode';

const SCHEME = 'alipay-readonly';
const texts = new Map<string, string>();
let provider: vscode.Disposable | undefined;
let seq = 0;

/** Opens `content` as a read-only document named `name` (its extension picks the language, e.g. summary.md). */
export async function openReadOnly(name: string, content: string, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextDocument> {
  provider ??= vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '' });
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}`, query: String(++seq) });
  texts.set(uri.toString(), content);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, ...options });
  return doc;
}
