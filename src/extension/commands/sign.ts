/**
 * Alipay: Sign Request / Verify Signature / Show Pre-sign String.
 * Loaded on first use (it pulls in charset/iconv-lite, the doctor and the
 * catalog); src/extension/commands.ts registers thin stubs at activation.
 *
 * Each command takes optional arguments so tests and other features can
 * drive it without quick picks, and returns its result:
 *   alipay.signRequest({ text?, profile?, action?: 'copy'|'replace'|'open'|'presign'|'return', fill? })
 *       → SignOutcome | undefined   (fill: add partner/_input_charset from the
 *         profile where missing; default: setting alipay.sign.fillMissingParameters)
 *   alipay.verifySignature({ text?, profile? }) → VerifyOutcome | undefined
 *   alipay.showPresignString({ text?, open? }) → string | undefined
 * Without arguments they read the editor (see ../editorInput) and ask.
 */
import * as vscode from 'vscode';
import { service } from '../../core/catalog/services';
import { Charset } from '../../core/charset';
import { describeFinding, diagnose } from '../../core/doctor';
import { contextSummary } from '../../core/contextSummary';
import { ParsedInput, Param, writeLineValue, buildUrl, getParam, parseInput, serializeQuery, setParam } from '../../core/params';
import { Profile, checkKeyHost } from '../../core/profile';
import { localize } from '../../core/i18n';
import { MAPI_CHARSET_PARAM, carriedSign, isSignatureParam } from '../../core/protocol';
import { signOrderString, variantContent } from '../../core/variants';
import { charsetParamToFill, detectVariant, profileCharset, resolveContext, verifyingKeyRole } from '../../core/resolve';
import { ALIPAY_CERT_SN_PARAM, keysForCert, SIGN_TEXTS, verifyMessage } from '../../core/response/signature';
import { SignType, VerifyingKey, normalizeSignType, signParams } from '../../core/sign';
import { isOpenApiJson } from '../../core/response/fromOpenApi';
import { EditorInput, replaceInput, scopeLabel, takeInput } from '../editorInput';
import { userLang } from '../l10n';
import { openReadOnly } from '../readOnlyDoc';
import { alipayCertKeys, withProfileCertSns } from '../profileCerts';
import { getProfile, getSecret, log, reportError, requireSigningKey, requireVerifyingKey } from '../shared';
import { ToolkitError } from '../../core/i18n';

export type SignAction = 'copy' | 'replace' | 'open' | 'presign' | 'return';

export interface SignArgs {
  text?: string;
  profile?: string;
  action?: SignAction;
  fill?: boolean;
  /** Tests only: answer the production question with "don't open" without showing it. */
  declineProduction?: boolean;
}

export interface SignOutcome {
  profile: string;
  signType: SignType;
  charset: Charset;
  presign: string;
  sign: string;
  /** Gateway URL with every parameter, sign and sign_type included. */
  url: string;
  /** The signed request in the input's own shape (URL, query, JSON or lines). */
  text: string;
  params: Param[];
  action: SignAction;
  /** The URL goes to a production gateway (core/protocol isProduction): opening it asks first. */
  production: boolean;
  /** Resolver warnings in the user's language (e.g. _input_charset not set with non-ASCII text). */
  warnings: string[];
  /** For 'open': whether the browser was asked to open it (false when production was declined). */
  opened?: boolean;
}

function noInput(): undefined {
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a request (URL, query string, JSON or name=value lines) or select one, then run the command again.'));
  return undefined;
}

function resolveProfile(name?: string): Profile {
  const p = getProfile(name);
  if (!p) throw new ToolkitError('UNKNOWN_PROFILE', { en: 'There is no Alipay profile named "{name}"', zh: '没有名为 "{name}" 的支付宝配置' }, { name: name ?? '' });
  return p;
}

/** Parses with the charset the input declares (core/params: _input_charset, else charset), else the profile's. */
function parseWithProfile(text: string, profile: Profile): ParsedInput {
  return parseInput(text, { charsetFor: () => profileCharset(profile) });
}

