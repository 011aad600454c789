// The preview's key dependency, built on the shell's profiles and secrets:
// the active profile's charset (for a message that declares none) and both the MD5 key and Alipay's public key of the active profile (which one
// applies depends on the response's own sign_type), and in certificate mode
// the profile's Alipay certificate(s) (read in the feature bundle, on use).
import type * as vscode from 'vscode';
import { loadFeature } from '../lazy';
import { getActiveProfile, onDidChangeActiveProfile } from '../profiles';
import { getSecret, onDidChangeSecrets } from '../secrets';
import type { PreviewDeps } from './panel';

export function profileKeyDeps(): PreviewDeps {
  return {
    async getVerifyKeys() {
      const profile = getActiveProfile();
      const [md5Key, publicKey, aesKey] = await Promise.all([getSecret(profile, 'md5Key'), getSecret(profile, 'alipayPublicKey'), getSecret(profile, 'aesKey')]);
      const certs = profile.alipayCertPath ? (await loadFeature('certs')).alipayCertKeys(profile) : {};
      // A notification that declares no charset is read in the profile's, as Verify Signature reads it.
      return { keys: { md5Key, publicKey, aesKey, ...certs }, profile: profile.name, charset: profile.charset };
    },
    keyEvents: [onDidChangeActiveProfile as vscode.Event<unknown>, onDidChangeSecrets as vscode.Event<unknown>],
  };
}
