// What the request-file feature needs from the rest of the extension (the
// shell's profiles and secrets), as one injectable object: ./index.ts (in the
// entry bundle) builds the real one; nothing here reads settings or secrets directly.
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
