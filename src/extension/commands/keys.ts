/**
 * Key commands, loaded on first use:
 *   alipay.generateKeyPair({ profile?, saveTo?: fsPath, open?: boolean, replace?: boolean })
 *       RSA-2048; the private key goes to the profile's SecretStorage (and to
 *       `saveTo` / a file the user picks); the public key (bare base64, as
 *       Alipay's console wants it) opens in an editor. → GenerateOutcome
 *   alipay.convertPrivateKey({ text?, to?: 'pkcs1'|'pkcs8', action?: 'replace'|'open'|'return' })
 *       PKCS#1 <-> PKCS#8 PEM. → { from, to, text }
 *   alipay.checkKeyPair({ privateKey?, publicKey?, profile? }) → { match, privateFingerprint, publicFingerprint }
 *       a missing side comes from the selection, the profile's stored private
 *       key, or a file the user picks.
 *   alipay.inspectKey({ text? }) → KeyInfo (metadata and fingerprint only)
 * No key material is logged or shown in a message; only fingerprints.
 */
import * as vscode from 'vscode';
import { ToolkitError } from '../../core/i18n';
import { KEY_FORMAT_NAMES, KeyInfo, describeKey, derivePublicKey, fingerprintOf, generateRsaPair, keysMatch, loadAnyKey, loadPrivateKey, loadPublicKey, toBareBase64, toPkcs1, toPkcs8 } from '../../core/keys';
import { Profile } from '../../core/profile';
import { replaceInput, takeInput } from '../editorInput';
import { getProfile, getSecret, log, reportError, storeSecret } from '../shared';

function resolveProfile(name?: string): Profile {
  const p = getProfile(name);
  if (!p) throw new ToolkitError('UNKNOWN_PROFILE', { en: 'There is no Alipay profile named "{name}"', zh: '没有名为 "{name}" 的支付宝配置' }, { name: name ?? '' });
  return p;
}

async function openText(content: string, language = 'plaintext'): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function noKeyInEditor(): undefined {
  void vscode.window.showWarningMessage(vscode.l10n.t('Select a key (PEM or base64) in the editor, then run the command again.'));
  return undefined;
}

// ---- generate ---------------------------------------------------------------

export interface GenerateOutcome {
  profile: string;
  /** SHA256 fingerprint of the public key (the same for both halves). */
  fingerprint: string;
  /** SPKI PEM. */
  publicKey: string;
  /** Bare base64 SPKI: what Alipay's console takes. */
  publicKeyBase64: string;
  savedTo?: string;
}

export async function generateKeyPair(args: { profile?: string; saveTo?: string; open?: boolean; replace?: boolean } = {}): Promise<GenerateOutcome | undefined> {
  try {
    const profile = resolveProfile(args.profile);
    const scripted = args.replace !== undefined || args.saveTo !== undefined;
    if ((await getSecret(profile, 'privateKey')) && !args.replace) {
      if (scripted) return undefined;
      const yes = vscode.l10n.t('Replace');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Profile {0} already has a merchant private key. Replace it with a new one?', profile.name),
        { modal: true, detail: vscode.l10n.t('Requests signed with the old key stop verifying once Alipay has the new public key.') },
        yes,
      );
      if (answer !== yes) return undefined;
    }
    const pair = generateRsaPair(2048);
    const fingerprint = await storeSecret(profile, 'privateKey', pair.privateKey);
    let savedTo: string | undefined;
    if (args.saveTo) savedTo = args.saveTo;
    else if (!scripted) {
      const save = vscode.l10n.t('Also save the private key to a file…');
      const keep = vscode.l10n.t('Keep it only in VS Code secret storage');
      const choice = await vscode.window.showQuickPick([keep, save], { title: vscode.l10n.t('Where to keep the new private key of profile {0}?', profile.name) });
      if (choice === save) {
        const uri = await vscode.window.showSaveDialog({ saveLabel: vscode.l10n.t('Save private key'), filters: { PEM: ['pem'] } });
        savedTo = uri?.fsPath;
      }
    }
    if (savedTo) {
      await vscode.workspace.fs.writeFile(vscode.Uri.file(savedTo), Buffer.from(pair.privateKey, 'utf8'));
      log.info(`Saved a copy of the new private key of profile ${profile.name} to ${savedTo}`);
    }
    const publicKeyBase64 = toBareBase64(pair.publicKey);
    if (args.open ?? true) await openText(publicKeyBase64 + '\n');
    log.info(`Generated an RSA-2048 key pair for profile ${profile.name} (fingerprint ${fingerprint})`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t("New RSA-2048 key pair for profile {0} (fingerprint {1}). The private key is in VS Code secret storage; paste the public key into Alipay's console.", profile.name, fingerprint),
    );
    return { profile: profile.name, fingerprint, publicKey: pair.publicKey, publicKeyBase64, savedTo };
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not generate a key pair'));
    return undefined;
  }
}

// ---- convert ----------------------------------------------------------------

