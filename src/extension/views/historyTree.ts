// The History view: each send with its service, profile, time, HTTP status and
// the gateway's outcome (is_success, error code); clicking one opens its
// answer in the preview. Refreshed when a send is stored, never polled.
import * as vscode from 'vscode';
import { History, onDidChangeHistory, type HistoryEntry } from '../requestFile/history';
import type { TreeImpl } from './lazyTree';

export type HistoryNode = { kind: 'entry'; id: string };

function outcome(e: HistoryEntry): string {
  if (e.error) return e.error.slice(0, 80);
  const parts = [e.status !== undefined ? `HTTP ${e.status}` : ''];
  if (e.success === true) parts.push('is_success=T');
  else if (e.success === false) parts.push(e.errorCode ? `is_success=F ${e.errorCode}` : 'is_success=F');
  return parts.filter(Boolean).join(' · ');
}

export function historyTree(storage: vscode.Uri, refresh: (node?: HistoryNode) => void): TreeImpl<HistoryNode> {
  let entries: readonly HistoryEntry[] | undefined;
  const sub = onDidChangeHistory((list) => {
    entries = [...list];
    refresh();
  });
  return {
    dispose: () => sub.dispose(),
    async getChildren(element?: HistoryNode): Promise<HistoryNode[]> {
      if (element) return [];
      entries ??= [...(await new History(storage).list())];
      return entries.map((e) => ({ kind: 'entry', id: e.id }));
    },
    getTreeItem(node: HistoryNode): vscode.TreeItem {
      const e = entries?.find((x) => x.id === node.id);
      if (!e) return new vscode.TreeItem(node.id);
      const item = new vscode.TreeItem(e.service ?? '?');
      item.id = `history:${e.id}`;
      item.description = `${outcome(e)} · ${e.profile} · ${new Date(e.time).toLocaleTimeString()}`;
      item.tooltip = [e.service ?? '?', `${e.method} ${e.gateway}`, `${vscode.l10n.t('Profile')}: ${e.profile}`, new Date(e.time).toLocaleString(), outcome(e)].join('\n');
      item.iconPath = new vscode.ThemeIcon(e.error ? 'error' : e.success === false ? 'warning' : 'pass');
      item.contextValue = e.response !== undefined ? 'historyEntry-answer' : 'historyEntry';
      if (e.response !== undefined) item.command = { command: 'alipay.showHistory', title: vscode.l10n.t('Open the answer'), arguments: [{ id: e.id, action: 'open' }] };
      return item;
    },
  };
}
