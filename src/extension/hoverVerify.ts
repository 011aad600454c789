// The hover's `verifySign` and `charsetFor` hooks, built on the shell's profiles and
// secrets. The key, and the charset of a line that declares none, are those of the
// profile whose gateway the URL names (core/gatewayMatch; the active profile for a
// bare query string), as in Verify Signature. Who signed it and how it is
// checked are core's decisions (core/resolve resolveContext + verifyingKeyRole,
// core/response verifyMessage: the same function CLI verify/decode and the
// preview use). Secrets stay inside.
import * as crypto from 'node:crypto';
import type { Charset } from '../core/charset';
import { contextSummary } from '../core/contextSummary';
import { profileForGateway } from '../core/gatewayMatch';
import { isToolkitError } from '../core/i18n';
import { loadPrivateKey } from '../core/keys';
import type { Param } from '../core/params';
import type { Profile } from '../core/profile';
import { carriedSign } from '../core/protocol';
import { profileCharset, resolveContext, verifyingKeyRole, type ProtocolContext } from '../core/resolve';
import { verifyMessage, type VerifyKeys } from '../core/response/signature';
import type { HoverDeps, SignCheck } from './hover';
import { userLang } from './l10n';
import { alipayCertKeys } from './profileCerts';
import { kindLabel } from './secretKinds';
import { getActiveProfile, getProfiles, getSecret } from './shared';

/** The profile whose gateway is `gateway`, else (a bare query string) the active one. */
function profileOf(gateway: string | undefined): Profile | undefined {
  return profileForGateway(getProfiles(), gateway, getActiveProfile());
}

/** How the hover reads a query that declares no charset: as Verify Signature does, in its profile's. */
function charsetFor(gateway: string | undefined): Charset | undefined {
  const profile = profileOf(gateway);
  return profile && profileCharset(profile);
}

async function verifySign(params: Param[], gateway: string | undefined): Promise<SignCheck | undefined> {
  if (carriedSign(params) === undefined) return undefined;
  const profile = profileOf(gateway);
  let ctx: ProtocolContext;
  try {
    // What the line itself says (its charset, sign_type or sec_id, markers), else the profile's, else the gateway family's defaults.
    ctx = resolveContext({ params, gateway, profile });
  } catch (e) {
    return { status: 'error', message: isToolkitError(e) ? e.localized(userLang()) : String(e) };
  }
  const checkedAs = contextSummary(ctx);
  if (!profile) return { status: 'noProfile', gateway: gateway ?? '', checkedAs };
  try {
    const variant = ctx.variant.value;
    const signType = ctx.signType.value;
    const role = verifyingKeyRole(variant, signType);
    const keys: VerifyKeys = {};
    if (role.verify === 'md5Key') keys.md5Key = await getSecret(profile, 'md5Key');
    else if (role.verify === 'alipayPublicKey') {
      keys.publicKey = await getSecret(profile, 'alipayPublicKey');
      // Certificate mode: the key of the profile's Alipay certificate named by alipay_cert_sn (core keysForCert).
      Object.assign(keys, alipayCertKeys(profile));
    }
    const priv = role.verify === 'merchantPublicKey' || role.decrypt ? await getSecret(profile, 'privateKey') : undefined;
    if (priv) {
      const key = loadPrivateKey(priv, kindLabel('privateKey')).key;
      if (role.verify === 'merchantPublicKey') keys.publicKey = crypto.createPublicKey(key);
      if (role.decrypt) keys.merchantPrivateKey = key;
    }
    const view = verifyMessage({ params, charset: ctx.charset.value, keys, variant, signType });
    if (view.verdict === 'noKey') return { status: 'noKey', profile: profile.name, checkedAs };
    if (view.verdict === 'valid' || view.verdict === 'invalid') return { status: view.verdict, profile: profile.name, checkedAs };
    return { status: 'error', message: view.reason?.[userLang()] ?? '', checkedAs };
  } catch (e) {
    return { status: 'error', message: isToolkitError(e) ? e.localized(userLang()) : String(e), checkedAs };
  }
}

export function profileHoverDeps(): HoverDeps {
  return { verifySign, charsetFor };
}
