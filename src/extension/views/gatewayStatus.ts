// The status bar item while the local gateway runs: "$(server-process) Alipay
// :8787 · 3 trades"; a click shows the Local Gateway view. Created with the
// first start (feature code), updated from the gateway's change event.
import * as vscode from 'vscode';
import { onDidChangeGateway, runningGateway } from '../emulator';

export interface GatewayStatusState {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string;
}

export const GATEWAY_VIEW = 'alipay.gatewayView';

let state: GatewayStatusState = { visible: false, text: '', tooltip: '', command: '' };
let item: vscode.StatusBarItem | undefined;

export function gatewayStatusState(): GatewayStatusState {
  return { ...state };
}

function update(): void {
  const gw = runningGateway();
  if (!item) return;
  if (!gw) {
    item.hide();
    state = { visible: false, text: '', tooltip: '', command: '' };
    return;
  }
  const count = gw.trades().length;
  item.text = `$(server-process) ${vscode.l10n.t('Alipay :{0} · {1} trade(s)', gw.port, count)}`;
  item.tooltip = vscode.l10n.t('Local gateway at {0}: {1} trade(s). Click to show it in the side bar.', gw.url, count);
  item.show();
  state = { visible: true, text: item.text, tooltip: item.tooltip, command: String(item.command) };
}

/** Creates the item once (the caller keeps the Disposable); later calls only refresh it. */
export function ensureGatewayStatus(): vscode.Disposable | undefined {
  if (item) {
    update();
    return undefined;
  }
  const it = vscode.window.createStatusBarItem('alipay.localGateway', vscode.StatusBarAlignment.Left, 49);
  it.name = vscode.l10n.t('Alipay Local Gateway');
  it.command = `${GATEWAY_VIEW}.focus`;
  item = it;
  update();
  const sub = onDidChangeGateway(update);
  return new vscode.Disposable(() => {
    sub.dispose();
    it.dispose();
    if (item === it) item = undefined;
    state = { ...state, visible: false };
  });
}