/** The signed request written back in the shape it came in. */
function reshape(input: string, parsed: ParsedInput, params: Param[], url: string): string {
  switch (parsed.kind) {
    case 'url':
      return url;
    case 'query':
      return serializeQuery(params, parsed.charset);
    case 'json': {
      const original = JSON.parse(input.trim().replace(/^\uFEFF/, '')) as Record<string, unknown>;
      const out: Record<string, unknown> = { ...original };
      for (const p of params) if (!(p.name in original) || isSignatureParam(p.name)) out[p.name] = p.value;
      return JSON.stringify(out, null, input.trim().includes('\n') ? 2 : undefined);
    }
    case 'order':
      // mobile.securitypay: the signed order string (there is no gateway URL).
      return url;
    case 'lines': {
      const eol = input.includes('\r\n') ? '\r\n' : '\n';
      const done = new Set<string>();
      const lines = input.replace(/\s+$/, '').split(/\r?\n/).map((line) => {
        const m = /^(\s*)([^=#\s][^=]*?)(\s*=\s*)(.*)$/.exec(line);
        if (!m) return line;
        const p = params.find((q) => q.name === m[2].trim());
        if (!p) return line;
        done.add(p.name);
        return `${m[1]}${m[2]}${m[3]}${writeLineValue(p.value)}`;
      });
      for (const p of params) if (!done.has(p.name)) lines.push(`${p.name}=${writeLineValue(p.value)}`);
      return lines.join(eol) + eol;
    }
  }
}

export async function signRequest(args: SignArgs = {}): Promise<SignOutcome | undefined> {
  try {
    const input = takeInput(args);
    if (!input || input.text.trim() === '') return noInput();
    const profile = resolveProfile(args.profile);
    const parsed = parseWithProfile(input.text, profile);
    const fill = args.fill ?? vscode.workspace.getConfiguration('alipay').get<boolean>('sign.fillMissingParameters', true);
    let params = parsed.params;
    if (fill) {
      if (profile.partner && getParam(params, 'partner') === undefined) params = setParam(params, 'partner', profile.partner);
      // OpenAPI profiles name the app with app_id, not partner.
      if (profile.appId && getParam(params, 'method') !== undefined && getParam(params, 'app_id') === undefined) params = setParam(params, 'app_id', profile.appId);
      // _input_charset for MAPI, charset for OpenAPI: core decides by the request's family.
      const charsetParam = charsetParamToFill(params, parsed.kind);
      if (charsetParam) params = setParam(params, charsetParam, parsed.charset);
    }
    // The one resolver: sign type (sign_type / sec_id, else the profile's), production, the charset warning.
    const gatewayUrl = parsed.gateway ?? profile.gateway;
    const ctx = resolveContext({ params, kind: parsed.kind, profile, gateway: gatewayUrl });
    const signType = ctx.signType.value;
    // A production profile's stored key signs only for that profile's own gateway host.
    const foreign = parsed.kind === 'order' ? undefined : checkKeyHost(profile, gatewayUrl);
    if (foreign) throw new ToolkitError('KEY_HOST', foreign);
    const key = await requireSigningKey(profile, signType);
    if (!key) return undefined;
    const order = parsed.kind === 'order' ? signOrderString(params, signType, key, parsed.charset) : undefined;
    const signed = order
      ? { presign: order.content, sign: order.sign, params: [...params.filter((p) => !isSignatureParam(p.name)), { name: 'sign', value: order.sign }, { name: 'sign_type', value: signType }] }
      : signParams(withProfileCertSns(profile, params, ctx.family.value), signType, key, parsed.charset);
    const url = order ? order.orderString : buildUrl(parsed.gateway ?? profile.gateway, signed.params, parsed.charset);
    const outcome: SignOutcome = {
      profile: profile.name,
      signType,
      charset: parsed.charset,
      presign: signed.presign,
      sign: signed.sign,
      url,
      text: reshape(input.text, parsed, signed.params, url),
      params: signed.params,
      action: args.action ?? 'return',
      production: ctx.production.value && parsed.kind !== 'order',
      warnings: ctx.warnings.map((w) => localize(w.text, userLang(), w.args)),
    };
    if (ctx.warnings.length > 0) {
      // Non-ASCII text without _input_charset: signed as UTF-8 bytes, read by the gateway as GBK. The fix signs again with it set.
      const fix = vscode.l10n.t('Add _input_charset=utf-8 and sign again');
      void vscode.window.showWarningMessage(outcome.warnings[0], fix).then((pick) => {
        if (pick === fix) void signRequest({ ...args, action: undefined, text: serializeQuery(setParam(params, MAPI_CHARSET_PARAM, 'utf-8'), 'utf-8') });
      });
    }
    log.info(`Signed ${getParam(params, 'service') ?? 'a request'} with profile ${profile.name} (${signType}, ${parsed.charset}); pre-sign string: ${signed.presign}`);
    const action = args.action ?? (await askAction(input, outcome, getParam(params, 'service')));
    if (!action) return undefined;
    outcome.action = action;
    await perform(action, input, outcome, args);
    return outcome;
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not sign the request'));
    return undefined;
  }
}

async function askAction(input: EditorInput, outcome: SignOutcome, serviceName: string | undefined): Promise<SignAction | undefined> {
  const isPage = serviceName ? service(serviceName)?.kind === 'page' : false;
  type Item = vscode.QuickPickItem & { action: SignAction };
  const items: Item[] = [
    { label: `$(copy) ${vscode.l10n.t('Copy signed URL')}`, description: outcome.url.length > 80 ? outcome.url.slice(0, 77) + '…' : outcome.url, action: 'copy' },
  ];
  if (input.editor) items.push({ label: `$(replace) ${vscode.l10n.t('Replace {0} with the signed request', scopeLabel(input.scope))}`, action: 'replace' });
  const open: Item = {
    label: `$(link-external) ${vscode.l10n.t('Open in browser')}`,
    description: isPage ? vscode.l10n.t('page service: the browser shows Alipay\'s page') : vscode.l10n.t('sends the request to {0}', outcome.url.split('?')[0]),
    action: 'open',
  };
  if (isPage) items.splice(1, 0, open);
  else items.push(open);
  items.push({ label: `$(list-flat) ${vscode.l10n.t('Show pre-sign string')}`, description: outcome.presign.length > 80 ? outcome.presign.slice(0, 77) + '…' : outcome.presign, action: 'presign' });
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Signed with profile {0} ({1}, {2})', outcome.profile, outcome.signType, outcome.charset),
    placeHolder: vscode.l10n.t('What to do with the signed request?'),
  });
  return pick?.action;
}

