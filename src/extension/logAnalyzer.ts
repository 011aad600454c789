// "Alipay: Analyze Log File": streams a log of any size through core/logscan
// (VS Code does not hand files over ~50 MB to extensions, so hovers cannot
// help there) with a cancellable progress bar, then lists every code, status
// and gateway with its count and clickable first/last occurrence.
import * as vscode from 'vscode';
import { isToolkitError } from '../core/i18n';
import type { ScanStat, ScanSummary } from '../core/logscan';
import { userLang } from './l10n';
import { openReadOnly } from './readOnlyDoc';

/** What the command returns (tests read it); undefined when cancelled or nothing was picked. */
export interface AnalyzeResult {
  file: string;
  summary: ScanSummary;
}

/** 812 B, 3.4 KB, 12.5 MB: small files are not "0.0 MB". */
export function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** Opens the file at a 1-based line; `vscode.open` also works for files too large to sync to extensions. */
async function openAt(uri: vscode.Uri, line: number): Promise<void> {
  const pos = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.commands.executeCommand('vscode.open', uri, { selection: new vscode.Range(pos, pos) } satisfies vscode.TextDocumentShowOptions);
}

function meaning(stat: ScanStat): string {
  if (stat.kind === 'gateway') return vscode.l10n.t('gateway URL');
  // The catalog loads with the first analysis, not at activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { explain } = require('../core/explain') as typeof import('../core/explain');
  return explain(stat.token)?.title[userLang()] ?? '';
}

/** The summary as Markdown with links that open the log at each line. */
export function summaryMarkdown(uri: vscode.Uri, s: ScanSummary): string {
  const cell = (t: string) => t.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  const link = (line: number) => `[${line}](${uri.with({ fragment: `L${line}` }).toString()})`;
  const kind = { error: vscode.l10n.t('error'), status: vscode.l10n.t('status'), gateway: vscode.l10n.t('gateway') };
  const out = [
    `# ${cell(vscode.l10n.t('Alipay log summary'))}`,
    '',
    cell(vscode.l10n.t('{0}: {1}, {2} lines', uri.fsPath, size(s.bytes), s.lines)),
    '',
  ];
  if (s.stats.length === 0) {
    out.push(cell(vscode.l10n.t('No Alipay error codes, trade statuses or gateway URLs found.')));
    return out.join('\n');
  }
  out.push(`| ${[vscode.l10n.t('Count'), vscode.l10n.t('Kind'), vscode.l10n.t('Token'), vscode.l10n.t('Meaning'), vscode.l10n.t('First line'), vscode.l10n.t('Last line')].map(cell).join(' | ')} |`);
  out.push('|---:|---|---|---|---:|---:|');
  for (const x of s.stats) out.push(`| ${x.count} | ${kind[x.kind]} | \`${x.token}\` | ${cell(meaning(x))} | ${link(x.first.line)} | ${link(x.last.line)} |`);
  return out.join('\n') + '\n';
}

interface StatItem extends vscode.QuickPickItem {
  stat?: ScanStat;
  report?: true;
}

/** Lists the summary; picking an item opens its first occurrence, the buttons the first or last. */
function showSummary(uri: vscode.Uri, s: ScanSummary): void {
  const qp = vscode.window.createQuickPick<StatItem>();
  const first: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-up'), tooltip: vscode.l10n.t('Go to first occurrence') };
  const last: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('arrow-down'), tooltip: vscode.l10n.t('Go to last occurrence') };
  const icon = { error: '$(error)', status: '$(symbol-enum)', gateway: '$(globe)' };
  qp.title = vscode.l10n.t('{0}: {1}, {2} lines', vscode.workspace.asRelativePath(uri), size(s.bytes), s.lines);
  qp.placeholder = s.stats.length ? vscode.l10n.t('Pick a code, status or gateway to open its first occurrence') : vscode.l10n.t('No Alipay error codes, trade statuses or gateway URLs found.');
  qp.matchOnDescription = true;
  qp.items = [
    { label: `$(markdown) ${vscode.l10n.t('Open the summary as Markdown')}`, report: true },
    ...s.stats.map((stat): StatItem => ({
      label: `${icon[stat.kind]} ${stat.token}  ×${stat.count}`,
      description: meaning(stat),
      detail: vscode.l10n.t('first: line {0} · last: line {1}', stat.first.line, stat.last.line),
      buttons: [first, last],
      stat,
    })),
  ];
  qp.onDidTriggerItemButton((e) => {
    if (e.item.stat) void openAt(uri, e.button === last ? e.item.stat.last.line : e.item.stat.first.line);
  });
  qp.onDidAccept(() => {
    const item = qp.selectedItems[0];
    if (item?.report) {
      void openReadOnly(`${uri.path.split('/').pop() ?? 'log'}-summary.md`, summaryMarkdown(uri, s));
      qp.hide();
    } else if (item?.stat) void openAt(uri, item.stat.first.line);
  });
  qp.onDidHide(() => qp.dispose());
  qp.show();
}

