/**
 * The status bar item naming the active profile; real-money gateways
 * (Production, International, any *.alipay.com) use the warning colour.
 * Clicking it runs alipay.switchProfile.
 *
 * API: registerStatusBar(context): Disposable
 *      statusBarState(): { text, tooltip, warning, visible } — what the item shows
 *      (the extension's exported test API reads it).
 */
import * as vscode from 'vscode';
import { isProduction } from '../core/protocol';
import { getActiveProfile, onDidChangeActiveProfile } from './profiles';

let item: vscode.StatusBarItem | undefined;

export interface StatusBarState {
  text: string;
  tooltip: string;
  warning: boolean;
  visible: boolean;
}

let state: StatusBarState = { text: '', tooltip: '', warning: false, visible: false };

export function statusBarState(): StatusBarState {
  return { ...state };
}

function update(): void {
  if (!item) return;
  const p = getActiveProfile();
  const warning = isProduction(p.gateway, p);
  const text = `${warning ? '$(warning)' : '$(shield)'} Alipay: ${p.name}`;
  const tooltip = [
    warning ? vscode.l10n.t('Alipay profile {0} — real money: requests go to {1}', p.name, p.gateway) : vscode.l10n.t('Alipay profile {0}: {1}', p.name, p.gateway),
    p.partner ? `partner ${p.partner} · ${p.signType} · ${p.charset}` : `${p.signType} · ${p.charset}`,
    vscode.l10n.t('Click to switch profile'),
  ].join('\n');
  item.text = text;
  item.tooltip = tooltip;
  item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
  state = { text, tooltip, warning, visible: true };
}

export function registerStatusBar(_context: vscode.ExtensionContext): vscode.Disposable {
  item = vscode.window.createStatusBarItem('alipay.profile', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Alipay Profile');
  item.command = 'alipay.switchProfile';
  update();
  const it = item;
  return vscode.Disposable.from(onDidChangeActiveProfile(update), {
    dispose: () => {
      it.dispose();
      if (item === it) item = undefined;
      state = { ...state, visible: false };
    },
  });
}
