// The one resolver (architecture.md): parameters + context (profile, flags) →
// family, variant, sign type, charset, gateway, production, signer and content
// rule, each with where it came from. Front ends and the emulator ask it; they
// never re-decide. Facts come from core/protocol; only ToolkitError escapes.
import { Charset, normalizeCharset } from './charset';
import { Text, ToolkitError } from './i18n';
import type { InputKind, Param } from './params';
import {
  DEFAULT_CHARSET,
  FAMILIES,
  MAPI_CHARSET_PARAM,
  OPENAPI_CHARSET_PARAM,
  SIGN_TYPE_PARAM,
  VARIANTS,
  WAP_SIGN_TYPE_PARAM,
  isProduction,
  isSignParam,
  isSignTypeParam,
  type ContentRule,
  type Family,
  type VariantId,
} from './protocol';
import { SignType, normalizeSignType } from './sign';

/** A decided value and where it came from ("from `_input_charset`", "profile Sandbox", "gateway default GBK"). */
export interface Decided<T> {
  value: T;
  from: Text;
}

/** What a profile contributes (core/profile's Profile has it). */
export interface ProfileContext {
  name: string;
  gateway?: string;
  signType?: string;
  charset?: string;
  production?: boolean;
}

export interface ResolveInput {
  params: readonly Param[];
  /** The shape the parameters came in (core/params): `order` is a mobile.securitypay order string. */
  kind?: InputKind;
  /** The gateway the input named (a URL input's `scheme://host/path`), or the --gateway flag. */
  gateway?: string;
  profile?: ProfileContext;
  /** Flags, which win over everything: --sign-type, --charset, --variant. */
  signType?: string;
  charset?: string;
  variant?: string;
  /** Where `signType` was written when not the --sign-type flag (a request file's `# @sign-type`). */
  signTypeFrom?: Text;
}

export interface Warning {
  code: 'CHARSET_NOT_DECLARED';
  text: Text;
  args: Record<string, string>;
}

export interface ProtocolContext {
  family: Decided<Family>;
  variant: Decided<VariantId>;
  signType: Decided<SignType>;
  /** The charset whose bytes are signed and verified. */
  charset: Decided<Charset>;
  /** The charset the gateway will read the request as (MAPI without `_input_charset`: GBK). */
  gatewayCharset: Decided<Charset>;
  params: readonly Param[];
  gateway?: Decided<string>;
  production: Decided<boolean>;
  signer: Decided<'merchant' | 'alipay'>;
  contentRule: Decided<ContentRule>;
  warnings: Warning[];
}

const T = (en: string, zh: string): Text => ({ en, zh });
const fill = (t: Text, args: Record<string, string>): Text => ({
  en: t.en.replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m),
  zh: t.zh.replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m),
});

function get(params: readonly Param[], name: string): string | undefined {
  return params.find((p) => p.name === name)?.value;
}

const VARIANT_IDS = Object.keys(VARIANTS) as VariantId[];

/**
 * Markers that contradict each other or miss their partner: the signature would
 * be checked by the wrong rule, so the user is told which parameter to fix
 * (inputs without any marker stay MAPI requests, as the published vectors are).
 */