/**
 * Each running scan's abort: its notification's Cancel button aborts that one,
 * `alipay.cancelLogAnalysis` (palette, keybindings, and tests: an extension
 * cannot click a notification) all of them, the same way.
 */
const running = new Set<AbortController>();

/** `alipay.cancelLogAnalysis`: returns how many analyses it cancelled. */
export function cancelAnalysis(): number {
  const n = running.size;
  for (const ac of running) ac.abort();
  return n;
}

function setRunning(ac: AbortController, on: boolean): void {
  if (on) running.add(ac);
  else running.delete(ac);
  void vscode.commands.executeCommand('setContext', 'alipay.analyzingLog', running.size > 0);
}

/** The command's argument: the explorer menu passes the Uri; tests an object. */
export interface AnalyzeArgs {
  uri?: vscode.Uri;
  /** Scanning threads (default: by file size, CPUs and load); tests force workers with 2. */
  threads?: number;
}

/** `alipay.analyzeLogFile` (registered by the entry, ./extension.ts). */
export async function analyze(arg?: vscode.Uri | AnalyzeArgs): Promise<AnalyzeResult | undefined> {
  const args: AnalyzeArgs = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
  let uri = args.uri instanceof vscode.Uri ? args.uri : undefined;
  // The log in the active editor, when there is one: no file dialog.
  const active = vscode.window.activeTextEditor?.document;
  if (!uri && active?.uri.scheme === 'file' && (active.languageId === 'log' || /\.(log|out)$/i.test(active.uri.path))) uri = active.uri;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Analyze'),
      title: vscode.l10n.t('Pick a log file to analyze'),
      filters: { [vscode.l10n.t('Logs')]: ['log', 'txt', 'out'], [vscode.l10n.t('All files')]: ['*'] },
    });
    uri = picked?.[0];
  }
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Only files on disk can be analyzed (this one is {0}).', uri.scheme));
    return undefined;
  }
  const { scanFile } = await import('../core/logscan');
  const target = uri;
  try {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Analyzing {0}', vscode.workspace.asRelativePath(target)), cancellable: true },
      (progress, token) => {
        const ac = new AbortController();
        setRunning(ac, true);
        const sub = token.onCancellationRequested(() => ac.abort());
        let reported = 0;
        return scanFile(target.fsPath, {
          signal: ac.signal,
          threads: Number.isInteger(args.threads) && args.threads! > 0 ? args.threads : undefined,
          onProgress: (read, total) => {
            const pct = total ? (read / total) * 100 : 100;
            if (pct - reported >= 1 || read === total) {
              progress.report({ increment: pct - reported, message: vscode.l10n.t('{0} of {1}', size(read), size(total)) });
              reported = pct;
            }
          },
        }).finally(() => {
          sub.dispose();
          setRunning(ac, false);
        });
      },
    );
    showSummary(target, summary);
    return { file: target.fsPath, summary };
  } catch (e) {
    if (isToolkitError(e) && e.code === 'CANCELLED') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Log analysis cancelled.'));
      return undefined;
    }
    void vscode.window.showErrorMessage(isToolkitError(e) ? e.localized(userLang()) : String(e));
    return undefined;
  }
}