/** Opening a production-signed URL sends a real-money request: a modal question, "Don't Open" first. */
async function confirmOpenProduction(outcome: SignOutcome, args: SignArgs): Promise<boolean> {
  if (!outcome.production) return true;
  const host = outcome.url.split('?')[0];
  if (args.declineProduction === true) {
    log.info(`Open in browser of a request to production ${host}: declined, nothing opened`);
    return false;
  }
  const stay = vscode.l10n.t("Don't Open");
  const go = vscode.l10n.t('Open production URL');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Open this signed request to the production gateway in the browser?'),
    { modal: true, detail: vscode.l10n.t('{0} is a real-money gateway (profile {1}). Nothing is opened unless you confirm.', host, outcome.profile) },
    stay,
    go,
  );
  if (answer !== go) log.info(`Open in browser of a request to production ${host}: declined, nothing opened`);
  return answer === go;
}

async function perform(action: SignAction, input: EditorInput, outcome: SignOutcome, args: SignArgs = {}): Promise<void> {
  switch (action) {
    case 'copy':
      await vscode.env.clipboard.writeText(outcome.url);
      void vscode.window.showInformationMessage(vscode.l10n.t('Signed URL copied ({0}, profile {1}).', outcome.signType, outcome.profile));
      return;
    case 'replace':
      if (!(await replaceInput(input, outcome.text))) await openText(outcome.text);
      return;
    case 'open':
      outcome.opened = await confirmOpenProduction(outcome, args);
      if (!outcome.opened) return;
      // The string as-is: the extension host's openUri takes a string verbatim, while a parsed
      // Uri is re-encoded on the way (`+` becomes %2B, GBK bytes change) and the sign breaks.
      await vscode.env.openExternal(outcome.url as unknown as vscode.Uri);
      return;
    case 'presign':
      await openText(outcome.presign);
      return;
    case 'return':
      return;
  }
}

