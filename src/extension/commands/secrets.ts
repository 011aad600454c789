/**
 * The secret commands, loaded on first use (the entry registers them through
 * ./lazy): alipay.setMd5Key, alipay.setPrivateKey, alipay.setAlipayPublicKey,
 * alipay.setAesKey — each takes optional args { profile?, value?, file? } for
 * scripted use and returns { profile, kind, fingerprint } — and
 * alipay.clearSecret({ profile?, kind?: SecretKind | 'all' }) → the kinds cleared.
 * Values are stored through the entry's secrets service (./shared).
 */
import * as vscode from 'vscode';
import { ToolkitError } from '../../core/i18n';
import { keysMatch, loadPrivateKey } from '../../core/keys';
import { Profile } from '../../core/profile';
import { kindLabel, SECRET_KINDS, SecretKind } from '../secretKinds';
import { normalizeSecret } from '../secretValues';
import { deleteSecret, errorText, getProfile, getSecret, reportError, secretStatus, storeSecret } from '../shared';

interface SetArgs {
  profile?: string;
  /** The secret itself (scripted use); skips the input box. */
  value?: string;
  /** A file to read the key from (scripted use); skips the file picker. */
  file?: string;
}

function resolveProfile(name: string | undefined): Profile {
  const p = getProfile(name);
  if (!p) throw new ToolkitError('UNKNOWN_PROFILE', { en: 'There is no Alipay profile named "{name}"', zh: '没有名为 "{name}" 的支付宝配置' }, { name: name ?? '' });
  return p;
}

async function askValue(kind: SecretKind, profile: Profile): Promise<string | Uint8Array | undefined> {
  if (kind !== 'md5Key' && kind !== 'aesKey') {
    const paste = vscode.l10n.t('Paste the key');
    const file = vscode.l10n.t('Read it from a file…');
    const how = await vscode.window.showQuickPick([paste, file], { title: vscode.l10n.t('{0} for profile {1}', kindLabel(kind), profile.name) });
    if (!how) return undefined;
    if (how === file) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Use this key'),
        filters: { [vscode.l10n.t('Keys')]: ['pem', 'key', 'txt', 'der', 'crt', 'cer'], '*': ['*'] },
      });
      return picked?.[0] ? vscode.workspace.fs.readFile(picked[0]) : undefined;
    }
  }
  return vscode.window.showInputBox({
    title: vscode.l10n.t('{0} for profile {1}', kindLabel(kind), profile.name),
    prompt:
      kind === 'md5Key'
        ? vscode.l10n.t('The 32-character MD5 key from the Alipay console. Stored in VS Code secret storage only.')
        : kind === 'aesKey'
          ? vscode.l10n.t('The base64 AES key from the Alipay console (content encryption). Stored in VS Code secret storage only.')
          : vscode.l10n.t('PEM or bare base64, as Alipay\'s key tool prints it. Stored in VS Code secret storage only.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (v.trim() === '') return undefined;
      try {
        normalizeSecret(kind, v);
        return undefined;
      } catch (e) {
        return errorText(e);
      }
    },
  });
}

/** The handler of `kind`'s set-key command. */
export async function setSecret(kind: SecretKind, args?: SetArgs): Promise<{ profile: string; kind: SecretKind; fingerprint: string } | undefined> {
  try {
    const profile = resolveProfile(args?.profile);
    let input: string | Uint8Array | undefined = args?.value;
    if (input === undefined && args?.file) input = await vscode.workspace.fs.readFile(vscode.Uri.file(args.file));
    if (input === undefined) input = await askValue(kind, profile);
    if (input === undefined || (typeof input === 'string' && input.trim() === '')) return undefined;
    const fingerprint = await storeSecret(profile, kind, input);
    if (kind === 'alipayPublicKey') await warnIfOwnPublicKey(profile);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the {0} of profile {1} (fingerprint {2}).', kindLabel(kind), profile.name, fingerprint));
    return { profile: profile.name, kind, fingerprint };
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not save the {0}', kindLabel(kind)));
    return undefined;
  }
}

/** A classic mistake: the merchant's own public key entered where Alipay's belongs. */
async function warnIfOwnPublicKey(profile: Profile): Promise<void> {
  const priv = await getSecret(profile, 'privateKey');
  const pub = await getSecret(profile, 'alipayPublicKey');
  if (!priv || !pub) return;
  try {
    loadPrivateKey(priv);
    if (keysMatch(priv, pub)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t("This public key belongs to your own merchant private key, not to Alipay. Verifying Alipay's notifications needs Alipay's public key from the console."),
      );
    }
  } catch {
    // a stored key that no longer loads is reported when it is used
  }
}

export async function clearSecret(args?: { profile?: string; kind?: SecretKind | 'all' }): Promise<SecretKind[] | undefined> {
  try {
    const profile = resolveProfile(args?.profile);
    let kinds: SecretKind[];
    if (args?.kind) kinds = args.kind === 'all' ? [...SECRET_KINDS] : [args.kind];
    else {
      const status = await secretStatus(profile);
      const items = SECRET_KINDS.filter((k) => status[k]).map((k) => ({ label: kindLabel(k), description: status[k], secret: k }));
      if (items.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Profile {0} has no stored secrets.', profile.name));
        return [];
      }
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Clear secrets of profile {0}', profile.name) });
      if (!picked || picked.length === 0) return undefined;
      kinds = picked.map((p) => p.secret);
    }
    for (const k of kinds) await deleteSecret(profile, k);
    return kinds;
  } catch (e) {
    reportError(e);
    return undefined;
  }
}
