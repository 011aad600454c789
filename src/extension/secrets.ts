/**
 * Per-profile secrets, kept only in VS Code's SecretStorage (context.secrets):
 * the MD5 key, the merchant's private key and Alipay's public key. The UI
 * shows fingerprints only; every value read or stored is registered with the
 * log's redactor.
 *
 * API (import from './secrets'):
 *   getSigningKey(profile, signType?): Promise<SigningKey | undefined>
 *       MD5 → { md5Key }, RSA/RSA2/DSA → { privateKey } (PKCS#8 PEM); signType
 *       defaults to the profile's. undefined when not set.
 *   getVerifyingKey(profile, signType?): Promise<VerifyingKey | undefined>
 *       MD5 → { md5Key }, otherwise Alipay's { publicKey }.
 *   requireSigningKey / requireVerifyingKey(profile, signType?)
 *       the same, but when missing shows a message with a button that runs the
 *       set-key command (not awaited) and returns undefined.
 *   getSecret(profile, kind) / storeSecret(profile, kind, text) / deleteSecret(profile, kind)
 *       storeSecret validates and normalizes (keys → PEM) and returns the fingerprint;
 *       invalid input throws a ToolkitError naming the problem (never the value).
 *   secretFingerprint(kind, value): string   `sha256:1a2b3c4d5e6f7a8b` for MD5 keys,
 *       `SHA256:…` of the public half for keys (matches `openssl`/core keys).
 *   secretStatus(profile): Promise<Record<SecretKind, string | undefined>>  fingerprints
 *   onDidChangeSecrets: Event<{ profile: string; kind: SecretKind }>
 *   registerSecrets(context): Disposable — commands alipay.setMd5Key,
 *       alipay.setPrivateKey, alipay.setAlipayPublicKey, alipay.clearSecret; each
 *       takes optional args { profile?, value?, file?, kind? } for scripted use.
 * `profile` is a Profile or a profile name. Storage key: `alipay:<name lowercased>:<kind>`.
 */
import * as vscode from 'vscode';
import { ToolkitError } from '../core/i18n';
import { Profile } from '../core/profile';
import type { SigningKey, VerifyingKey } from '../core/sign';
import { addKnownSecret, errorText, log, reportError } from './log';
import { getProfile } from './profiles';

export type SecretKind = 'md5Key' | 'privateKey' | 'alipayPublicKey' | 'aesKey';
export const SECRET_KINDS: readonly SecretKind[] = ['md5Key', 'privateKey', 'alipayPublicKey', 'aesKey'];

const SET_COMMAND: Record<SecretKind, string> = {
  md5Key: 'alipay.setMd5Key',
  privateKey: 'alipay.setPrivateKey',
  alipayPublicKey: 'alipay.setAlipayPublicKey',
  aesKey: 'alipay.setAesKey',
};

// This module is in the entry bundle (activation evaluates it): node:crypto and
// the key parser load when a key is first stored or fingerprinted — requiring
// node:crypto alone costs more than evaluating the whole entry.
/* eslint-disable @typescript-eslint/no-require-imports */
const cryptoLib = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');
const keys = (): typeof import('../core/keys') => require('../core/keys') as typeof import('../core/keys');
const aes = (): typeof import('../core/openapi/aes') => require('../core/openapi/aes') as typeof import('../core/openapi/aes');
/* eslint-enable @typescript-eslint/no-require-imports */

let storage: vscode.SecretStorage | undefined;
const changed = new vscode.EventEmitter<{ profile: string; kind: SecretKind }>();
export const onDidChangeSecrets = changed.event;

function kindLabel(kind: SecretKind): string {
  switch (kind) {
    case 'md5Key':
      return vscode.l10n.t('MD5 key');
    case 'privateKey':
      return vscode.l10n.t('merchant private key');
    case 'alipayPublicKey':
      return vscode.l10n.t('Alipay public key');
    case 'aesKey':
      return vscode.l10n.t('AES key');
  }
}

function profileName(profile: Profile | string): string {
  return typeof profile === 'string' ? profile : profile.name;
}

function storageKey(profile: Profile | string, kind: SecretKind): string {
  return `alipay:${profileName(profile).toLowerCase()}:${kind}`;
}

function store(): vscode.SecretStorage {
  if (!storage) throw new Error('secrets.ts: registerSecrets() has not run');
  return storage;
}

export async function getSecret(profile: Profile | string, kind: SecretKind): Promise<string | undefined> {
  const v = await store().get(storageKey(profile, kind));
  addKnownSecret(v);
  return v || undefined;
}

export function secretFingerprint(kind: SecretKind, value: string): string {
  if (kind === 'md5Key') return 'sha256:' + cryptoLib().createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16);
  if (kind === 'aesKey') return 'sha256:' + cryptoLib().createHash('sha256').update(Buffer.from(value, 'base64')).digest('hex').slice(0, 16);
  try {
    const { fingerprintOf, loadAnyKey } = keys();
    return fingerprintOf(loadAnyKey(value, kindLabel(kind)).key);
  } catch {
    return '?';
  }
}

function invalid(en: string, zh: string, args: Record<string, string> = {}): ToolkitError {
  return new ToolkitError('BAD_SECRET', { en, zh }, args);
}

