// What the request-file feature needs from the rest of the extension (the
// shell's profiles and secrets), as one injectable object: extension.ts passes
// the real one; nothing here reads settings or secrets directly.
import type * as vscode from 'vscode';
import type { Profile } from '../../core/profile';
import type { VerifyKeys } from '../../core/response';
import type { SigningKey } from '../../core/sign';

export const LANGUAGE_ID = 'alipay';
export const SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];

export interface RequestFileDeps {
  profiles(): Profile[];
  activeProfile(): Profile;
  /** The signing key of a profile; undefined (after telling the user how to set it) when missing. */
  signingKey(profile: Profile, signType: string): Promise<SigningKey | undefined>;
  /** Keys to verify an answer with (none: the preview says "no key"). */
  verifyKeys(profile: Profile, signType: string): Promise<VerifyKeys>;
  /** Fire when profiles or the active profile change (diagnostics and lenses refresh). */
  changes: Array<vscode.Event<unknown>>;
}

/** The shell's real profiles and secrets (loaded lazily so tests can pass their own). */
export function shellDeps(): RequestFileDeps {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const profiles = require('../profiles') as typeof import('../profiles');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const secrets = require('../secrets') as typeof import('../secrets');
  return {
    profiles: () => profiles.getProfiles(),
    activeProfile: () => profiles.getActiveProfile(),
    signingKey: (p, t) => secrets.requireSigningKey(p, t),
    verifyKeys: async (p, t) => {
      const k = await secrets.getVerifyingKey(p, t);
      if (!k) return {};
      return 'md5Key' in k ? { md5Key: k.md5Key } : { publicKey: k.publicKey };
    },
    changes: [profiles.onDidChangeActiveProfile as vscode.Event<unknown>, secrets.onDidChangeSecrets as vscode.Event<unknown>],
  };
}
