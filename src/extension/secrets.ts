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
 *   secretStatus(profile): Promise<Record<SecretKind, string | undefined>>  fingerprints
 *       (`sha256:…` of MD5/AES keys, `SHA256:…` of a key's public half: ./secretValues)
 *   onDidChangeSecrets: Event<{ profile: string; kind: SecretKind }>
 *   registerSecrets(context): Disposable — commands alipay.setMd5Key,
 *       alipay.setPrivateKey, alipay.setAlipayPublicKey, alipay.setAesKey,
 *       alipay.clearSecret; each takes optional args { profile?, value?, file?, kind? }
 *       for scripted use (./commands/secrets).
 * `profile` is a Profile or a profile name. Storage key: `alipay:<name lowercased>:<kind>`.
 *
 * This module is in the entry bundle (activation evaluates it): validating and
 * fingerprinting (the key parser, node:crypto) and the commands' dialogs are
 * feature code, loaded through ./lazy when a key is first stored, shown or asked for.
 */
import * as vscode from 'vscode';
import type { Profile } from '../core/profile';
import type { SigningKey, VerifyingKey } from '../core/sign';
import { lazyCommand, loadFeature } from './lazy';
import { addKnownSecret, log } from './log';
import { kindLabel, SECRET_KINDS, SET_COMMAND, SecretKind } from './secretKinds';

export { SECRET_KINDS, type SecretKind } from './secretKinds';

let storage: vscode.SecretStorage | undefined;
const changed = new vscode.EventEmitter<{ profile: string; kind: SecretKind }>();
export const onDidChangeSecrets = changed.event;

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

export async function storeSecret(profile: Profile | string, kind: SecretKind, input: string | Uint8Array): Promise<string> {
  const { normalizeSecret, secretFingerprint } = await loadFeature('secretValues');
  const value = normalizeSecret(kind, input);
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
    out[kind] = v ? (await loadFeature('secretValues')).secretFingerprint(kind, v) : undefined;
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

export function registerSecrets(context: vscode.ExtensionContext): vscode.Disposable {
  storage = context.secrets;
  return vscode.Disposable.from(
    ...SECRET_KINDS.map((k) => vscode.commands.registerCommand(SET_COMMAND[k], lazyCommand('secretCommands', (m) => (args?: Parameters<typeof m.setSecret>[1]) => m.setSecret(k, args)))),
    vscode.commands.registerCommand('alipay.clearSecret', lazyCommand('secretCommands', (m) => m.clearSecret)),
    changed,
  );
}