/** Validates and normalizes what a person pasted or picked; never echoes the value. */
function normalize(kind: SecretKind, input: string | Uint8Array): string {
  if (kind === 'md5Key') {
    const v = (typeof input === 'string' ? input : Buffer.from(input).toString('utf8')).trim();
    if (v === '') throw invalid('The MD5 key is empty', 'MD5 密钥为空');
    if (/\s/.test(v)) throw invalid('The MD5 key contains spaces or line breaks; paste only the key', 'MD5 密钥包含空格或换行，请只粘贴密钥本身');
    if (!/^[\x21-\x7e]+$/.test(v)) throw invalid('The MD5 key contains characters other than letters and digits', 'MD5 密钥包含字母和数字以外的字符');
    return v;
  }
  if (kind === 'aesKey') return aes().parseAesKey(typeof input === 'string' ? input : Buffer.from(input), vscode.l10n.t('AES key')).toString('base64');
  const raw = typeof input === 'string' ? input : Buffer.from(input);
  const { derivePublicKey, loadAnyKey, toPkcs8 } = keys();
  if (kind === 'privateKey') return toPkcs8(raw, vscode.l10n.t('merchant private key'));
  if (loadAnyKey(raw, vscode.l10n.t('Alipay public key')).info.kind === 'private') {
    throw invalid(
      "This is a private key; Alipay's public key is needed here (copy it from the Alipay console)",
      '这是私钥；此处需要支付宝公钥（可从支付宝控制台复制）',
    );
  }
  return derivePublicKey(raw, vscode.l10n.t('Alipay public key'));
}

export async function storeSecret(profile: Profile | string, kind: SecretKind, input: string | Uint8Array): Promise<string> {
  const value = normalize(kind, input);
  addKnownSecret(value);
  if (typeof input === 'string') addKnownSecret(input);
  await store().store(storageKey(profile, kind), value);
  const fp = secretFingerprint(kind, value);
  log.info(`Stored the ${kind} of profile ${profileName(profile)} (fingerprint ${fp})`);
  changed.fire({ profile: profileName(profile), kind });
  return fp;
}

export async function deleteSecret(profile: Profile | string, kind: SecretKind): Promise<void> {
  await store().delete(storageKey(profile, kind));
  log.info(`Cleared the ${kind} of profile ${profileName(profile)}`);
  changed.fire({ profile: profileName(profile), kind });
}

export async function secretStatus(profile: Profile | string): Promise<Record<SecretKind, string | undefined>> {
  const out = {} as Record<SecretKind, string | undefined>;
  for (const kind of SECRET_KINDS) {
    const v = await getSecret(profile, kind);
    out[kind] = v ? secretFingerprint(kind, v) : undefined;
  }
  return out;
}

function isMd5(signType: string): boolean {
  return signType.trim().toUpperCase() === 'MD5';
}

export async function getSigningKey(profile: Profile, signType: string = profile.signType): Promise<SigningKey | undefined> {
  if (isMd5(signType)) {
    const md5Key = await getSecret(profile, 'md5Key');
    return md5Key ? { md5Key } : undefined;
  }
  const privateKey = await getSecret(profile, 'privateKey');
  return privateKey ? { privateKey } : undefined;
}

export async function getVerifyingKey(profile: Profile, signType: string = profile.signType): Promise<VerifyingKey | undefined> {
  if (isMd5(signType)) {
    const md5Key = await getSecret(profile, 'md5Key');
    return md5Key ? { md5Key } : undefined;
  }
  const publicKey = await getSecret(profile, 'alipayPublicKey');
  return publicKey ? { publicKey } : undefined;
}

/** Shows "no key" with a button that runs the set command; not awaited (tests and callers go on). */
export function offerToSetKey(profile: Profile, kind: SecretKind): void {
  const button = vscode.l10n.t('Set {0}…', kindLabel(kind));
  const message = vscode.l10n.t('Profile {0} has no {1}. Set it to sign and verify.', profile.name, kindLabel(kind));
  log.warn(message);
  void vscode.window.showWarningMessage(message, button).then((choice) => {
    if (choice === button) void vscode.commands.executeCommand(SET_COMMAND[kind], { profile: profile.name });
  });
}

export async function requireSigningKey(profile: Profile, signType: string = profile.signType): Promise<SigningKey | undefined> {
  const key = await getSigningKey(profile, signType);
  if (!key) offerToSetKey(profile, isMd5(signType) ? 'md5Key' : 'privateKey');
  return key;
}

export async function requireVerifyingKey(profile: Profile, signType: string = profile.signType): Promise<VerifyingKey | undefined> {
  const key = await getVerifyingKey(profile, signType);
  if (!key) offerToSetKey(profile, isMd5(signType) ? 'md5Key' : 'alipayPublicKey');
  return key;
}

// ---- commands -------------------------------------------------------------

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
        normalize(kind, v);
        return undefined;
      } catch (e) {
        return errorText(e);
      }
    },
  });
}

function setCommand(kind: SecretKind) {
  return async (args?: SetArgs): Promise<{ profile: string; kind: SecretKind; fingerprint: string } | undefined> => {
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
  };
}

/** A classic mistake: the merchant's own public key entered where Alipay's belongs. */
async function warnIfOwnPublicKey(profile: Profile): Promise<void> {
  const priv = await getSecret(profile, 'privateKey');
  const pub = await getSecret(profile, 'alipayPublicKey');
  if (!priv || !pub) return;
  try {
    const { keysMatch, loadPrivateKey } = keys();
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

async function clearSecret(args?: { profile?: string; kind?: SecretKind | 'all' }): Promise<SecretKind[] | undefined> {
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

export function registerSecrets(context: vscode.ExtensionContext): vscode.Disposable {
  storage = context.secrets;
  return vscode.Disposable.from(
    ...SECRET_KINDS.map((k) => vscode.commands.registerCommand(SET_COMMAND[k], setCommand(k))),
    vscode.commands.registerCommand('alipay.clearSecret', clearSecret),
    changed,
  );
}