/** A pre-sign string as a read-only document (nothing to save). */
async function openText(content: string): Promise<void> {
  await openReadOnly('presign.txt', content);
}

// ---- verify ---------------------------------------------------------------

export interface VerifyOutcome {
  valid: boolean;
  profile: string;
  signType: SignType;
  charset: Charset;
  presign: string;
  /** Whose key verified (or was tried): Alipay's (notifications, returns) or the merchant's (signed requests). */
  signer: 'alipay' | 'merchant';
  /** The doctor's findings in the user's language (empty when valid or unexplained). */
  findings: string[];
  /** Doctor finding ids, e.g. 'wrong-charset'. */
  findingIds: string[];
  hints: string[];
  /** Certificate mode: the SN of the profile's Alipay certificate that was used (picked by alipay_cert_sn). */
  certSn?: string;
  /** Certificate mode: that certificate is expired or not yet valid (with the dates), in the user's language. */
  certWarning?: string;
  /** What it was checked as, each decision with where it came from (core/contextSummary), in the user's language. */
  checkedAs: string;
}

/** What Verify Signature returns for text that carries no `sign`: nothing was checked. */
export interface NothingToVerify {
  nothingToVerify: true;
}

export async function verifySignature(args: { text?: string; profile?: string } = {}): Promise<VerifyOutcome | NothingToVerify | undefined> {
  try {
    const input = takeInput(args);
    if (!input || input.text.trim() === '') return noInput();
    const profile = resolveProfile(args.profile);
    // An OpenAPI answer is signed over its …_response node as sent: the response rule, not the parameter rule.
    if (isOpenApiJson(input.text.trim())) return await verifyOpenApiAnswer(input.text, profile);
    const parsed = parseWithProfile(input.text, profile);
    if (carriedSign(parsed.params) === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no sign parameter in {0}: nothing to verify.', input.scope === 'argument' ? vscode.l10n.t('the text') : scopeLabel(input.scope)));
      return { nothingToVerify: true };
    }
    // Variant, sign type, charset and whose key: the one resolver's decisions (with their evidence), as in the CLI and the hover.
    const ctx = resolveContext({ params: parsed.params, kind: parsed.kind, profile, gateway: parsed.gateway ?? profile.gateway });
    const variant = ctx.variant.value;
    const signType = ctx.signType.value;
    const role = verifyingKeyRole(variant, signType);
    const signer = role.verify === 'merchantPublicKey' ? 'merchant' : 'alipay';
    let key: VerifyingKey | undefined;
    const merchantPrivateKey = signType === 'MD5' ? undefined : await getSecret(profile, 'privateKey');
    const alipayPublicKey = signType === 'MD5' ? undefined : await getSecret(profile, 'alipayPublicKey');
    // Certificate mode: Alipay's key is that of the profile's certificate named by alipay_cert_sn (core keysForCert).
    const certs = signer === 'alipay' && signType !== 'MD5' ? alipayCertKeys(profile) : {};
    let certSn: string | undefined;
    if (signer === 'merchant') {
      if (merchantPrivateKey) key = { publicKey: merchantPrivateKey };
      else await requireSigningKey(profile, signType);
    } else if (certs.alipayCerts || certs.alipayCertProblem) {
      const picked = keysForCert(certs, getParam(parsed.params, ALIPAY_CERT_SN_PARAM) || undefined);
      if (picked.problem || !picked.keys.publicKey) throw new ToolkitError('CANNOT_VERIFY', picked.problem ?? SIGN_TEXTS.noPublicKey);
      key = { publicKey: picked.keys.publicKey };
      certSn = picked.sn;
    } else key = await requireVerifyingKey(profile, signType);
    if (!key) return undefined;

    const view = verifyMessage({
      params: parsed.params,
      charset: parsed.charset,
      variant,
      signType,
      keys: { ...('md5Key' in key ? { md5Key: key.md5Key } : { publicKey: key.publicKey }), merchantPrivateKey, ...certs },
    });
    if (view.verdict === 'error' || view.verdict === 'noKey') throw new ToolkitError('CANNOT_VERIFY', view.reason ?? { en: 'The signature cannot be checked', zh: '无法验证签名' });
    const q = input.text.trim().indexOf('?');
    const rawQuery = parsed.kind === 'query' ? input.text.trim() : parsed.kind === 'url' && q >= 0 ? input.text.trim().slice(q + 1) : undefined;
    const result =
      view.verdict === 'valid'
        ? { valid: true, presign: view.content ?? '', findings: [], hints: [] }
        : diagnose({
            params: parsed.params,
            signType,
            charset: parsed.charset,
            key,
            rawQuery,
            merchantPrivateKey,
            alipayPublicKey: alipayPublicKey ?? (certSn && 'publicKey' in key ? key.publicKey : undefined),
            gateway: parsed.gateway ?? profile.gateway,
            variant,
            context: ctx,
          });
    const lang = userLang();
    const outcome: VerifyOutcome = {
      valid: view.verdict === 'valid',
      profile: profile.name,
      signType,
      charset: parsed.charset,
      presign: result.presign,
      signer,
      findings: result.findings.map((f) => describeFinding(f, lang)),
      findingIds: result.findings.map((f) => f.id),
      hints: result.hints.map((f) => describeFinding(f, lang)),
      certSn,
      certWarning: view.certWarning?.[lang],
      checkedAs: contextSummary(ctx, { full: true })[lang],
    };
    if (outcome.certWarning) {
      log.warn(outcome.certWarning);
      void vscode.window.showWarningMessage(outcome.certWarning);
    }
    const whose =
      signer === 'merchant'
        ? vscode.l10n.t('your merchant key')
        : signType === 'MD5'
          ? vscode.l10n.t('the MD5 key')
          : certSn
            ? vscode.l10n.t("Alipay's certificate {0}", certSn)
            : vscode.l10n.t("Alipay's public key");
    if (outcome.valid) {
      log.info(`Signature valid (${signType}, profile ${profile.name}); checked as ${outcome.checkedAs}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Signature valid: {0}, checked with {1} of profile {2}.', signType, whose, profile.name));
    } else {
      const why = outcome.findings[0] ?? (outcome.hints.length ? outcome.hints.join(' ') : vscode.l10n.t('No known mistake explains it: check that the key belongs to this profile and that nothing changed the parameters.'));
      log.warn(`Signature INVALID (${signType}, profile ${profile.name}); checked as ${outcome.checkedAs}. Pre-sign string: ${result.presign}. ${[...outcome.findings, ...outcome.hints].join(' ')}`);
      const show = vscode.l10n.t('Show pre-sign string');
      void vscode.window.showWarningMessage(vscode.l10n.t('Signature invalid ({0}, profile {1}): {2} Checked as: {3}.', signType, profile.name, why, outcome.checkedAs), show).then((c) => {
        if (c === show) void openText(result.presign);
      });
    }
    return outcome;
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not verify the signature'));
    return undefined;
  }
}

/**
 * Verify Signature on an OpenAPI JSON answer: the one response verification
 * (core decodeResponse, as the preview and CLI decode), with the profile's
 * Alipay public key or, in certificate mode, the certificate alipay_cert_sn names.
 */
async function verifyOpenApiAnswer(text: string, profile: Profile): Promise<VerifyOutcome | NothingToVerify | undefined> {
  const certs = alipayCertKeys(profile);
  const publicKey = await getSecret(profile, 'alipayPublicKey');
  if (!publicKey && !certs.alipayCerts && !certs.alipayCertProblem) {
    await requireVerifyingKey(profile, 'RSA2');
    return undefined;
  }
  const { decodeResponse } = await import('../../core/response');
  const sig = decodeResponse(text, { publicKey, aesKey: await getSecret(profile, 'aesKey'), ...certs }).signature;
  const lang = userLang();
  if (!sig.present) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no sign parameter in {0}: nothing to verify.', vscode.l10n.t('the text')));
    return { nothingToVerify: true };
  }
  if (sig.verdict !== 'valid' && sig.verdict !== 'invalid') throw new ToolkitError('CANNOT_VERIFY', sig.reason ?? { en: 'The signature cannot be checked', zh: '无法验证签名' });
  const signType = normalizeSignType(sig.type ?? 'RSA2');
  const outcome: VerifyOutcome = {
    valid: sig.verdict === 'valid',
    profile: profile.name,
    signType,
    charset: sig.charset,
    presign: sig.content ?? '',
    signer: 'alipay',
    findings: sig.verdict === 'invalid' && sig.reason ? [sig.reason[lang]] : [],
    findingIds: [],
    hints: [],
    certSn: sig.certSn,
    certWarning: sig.certWarning?.[lang],
    // The response rule (core/response's note: the node as received), not a parameter variant.
    checkedAs: [signType, sig.charset.toUpperCase(), sig.note?.[lang]].filter(Boolean).join(' · '),
  };
  if (outcome.certWarning) {
    log.warn(outcome.certWarning);
    void vscode.window.showWarningMessage(outcome.certWarning);
  }
  const whose = sig.certSn ? vscode.l10n.t("Alipay's certificate {0}", sig.certSn) : vscode.l10n.t("Alipay's public key");
  if (outcome.valid) {
    log.info(`Signature valid (${signType}, profile ${profile.name})`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signature valid: {0}, checked with {1} of profile {2}.', signType, whose, profile.name));
  } else {
    log.warn(`Signature INVALID (${signType}, profile ${profile.name}). Content: ${outcome.presign}. ${outcome.findings.join(' ')}`);
    const show = vscode.l10n.t('Show pre-sign string');
    void vscode.window.showWarningMessage(vscode.l10n.t('Signature invalid ({0}, profile {1}): {2} Checked as: {3}.', signType, profile.name, outcome.findings[0] ?? '', outcome.checkedAs), show).then((c) => {
      if (c === show) void openText(outcome.presign);
    });
  }
  return outcome;
}

// ---- pre-sign string ------------------------------------------------------

export async function showPresignString(args: { text?: string; open?: boolean } = {}): Promise<string | undefined> {
  try {
    const input = takeInput(args);
    if (!input || input.text.trim() === '') return noInput();
    const parsed = parseInput(input.text);
    const variant = detectVariant(parsed.params, parsed.kind).value;
    const presign = variantContent(variant, parsed.params);
    log.info(`Pre-sign string: ${presign}`);
    // Values are signed byte for byte: a value beginning or ending with whitespace is marked below the string.
    const marks = parsed.params
      .filter((p) => !isSignatureParam(p.name) && /^\s|\s$/.test(p.value))
      .map((p) => vscode.l10n.t('Note: the value of "{0}" begins or ends with whitespace, and is signed with it: [{1}]', p.name, p.value.replace(/ /g, '␠').replace(/\t/g, '⇥')));
    if (args.open ?? args.text === undefined) await openText(marks.length ? `${presign}\n\n${marks.join('\n')}\n` : presign);
    return presign;
  } catch (e) {
    reportError(e, vscode.l10n.t('Could not build the pre-sign string'));
    return undefined;
  }
}