function refuseContradictions(params: readonly Param[], method: string | undefined, service: string | undefined): void {
  const has = (n: string) => params.some((p) => p.name === n);
  const wap = has(WAP_SIGN_TYPE_PARAM) ? WAP_SIGN_TYPE_PARAM : has('notify_data') ? 'notify_data' : undefined;
  const openapi = has('app_id') ? 'app_id' : method !== undefined ? 'method' : undefined;
  const refuse = (code: string, text: Text, args: Record<string, string> = {}): never => {
    throw new ToolkitError(code, text, args);
  };
  if (wap && openapi) {
    refuse('CONTRADICTORY_VARIANT', T('"{wap}" (WAP 2.0) and "{openapi}" (OpenAPI) are both present: remove the one that does not belong', '同时出现 "{wap}"（WAP 2.0）和 "{openapi}"（OpenAPI）：请删除不属于该报文的一个'), { wap, openapi });
  }
  if (has('app_id') && service !== undefined) {
    refuse('CONTRADICTORY_VARIANT', T('"app_id" (OpenAPI) and "service" (MAPI) are both present: remove the one that does not belong (OpenAPI names the call in "method")', '同时出现 "app_id"（OpenAPI）和 "service"（MAPI）：请删除不属于该报文的一个（OpenAPI 用 "method" 指定接口）'));
  }
  if (method !== undefined && !has('app_id')) {
    refuse('MISSING_APP_ID', T('"method" ({method}) names an OpenAPI call but "app_id" is missing: add app_id=<your app id>', '"method"（{method}）表示 OpenAPI 接口，但缺少 "app_id"：请加上 app_id=<应用 ID>'), { method: method.slice(0, 60) });
  }
  if (has('notify_data') && !has(WAP_SIGN_TYPE_PARAM)) {
    refuse('MISSING_SEC_ID', T('"notify_data" is a WAP 2.0 notification\'s but "sec_id" is missing: add sec_id=MD5 (or sec_id=0001 for RSA) as Alipay sent it', '"notify_data" 属于 WAP 2.0 异步通知，但缺少 "sec_id"：请按支付宝发来的原样加上 sec_id=MD5（RSA 为 sec_id=0001）'));
  }
  if (has(WAP_SIGN_TYPE_PARAM) && service === undefined) {
    refuse('MISSING_SERVICE', T('"sec_id" is WAP 2.0\'s but "service" is missing: add the service (alipay.wap.…) the message names', '"sec_id" 属于 WAP 2.0，但缺少 "service"：请加上报文对应的 service（alipay.wap.…）'));
  }
}

/** Which variant the parameters are, from their markers (protocol.md "Variants"). */
export function detectVariant(params: readonly Param[], kind?: InputKind, flag?: string): Decided<VariantId> {
  if (flag !== undefined) {
    const id = flag.trim().toLowerCase() as VariantId;
    if (!VARIANT_IDS.includes(id)) {
      throw new ToolkitError(
        'UNKNOWN_VARIANT',
        { en: '--variant: unknown variant "{name}" (use one of {list})', zh: '--variant：未知的报文类型 "{name}"（可用：{list}）' },
        { name: flag.slice(0, 40), list: VARIANT_IDS.join(', ') },
      );
    }
    return { value: id, from: T('from --variant', '来自 --variant') };
  }
  if (kind === 'order') return { value: 'securitypay.order', from: T('quoted values (name="value"): a mobile.securitypay order string', '带引号的值（name="value"）：mobile.securitypay 订单串') };
  const has = (n: string) => params.some((p) => p.name === n);
  const method = get(params, 'method');
  const service = get(params, 'service');
  if (method !== undefined && service !== undefined) {
    throw new ToolkitError(
      'AMBIGUOUS_VARIANT',
      {
        en: 'Both "service" (MAPI) and "method" (OpenAPI) are present: remove the one that does not belong (or say which with --variant)',
        zh: '同时出现 "service"（MAPI）和 "method"（OpenAPI）：请删除不属于该请求的一个（或用 --variant 指定）',
      },
    );
  }
  refuseContradictions(params, method, service);
  if (has(WAP_SIGN_TYPE_PARAM)) {
    if (has('notify_data')) return { value: 'wap.notification', from: T('sec_id and notify_data: a WAP 2.0 notification', 'sec_id 和 notify_data：WAP 2.0 异步通知') };
    return { value: 'wap.request', from: T('sec_id: a WAP 2.0 request', 'sec_id：WAP 2.0 请求') };
  }
  if (has('app_id')) {
    if (method !== undefined && /\.return$/.test(method)) return { value: 'openapi.return', from: fill(T('app_id and method {method}: an OpenAPI return URL', 'app_id 且 method 为 {method}：OpenAPI 同步返回'), { method: method.slice(0, 80) }) };
    if (method !== undefined) return { value: 'openapi.request', from: T('app_id and method: an OpenAPI request', 'app_id 和 method：OpenAPI 请求') };
    return { value: 'openapi.notification', from: T('app_id without method: an OpenAPI notification', '有 app_id 无 method：OpenAPI 异步通知') };
  }
  // Alipay's notifications and return URLs carry no `service` (return URLs name it `exterface`):
  // with one, notify_id is a request's parameter (notify_verify).
  if (service !== undefined) return { value: 'mapi.request', from: T('service: a MAPI request', 'service：MAPI 请求') };
  if (has('notify_id') || has('notify_type')) {
    if (has('is_success')) return { value: 'mapi.return', from: T('is_success and notify_id: a MAPI return URL', 'is_success 和 notify_id：MAPI 同步返回') };
    return { value: 'mapi.notification', from: T('notify_id without app_id: a MAPI notification', '有 notify_id 无 app_id：MAPI 异步通知') };
  }
  if (has('is_success')) return { value: 'mapi.return', from: T('is_success: a MAPI return URL', 'is_success：MAPI 同步返回') };
  return { value: 'mapi.request', from: T('no OpenAPI, WAP or notification markers: a MAPI request', '无 OpenAPI、WAP 或通知标记：MAPI 请求') };
}

