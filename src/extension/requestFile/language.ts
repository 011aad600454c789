// Completion and hovers in `.alipay` files, from the catalog: service names,
// the chosen service's parameters with their docs, enum values, profiles on
// the request line and variables inside {{ }}.
import * as vscode from 'vscode';
import { allServices, enumByName, enumFor, enumValue, service as serviceDef, type ParamSpec } from '../../core/catalog';
import { type Lang, type Text } from '../../core/i18n';
import { profileVariables } from '../../core/prepareRequest';
import { isSignatureParam } from '../../core/protocol';
import { paramDoc } from '../../core/requestDocs';
import { BUILTIN_VARIABLES, parseRequestFile, requestAtLine, variableAt, type ParsedFile } from '../../core/requestFile';
import { placeholderFor } from '../../core/validate';
import { userLang } from '../l10n';
import { SELECTOR, type RequestFileDeps } from './deps';

const MAX_LINE = 10000;

function other(l: Lang): Lang {
  return l === 'zh' ? 'en' : 'zh';
}

function both(t: Text, l: Lang): string {
  return t[l] === t[other(l)] ? t[l] : `${t[l]} / ${t[other(l)]}`;
}

/** Markdown docs of a parameter: untrusted-free (catalog text), still added as text. */
export function paramMarkdown(spec: ParamSpec, serviceName: string | undefined): vscode.MarkdownString {
  const l = userLang();
  const d = paramDoc(spec, serviceName ? serviceDef(serviceName) : undefined);
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(both(d.title, l)).appendMarkdown('**\n\n');
  if (d.meaning) md.appendText(both(d.meaning, l)).appendMarkdown('\n\n');
  for (const f of d.facts) md.appendMarkdown('- ').appendText(f[l]).appendMarkdown('\n');
  if (d.values.length > 0) {
    md.appendMarkdown('\n');
    for (const v of d.values.slice(0, 30)) md.appendMarkdown('- `').appendText(v.value).appendMarkdown('` ').appendText(both(v.meaning, l)).appendMarkdown('\n');
  }
  return md;
}

interface LineContext {
  file: ParsedFile;
  serviceName?: string;
  /** Whether the line is the request's first (method) line, or a parameter line. */
  isRequestLine: boolean;
}

function lineContext(doc: vscode.TextDocument, line: number): LineContext {
  const file = parseRequestFile(doc.getText());
  const req = requestAtLine(file, line);
  const serviceName = req?.params.find((p) => p.name === 'service')?.value;
  const isRequestLine = !!req && (req.requestLine === line || (req.requestLine === undefined && req.params.length === 0));
  return { file, serviceName, isRequestLine };
}

