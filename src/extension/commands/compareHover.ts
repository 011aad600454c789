// The hover of "Compare with My Request" (./compare): a command link on an
// answer carrying the gateway's verify string. Part of the hover feature
// (../features), so the first hover loads nothing more.
import * as vscode from 'vscode';
import { hasVerifyString } from '../../core/openapi/compareRequest';

export const COMPARE_COMMAND = 'alipay.compareWithMyRequest';

/** Largest document the hover reads whole to find the verify string of an error named on another line. */
const MAX_HOVER_DOC = 1024 * 1024;

/** The command link for the answer in document `uri`, hovered on `line`. */
export function compareLink(uri: vscode.Uri, line: number): string {
  // Parentheses (a file named "answer (1).json") would end the markdown link early.
  return `command:${COMPARE_COMMAND}?${encodeURIComponent(JSON.stringify([{ uri: uri.toString(), line }])).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}`;
}

/**
 * Hovers on the line holding the verify string, or on the line naming the
 * invalid-signature error when the document holds the string.
 */
export function createCompareHoverProvider(): vscode.HoverProvider {
  return {
    provideHover(doc, pos) {
      const line = doc.lineAt(pos.line);
      const offer = hasVerifyString(line.text) || (line.text.includes('invalid-signature') && ((all) => all.length <= MAX_HOVER_DOC && hasVerifyString(all))(doc.getText()));
      if (!offer) return undefined;
      const md = new vscode.MarkdownString('', true);
      md.isTrusted = { enabledCommands: [COMPARE_COMMAND] };
      // Our own title only: the answer's text never enters the markdown.
      const title = vscode.l10n.t('Compare with my request').replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
      md.appendMarkdown(`$(diff) [${title}](${compareLink(doc.uri, pos.line)})`);
      md.appendMarkdown('\n\n').appendText(vscode.l10n.t("Diff the gateway's verify string against the last send, the selection or the clipboard"));
      return new vscode.Hover(md, line.range);
    },
  };
}
