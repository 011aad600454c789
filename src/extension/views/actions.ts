// What the side bar's context actions do. Loaded on the first action, not at
// activation. Each returns its result so tests can drive it without clicks.
import * as vscode from 'vscode';
import { serializeQuery } from '../../core/params';
import { LOCAL_PROFILE, runningGateway } from '../emulator';
import { reportError } from '../shared';
import type { SendOutcome } from '../requestFile/commands';
import type { GatewayNode } from './gatewayTree';

type TradeNode = Extract<GatewayNode, { kind: 'trade' }>;
type NotificationNode = Extract<GatewayNode, { kind: 'notification' }>;

function gateway() {
  const gw = runningGateway();
  if (!gw) throw new Error(vscode.l10n.t('The local gateway is not running.'));
  return gw;
}

async function guard<T>(what: () => Promise<T>): Promise<T | undefined> {
  try {
    return await what();
  } catch (e) {
    reportError(e);
    return undefined;
  }
}

/** Writes a request block into a new request file and sends it (the user sees and can edit both). */
async function sendBlock(title: string, lines: string[]): Promise<SendOutcome | undefined> {
  const content = [`### ${title}`, `POST ${LOCAL_PROFILE}`, ...lines, ''].join('\n');
  const doc = await vscode.workspace.openTextDocument({ language: 'alipay', content });
  await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true });
  return vscode.commands.executeCommand<SendOutcome>('alipay.sendRequest', { uri: doc.uri.toString(), index: 1, ifErrors: 'send' });
}

export const gatewayActions = {
  pay: (n: TradeNode) => guard(async () => (await gateway().pay(n.tradeNo)).returnUrl),
  /** The cashier's way out for an unpaid trade: the emulator's own "close trade" form. */
  close: (n: TradeNode) =>
    guard(async () => {
      const res = await fetch(`${gateway().origin}/__emulator/trade/close`, { method: 'POST', body: `trade_no=${encodeURIComponent(n.tradeNo)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      await res.arrayBuffer();
      return gateway().trade(n.tradeNo)?.status;
    }),
  ship: (n: TradeNode) =>
    guard(() => sendBlock(`Ship ${n.outTradeNo}`, ['service = send_goods_confirm_by_platform', 'partner = {{partner}}', '_input_charset = utf-8', `trade_no = ${n.tradeNo}`, 'logistics_name = SF Express', 'transport_type = EXPRESS'])),
  query: (n: TradeNode) => guard(() => sendBlock(`Query ${n.outTradeNo}`, ['service = single_trade_query', 'partner = {{partner}}', '_input_charset = utf-8', `out_trade_no = ${n.outTradeNo}`])),
  copyOutTradeNo: async (n: TradeNode) => {
    await vscode.env.clipboard.writeText(n.outTradeNo);
    return n.outTradeNo;
  },
  resend: (n: NotificationNode) => guard(() => gateway().resendNotification(n.notifyId)),
  sendTampered: (n: NotificationNode) => guard(() => gateway().sendTamperedNotification(n.notifyId, 'amount')),
  /** The notification as the merchant received it, in the preview (sign verified there with the Local keys). */
  openNotification: (n: NotificationNode) =>
    guard(async () => {
      const rec = gateway().notifications().find((x) => x.notifyId === n.notifyId);
      if (!rec) return undefined;
      return vscode.commands.executeCommand('alipay.previewResponse', { text: serializeQuery(rec.params, rec.charset) });
    }),
};
