// From one request of a `.alipay` file to what goes on the wire: which
// gateway, which profile's variables and keys, which sign type and charset,
// the signed parameters, the pre-sign string and the signed URL. Shared by the
// CLI and the extension so both send exactly the same bytes.
import type { Charset } from './charset';
import { service as serviceDef, type ServiceKind } from './catalog';
import { buildHttpRequest } from './gateway';
import { format, isToolkitError, ToolkitError, type Text } from './i18n';
import { getParam, type Param } from './params';
import { checkGateway, checkKeyHost, type Profile } from './profile';
import { charsetParamToFill, resolveContext, type ProtocolContext } from './resolve';
import { parseRequestFile, resolveRequest, type Method, type ParsedFile, type ParsedRequest, type Problem, type ResolveContext } from './requestFile';
import { signParams, type SignType, type SigningKey } from './sign';

export interface PrepareOptions extends Omit<ResolveContext, 'profile'> {
  /** Every profile a request line may name. */
  profiles: readonly Profile[];
  /** The profile used when the request names none (or names a URL): the active one, or the CLI's --profile. */
  defaultProfile: Profile;
  /** Use this profile whatever the request line says (CLI --profile). */
  forceProfile?: boolean;
  /** Send here whatever the request line says (CLI --gateway: CI against the emulator). */
  gatewayOverride?: string;
  /** Extra variables (CLI --var NAME=VALUE); they win over the profile's. */
  vars?: Record<string, string>;
}

export interface PreparedRequest {
  index: number;
  name?: string;
  method: Method;
  gateway: string;
  /** The profile whose variables and keys apply. */
  profile: Profile;
  production: boolean;
  service?: string;
  serviceKind?: ServiceKind;
  signType: SignType;
  charset: Charset;
  /** Resolved, unsigned parameters (what the file says, variables filled). */
  params: Param[];
  /** The resolver's decisions (variant, sign type, charset, production…), each with where it came from. */
  context: ProtocolContext;
}

export interface SignedRequest extends PreparedRequest {
  presign: string;
  sign: string;
  /** Parameters with sign and sign_type. */
  signed: Param[];
  /** The full GET URL (what "Open in browser" and "Copy signed URL" use). */
  url: string;
}

const T = (en: string, zh: string): Text => ({ en, zh });

function problemError(index: number, p: Problem, count: number): ToolkitError {
  const more = count > 1 ? { en: ` (and ${count - 1} more)`, zh: `（另有 ${count - 1} 个问题）` } : { en: '', zh: '' };
  return new ToolkitError('REQUEST_INVALID', {
    en: `Request ${index} cannot be sent: ${format(p.text.en, p.args)}${more.en}`,
    zh: `第 ${index} 个请求无法发送：${format(p.text.zh, p.args)}${more.zh}`,
  });
}

/** The variables a profile offers to `{{name}}`. */
export function profileVariables(profile: Profile, extra: Record<string, string> = {}): Record<string, string> {
  const vars: Record<string, string> = {};
  if (profile.partner) vars.partner = profile.partner;
  if (profile.appId) vars.app_id = profile.appId;
  vars.profile = profile.name;
  vars.gateway = profile.gateway;
  return { ...vars, ...extra };
}

function findProfile(profiles: readonly Profile[], name: string): Profile | undefined {
  return profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
}

/** Picks the request by its 1-based number; a clear error when there is none. */
export function pickRequest(file: ParsedFile, n: number | undefined): ParsedRequest {
  if (file.requests.length === 0) throw new ToolkitError('NO_REQUESTS', T('The file has no request (a request starts with "GET <profile or URL>" or "POST …")', '文件中没有请求（请求以 "GET <配置或 URL>" 或 "POST …" 开头）'));
  const index = n ?? 1;
  const r = file.requests.find((x) => x.index === index);
  if (!r) throw new ToolkitError('NO_SUCH_REQUEST', T('There is no request {n}: the file has {count}', '没有第 {n} 个请求：文件中共有 {count} 个'), { n: index, count: file.requests.length });
  return r;
}