/**
 * The charset a profile names, for input that declares none (undefined when it names none);
 * an unknown name is an error naming the profile. The resolver, the parse of what the
 * editor signs, verifies, previews and hovers all take it from here.
 */
export function profileCharset(profile: ProfileContext): Charset | undefined {
  return profile.charset ? normalizeCharset(profile.charset, `profile "${profile.name}" charset`) : undefined;
}

/** The charset: the flag, else `_input_charset` / `charset` (which must agree), else the profile's, else UTF-8 bytes as the toolkit has always signed. */
export function resolveCharset(params: readonly Param[], family: Family, flag?: string, profile?: ProfileContext): { charset: Decided<Charset>; gatewayCharset: Decided<Charset>; declared: boolean } {
  const input = get(params, MAPI_CHARSET_PARAM);
  const other = get(params, OPENAPI_CHARSET_PARAM);
  const inputCs = input ? normalizeCharset(input, MAPI_CHARSET_PARAM) : undefined;
  const otherCs = other ? normalizeCharset(other, OPENAPI_CHARSET_PARAM) : undefined;
  if (inputCs && otherCs && inputCs !== otherCs) {
    throw new ToolkitError(
      'CONFLICTING_CHARSET',
      {
        en: '_input_charset={a} and charset={b} disagree: keep one (_input_charset for MAPI, charset for OpenAPI) or make them equal',
        zh: '_input_charset={a} 与 charset={b} 不一致：只保留一个（MAPI 用 _input_charset，OpenAPI 用 charset），或使两者相同',
      },
      { a: input ?? '', b: other ?? '' },
    );
  }
  const declaredCs = inputCs ?? otherCs;
  const defaultCs = DEFAULT_CHARSET[family];
  const gwDefault: Decided<Charset> = {
    value: defaultCs,
    from: fill(T('gateway default {cs} ({family} without {param})', '网关默认 {cs}（{family} 未给 {param}）'), { cs: defaultCs.toUpperCase(), family: FAMILIES[family].label.en, param: FAMILIES[family].charsetParam }),
  };
  if (flag) {
    const cs = normalizeCharset(flag, '--charset');
    return { charset: { value: cs, from: T('from --charset', '来自 --charset') }, gatewayCharset: declaredCs ? { value: declaredCs, from: T('declared', '已声明') } : gwDefault, declared: declaredCs !== undefined };
  }
  if (declaredCs) {
    const name = inputCs ? MAPI_CHARSET_PARAM : OPENAPI_CHARSET_PARAM;
    const d = { value: declaredCs, from: fill(T('from {name}', '来自 {name}'), { name }) };
    return { charset: d, gatewayCharset: d, declared: true };
  }
  const cs = profile && profileCharset(profile);
  if (profile && cs) {
    return { charset: { value: cs, from: fill(T('profile {name}', '配置 {name}'), { name: profile.name }) }, gatewayCharset: gwDefault, declared: false };
  }
  return { charset: { value: 'utf-8', from: T('not declared: UTF-8 bytes, as the toolkit signs them', '未声明：按 UTF-8 字节签名（工具的一贯做法）') }, gatewayCharset: gwDefault, declared: false };
}

