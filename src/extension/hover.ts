// Hovers in any file: error codes, enum values (with their field), service and
// parameter names, and decoded gateway URLs / query strings. Only the hovered
// line is read (a window of it when very long); the work is core/hoverInfo.
import * as vscode from 'vscode';
import type { Entry } from '../core/explain';
import type { CharsetFor, HoverInfo, QueryInfo } from '../core/hoverInfo';
import { hoverText } from '../core/terminal';
import { Lang, Text } from '../core/i18n';
import type { Param } from '../core/params';
import { isSignParam } from '../core/protocol';
import { userLang } from './l10n';

/** Result of checking a URL's `sign` with the key of the profile whose gateway the URL names. */
export type SignCheck = (
  | { status: 'valid' | 'invalid'; profile: string }
  | { status: 'noKey'; profile: string }
  | { status: 'noProfile'; gateway: string }
  | { status: 'error'; message: string }
) & {
  /** What it was (or would be) checked as, with the resolver's evidence (core/contextSummary). */
  checkedAs?: Text;
};

export interface HoverDeps {
  /**
   * Verifies the `sign` of decoded parameters with the key of the profile whose
   * gateway is `gateway` (the active profile for a bare query string).
   * Provided by the shell (profiles + secrets); absent means "not checked".
   */
  verifySign?: (params: Param[], gateway: string | undefined) => Promise<SignCheck | undefined>;
  /** The charset of the profile whose gateway is `gateway`: how a query that declares none is read. */
  charsetFor?: CharsetFor;
}

/** Lines longer than this are only read in a window around the cursor (core/explain LINE_WINDOW). */
const LONG_LINE = 10_000;
const WINDOW = 1_000;

// Toolkit commands a hover may link to, by catalog action; a link appears only
// when the command is declared in package.json.
const ACTION_COMMANDS: Record<string, Array<{ command: string; title: () => string }>> = {
  signatureDoctor: [
    { command: 'alipay.showPresignString', title: () => vscode.l10n.t('Show the pre-sign string') },
    { command: 'alipay.verifySignature', title: () => vscode.l10n.t('Verify a signature') },
  ],
  profiles: [{ command: 'alipay.switchProfile', title: () => vscode.l10n.t('Switch profile') }],
  emulator: [{ command: 'alipay.startLocalGateway', title: () => vscode.l10n.t('Start the local gateway') }],
};

