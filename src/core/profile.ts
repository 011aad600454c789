/**
 * Profiles: named gateway environments (no secrets — those live in the
 * extension's SecretStorage or the CLI's key files, keyed by profile name).
 *
 *   BUILT_IN_PROFILES             Sandbox, Production, International (MAPI);
 *                                 OpenAPI Sandbox, OpenAPI Production (app_id, RSA2)
 *   parseProfiles(raw)            built-ins merged with the user's `alipay.profiles`
 *                                 entries (same name = override, e.g. to add a
 *                                 partner to Sandbox) → { profiles, problems }
 *   checkGateway(url)             undefined when acceptable, else a Text saying why:
 *                                 https only, except loopback (the local emulator)
 *   (real money or not: core/protocol's isProduction(url, profile), the one rule)
 *
 * Deliberately imports nothing heavy (no charset/sign): the extension reads
 * profiles at activation. `signType` and `charset` stay strings here and are
 * normalized with core/sign's and core/charset's rules when a request is signed.
 */
import { Text } from './i18n';
import { isProduction, normalizeHost } from './protocol';

export interface Profile {
  name: string;
  /** `https://…/gateway.do` (or a loopback URL for the emulator). */
  gateway: string;
  /** The merchant's partner ID (2088…, 16 digits); '' when not set. */
  partner: string;
  /** Default sign_type: MD5, RSA, RSA2 or DSA. */
  signType: string;
  /** Default _input_charset: utf-8, gbk or gb2312. */
  charset: string;
  builtIn: boolean;
  /** OpenAPI app ID (16 digits); present on OpenAPI profiles, which use it instead of partner. */
  appId?: string;
  /**
   * OpenAPI certificate mode (公钥证书): paths of the app certificate, Alipay's
   * certificate and the root chain, used instead of a bare public key.
   */
  appCertPath?: string;
  alipayCertPath?: string;
  alipayRootCertPath?: string;
  /** Real money whatever the URL says (`"production": true` in settings); see core/protocol isProduction. */
  production?: boolean;
}

export const BUILT_IN_PROFILES: readonly Profile[] = Object.freeze([
  { name: 'Sandbox', gateway: 'https://mapi.alipaydev.com/gateway.do', partner: '', signType: 'MD5', charset: 'utf-8', builtIn: true },
  { name: 'Production', gateway: 'https://mapi.alipay.com/gateway.do', partner: '', signType: 'MD5', charset: 'utf-8', builtIn: true, production: true },
  { name: 'International', gateway: 'https://intlmapi.alipay.com/gateway.do', partner: '', signType: 'MD5', charset: 'utf-8', builtIn: true, production: true },
  // The OpenAPI sandbox moved to openapi-sandbox.dl.alipaydev.com in 2023 (the old openapi.alipaydev.com is still known as sandbox by core/protocol).
  { name: 'OpenAPI Sandbox', gateway: 'https://openapi-sandbox.dl.alipaydev.com/gateway.do', partner: '', appId: '', signType: 'RSA2', charset: 'utf-8', builtIn: true },
  { name: 'OpenAPI Production', gateway: 'https://openapi.alipay.com/gateway.do', partner: '', appId: '', signType: 'RSA2', charset: 'utf-8', builtIn: true, production: true },
]);

export const DEFAULT_PROFILE = 'Sandbox';

/** 127.0.0.0/8, localhost and ::1 (with or without the URL brackets): this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function isLoopback(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function checkGateway(url: string): Text | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { en: 'the gateway "{url}" is not a valid URL', zh: '网关 "{url}" 不是合法的 URL' };
  }
  if (u.username || u.password) {
    return { en: 'the gateway "{url}" must not contain a user name or password', zh: '网关 "{url}" 中不能包含用户名或密码' };
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return undefined;
  return {
    en: 'the gateway "{url}" must use https (Alipay accepts only https; plain http is allowed for 127.0.0.1 only)',
    zh: '网关 "{url}" 必须使用 https（支付宝只接受 https；仅 127.0.0.1 可用 http）',
  };
}

/**
 * A key stored for a production profile signs only for that profile's own
 * gateway host: undefined when `gateway` is that host (or the profile is not
 * production), else a Text naming both hosts.
 */
