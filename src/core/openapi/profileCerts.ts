// Certificate mode from a profile's certificate paths (appCertPath,
// alipayCertPath, alipayRootCertPath): what a front end needs to sign and to
// verify with them. The paths are files the user names (not secrets); a
// relative path is taken from `baseDir` (the editor's workspace folder).
// Whether a request is signed in certificate mode is decided here once: an
// OpenAPI request (the resolver's family) with a profile naming an app or root
// certificate. The SN rule itself is ./certSn, the parameters ./certMode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localize, ToolkitError, type Lang, type Text } from '../i18n';
import type { Param } from '../params';
import type { Profile } from '../profile';
import type { Family } from '../protocol';
import { addCertSns, type CertFile, type CertModeResult } from './certMode';
import { readCertificates, type CertInfo } from './certSn';

export type CertRole = 'app' | 'alipay' | 'root';

type CertPaths = Pick<Profile, 'name' | 'appCertPath' | 'alipayCertPath' | 'alipayRootCertPath'>;

const PATH_OF: Record<CertRole, 'appCertPath' | 'alipayCertPath' | 'alipayRootCertPath'> = {
  app: 'appCertPath',
  alipay: 'alipayCertPath',
  root: 'alipayRootCertPath',
};

const WHAT: Record<CertRole, Text> = {
  app: { en: 'app certificate', zh: '应用公钥证书' },
  alipay: { en: 'Alipay certificate', zh: '支付宝公钥证书' },
  root: { en: 'Alipay root certificate', zh: '支付宝根证书' },
};

/** Signing adds app_cert_sn / alipay_root_cert_sn: an OpenAPI request and a profile naming the app or root certificate. */
export function signsInCertMode(profile: CertPaths, family: Family): boolean {
  return family === 'openapi' && !!(profile.appCertPath || profile.alipayRootCertPath);
}

/** Reads one of the profile's certificate files; a ToolkitError naming the profile, the file and why when it cannot. */
export function readProfileCert(profile: CertPaths, role: CertRole, lang: Lang, baseDir?: string): CertFile | undefined {
  const file = profile[PATH_OF[role]];
  if (!file) return undefined;
  const full = path.isAbsolute(file) || !baseDir ? file : path.join(baseDir, file);
  try {
    return { bytes: fs.readFileSync(full), source: `${localize(WHAT[role], lang)} "${file}"` };
  } catch (e) {
    throw new ToolkitError(
      'CERT_READ',
      { en: `Profile {profile}: cannot read ${WHAT[role].en} "{file}" ({reason})`, zh: `配置 {profile}：无法读取${WHAT[role].zh} "{file}"（{reason}）` },
      { profile: profile.name, file, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    );
  }
}

/**
 * The request's parameters with app_cert_sn / alipay_root_cert_sn from the
 * profile's certificates when it signs in certificate mode (unchanged
 * otherwise), and a warning with the dates per certificate out of its validity period.
 */
export function profileCertSns(params: readonly Param[], family: Family, profile: CertPaths, lang: Lang, baseDir?: string, now = new Date()): CertModeResult {
  if (!signsInCertMode(profile, family)) return { params: [...params], warnings: [] };
  return addCertSns(params, family, { app: readProfileCert(profile, 'app', lang, baseDir), root: readProfileCert(profile, 'root', lang, baseDir) }, now);
}

/**
 * Alipay's certificate(s) of the profile (every certificate in the file, so a
 * file holding the old and the new one serves both during a rotation), for
 * VerifyKeys.alipayCerts; undefined when the profile names none. A file that
 * cannot be read or parsed becomes `problem`, so verification says why instead
 * of falling back to a bare public key.
 */
export function profileAlipayCerts(profile: CertPaths, lang: Lang, baseDir?: string): { certs?: CertInfo[]; problem?: Text } {
  if (!profile.alipayCertPath) return {};
  try {
    const f = readProfileCert(profile, 'alipay', lang, baseDir)!;
    return { certs: readCertificates(f.bytes, f.source) };
  } catch (e) {
    if (e instanceof ToolkitError) return { problem: { en: e.localized('en'), zh: e.localized('zh') } };
    throw e;
  }
}
