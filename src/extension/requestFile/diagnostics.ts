// Diagnostics and quick fixes for `.alipay` files: core/validate does the
// checking; this file maps its spans, severities and fixes to VS Code.
import * as vscode from 'vscode';
import { localize } from '../../core/i18n';
import { profileVariables } from '../../core/prepareRequest';
import type { Span } from '../../core/requestFile';
import { validateFile, type Diagnostic, type Fix } from '../../core/validate';
import { userLang } from '../l10n';
import { LANGUAGE_ID, SELECTOR, type RequestFileDeps } from './deps';

const SOURCE = 'alipay';
const DEBOUNCE_MS = 250;

export function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return doc.validateRange(new vscode.Range(span.line, span.start, span.line, span.end));
}

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The core findings of a document, with the active profile's variables filled. */
export function findings(doc: vscode.TextDocument, deps: RequestFileDeps): Diagnostic[] {
  const active = deps.activeProfile();
  const profiles = deps.profiles();
  return validateFile(doc.getText(), {
    profile: profileVariables(active),
    profiles: profiles.map((p) => p.name),
    profileFor: (name) => {
      const p = profiles.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return p ? profileVariables(p) : undefined;
    },
  });
}

/** "Line 3: …" / "第 3 行：…" — the editor shows the line already; the CLI keeps the prefix. */
const LINE_PREFIX = { en: /^Line \{line\}: /, zh: /^第 \{line\} 行：/ };

export function withoutLinePrefix(text: Diagnostic['text']): Diagnostic['text'] {
  return { en: text.en.replace(LINE_PREFIX.en, ''), zh: text.zh.replace(LINE_PREFIX.zh, '') };
}

function toDiagnostic(doc: vscode.TextDocument, d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(doc, d.span), localize(withoutLinePrefix(d.text), userLang(), d.args), SEVERITY[d.severity]);
  out.source = SOURCE;
  out.code = d.code;
  return out;
}

/** Applies a core fix as one WorkspaceEdit. */
export function fixToEdit(doc: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    if (e.kind === 'replace') edit.replace(doc.uri, toRange(doc, e.span), e.newText);
    else if (e.kind === 'deleteLine') edit.delete(doc.uri, doc.lineAt(Math.min(e.line, doc.lineCount - 1)).rangeIncludingLineBreak);
    else {
      const line = Math.min(e.afterLine, doc.lineCount - 1);
      const end = doc.lineAt(line).range.end;
      edit.insert(doc.uri, end, e.lines.map((l) => doc.eol === vscode.EndOfLine.CRLF ? `\r\n${l}` : `\n${l}`).join(''));
    }
  }
  return edit;
}

class QuickFixes implements vscode.CodeActionProvider {
  constructor(private readonly deps: RequestFileDeps) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) return [];
    const out: vscode.CodeAction[] = [];
    // Diagnostics come back as copies: match the core findings by code and range.
    for (const f of findings(doc, this.deps)) {
      if (!f.fix) continue;
      const r = toRange(doc, f.span);
      const diag = ours.find((d) => d.code === f.code && d.range.isEqual(r));
      if (!diag) continue; // VS Code passes only the diagnostics at the cursor
      const action = new vscode.CodeAction(localize(f.fix.title, userLang(), f.fix.args), vscode.CodeActionKind.QuickFix);
      action.edit = fixToEdit(doc, f.fix);
      action.diagnostics = [diag];
      action.isPreferred = true;
      out.push(action);
    }
    return out;
  }
}

export function registerDiagnostics(deps: RequestFileDeps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const timers = new Map<string, NodeJS.Timeout>();
  const refresh = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== LANGUAGE_ID) return;
    collection.set(doc.uri, findings(doc, deps).map((d) => toDiagnostic(doc, d)));
  };
  const later = (doc: vscode.TextDocument): void => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      refresh(doc);
    }, DEBOUNCE_MS));
  };
  const all = (): void => vscode.workspace.textDocuments.forEach(refresh);
  all();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => later(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('alipay')) all();
    }),
    ...deps.changes.map((ev) => ev(() => all())),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuickFixes(deps), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    new vscode.Disposable(() => timers.forEach((t) => clearTimeout(t))),
  );
}