export function checkKeyHost(profile: Profile, gateway: string): Text | undefined {
  if (!isProduction(profile.gateway, profile)) return undefined;
  const own = normalizeHost(profile.gateway);
  const target = normalizeHost(gateway);
  if (own !== '' && own === target) return undefined;
  return {
    en: `The keys of production profile "${profile.name}" sign only for ${own || profile.gateway}; this request goes to ${target || gateway}: use that profile's gateway or another profile`,
    zh: `生产配置 "${profile.name}" 的密钥只为 ${own || profile.gateway} 签名；此请求发往 ${target || gateway}：请使用该配置的网关或换用其他配置`,
  };
}

export interface ProfileProblem {
  /** Index in the user's `alipay.profiles` array. */
  index: number;
  text: Text;
  args: Record<string, string | number>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim() : undefined;
}

/**
 * Merges the built-ins with the user's entries. Invalid entries are skipped
 * (and reported), never thrown: a typo in settings must not break signing
 * with the other profiles.
 */
export function parseProfiles(raw: unknown): { profiles: Profile[]; problems: ProfileProblem[] } {
  const profiles = BUILT_IN_PROFILES.map((p) => ({ ...p }));
  const problems: ProfileProblem[] = [];
  const list = Array.isArray(raw) ? raw : [];
  list.forEach((entry: unknown, index) => {
    const bad = (en: string, zh: string, args: Record<string, string | number> = {}): void => {
      problems.push({ index, text: { en: `alipay.profiles[{index}]: ${en}`, zh: `alipay.profiles[{index}]：${zh}` }, args: { index, ...args } });
    };
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      bad('each profile must be an object with "name" and "gateway"', '每个配置必须是含 "name" 和 "gateway" 的对象');
      return;
    }
    const e = entry as Record<string, unknown>;
    const name = str(e.name);
    if (!name) {
      bad('the profile has no "name"', '配置缺少 "name"');
      return;
    }
    const base = profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
    const gateway = str(e.gateway) || base?.gateway;
    if (!gateway) {
      bad('profile "{name}" has no "gateway"', '配置 "{name}" 缺少 "gateway"', { name });
      return;
    }
    const gw = checkGateway(gateway);
    if (gw) {
      problems.push({ index, text: { en: `alipay.profiles[{index}]: ${gw.en}`, zh: `alipay.profiles[{index}]：${gw.zh}` }, args: { index, url: gateway } });
      return;
    }
    const partner = str(e.partner) ?? base?.partner ?? '';
    if (partner !== '' && !/^2088\d{12}$/.test(partner)) {
      bad('profile "{name}": partner "{partner}" is not a 16-digit ID starting with 2088', '配置 "{name}"：partner "{partner}" 不是以 2088 开头的 16 位数字', { name, partner });
    }
    const profile: Profile = {
      name: base?.name ?? name,
      gateway,
      partner,
      signType: (str(e.signType) || base?.signType || 'MD5').toUpperCase(),
      charset: (str(e.charset) || base?.charset || 'utf-8').toLowerCase(),
      builtIn: false,
    };
    const appId = str(e.appId) ?? base?.appId;
    if (appId !== undefined) {
      if (appId !== '' && !/^\d{16}$/.test(appId)) {
        bad('profile "{name}": appId "{appId}" is not a 16-digit OpenAPI app ID', '配置 "{name}"：appId "{appId}" 不是 16 位数字的 OpenAPI 应用 ID', { name, appId });
      }
      profile.appId = appId;
    }
    for (const k of ['appCertPath', 'alipayCertPath', 'alipayRootCertPath'] as const) {
      const v = str(e[k]) ?? base?.[k];
      if (v) profile[k] = v;
    }
    // A marked profile stays production; an override of a built-in production profile keeps the mark.
    if (e.production === true || (e.production === undefined && base?.production === true)) profile.production = true;
    else if (e.production !== undefined && typeof e.production !== 'boolean') {
      bad('profile "{name}": "production" must be true or false', '配置 "{name}"："production" 必须是 true 或 false', { name });
    }
    if (base) profiles[profiles.indexOf(base)] = profile;
    else profiles.push(profile);
  });
  return { profiles, problems };
}

export function findProfile(profiles: readonly Profile[], name: string | undefined): Profile | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase();
  return profiles.find((p) => p.name.toLowerCase() === n);
}