export async function convertPrivateKey(args: { text?: string; to?: 'pkcs1' | 'pkcs8'; action?: 'replace' | 'open' | 'return' } = {}): Promise<{ from: string; to: string; text: string } | undefined> {
  try {
    const input = takeInput(args);
    if (!input || input.text.trim() === '') return noKeyInEditor();
    const source = vscode.l10n.t('the key in the editor');
    const loaded = loadAnyKey(input.text, source);
    if (loaded.info.kind !== 'private') {
      throw new ToolkitError('KEY_IS_PUBLIC', { en: 'This is a public key; only private keys have PKCS#1 and PKCS#8 forms to convert between', zh: '这是公钥；只有私钥才有 PKCS#1 与 PKCS#8 两种格式可以互转' });
    }
    const from = loaded.info.format;
    let to = args.to;
    if (!to) {
      const items = [
        { label: 'PKCS#8', description: vscode.l10n.t('BEGIN PRIVATE KEY — Java, .NET, Alipay key tool'), to: 'pkcs8' as const },
        { label: 'PKCS#1', description: vscode.l10n.t('BEGIN RSA PRIVATE KEY — PHP and the legacy demos'), to: 'pkcs1' as const },
      ];
      const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Convert the private key ({0}) to…', KEY_FORMAT_NAMES[from]), placeHolder: from === 'pkcs8' ? 'PKCS#1' : 'PKCS#8' });
      if (!pick) return undefined;
      to = pick.to;
    }
    const text = to === 'pkcs1' ? toPkcs1(input.text, source) : toPkcs8(input.text, source);
    const action = args.action ?? (input.editor ? 'replace' : 'open');
    if (action === 'replace' && !(await replaceInput(input, text))) await openText(text);
    if (action === 'open') await openText(text);
    log.info(`Converted a private key from ${from} to ${to} (fingerprint ${loaded.info.fingerprint})`);
    return { from, to, text };
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not convert the key'));
    return undefined;
  }
}

// ---- check pair -------------------------------------------------------------

export interface PairOutcome {
  match: boolean;
  privateFingerprint: string;
  publicFingerprint: string;
}

async function pickKeyFile(title: string): Promise<Uint8Array | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title, openLabel: vscode.l10n.t('Use this key') });
  return picked?.[0] ? vscode.workspace.fs.readFile(picked[0]) : undefined;
}

export async function checkKeyPair(args: { privateKey?: string; publicKey?: string; profile?: string } = {}): Promise<PairOutcome | undefined> {
  try {
    let priv: string | Uint8Array | undefined = args.privateKey;
    let pub: string | Uint8Array | undefined = args.publicKey;
    if (priv === undefined || pub === undefined) {
      // The selection fills whichever side it is.
      const sel = args.privateKey === undefined && args.publicKey === undefined ? takeInput() : undefined;
      if (sel && sel.text.trim() !== '') {
        try {
          const k = loadAnyKey(sel.text, 'selection');
          if (k.info.kind === 'private') priv ??= sel.text;
          else pub ??= sel.text;
        } catch {
          // not a key: ask for both
        }
      }
      const profile = resolveProfile(args.profile);
      if (priv === undefined) {
        const stored = await getSecret(profile, 'privateKey');
        if (stored && (args.profile !== undefined || args.publicKey !== undefined)) priv = stored;
        else {
          const useStored = vscode.l10n.t('The merchant private key of profile {0}', profile.name);
          const fromFile = vscode.l10n.t('A private key file…');
          const choice = await vscode.window.showQuickPick(stored ? [useStored, fromFile] : [fromFile], { title: vscode.l10n.t('Which private key?') });
          if (!choice) return undefined;
          priv = choice === useStored ? stored : await pickKeyFile(vscode.l10n.t('Private key'));
        }
      }
      if (pub === undefined) pub = await pickKeyFile(vscode.l10n.t('Public key to check against the private key'));
      if (priv === undefined || pub === undefined) return undefined;
    }
    const privKey = loadPrivateKey(Buffer.isBuffer(priv) || typeof priv === 'string' ? priv : Buffer.from(priv), vscode.l10n.t('private key'));
    const pubKey = loadPublicKey(typeof pub === 'string' ? pub : Buffer.from(pub), vscode.l10n.t('public key'));
    const match = keysMatch(privKey.key.export({ type: 'pkcs8', format: 'pem' }) as string, pubKey.key.export({ type: 'spki', format: 'pem' }) as string);
    const outcome = { match, privateFingerprint: fingerprintOf(privKey.key), publicFingerprint: fingerprintOf(pubKey.key) };
    if (match) void vscode.window.showInformationMessage(vscode.l10n.t('The keys form a pair (fingerprint {0}).', outcome.publicFingerprint));
    else {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The keys do NOT form a pair: the private key\'s public half is {0}, the public key is {1}. Is this Alipay\'s public key rather than yours?', outcome.privateFingerprint, outcome.publicFingerprint),
      );
    }
    log.info(`Key pair check: ${match ? 'match' : 'no match'} (${outcome.privateFingerprint} / ${outcome.publicFingerprint})`);
    return outcome;
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not check the key pair'));
    return undefined;
  }
}

// ---- inspect ----------------------------------------------------------------

export async function inspectKey(args: { text?: string } = {}): Promise<(KeyInfo & { publicKey: string }) | undefined> {
  try {
    const input = takeInput(args);
    if (!input || input.text.trim() === '') return noKeyInEditor();
    const info = describeKey(input.text, vscode.l10n.t('the key in the editor'));
    const kind = info.kind === 'private' ? vscode.l10n.t('private key') : vscode.l10n.t('public key');
    const bits = info.bits ? vscode.l10n.t('{0} bits', info.bits) : '';
    const summary = [`${info.algorithm.toUpperCase()} ${kind}`, bits, `${KEY_FORMAT_NAMES[info.format]} (${info.encoding})`].filter(Boolean).join(', ');
    const warn = info.algorithm === 'rsa' && info.bits !== undefined && info.bits < 2048 ? ' ' + vscode.l10n.t('1024-bit RSA is legacy; Alipay recommends 2048 bits for new keys.') : '';
    void vscode.window.showInformationMessage(`${summary} — ${info.fingerprint}.${warn}`);
    log.info(`Inspected a key: ${summary}, ${info.fingerprint}`);
    return { ...info, publicKey: derivePublicKey(input.text) };
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not read the key'));
    return undefined;
  }
}