class Completion implements vscode.CompletionItemProvider {
  constructor(private readonly deps: RequestFileDeps) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] | undefined {
    const text = doc.lineAt(pos.line).text;
    if (text.length > MAX_LINE) return undefined;
    // A typed space only matters after the method (profile names); elsewhere it would pop up noise.
    if (context.triggerCharacter === ' ' && !/^\s*(GET|POST)\s+$/i.test(text.slice(0, pos.character))) return undefined;
    const before = text.slice(0, pos.character);
    const l = userLang();

    // Inside {{ … }}: variables.
    const open = before.lastIndexOf('{{');
    if (open >= 0 && before.indexOf('}}', open) < 0) {
      const file = parseRequestFile(doc.getText());
      const range = new vscode.Range(pos.line, open + 2, pos.line, pos.character);
      const items: vscode.CompletionItem[] = [];
      const vars = profileVariables(this.deps.activeProfile());
      for (const [name, value] of Object.entries(vars)) {
        const it = new vscode.CompletionItem(name, vscode.CompletionItemKind.Variable);
        it.detail = value;
        it.range = range;
        it.insertText = name;
        items.push(it);
      }
      for (const v of file.variables) {
        const it = new vscode.CompletionItem(v.name, vscode.CompletionItemKind.Variable);
        it.detail = v.value;
        it.range = range;
        items.push(it);
      }
      const builtinDocs: Record<string, string> = {
        $timestamp: vscode.l10n.t('Now, as yyyy-MM-dd HH:mm:ss (Beijing time)'),
        $uuid: vscode.l10n.t('A random UUID'),
        $outTradeNo: vscode.l10n.t('A fresh, unique merchant order number'),
      };
      for (const b of BUILTIN_VARIABLES) {
        const it = new vscode.CompletionItem(b, vscode.CompletionItemKind.Constant);
        it.detail = builtinDocs[b];
        it.range = range;
        items.push(it);
      }
      return items;
    }

    const ctx = lineContext(doc, pos.line);
    // Request line: method, then profile names.
    if (ctx.isRequestLine && !before.includes('=')) {
      const m = /^\s*(GET|POST)\s+(\S*)$/i.exec(before);
      if (m) {
        return this.deps.profiles().map((p) => {
          const it = new vscode.CompletionItem(p.name, vscode.CompletionItemKind.Module);
          it.detail = p.gateway;
          return it;
        });
      }
      if (/^\s*\w*$/.test(before)) {
        return ['GET', 'POST'].map((m2) => new vscode.CompletionItem(m2, vscode.CompletionItemKind.Keyword));
      }
    }

    const eq = before.indexOf('=');
    if (eq < 0) {
      // Parameter names: the chosen service's (required first), else `service`.
      if (/^\s*[@#]/.test(before)) return undefined;
      const svc = ctx.serviceName ? serviceDef(ctx.serviceName) : undefined;
      const req = requestAtLine(ctx.file, pos.line);
      const present = new Set(req?.params.map((p) => p.name) ?? []);
      const specs = svc ? svc.params : [{ name: 'service', type: 'string', required: true } as ParamSpec];
      return specs
        .filter((s) => !isSignatureParam(s.name) && !present.has(s.name))
        .map((s, i) => {
          const it = new vscode.CompletionItem(s.name, vscode.CompletionItemKind.Field);
          it.detail = paramDoc(s, svc).title[l];
          it.documentation = paramMarkdown(s, svc?.name);
          it.insertText = new vscode.SnippetString(`${s.name} = \${1:${placeholderFor(s).replace(/[$}\\]/g, '\\$&')}}`);
          it.sortText = `${s.required ? 0 : 1}${String(i).padStart(3, '0')}`;
          return it;
        });
    }

    // Values.
    const name = before.slice(0, eq).trim();
    if (name === 'service') {
      return allServices().map((s) => {
        const it = new vscode.CompletionItem(s.name, vscode.CompletionItemKind.Function);
        it.detail = s.purpose[l];
        it.documentation = new vscode.MarkdownString().appendText(both(s.purpose, l));
        return it;
      });
    }
    const svc = ctx.serviceName ? serviceDef(ctx.serviceName) : undefined;
    const spec = svc?.params.find((p) => p.name === name);
    const def = spec?.enum ? enumByName(spec.enum) : enumFor(name);
    if (def) {
      return def.values.map((v) => {
        const it = new vscode.CompletionItem(v.value, vscode.CompletionItemKind.EnumMember);
        it.detail = v.meaning[l];
        it.documentation = new vscode.MarkdownString().appendText(both(v.meaning, l));
        return it;
      });
    }
    return undefined;
  }
}

class Hovers implements vscode.HoverProvider {
  constructor(private readonly deps: RequestFileDeps) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const text = doc.lineAt(pos.line).text;
    if (text.length > MAX_LINE) return undefined;
    const l = userLang();
    const v = variableAt(text, pos.character);
    if (v) {
      const ctx = parseRequestFile(doc.getText());
      const fileVar = ctx.variables.find((x) => x.name === v.name);
      const fromProfile = profileVariables(this.deps.activeProfile())[v.name];
      const md = new vscode.MarkdownString();
      md.appendMarkdown('`').appendText(`{{${v.name}}}`).appendMarkdown('` ');
      if (fileVar) md.appendText(vscode.l10n.t('file variable: {0}', fileVar.value));
      else if (fromProfile !== undefined) md.appendText(vscode.l10n.t('from profile {0}: {1}', this.deps.activeProfile().name, fromProfile));
      else if ((BUILTIN_VARIABLES as readonly string[]).includes(v.name)) md.appendText(vscode.l10n.t('built-in, computed when the request is sent'));
      else md.appendText(vscode.l10n.t('not defined'));
      return new vscode.Hover(md, new vscode.Range(pos.line, v.start, pos.line, v.end));
    }
    const eq = text.indexOf('=');
    if (eq < 0 || /^\s*[@#]/.test(text)) return undefined;
    const name = text.slice(0, eq).trim();
    const ctx = lineContext(doc, pos.line);
    const svc = ctx.serviceName ? serviceDef(ctx.serviceName) : undefined;
    if (pos.character <= eq) {
      const spec = svc?.params.find((p) => p.name === name) ?? (name === 'service' ? ({ name: 'service', type: 'string', required: true } as ParamSpec) : undefined);
      if (!spec) return undefined;
      const start = text.indexOf(name);
      return new vscode.Hover(paramMarkdown(spec, svc?.name), new vscode.Range(pos.line, start, pos.line, start + name.length));
    }
    const value = text.slice(eq + 1).trim();
    const vStart = text.indexOf(value, eq + 1);
    const range = new vscode.Range(pos.line, vStart, pos.line, vStart + value.length);
    if (name === 'service') {
      const s = serviceDef(value);
      if (!s) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown('**').appendText(s.name).appendMarkdown('**\n\n').appendText(both(s.purpose, l));
      if (s.note) md.appendMarkdown('\n\n').appendText(s.note[l]);
      return new vscode.Hover(md, range);
    }
    const spec = svc?.params.find((p) => p.name === name);
    const def = spec?.enum ? enumByName(spec.enum) : enumFor(name);
    const ev = def ? enumValue(def, value) : undefined;
    if (!def || !ev) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('`').appendText(ev.value).appendMarkdown('` ').appendText(both(ev.meaning, l));
    if (ev.note) md.appendMarkdown('\n\n').appendText(ev.note[l]);
    md.appendMarkdown('\n\n*').appendText(both(def.title, l)).appendMarkdown('*');
    return new vscode.Hover(md, range);
  }
}

export function registerLanguageFeatures(deps: RequestFileDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(SELECTOR, new Completion(deps), '=', '{', ' '),
    vscode.languages.registerHoverProvider(SELECTOR, new Hovers(deps)),
  );
}
