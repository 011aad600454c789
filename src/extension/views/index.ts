/**
 * The "Alipay" side bar (entry side): Profiles, Local Gateway and History tree
 * views and their context actions, all registered with lazy handlers.
 *
 * Costs nothing at activation: each view's code (./feature, in dist/features.js)
 * loads on the view's first getChildren (./lazyTree), the actions on first use.
 * Trees refresh from events (profiles, secrets, the emulator's onDidChange,
 * history), never by polling. The gateway's status bar item is created by the
 * emulator feature when the gateway starts (./gatewayStatus).
 *
 * API: registerViews(context): Disposable
 *      sideBar — the three providers and the gateway status item's state (the test API reads them).
 */
import * as vscode from 'vscode';
import { lazyCommand, loadFeature } from '../lazy';
import { reportError } from '../log';
import { setActiveProfile } from '../profiles';
import type { GatewayNode } from './gatewayTree';
import type { GatewayStatusState } from './gatewayStatus';
import type { HistoryNode } from './historyTree';
import { LazyTree } from './lazyTree';
import type { ProfileNode } from './profilesTree';

export const VIEW_IDS = { profiles: 'alipay.profilesView', gateway: 'alipay.gatewayView', history: 'alipay.historyView' } as const;

export const sideBar = {
  profiles: undefined as LazyTree<ProfileNode> | undefined,
  gateway: undefined as LazyTree<GatewayNode> | undefined,
  history: undefined as LazyTree<HistoryNode> | undefined,
  /** What the local gateway's status bar item shows (loads the side bar's feature code). */
  gatewayStatus: async (): Promise<GatewayStatusState> => (await loadFeature('views')).gatewayStatusState(),
};

const KEY_COMMANDS: Record<string, string> = { md5Key: 'alipay.setMd5Key', privateKey: 'alipay.setPrivateKey', alipayPublicKey: 'alipay.setAlipayPublicKey' };

export function registerViews(context: vscode.ExtensionContext): vscode.Disposable {
  const profiles = new LazyTree<ProfileNode>(async (refresh) => (await loadFeature('views')).profilesTree(refresh));
  const gateway = new LazyTree<GatewayNode>(async (refresh) => (await loadFeature('views')).gatewayTree(refresh));
  const history = new LazyTree<HistoryNode>(async (refresh) => (await loadFeature('views')).historyTree(context.globalStorageUri, refresh));
  sideBar.profiles = profiles;
  sideBar.gateway = gateway;
  sideBar.history = history;

  type Actions = Awaited<ReturnType<typeof loadFeature<'views'>>>['gatewayActions'];
  const action = (name: keyof Actions) => lazyCommand('views', (m) => m.gatewayActions[name] as unknown as (args?: never) => unknown);

  return vscode.Disposable.from(
    profiles,
    gateway,
    history,
    vscode.window.createTreeView(VIEW_IDS.profiles, { treeDataProvider: profiles }),
    vscode.window.createTreeView(VIEW_IDS.gateway, { treeDataProvider: gateway }),
    vscode.window.createTreeView(VIEW_IDS.history, { treeDataProvider: history }),
    vscode.commands.registerCommand('alipay.views.useProfile', async (n: { name: string }) => {
      try {
        return (await setActiveProfile(n.name)).name;
      } catch (e) {
        reportError(e);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('alipay.views.setKey', (n: { profile: string; secret: string }) => vscode.commands.executeCommand(KEY_COMMANDS[n.secret], { profile: n.profile })),
    vscode.commands.registerCommand('alipay.views.clearKey', (n: { profile: string; secret: string }) => vscode.commands.executeCommand('alipay.clearSecret', { profile: n.profile, kind: n.secret })),
    vscode.commands.registerCommand('alipay.views.openProfileSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'alipay.profiles')),
    vscode.commands.registerCommand('alipay.views.payTrade', action('pay')),
    vscode.commands.registerCommand('alipay.views.closeTrade', action('close')),
    vscode.commands.registerCommand('alipay.views.shipTrade', action('ship')),
    vscode.commands.registerCommand('alipay.views.queryTrade', action('query')),
    vscode.commands.registerCommand('alipay.views.copyOutTradeNo', action('copyOutTradeNo')),
    vscode.commands.registerCommand('alipay.views.resendNotification', action('resend')),
    vscode.commands.registerCommand('alipay.views.sendTamperedNotification', action('sendTampered')),
    vscode.commands.registerCommand('alipay.views.openNotification', action('openNotification')),
  );
}