/** The sign type: the flag, else the variant's parameter (sign_type / sec_id), else the profile's, else the family default. */
export function resolveSignType(params: readonly Param[], variant: VariantId, flag?: string, profile?: ProfileContext, flagFrom?: Text): Decided<SignType> {
  if (flag) return { value: normalizeSignType(flag), from: flagFrom ?? T('from --sign-type', '来自 --sign-type') };
  const facts = VARIANTS[variant];
  const p = facts.signTypeParam === WAP_SIGN_TYPE_PARAM ? params.find((x) => x.name === WAP_SIGN_TYPE_PARAM) : params.find((x) => isSignTypeParam(x.name));
  if (p && p.value !== '') {
    if (p.name === WAP_SIGN_TYPE_PARAM && !/^(md5|0001)$/i.test(p.value.trim())) {
      throw new ToolkitError('UNKNOWN_SEC_ID', { en: 'sec_id: unknown value "{value}" (WAP 2.0 uses MD5 or 0001 for RSA)', zh: 'sec_id：未知的值 "{value}"（WAP 2.0 使用 MD5 或 0001 表示 RSA）' }, { value: p.value.slice(0, 20) });
    }
    return { value: normalizeSignType(p.value), from: fill(T('from {name}', '来自 {name}'), { name: p.name }) };
  }
  if (profile?.signType) return { value: normalizeSignType(profile.signType), from: fill(T('profile {name}', '配置 {name}'), { name: profile.name }) };
  const fam = FAMILIES[facts.family];
  return { value: fam.defaultSignType, from: fill(T('{family} default', '{family} 默认'), { family: fam.label.en }) };
}

/** Non-ASCII text signed without a declared charset: the MAPI gateway reads it as GBK (protocol.md). */
export function charsetWarning(params: readonly Param[], family: Family, declared: boolean, charset: Charset): Warning | undefined {
  if (declared || family !== 'mapi' || charset !== 'utf-8') return undefined;
  // eslint-disable-next-line no-control-regex
  const p = params.find((x) => !isSignParam(x.name) && /[^\u0000-\u007f]/.test(x.value));
  if (!p) return undefined;
  return {
    code: 'CHARSET_NOT_DECLARED',
    text: T(
      '_input_charset is not set: "{name}" has non-ASCII text signed as UTF-8 bytes, but the gateway will read it as GBK (garbled); add _input_charset=utf-8 to the request (in the query string, even for POST)',
      '未设置 _input_charset："{name}" 含非 ASCII 文本，按 UTF-8 字节签名，但网关会按 GBK 读取（乱码）；请在请求中加上 _input_charset=utf-8（POST 也要放在查询串中）',
    ),
    args: { name: p.name.slice(0, 60) },
  };
}

/**
 * How a gateway reads a request's text (the emulator's rule, and Alipay's): the
 * family's charset parameter as found in the query string (`queryValue`; one
 * only in a POST body is not read), else the gateway default (MAPI: GBK).
 * An unknown name throws UNKNOWN_CHARSET (the gateway's ILLEGAL_CHARSET).
 */
export function gatewayReadCharset(queryValue: string | undefined, family: Family = 'mapi'): Decided<Charset> {
  if (queryValue === undefined) return GATEWAY_DEFAULT[family];
  return { value: normalizeCharset(queryValue, FAMILIES[family].charsetParam), from: FROM_QUERY[family] };
}

// The evidence depends on the family only, so both are made once: the emulator asks for every request.
const fromQuery = (family: Family): Text => fill(T('from {name} in the query string', '来自查询串中的 {name}'), { name: FAMILIES[family].charsetParam });
const FROM_QUERY: Readonly<Record<Family, Text>> = { mapi: fromQuery('mapi'), openapi: fromQuery('openapi') };
const GATEWAY_DEFAULT: Readonly<Record<Family, Decided<Charset>>> = {
  mapi: { value: DEFAULT_CHARSET.mapi, from: T('gateway default GBK (no _input_charset in the query string)', '网关默认 GBK（查询串中没有 _input_charset）') },
  openapi: { value: DEFAULT_CHARSET.openapi, from: T('gateway default UTF-8 (no charset)', '网关默认 UTF-8（没有 charset）') },
};

/**
 * The sign type a gateway checks a request with: `sign_type` exactly as sent
 * (the last one, as a form reader keeps), which must name one the family's
 * gateway takes (any case; no spaces, no aliases such as 0001). Unlike `resolveSignType` nothing is defaulted:
 * a gateway refuses what it cannot read (the emulator answers ILLEGAL_SIGN_TYPE).
 */