/** Escapes text for a markdown table cell (and anywhere inline). */
function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function other(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

function appendEntry(md: vscode.MarkdownString, e: Entry, lang: Lang, commands: ReadonlySet<string>, nested = false): void {
  md.appendMarkdown(nested ? '- **' : '**');
  md.appendText(hoverText(e.token, 80));
  md.appendMarkdown('**');
  if (e.enumTitle && e.kind === 'enum' && !nested) {
    md.appendMarkdown(' · ');
    md.appendText(e.enumTitle[lang]);
  }
  md.appendMarkdown(' — ');
  md.appendText(e.title[lang]);
  md.appendMarkdown(nested ? ' · _' : '\n\n_');
  md.appendText(e.title[other(lang)]);
  md.appendMarkdown('_\n\n');
  if (nested) return;
  if (e.detail) md.appendText(e.detail[lang]).appendMarkdown('\n\n');
  if (e.levelText) md.appendMarkdown(`${esc(vscode.l10n.t('Level'))}: `).appendText(e.levelText[lang]).appendMarkdown('\n\n');
  for (const f of e.facts ?? []) md.appendText(f[lang]).appendMarkdown('  \n');
  if (e.facts?.length) md.appendMarkdown('\n');
  if (e.check?.length) {
    md.appendMarkdown(`**${esc(vscode.l10n.t('What to check'))}**\n\n`);
    for (const c of e.check) md.appendMarkdown('- ').appendText(c[lang]).appendMarkdown('\n');
    md.appendMarkdown('\n');
  }
  for (const item of e.items ?? []) appendEntry(md, item, lang, commands, true);
  const links = (e.action ? ACTION_COMMANDS[e.action] ?? [] : []).filter((a) => commands.has(a.command));
  if (links.length) md.appendMarkdown(links.map((l) => `[${esc(l.title())}](command:${l.command})`).join(' · ') + '\n\n');
}

function label(t: Text | undefined, lang: Lang): string {
  return t ? `${t[lang]} / ${t[other(lang)]}` : '';
}

function appendQuery(md: vscode.MarkdownString, q: QueryInfo, lang: Lang, check: SignCheck | undefined): void {
  md.appendMarkdown('---\n\n');
  if (q.error) {
    md.appendMarkdown(`**${esc(vscode.l10n.t('Cannot decode these parameters'))}**: `).appendText(hoverText(q.error[lang], 300)).appendMarkdown('\n\n');
    return;
  }
  md.appendMarkdown(`**${esc(vscode.l10n.t('Parameters ({0}, {1})', q.params.length, q.charset ?? 'utf-8'))}**`);
  if (q.gateway) md.appendMarkdown(' · ').appendText(hoverText(q.gateway));
  md.appendMarkdown('\n\n');
  // One list item per parameter. Names and values are untrusted (a decoded `%0A%0A[x](command:…)`):
  // they go in only through appendText after core's escaping, never into link, table or code syntax.
  for (const p of q.params) {
    md.appendMarkdown('- **').appendText(hoverText(p.name, 60)).appendMarkdown('**');
    if (p.label) md.appendMarkdown(' (').appendText(label(p.label, lang)).appendMarkdown(')');
    md.appendMarkdown(' = ').appendText(hoverText(p.value, 120));
    if (p.unsafe) md.appendMarkdown(' ').appendText(vscode.l10n.t('⚠ contains control or bidirectional characters (shown escaped)'));
    md.appendMarkdown('\n');
  }
  md.appendMarkdown('\n');
  if (!check) return;
  let text: string;
  switch (check.status) {
    case 'valid': text = vscode.l10n.t('$(pass) sign verifies with the key of profile "{0}"', check.profile); break;
    case 'invalid': text = vscode.l10n.t('$(error) sign does NOT verify with the key of profile "{0}"', check.profile); break;
    case 'noKey': text = vscode.l10n.t('$(info) Profile "{0}" has no key for this sign_type: sign not checked', check.profile); break;
    case 'noProfile': text = vscode.l10n.t('$(info) No profile has the gateway {0}: sign not checked', check.gateway); break;
    default: text = vscode.l10n.t('$(warning) sign not checked: {0}', check.message);
  }
  // Profile names and messages are the user's own text: escape, keep the codicon.
  const m = /^(\$\([a-z-]+\)) ([\s\S]*)$/.exec(text)!;
  md.appendMarkdown(`${m[1]} `).appendText(hoverText(m[2], 300));
  // "RSA2 (from sign_type) · UTF-8 (from charset) · OpenAPI return URL": parameter names from the input, so escaped the same way.
  if (check.checkedAs) md.appendMarkdown('  \n').appendText(hoverText(vscode.l10n.t('Checked as: {0}', check.checkedAs[lang]), 300));
  md.appendMarkdown('\n\n');
}

/** Builds the hover text; exported for tests that check rendering without an editor. */
export function renderHover(info: HoverInfo, lang: Lang, commands: ReadonlySet<string>, check?: SignCheck): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [...commands] };
  if (info.entry) appendEntry(md, info.entry, lang, commands);
  if (info.query) appendQuery(md, info.query, lang, check);
  return md;
}

export class AlipayHoverProvider implements vscode.HoverProvider {
  private core?: typeof import('../core/hoverInfo');

  constructor(
    private readonly commands: ReadonlySet<string>,
    private readonly deps: HoverDeps = {},
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const lineLength = doc.lineAt(pos.line).range.end.character;
    // Only the hovered line, and on a very long line only a window of it.
    let from = 0;
    let text: string;
    if (lineLength > LONG_LINE) {
      from = Math.max(0, pos.character - WINDOW);
      text = doc.getText(new vscode.Range(pos.line, from, pos.line, Math.min(lineLength, pos.character + WINDOW)));
    } else text = doc.lineAt(pos.line).text;
    // The catalog's evaluation waits for the first hover.
    this.core ??= await import('../core/hoverInfo');
    if (token.isCancellationRequested) return undefined;
    const info = this.core.hoverInfoAt(text, pos.character - from, this.deps.charsetFor);
    if (!info) return undefined;
    let check: SignCheck | undefined;
    if (info.query && !info.query.error && info.query.params.some((p) => isSignParam(p.name)) && this.deps.verifySign) {
      try {
        check = await this.deps.verifySign(info.query.params.map(({ name, value }) => ({ name, value })), info.query.gateway);
      } catch (e) {
        check = { status: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      if (token.isCancellationRequested) return undefined;
    }
    const [s, e] = info.entry ? [info.at.start, info.at.end] : [info.query!.start, info.query!.end];
    return new vscode.Hover(renderHover(info, userLang(), this.commands, check), new vscode.Range(pos.line, s + from, pos.line, e + from));
  }
}

/** The provider behind the entry's hover registration (every file and untitled document; see ./extension.ts). */
export function createHoverProvider(context: vscode.ExtensionContext, deps: HoverDeps = {}): AlipayHoverProvider {
  const declared = new Set<string>(
    ((context.extension.packageJSON?.contributes?.commands ?? []) as Array<{ command: string }>).map((c) => c.command),
  );
  const linkable = new Set(Object.values(ACTION_COMMANDS).flat().map((a) => a.command).filter((c) => declared.has(c)));
  return new AlipayHoverProvider(linkable, deps);
}
