/**
 * The kinds of per-profile secrets, their set-key commands and their names for
 * people. Stateless, so both bundles may carry a copy: the entry's secrets
 * service (./secrets) and the feature code that validates values and asks for
 * them (./secretValues, ./commands/secrets).
 */
import * as vscode from 'vscode';

export type SecretKind = 'md5Key' | 'privateKey' | 'alipayPublicKey' | 'aesKey';
export const SECRET_KINDS: readonly SecretKind[] = ['md5Key', 'privateKey', 'alipayPublicKey', 'aesKey'];

export const SET_COMMAND: Record<SecretKind, string> = {
  md5Key: 'alipay.setMd5Key',
  privateKey: 'alipay.setPrivateKey',
  alipayPublicKey: 'alipay.setAlipayPublicKey',
  aesKey: 'alipay.setAesKey',
};

export function kindLabel(kind: SecretKind): string {
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
