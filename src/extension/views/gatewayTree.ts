// The Local Gateway view: its URL and test merchant, then its trades (status,
// amount, time) and under each trade its notifications, with every delivery
// attempt, the handler's answer and the next retry. Empty while the gateway
// is stopped (the view's welcome text offers Start). Refreshed from the
// emulator's change event, never polled.
import * as vscode from 'vscode';
import type { NotificationRecord, NotifyAttempt, RunningGateway, Trade } from '../../emulator';
import { onDidChangeGateway, runningGateway } from '../emulator';
import type { TreeImpl } from './lazyTree';

export type GatewayNode =
  | { kind: 'url'; url: string }
  | { kind: 'merchant'; partner: string }
  | { kind: 'trade'; tradeNo: string; outTradeNo: string }
  | { kind: 'notification'; notifyId: string; tradeNo: string }
  | { kind: 'attempt'; notifyId: string; attempt: number };

/** A small view of the state read once per refresh (snapshots are copies). */
class Snapshot {
  readonly trades: Trade[];
  readonly notifications: NotificationRecord[];
  constructor(gw: RunningGateway) {
    this.trades = gw.trades().reverse(); // newest first
    this.notifications = gw.notifications();
  }
  trade(no: string): Trade | undefined {
    return this.trades.find((t) => t.tradeNo === no);
  }
  notification(id: string): NotificationRecord | undefined {
    return this.notifications.find((n) => n.notifyId === id);
  }
}

function attemptText(a: NotifyAttempt): string {
  const answer = a.status ? `HTTP ${a.status} "${a.answer.slice(0, 60)}"` : a.answer.slice(0, 60);
  const next = a.nextRetryMs !== undefined ? ` · ${vscode.l10n.t('next retry in {0} s', Math.round(a.nextRetryMs / 1000))}` : '';
  return `${answer}${next}`;
}

function kindLabel(kind: NotifyAttempt['kind']): string {
  return kind === 'resend' ? vscode.l10n.t('resent') : kind === 'tampered' ? vscode.l10n.t('tampered') : vscode.l10n.t('scheduled');
}

export function gatewayTree(refresh: (node?: GatewayNode) => void): TreeImpl<GatewayNode> {
  let snap: Snapshot | undefined;
  const current = (): Snapshot | undefined => {
    const gw = runningGateway();
    if (!gw) return (snap = undefined);
    return (snap ??= new Snapshot(gw));
  };
  const sub = onDidChangeGateway(() => {
    snap = undefined;
    refresh();
  });
  return {
    dispose: () => sub.dispose(),
    getChildren(element?: GatewayNode): GatewayNode[] {
      const gw = runningGateway();
      const s = current();
      if (!gw || !s) return [];
      if (!element) {
        return [
          { kind: 'url', url: gw.url },
          { kind: 'merchant', partner: gw.merchants[0]?.partner ?? '' },
          ...s.trades.map((t): GatewayNode => ({ kind: 'trade', tradeNo: t.tradeNo, outTradeNo: t.outTradeNo })),
        ];
      }
      if (element.kind === 'trade') {
        return s.notifications.filter((n) => n.tradeNo === element.tradeNo).map((n) => ({ kind: 'notification', notifyId: n.notifyId, tradeNo: n.tradeNo }));
      }
      if (element.kind === 'notification') {
        return (s.notification(element.notifyId)?.attempts ?? []).map((a) => ({ kind: 'attempt', notifyId: element.notifyId, attempt: a.attempt }));
      }
      return [];
    },
    getTreeItem(node: GatewayNode): vscode.TreeItem {
      const s = current();
      switch (node.kind) {
        case 'url': {
          const item = new vscode.TreeItem(vscode.l10n.t('Running at {0}', node.url));
          item.iconPath = new vscode.ThemeIcon('server-process');
          item.contextValue = 'gatewayUrl';
          item.tooltip = vscode.l10n.t('The "Local" profile sends here while the gateway runs.');
          return item;
        }
        case 'merchant': {
          const item = new vscode.TreeItem(vscode.l10n.t('Test merchant {0}', node.partner));
          item.iconPath = new vscode.ThemeIcon('account');
          item.contextValue = 'gatewayMerchant';
          return item;
        }
        case 'trade': {
          const t = s?.trade(node.tradeNo);
          const hasNotes = !!s?.notifications.some((n) => n.tradeNo === node.tradeNo);
          const item = new vscode.TreeItem(node.outTradeNo, hasNotes ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
          item.id = `trade:${node.tradeNo}`;
          item.description = t ? `${t.status} · ¥${t.totalFee} · ${t.gmtLastModified || t.gmtCreate}` : '';
          item.tooltip = t ? [`out_trade_no ${t.outTradeNo}`, `trade_no ${t.tradeNo}`, `${t.kind}`, `${t.subject}`, `${t.status} · ¥${t.totalFee}`, `${vscode.l10n.t('created')} ${t.gmtCreate}`].join('\n') : node.tradeNo;
          item.iconPath = new vscode.ThemeIcon(t?.status === 'WAIT_BUYER_PAY' ? 'clock' : t?.status === 'TRADE_CLOSED' ? 'circle-slash' : 'pass');
          item.contextValue = `trade-${t?.status ?? 'unknown'}`;
          return item;
        }
        case 'notification': {
          const n = s?.notification(node.notifyId);
          const item = new vscode.TreeItem(vscode.l10n.t('Notification {0}', node.notifyId), vscode.TreeItemCollapsibleState.Expanded);
          item.id = `notification:${node.notifyId}`;
          const last = n?.attempts[n.attempts.length - 1];
          item.description = n ? `${n.delivered ? vscode.l10n.t('delivered') : vscode.l10n.t('not delivered')} · ${vscode.l10n.t('{0} attempt(s)', n.attempts.length)}${last ? ` · ${attemptText(last)}` : ''}` : '';
          item.tooltip = n ? `${n.notifyUrl}\n${item.description}` : node.notifyId;
          item.iconPath = new vscode.ThemeIcon(n?.delivered ? 'mail-read' : 'mail');
          item.contextValue = 'notification';
          return item;
        }
        case 'attempt': {
          const a = s?.notification(node.notifyId)?.attempts.find((x) => x.attempt === node.attempt);
          const item = new vscode.TreeItem(a ? `#${a.attempt} ${kindLabel(a.kind)} · ${a.at}` : `#${node.attempt}`);
          item.id = `attempt:${node.notifyId}:${node.attempt}`;
          item.description = a ? attemptText(a) : '';
          item.tooltip = a ? `${a.at}\n${attemptText(a)}` : undefined;
          item.iconPath = new vscode.ThemeIcon(a?.ok ? 'check' : 'error');
          item.contextValue = 'notifyAttempt';
          return item;
        }
      }
    },
  };
}
