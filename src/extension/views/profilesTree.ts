// The Profiles view: every profile (the active one marked) and under it its
// gateway, sign type, charset, partner and which keys are set — fingerprints
// only, never a key. Refreshes on profile and secret change events.
import * as vscode from 'vscode';
import { getActiveProfile, getProfiles, onDidChangeActiveProfile, onDidChangeSecrets, secretStatus, type SecretKind } from '../shared';
import { kindLabel } from '../secretKinds';
import type { TreeImpl } from './lazyTree';

export type ProfileNode =
  | { kind: 'profile'; name: string }
  | { kind: 'detail'; profile: string; label: string; value: string }
  | { kind: 'key'; profile: string; secret: SecretKind; fingerprint?: string };

const KEY_KINDS: SecretKind[] = ['md5Key', 'privateKey', 'alipayPublicKey'];

export function profilesTree(refresh: (node?: ProfileNode) => void): TreeImpl<ProfileNode> {
  const subs = vscode.Disposable.from(
    onDidChangeActiveProfile(() => refresh()),
    onDidChangeSecrets(() => refresh()),
  );
  return {
    dispose: () => subs.dispose(),
    async getChildren(element?: ProfileNode): Promise<ProfileNode[]> {
      if (!element) return getProfiles().map((p) => ({ kind: 'profile', name: p.name }));
      if (element.kind !== 'profile') return [];
      const p = getProfiles().find((x) => x.name === element.name);
      if (!p) return [];
      const status = await secretStatus(p);
      return [
        { kind: 'detail', profile: p.name, label: vscode.l10n.t('Gateway'), value: p.gateway },
        { kind: 'detail', profile: p.name, label: vscode.l10n.t('Partner'), value: p.partner || vscode.l10n.t('not set') },
        { kind: 'detail', profile: p.name, label: vscode.l10n.t('Sign type'), value: p.signType },
        { kind: 'detail', profile: p.name, label: vscode.l10n.t('Charset'), value: p.charset },
        ...KEY_KINDS.map((k): ProfileNode => ({ kind: 'key', profile: p.name, secret: k, fingerprint: status[k] })),
      ];
    },
    getTreeItem(node: ProfileNode): vscode.TreeItem {
      if (node.kind === 'profile') {
        const p = getProfiles().find((x) => x.name === node.name);
        const active = getActiveProfile().name === node.name;
        const item = new vscode.TreeItem(node.name, active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `profile:${node.name}`;
        item.description = active ? `${vscode.l10n.t('active')} · ${p?.gateway ?? ''}` : p?.gateway;
        item.iconPath = new vscode.ThemeIcon(active ? 'pass-filled' : 'circle-large-outline');
        item.contextValue = active ? 'profile-active' : 'profile';
        item.tooltip = p ? `${p.name}\n${p.gateway}\n${p.signType} · ${p.charset}` : node.name;
        return item;
      }
      if (node.kind === 'detail') {
        const item = new vscode.TreeItem(node.label);
        item.id = `profile:${node.profile}:${node.label}`;
        item.description = node.value;
        item.tooltip = `${node.label}: ${node.value}`;
        item.contextValue = 'profileDetail';
        return item;
      }
      const item = new vscode.TreeItem(kindLabel(node.secret));
      item.id = `profile:${node.profile}:key:${node.secret}`;
      item.description = node.fingerprint ?? vscode.l10n.t('not set');
      item.iconPath = new vscode.ThemeIcon(node.fingerprint ? 'key' : 'circle-slash');
      item.contextValue = node.fingerprint ? 'key-set' : 'key-unset';
      item.tooltip = node.fingerprint ? vscode.l10n.t('{0} set (fingerprint {1})', kindLabel(node.secret), node.fingerprint) : vscode.l10n.t('{0} not set', kindLabel(node.secret));
      return item;
    },
  };
}