export function gatewaySignType(params: readonly Param[], family: Family = 'mapi'): { signType: SignType } | { refused: 'missing' | 'unknown'; value: string } {
  let value = '';
  for (let i = params.length - 1; i >= 0; i--) {
    if (params[i].name === SIGN_TYPE_PARAM) {
      value = params[i].value;
      break;
    }
  }
  if (value === '') return { refused: 'missing', value };
  const accepted = FAMILIES[family].gatewaySignTypes as readonly string[];
  // The family's own constant is returned (the emulator keys its answer cache with it);
  // upper-casing (a runtime call) only for a name not sent in upper case.
  let i = accepted.indexOf(value);
  if (i < 0) i = accepted.indexOf(value.toUpperCase());
  return i >= 0 ? { signType: accepted[i] as SignType } : { refused: 'unknown', value };
}

/**
 * The charset parameter to add to a request that declares none: `_input_charset`
 * for MAPI, `charset` for OpenAPI (by the family its parameters are).
 * Undefined when it already declares one the gateway reads.
 */
export function charsetParamToFill(params: readonly Param[], kind?: InputKind): string | undefined {
  let family: Family = 'mapi';
  try {
    family = VARIANTS[detectVariant(params, kind).value].family;
  } catch {
    // service and method both present: the resolver names that problem when signing; MAPI's name as before
  }
  const name = FAMILIES[family].charsetParam;
  const has = (n: string): boolean => params.some((p) => p.name === n);
  // OpenAPI reads either name (resolveCharset checks they agree); the MAPI gateway only _input_charset.
  if (has(name) || (family === 'openapi' && has(MAPI_CHARSET_PARAM))) return undefined;
  return name;
}

/** Everything a front end needs to sign or verify `input`, each value with its evidence. */
export function resolveContext(input: ResolveInput): ProtocolContext {
  const { params, profile } = input;
  const variant = detectVariant(params, input.kind, input.variant);
  const facts = VARIANTS[variant.value];
  const family: Decided<Family> = { value: facts.family, from: variant.from };
  const cs = resolveCharset(params, facts.family, input.charset, profile);
  const signType = resolveSignType(params, variant.value, input.signType, facts.signer === 'merchant' ? profile : undefined, input.signTypeFrom);
  const gatewayUrl = input.gateway ?? profile?.gateway;
  const gateway: Decided<string> | undefined = gatewayUrl
    ? { value: gatewayUrl, from: input.gateway ? T('from the input', '来自输入') : fill(T('profile {name}', '配置 {name}'), { name: profile?.name ?? '' }) }
    : undefined;
  const prod = isProduction(gatewayUrl, profile);
  const warnings: Warning[] = [];
  if (facts.signer === 'merchant') {
    const w = charsetWarning(params, facts.family, cs.declared, cs.charset.value);
    if (w) warnings.push(w);
  }
  return {
    family,
    variant,
    signType,
    charset: cs.charset,
    gatewayCharset: cs.gatewayCharset,
    params,
    gateway,
    production: {
      value: prod,
      from: profile?.production ? fill(T('profile {name} is marked production', '配置 {name} 标记为生产环境'), { name: profile.name }) : prod ? T('an alipay.com host (not the sandbox)', 'alipay.com 主机（非沙箱）') : T('not an alipay.com production host', '不是 alipay.com 生产主机'),
    },
    signer: { value: facts.signer, from: facts.label },
    contentRule: { value: facts.rule, from: facts.ruleText },
    warnings,
  };
}

/**
 * Whose key checks a signature (who signed it): the MD5 key; Alipay's public key
 * for what Alipay sends; the merchant's public key (its private key's public half)
 * for what the merchant signed. WAP 2.0 under sec_id=0001 also needs the
 * merchant's private key to decrypt notify_data. Sign Request, the hover and the CLI ask this.
 */
export function verifyingKeyRole(variant: VariantId, signType: SignType): { verify: 'md5Key' | 'alipayPublicKey' | 'merchantPublicKey'; decrypt?: 'merchantPrivateKey' } {
  const decrypt = VARIANTS[variant].rule.encryptedNotifyData && signType !== 'MD5' ? ('merchantPrivateKey' as const) : undefined;
  if (signType === 'MD5') return { verify: 'md5Key' };
  return { verify: VARIANTS[variant].signer === 'alipay' ? 'alipayPublicKey' : 'merchantPublicKey', ...(decrypt ? { decrypt } : {}) };
}