/** Resolves a request: the profile, the gateway, variables, sign type and charset. Throws one ToolkitError naming the first problem. */
export function prepareRequest(file: ParsedFile | string, request: ParsedRequest | number | undefined, options: PrepareOptions): PreparedRequest {
  const parsed = typeof file === 'string' ? parseRequestFile(file) : file;
  const req = typeof request === 'object' ? request : pickRequest(parsed, request);
  const own = parsed.problems.filter((p) => p.severity === 'error' && p.span.line >= req.startLine && p.span.line <= req.endLine);
  if (own.length > 0) throw problemError(req.index, own[0], own.length);
  if (req.method === undefined) throw new ToolkitError('NO_REQUEST_LINE', T('Request {n} has no "GET …" or "POST …" line', '第 {n} 个请求缺少 "GET …" 或 "POST …" 行'), { n: req.index });

  // Which profile supplies variables and keys: the named one, else the default.
  let profile = options.defaultProfile;
  const rawTarget = req.target.trim();
  const targetIsUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(rawTarget) || rawTarget.includes('{{');
  if (!options.forceProfile && rawTarget !== '' && !targetIsUrl) {
    const named = findProfile(options.profiles, rawTarget);
    if (!named && !options.gatewayOverride) {
      throw new ToolkitError('UNKNOWN_PROFILE', T('Request {n} names the profile "{name}", which does not exist (profiles: {names})', '第 {n} 个请求指定的配置 "{name}" 不存在（现有配置：{names}）'), {
        n: req.index,
        name: rawTarget,
        names: options.profiles.map((p) => p.name).join(', '),
      });
    }
    if (named) profile = named;
  }
  const resolved = resolveRequest(parsed, req, { ...options, profile: profileVariables(profile, options.vars) });
  if (resolved.problems.length > 0) throw problemError(req.index, resolved.problems[0], resolved.problems.length);

  let gateway = profile.gateway;
  if (!options.forceProfile && /^[a-z][a-z0-9+.-]*:\/\//i.test(resolved.target)) gateway = resolved.target;
  if (options.gatewayOverride) gateway = options.gatewayOverride;
  const why = checkGateway(gateway);
  if (why) throw new ToolkitError('BAD_GATEWAY', { en: `Request {n}: ${why.en}`, zh: `第 {n} 个请求：${why.zh}` }, { n: req.index, url: gateway });

  // A production profile's keys sign only for its own gateway host (an explicit CLI --gateway brings its own key files).
  const foreign = options.gatewayOverride ? undefined : checkKeyHost(profile, gateway);
  if (foreign) throw new ToolkitError('KEY_HOST', { en: `Request {n}: ${foreign.en}`, zh: `第 {n} 个请求：${foreign.zh}` }, { n: req.index });
  let params = resolved.params;
  // Every request names its charset (MAPI: _input_charset, in the query string; OpenAPI: charset): else the profile's.
  const fillName = charsetParamToFill(params.filter((p) => p.value !== ''));
  if (fillName) params = [...params.filter((p) => p.name !== fillName), { name: fillName, value: profile.charset || 'utf-8' }];
  // The one resolver decides sign type (# @sign-type, then sec_id, then the profile), charset and production.
  let context: ProtocolContext;
  try {
    context = resolveContext({ params, gateway, profile: { name: profile.name, gateway: profile.gateway, signType: profile.signType, charset: profile.charset, production: profile.production }, signType: resolved.signType, signTypeFrom: T('from # @sign-type', '来自 # @sign-type') });
  } catch (e) {
    if (!isToolkitError(e)) throw e;
    throw new ToolkitError(e.code, { en: `Request {n}: ${e.text.en}`, zh: `第 {n} 个请求：${e.text.zh}` }, { ...e.args, n: req.index });
  }
  const service = getParam(params, 'service');
  return {
    index: req.index,
    name: req.name,
    method: resolved.method,
    gateway,
    profile,
    // Real money: an alipay.com gateway, or a profile marked production whatever its URL says.
    production: context.production.value,
    service,
    serviceKind: service ? serviceDef(service)?.kind : undefined,
    signType: context.signType.value,
    charset: context.charset.value,
    params,
    context,
  };
}

/** Signs a prepared request with the core signing rule and builds its URL. */
export function signPrepared(prepared: PreparedRequest, key: SigningKey): SignedRequest {
  const r = signParams(prepared.params, prepared.signType, key, prepared.charset);
  const { url } = buildHttpRequest(prepared.gateway, 'GET', r.params, prepared.charset);
  return { ...prepared, presign: r.presign, sign: r.sign, signed: r.params, url };
}
