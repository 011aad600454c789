// Certificate mode (公钥证书) in the editor: a profile's certificate paths
// (appCertPath, alipayCertPath, alipayRootCertPath) for signing and verifying.
// Glue only: core/openapi/profileCerts decides and reads; relative paths are
// taken from the first workspace folder. In the feature bundle (the entry
// reaches it through loadFeature('certs')), so the X.509 reader never loads
// at activation, and only for a profile that names certificates.
import * as vscode from 'vscode';
import type { Param } from '../core/params';
import type { Profile } from '../core/profile';
import type { Family } from '../core/protocol';
import type { VerifyKeys } from '../core/response/signature';
import { localize } from '../core/i18n';
import { userLang } from './l10n';
import { log } from './shared';

type CoreCerts = typeof import('../core/openapi/profileCerts');

function core(): CoreCerts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- certificate mode loads on first use
  return require('../core/openapi/profileCerts') as CoreCerts;
}

function baseDir(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/**
 * The request's parameters with app_cert_sn / alipay_root_cert_sn when the
 * profile signs in certificate mode (unchanged otherwise); an expired or
 * not-yet-valid certificate is logged and shown with its dates (signing goes on).
 * Throws a ToolkitError when a named certificate cannot be read.
 */
export function withProfileCertSns(profile: Profile, params: Param[], family: Family): Param[] {
  if (!profile.appCertPath && !profile.alipayRootCertPath) return params;
  const r = core().profileCertSns(params, family, profile, userLang(), baseDir());
  for (const w of r.warnings) {
    const text = localize(w, userLang());
    log.warn(text);
    void vscode.window.showWarningMessage(text);
  }
  return r.params;
}

/** Alipay's certificate(s) of the profile for verification (core keysForCert picks one by alipay_cert_sn); nothing when it names none. */
export function alipayCertKeys(profile: Profile): Pick<VerifyKeys, 'alipayCerts' | 'alipayCertProblem'> {
  if (!profile.alipayCertPath) return {};
  const r = core().profileAlipayCerts(profile, userLang(), baseDir());
  return { alipayCerts: r.certs, alipayCertProblem: r.problem };
}
