// The hover's `verifySign` hook, built on the shell's profiles and secrets.
// The key is that of the profile whose gateway the URL names (core/gatewayMatch;
// the active profile for a bare query string): MD5 with the profile's MD5 key; RSA/RSA2/DSA with the merchant
// key pair for a request we sent (it carries `service`), or Alipay's public
// key for what Alipay sent (notifications, return URLs). Secrets stay inside.
import * as crypto from 'node:crypto';
import { normalizeCharset } from '../core/charset';
import { profileForGateway } from '../core/gatewayMatch';
import { isToolkitError } from '../core/i18n';
import { loadPrivateKey } from '../core/keys';
import type { Param } from '../core/params';
import { normalizeSignType, verifyParams } from '../core/sign';
import type { HoverDeps, SignCheck } from './hover';
import { userLang } from './l10n';
import { getActiveProfile, getProfiles, getSecret } from './shared';

async function verifySign(params: Param[], gateway: string | undefined): Promise<SignCheck | undefined> {
  const get = (n: string) => params.find((p) => p.name === n)?.value;
  const signTypeText = get('sign_type');
  if (!signTypeText || !get('sign')) return undefined;
  const profile = profileForGateway(getProfiles(), gateway, getActiveProfile());
  if (!profile) return { status: 'noProfile', gateway: gateway ?? '' };
  try {
    const signType = normalizeSignType(signTypeText);
    const charset = normalizeCharset(get('_input_charset') ?? get('charset') ?? 'utf-8');
    if (signType === 'MD5') {
      const md5Key = await getSecret(profile, 'md5Key');
      if (!md5Key) return { status: 'noKey', profile: profile.name };
      return { status: verifyParams(params, signType, { md5Key }, charset).valid ? 'valid' : 'invalid', profile: profile.name };
    }
    let publicKey: crypto.KeyObject | string | undefined;
    if (get('service') !== undefined || get('method') !== undefined) {
      const priv = await getSecret(profile, 'privateKey');
      if (priv) publicKey = crypto.createPublicKey(loadPrivateKey(priv, 'merchant private key').key);
    } else publicKey = await getSecret(profile, 'alipayPublicKey');
    if (!publicKey) return { status: 'noKey', profile: profile.name };
    return { status: verifyParams(params, signType, { publicKey }, charset).valid ? 'valid' : 'invalid', profile: profile.name };
  } catch (e) {
    return { status: 'error', message: isToolkitError(e) ? e.localized(userLang()) : String(e) };
  }
}

export function profileHoverDeps(): HoverDeps {
  return { verifySign };
}
