/**
 * The entry's services as the feature bundle sees them. dist/extension.js owns
 * the stateful modules (./log, ./profiles, ./secrets); dist/features.js must
 * not carry second copies of them (a second `channel`, `storage` or event
 * emitter would silently log nowhere or miss changes — esbuild.js fails the
 * build if a feature imports one). Instead the entry passes them to
 * `init(services)` in ./features, which binds them here once, before any
 * feature module runs; feature code imports the same names from './shared'.
 *
 * API: Services (what the entry passes), bindServices(services), and the bound
 * functions below (same meaning as in ./log, ./profiles, ./secrets).
 */
import type * as LogModule from './log';
import type * as ProfilesModule from './profiles';
import type * as SecretsModule from './secrets';

export interface Services {
  log: typeof LogModule;
  profiles: typeof ProfilesModule;
  secrets: typeof SecretsModule;
}

export type { SecretKind } from './secrets';

export let log: typeof LogModule.log;
export let reportError: typeof LogModule.reportError;
export let errorText: typeof LogModule.errorText;
export let redactText: typeof LogModule.redactText;

export let getProfiles: typeof ProfilesModule.getProfiles;
export let getProfile: typeof ProfilesModule.getProfile;
export let getActiveProfile: typeof ProfilesModule.getActiveProfile;
export let setActiveProfile: typeof ProfilesModule.setActiveProfile;
export let setSessionProfile: typeof ProfilesModule.setSessionProfile;
export let onDidChangeActiveProfile: typeof ProfilesModule.onDidChangeActiveProfile;

export let getSecret: typeof SecretsModule.getSecret;
export let storeSecret: typeof SecretsModule.storeSecret;
export let deleteSecret: typeof SecretsModule.deleteSecret;
export let requireSigningKey: typeof SecretsModule.requireSigningKey;
export let requireVerifyingKey: typeof SecretsModule.requireVerifyingKey;
export let getVerifyingKey: typeof SecretsModule.getVerifyingKey;
export let onDidChangeSecrets: typeof SecretsModule.onDidChangeSecrets;
export let secretStatus: typeof SecretsModule.secretStatus;

export function bindServices(s: Services): void {
  ({ log, reportError, errorText, redactText } = s.log);
  ({ getProfiles, getProfile, getActiveProfile, setActiveProfile, setSessionProfile, onDidChangeActiveProfile } = s.profiles);
  ({ getSecret, storeSecret, deleteSecret, requireSigningKey, requireVerifyingKey, getVerifyingKey, onDidChangeSecrets, secretStatus } = s.secrets);
}
