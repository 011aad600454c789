/**
 * Alipay: Compare with My Request — the OpenAPI gateway's invalid-signature
 * answer carries the string it verified; this puts it next to the pre-sign
 * string of the request the user sent, in a diff editor, and names each
 * difference's cause. The diff and the causes are core/openapi/presignDiff;
 * this file only finds the two texts and shows the result.
 *
 *   alipay.compareWithMyRequest({ answer?, uri?, source? }) → CompareOutcome | undefined
 *     answer: the gateway's answer text; uri (+ line): a document holding it;
 *     neither: the selection when it holds the verify string, else the active
 *     document, else the clipboard. A JSON or HTML document is the answer as a
 *     whole; in other text (a log) the line holding the string is.
 *     source: 'history' | 'selection' | 'clipboard' picks "my request" without asking;
 *     none: every source holding a signed OpenAPI request, a quick pick when several.
 *
 * The hover link on such an answer (./compareHover) and the preview's button
 * (../preview/panel) run this command too.
 */
import * as vscode from 'vscode';
import { answerInLine, causeLines, diffSides, hasVerifyString, requestFromHistoryBlock, signedRequestIn } from '../../core/openapi/compareRequest';
import { diffPresign, extractVerifyString } from '../../core/openapi/presignDiff';
import { getParam, type Param } from '../../core/params';
import { userLang } from '../l10n';
import { readOnlyUri } from '../readOnlyDoc';
import { History, lostSecret } from '../requestFile/history';
import { errorText, log } from '../shared';

export type RequestSource = 'history' | 'selection' | 'clipboard';

export interface CompareArgs {
  answer?: string;
  uri?: string;
  /** The line of `uri` the hover was on (a log holds the answer on one line). */
  line?: number;
  source?: RequestSource;
}

/** What the command resolves to (tests read it; no secret: sign is never part of a pre-sign string). */
export interface CompareOutcome {
  source: RequestSource;
  same: boolean;
  title: string;
  /** The two sides of the diff editor (read-only documents). */
  left: string;
  right: string;
  differences: Array<{ name: string; ours?: string; gateway?: string; cause: string }>;
  /** The message shown with the diff (the causes, or why the content matches). */
  message: string;
}

interface Candidate {
  source: RequestSource;
  params: Param[];
  /** Names the source in the quick pick and the diff title. */
  label: string;
  /** History kept a value of it redacted: that parameter differs for that reason alone. */
  redacted?: boolean;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A JSON answer or an HTML page is read whole; in other text (a log) only the
 * line holding the string: `line` when it does, else the cursor's, else the first.
 */
function answerInDocument(doc: vscode.TextDocument, line: number | undefined): string | undefined {
  const all = doc.getText();
  if (!hasVerifyString(all)) return undefined;
  if (/^\s*</.test(all) || (/^\s*\{/.test(all) && isJson(all))) return all;
  const editor = vscode.window.activeTextEditor;
  const tries = [line, editor?.document === doc ? editor.selection.active.line : undefined];
  const at = tries.find((n) => typeof n === 'number' && n >= 0 && n < doc.lineCount && hasVerifyString(doc.lineAt(n).text));
  const text = at !== undefined ? doc.lineAt(at).text : all.split(/\r?\n/).find(hasVerifyString)!;
  return answerInLine(text);
}

/** The gateway's answer: the argument, the document named, the selection holding it, the active document, else the clipboard. */
async function answerText(args: CompareArgs): Promise<string | undefined> {
  if (typeof args.answer === 'string') return args.answer;
  if (typeof args.uri === 'string') return answerInDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)), args.line);
  const editor = vscode.window.activeTextEditor;
  const sel = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (hasVerifyString(sel)) return sel;
  const inDoc = editor && answerInDocument(editor.document, undefined);
  if (inDoc) return inDoc;
  const clip = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  return hasVerifyString(clip) ? clip : editor?.document.getText();
}

async function fromHistory(storage: vscode.Uri): Promise<Candidate | undefined> {
  // A fresh reader each time: the send feature's History adds entries the file then holds.
  for (const e of await new History(storage).list()) {
    const params = requestFromHistoryBlock(e.request, e.signType);
    if (!params) continue;
    const what = getParam(params, 'method') || e.name || '?';
    return { source: 'history', params, label: vscode.l10n.t('the last send ({0}, {1})', what, new Date(e.time).toLocaleTimeString()), redacted: lostSecret(e) };
  }
  return undefined;
}

async function candidates(storage: vscode.Uri, answer: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const h = await fromHistory(storage);
  if (h) out.push(h);
  const editor = vscode.window.activeTextEditor;
  const sel = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const selParams = sel && sel !== answer ? signedRequestIn(sel) : undefined;
  if (selParams) out.push({ source: 'selection', params: selParams, label: vscode.l10n.t('the selection') });
  const clip = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  const clipParams = clip && clip !== answer ? signedRequestIn(clip) : undefined;
  if (clipParams) out.push({ source: 'clipboard', params: clipParams, label: vscode.l10n.t('the clipboard') });
  return out;
}

async function choose(list: Candidate[], wanted: RequestSource | undefined): Promise<Candidate | undefined> {
  if (wanted) return list.find((c) => c.source === wanted);
  if (list.length <= 1) return list[0];
  const items = list.map((c) => ({ label: c.label, description: getParam(c.params, 'method'), candidate: c }));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare the gateway verify string with which request?') });
  return pick?.candidate;
}

export async function compareWithMyRequest(storage: vscode.Uri, args: CompareArgs = {}): Promise<CompareOutcome | undefined> {
  const answer = await answerText(args);
  try {
    extractVerifyString(answer ?? '');
  } catch (e) {
    void vscode.window.showWarningMessage(errorText(e));
    return undefined;
  }
  const list = await candidates(storage, answer!);
  if (list.length === 0 || (args.source && !list.some((c) => c.source === args.source))) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No signed request to compare with: send the OpenAPI request from a .alipay file (the last send is kept in history), or select or copy the signed request (its URL, query string or form body, with sign), then run "Compare with My Request" again.'),
    );
    return undefined;
  }
  const mine = await choose(list, args.source);
  if (!mine) return undefined; // quick pick dismissed
  const d = diffPresign(answer!, mine.params);
  const sides = diffSides(d, mine.params);
  const left = readOnlyUri('my-presign-string.txt', sides.ours + '\n');
  const right = readOnlyUri('gateway-verify-string.txt', sides.gateway + '\n');
  const title = vscode.l10n.t("Pre-sign string of {0} ↔ the gateway's verify string", mine.label);
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
  const lang = userLang();
  let message = d.same
    ? vscode.l10n.t('The content matches: the signature itself is wrong. Check that the app private key matches the app public key uploaded, RSA2 vs RSA, and sandbox vs production app.')
    : vscode.l10n.t('{0} difference(s): {1}', d.differences.length, causeLines(d, lang).join('; '));
  if (mine.redacted) message += ' ' + vscode.l10n.t('(History keeps a secret value of this request redacted: a parameter showing [REDACTED] differs for that reason; compare with the signed URL from the file instead.)');
  log.info(`Compare with my request (${mine.source}): ${d.same ? 'same content' : `${d.differences.length} difference(s): ${d.differences.map((x) => x.name).join(', ')}`}`);
  void vscode.window.showInformationMessage(message);
  return {
    source: mine.source,
    same: d.same,
    title,
    left: left.toString(),
    right: right.toString(),
    differences: d.differences.map((x) => ({ name: x.name, ours: x.ours, gateway: x.gateway, cause: x.cause[lang] })),
    message,
  };
}
