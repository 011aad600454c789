// "Alipay: Preview Response": the response/notification preview beside the
// editor, its editor-title button for XML that looks like a gateway response,
// and the serializer that restores it after a reload.
//
// API: registerPreview(context, deps): Disposable
//   command alipay.previewResponse(arg?) → Promise<PreviewResult> once painted
//     arg: a Uri (editor title button), or { uri?: string; text?: string }
//     none: the selection, else the active document, else the clipboard
//   context key alipay.looksLikeResponse: the active editor holds <alipay>…<is_success>
import * as vscode from 'vscode';
import { loadFeature } from '../lazy';
import { reportError } from '../log';
import type { PreviewDeps, PreviewPanel, PreviewResult } from './panel';
import { looksLikeResponse, PreviewSource, validState, VIEW_TYPE } from './protocol';

export type { PreviewDeps, PreviewResult } from './panel';

const CONTEXT_KEY = 'alipay.looksLikeResponse';
const COMMAND = 'alipay.previewResponse';

function sourceFrom(arg: unknown): Promise<PreviewSource | undefined> | PreviewSource | undefined {
  if (arg instanceof vscode.Uri) return { type: 'document', uri: arg.toString() };
  if (arg && typeof arg === 'object') {
    const a = arg as { uri?: unknown; text?: unknown };
    if (typeof a.text === 'string') return { type: 'text', text: a.text, origin: 'argument' };
    if (typeof a.uri === 'string') return { type: 'document', uri: a.uri };
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const sel = editor.selection;
    if (!sel.isEmpty) return { type: 'text', text: editor.document.getText(sel), origin: 'selection' };
    if (editor.document.getText().trim() !== '') return { type: 'document', uri: editor.document.uri.toString() };
  }
  return Promise.resolve(vscode.env.clipboard.readText()).then((text): PreviewSource | undefined =>
    text.trim() ? { type: 'text', text, origin: 'clipboard' } : undefined,
  );
}

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps = {}): vscode.Disposable {
  let current: PreviewPanel | undefined;

  // The panel module (and, through it, the decoder) is in the feature bundle: it loads on first preview.
  const adopt = async (panel: vscode.WebviewPanel): Promise<PreviewPanel> => {
    const { PreviewPanel } = await loadFeature('preview');
    const p = new PreviewPanel(panel, context.extensionUri, deps, () => {
      if (current === p) current = undefined;
    });
    current = p;
    return p;
  };

  const preview = async (arg?: unknown): Promise<PreviewResult | undefined> => {
    try {
      const source = await sourceFrom(arg);
      if (!source) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Nothing to preview: open or select a gateway response, a notification body or a return URL, or copy one to the clipboard.'),
        );
        return undefined;
      }
      if (current) current.panel.reveal(vscode.ViewColumn.Beside, true);
      else {
        const panel = vscode.window.createWebviewPanel(
          VIEW_TYPE,
          vscode.l10n.t('Alipay response preview'),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] },
        );
        await adopt(panel);
      }
      return await current!.show(source);
    } catch (e) {
      reportError(e, vscode.l10n.t('Preview Response'));
      return undefined;
    }
  };

  const updateContext = (editor: vscode.TextEditor | undefined): void => {
    const doc = editor?.document;
    const yes = !!doc && doc.lineCount > 0 && looksLikeResponse(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 60), 0)).slice(0, 8192));
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, yes);
  };
  updateContext(vscode.window.activeTextEditor);

  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMAND, preview),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const p = await adopt(panel);
        const valid = validState(state);
        if (valid) void p.show(valid.source);
        else panel.dispose(); // nothing trustworthy to restore
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateContext(vscode.window.activeTextEditor);
    }),
    new vscode.Disposable(() => current?.dispose()),
  );
}
