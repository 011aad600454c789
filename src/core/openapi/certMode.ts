// Signing in OpenAPI certificate mode (公钥证书): the request carries
// `app_cert_sn` and `alipay_root_cert_sn`. They are SIGNED parameters, so they
// are set here, before the pre-sign string is built. Only OpenAPI requests use
// them: the caller passes the family the resolver decided.
import type { Text } from '../i18n';
import { setParam, type Param } from '../params';
import type { Family } from '../protocol';
import { certSn, rootCertSn, validityWarning } from './certSn';

export const APP_CERT_SN_PARAM = 'app_cert_sn';
export const ROOT_CERT_SN_PARAM = 'alipay_root_cert_sn';

export interface CertFile {
  bytes: string | Buffer;
  /** How to name the file in messages (e.g. `app certificate "app.crt"`). */
  source: string;
}

export interface CertModeResult {
  params: Param[];
  appCertSn?: string;
  rootCertSn?: string;
  /** One per certificate outside its validity period, with the dates. */
  warnings: Text[];
}

/** Refusal text when certificate files are given for a MAPI request (MAPI has no certificate mode). */
export const CERT_MODE_MAPI: Text = {
  en: 'certificate mode (app_cert_sn, alipay_root_cert_sn) is for OpenAPI requests only; this is a {family} request: drop the certificate files',
  zh: '公钥证书模式（app_cert_sn、alipay_root_cert_sn）只用于 OpenAPI 请求；这是 {family} 请求：请去掉证书文件',
};

/** Sets `app_cert_sn` / `alipay_root_cert_sn` from the certificate files given (replacing any already there). */
export function addCertSns(params: readonly Param[], family: Family, certs: { app?: CertFile; root?: CertFile }, now = new Date()): CertModeResult {
  if (family !== 'openapi') throw new Error('addCertSns: certificate mode is OpenAPI only'); // callers check first and say so
  let out = params.map((p) => ({ ...p }));
  const warnings: Text[] = [];
  let appSn: string | undefined;
  let rootSn: string | undefined;
  if (certs.app) {
    const r = certSn(certs.app.bytes, certs.app.source);
    appSn = r.sn;
    const w = validityWarning(r.cert, now);
    if (w) warnings.push(w);
    out = setParam(out, APP_CERT_SN_PARAM, appSn);
  }
  if (certs.root) {
    const r = rootCertSn(certs.root.bytes, certs.root.source);
    rootSn = r.sn;
    for (const c of r.certs) {
      const w = c.used ? validityWarning(c.cert, now) : undefined;
      if (w) warnings.push(w);
    }
    out = setParam(out, ROOT_CERT_SN_PARAM, rootSn);
  }
  return { params: out, appCertSn: appSn, rootCertSn: rootSn, warnings };
}
