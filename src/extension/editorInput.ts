/**
 * Which text a command works on: an explicit `text` argument, else the
 * selection, else the current line when it is a URL or a query string on its
 * own, else the whole document (JSON, `name=value` lines, a form body).
 *
 * API: takeInput(args?: { text?: string }): EditorInput | undefined
 *      replaceInput(input, text): Promise<boolean>  replaces exactly that range
 */
import * as vscode from 'vscode';

export type InputScope = 'argument' | 'selection' | 'line' | 'document';

export interface EditorInput {
  text: string;
  scope: InputScope;
  editor?: vscode.TextEditor;
  range?: vscode.Range;
}

/** A line that is a whole request by itself: a URL, or `a=b&c=d`. */
export function isStandaloneRequestLine(line: string): boolean {
  const t = line.trim();
  return /^https?:\/\/\S+\?\S*=/i.test(t) || /^\??[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)+$/.test(t);
}

export function takeInput(args?: { text?: string }): EditorInput | undefined {
  if (typeof args?.text === 'string') return { text: args.text, scope: 'argument' };
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const doc = editor.document;
  const sel = editor.selection;
  if (!sel.isEmpty) return { text: doc.getText(sel), scope: 'selection', editor, range: new vscode.Range(sel.start, sel.end) };
  const line = doc.lineAt(sel.active.line);
  if (isStandaloneRequestLine(line.text)) return { text: line.text, scope: 'line', editor, range: line.range };
  const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  return { text: doc.getText(), scope: 'document', editor, range: all };
}

export async function replaceInput(input: EditorInput, text: string): Promise<boolean> {
  if (!input.editor || !input.range) return false;
  const range = input.range;
  return input.editor.edit((b) => b.replace(range, text));
}

export function scopeLabel(scope: InputScope): string {
  switch (scope) {
    case 'selection':
      return vscode.l10n.t('the selection');
    case 'line':
      return vscode.l10n.t('the current line');
    default:
      return vscode.l10n.t('the document');
  }
}
