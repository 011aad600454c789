// The emulator's merchant accounts and Alipay-side keys: read from a config
// file (or an object, for tests and the extension), or created on first start
// in a key folder that later starts reuse. Key contents are never printed.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ToolkitError } from '../core/i18n';
import { generateRsaPair, loadPrivateKey, loadPublicKey } from '../core/keys';
import type { MapiSignType } from './types';

export interface SnsUser {
  id: string;
  key: string;
}

export interface MerchantConfig {
  /** 16 digits starting 2088. */
  partner: string;
  sellerEmail?: string;
  /** MD5 key inline, or a file holding it (relative to the config file). */
  md5Key?: string;
  md5KeyFile?: string;
  /** The merchant's RSA public key (verifies the merchant's requests): inline text or a file. */
  publicKey?: string;
  publicKeyFile?: string;
  /** The merchant's DSA public key (verifies DSA-signed requests, seed 000's sign type): inline text or a file. */
  dsaPublicKey?: string;
  dsaPublicKeyFile?: string;
  /** Only recorded for front ends (the merchant's side of the pair); the gateway never reads it. */
  privateKeyFile?: string;
  /** Services in this merchant's contract; absent = all (others get ILLEGAL_PARTNER_EXTERFACE). */
  services?: string[];
  /** SNS users for sns.trade.operate.by.action. */
  snsUsers?: SnsUser[];
}

export interface GatewayConfig {
  version?: 1;
  /** Alipay's side: the private key signs notifications, return URLs and XML; the public key is what merchants verify with. */
  alipay: {
    privateKey?: string;
    privateKeyFile?: string;
    publicKeyFile?: string;
    /** Alipay's DSA key: signs what answers a DSA merchant (needed when a merchant has a DSA key). */
    dsaPrivateKey?: string;
    dsaPrivateKeyFile?: string;
    dsaPublicKeyFile?: string;
  };
  merchants: MerchantConfig[];
  notify?: { scheduleSeconds?: number[]; timeoutSeconds?: number; allowHttpAnyHost?: boolean };
}

/** A merchant ready for checking: keys parsed once. */
export interface Merchant {
  partner: string;
  sellerEmail: string;
  md5Key?: string;
  publicKey?: crypto.KeyObject;
  dsaPublicKey?: crypto.KeyObject;
  services?: Set<string>;
  snsUsers: SnsUser[];
  signTypes: MapiSignType[];
  keyFiles: { md5Key?: string; merchantPrivateKey?: string; merchantPublicKey?: string; alipayPublicKey?: string; merchantDsaPublicKey?: string; alipayDsaPublicKey?: string };
}

export interface LoadedConfig {
  merchants: Map<string, Merchant>;
  alipayPrivateKey: crypto.KeyObject;
  /** Present when some merchant signs with DSA. */
  alipayDsaPrivateKey?: crypto.KeyObject;
  notify: { scheduleMs?: number[]; timeoutMs?: number; allowHttpAnyHost: boolean };
  keyDir?: string;
}

function configError(where: string, en: string, zh: string, args: Record<string, string> = {}): ToolkitError {
  return new ToolkitError('EMULATOR_CONFIG', { en: `{where}: ${en}`, zh: `{where}：${zh}` }, { where, ...args });
}

const PARTNER_RE = /^2088\d{12}$/;

function readKeyFile(base: string, file: string, where: string): string {
  const full = path.resolve(base, file);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch (e) {
    throw configError(where, 'cannot read the file "{file}" ({code})', '无法读取文件 "{file}"（{code}）', { file: full, code: (e as NodeJS.ErrnoException).code ?? 'error' });
  }
}

function resolveFile(base: string, file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.resolve(base, file);
}

/** Validates a config object; `base` resolves relative file names; `source` names it in errors. */
export function loadConfig(cfg: unknown, base: string, source: string, keyDir?: string): LoadedConfig {
  if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) throw configError(source, 'the config must be a JSON object', '配置必须是 JSON 对象');
  const c = cfg as Partial<GatewayConfig>;
  if (!c.alipay || typeof c.alipay !== 'object') throw configError(source, '"alipay" (Alipay-side private key) is missing', '缺少 "alipay"（支付宝侧私钥）');
  const alipay = c.alipay;
  const alipayPriv = alipay.privateKey ?? (c.alipay.privateKeyFile ? readKeyFile(base, c.alipay.privateKeyFile, `${source} alipay.privateKeyFile`) : undefined);
  if (!alipayPriv) throw configError(source, 'alipay.privateKey or alipay.privateKeyFile is required', '需要 alipay.privateKey 或 alipay.privateKeyFile');
  const alipayPrivateKey = loadPrivateKey(alipayPriv, `${source} alipay private key`).key;
  if (alipayPrivateKey.asymmetricKeyType !== 'rsa') throw configError(source, "Alipay's private key must be an RSA key", '支付宝私钥必须是 RSA 密钥');
  const dsaPriv = alipay.dsaPrivateKey ?? (alipay.dsaPrivateKeyFile ? readKeyFile(base, alipay.dsaPrivateKeyFile, `${source} alipay.dsaPrivateKeyFile`) : undefined);
  const alipayDsaPrivateKey = dsaPriv ? loadPrivateKey(dsaPriv, `${source} alipay DSA private key`).key : undefined;
  if (alipayDsaPrivateKey && alipayDsaPrivateKey.asymmetricKeyType !== 'dsa') throw configError(source, "Alipay's DSA private key must be a DSA key", '支付宝 DSA 私钥必须是 DSA 密钥');
  if (!Array.isArray(c.merchants) || c.merchants.length === 0) throw configError(source, '"merchants" must list at least one merchant', '"merchants" 至少要有一个商户');
  const merchants = new Map<string, Merchant>();
  c.merchants.forEach((m, i) => {
    const where = `${source} merchants[${i}]`;
    if (!m || typeof m.partner !== 'string' || !PARTNER_RE.test(m.partner)) throw configError(where, 'partner must be 16 digits starting with 2088', 'partner 必须是以 2088 开头的 16 位数字');
    if (merchants.has(m.partner)) throw configError(where, 'partner {partner} is listed twice', 'partner {partner} 重复', { partner: m.partner });
    const md5Key = (m.md5Key ?? (m.md5KeyFile ? readKeyFile(base, m.md5KeyFile, `${where} md5KeyFile`) : undefined))?.trim();
    const pubText = m.publicKey ?? (m.publicKeyFile ? readKeyFile(base, m.publicKeyFile, `${where} publicKeyFile`) : undefined);
    const publicKey = pubText ? loadPublicKey(pubText, `${where} public key`).key : undefined;
    if (publicKey && publicKey.asymmetricKeyType !== 'rsa') throw configError(where, 'the merchant public key must be an RSA key', '商户公钥必须是 RSA 密钥');
    const dsaText = m.dsaPublicKey ?? (m.dsaPublicKeyFile ? readKeyFile(base, m.dsaPublicKeyFile, `${where} dsaPublicKeyFile`) : undefined);
    const dsaPublicKey = dsaText ? loadPublicKey(dsaText, `${where} DSA public key`).key : undefined;
    if (dsaPublicKey && dsaPublicKey.asymmetricKeyType !== 'dsa') throw configError(where, 'the merchant DSA public key must be a DSA key', '商户 DSA 公钥必须是 DSA 密钥');
    if (dsaPublicKey && !alipayDsaPrivateKey) throw configError(where, 'a DSA merchant needs alipay.dsaPrivateKey or alipay.dsaPrivateKeyFile (signs the answers)', 'DSA 商户需要 alipay.dsaPrivateKey 或 alipay.dsaPrivateKeyFile（用于签名应答）');
    if (!md5Key && !publicKey && !dsaPublicKey) throw configError(where, 'give an MD5 key, an RSA public key or a DSA public key', '请提供 MD5 密钥、RSA 公钥或 DSA 公钥');
    const signTypes: MapiSignType[] = [];
    if (md5Key) signTypes.push('MD5');
    if (publicKey) signTypes.push('RSA');
    if (dsaPublicKey) signTypes.push('DSA');
    merchants.set(m.partner, {
      partner: m.partner,
      sellerEmail: m.sellerEmail ?? `seller-${m.partner.slice(-4)}@example.com`,
      md5Key,
      publicKey,
      dsaPublicKey,
      services: Array.isArray(m.services) ? new Set(m.services) : undefined,
      snsUsers: Array.isArray(m.snsUsers) ? m.snsUsers.filter((u) => u && typeof u.id === 'string' && typeof u.key === 'string') : [],
      signTypes,
      keyFiles: {
        md5Key: resolveFile(base, m.md5KeyFile),
        merchantPrivateKey: resolveFile(base, m.privateKeyFile),
        merchantPublicKey: resolveFile(base, m.publicKeyFile),
        alipayPublicKey: resolveFile(base, alipay.publicKeyFile),
        merchantDsaPublicKey: resolveFile(base, m.dsaPublicKeyFile),
        alipayDsaPublicKey: resolveFile(base, alipay.dsaPublicKeyFile),
      },
    });
  });
  const n = c.notify ?? {};
  const schedule = n.scheduleSeconds;
  if (schedule !== undefined && (!Array.isArray(schedule) || schedule.some((s) => typeof s !== 'number' || !(s >= 0)))) {
    throw configError(source, 'notify.scheduleSeconds must be a list of non-negative numbers', 'notify.scheduleSeconds 必须是非负数列表');
  }
  return {
    merchants,
    alipayPrivateKey,
    alipayDsaPrivateKey,
    notify: {
      scheduleMs: schedule?.map((s) => s * 1000),
      timeoutMs: typeof n.timeoutSeconds === 'number' ? n.timeoutSeconds * 1000 : undefined,
      allowHttpAnyHost: n.allowHttpAnyHost === true,
    },
    keyDir,
  };
}

export function loadConfigFile(file: string): LoadedConfig {
  const text = readKeyFile(process.cwd(), file, '--config');
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw configError(file, 'not valid JSON: {reason}', '不是合法的 JSON：{reason}', { reason: (e as Error).message });
  }
  return loadConfig(obj, path.dirname(path.resolve(file)), file);
}

export const CONFIG_NAME = 'gateway.json';

/** Where keys are created when no config is given: next to the state file, else in the home folder. */
export function defaultKeyDir(stateFile?: string): string {
  if (stateFile) return path.join(path.dirname(path.resolve(stateFile)), 'alipay-emulator-keys');
  return path.join(os.homedir(), '.alipay-toolkit', 'emulator');
}

function writeSecret(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // umask or an existing file may have left it wider
}

/**
 * Reuses `dir/gateway.json`, or creates a test merchant there: partner id,
 * MD5 key, merchant RSA pair and Alipay-side RSA pair (private files 0600).
 */
export function ensureKeyDir(dir: string): LoadedConfig {
  const cfgFile = path.join(dir, CONFIG_NAME);
  if (!fs.existsSync(cfgFile)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const merchant = generateRsaPair(2048);
    const alipay = generateRsaPair(2048);
    const partner = '2088' + String(crypto.randomInt(0, 1e12)).padStart(12, '0');
    const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const md5 = Array.from(crypto.randomBytes(32), (b) => alnum[b % alnum.length]).join('');
    writeSecret(path.join(dir, 'md5_key.txt'), md5 + '\n');
    writeSecret(path.join(dir, 'merchant_private_key.pem'), merchant.privateKey);
    fs.writeFileSync(path.join(dir, 'merchant_public_key.pem'), merchant.publicKey);
    writeSecret(path.join(dir, 'alipay_private_key.pem'), alipay.privateKey);
    fs.writeFileSync(path.join(dir, 'alipay_public_key.pem'), alipay.publicKey);
    const cfg: GatewayConfig = {
      version: 1,
      alipay: { privateKeyFile: 'alipay_private_key.pem', publicKeyFile: 'alipay_public_key.pem' },
      merchants: [
        {
          partner,
          sellerEmail: 'seller@example.com',
          md5KeyFile: 'md5_key.txt',
          publicKeyFile: 'merchant_public_key.pem',
          privateKeyFile: 'merchant_private_key.pem',
          snsUsers: [{ id: 'test_buyer', key: crypto.randomBytes(20).toString('hex').toUpperCase() }],
        },
      ],
    };
    writeSecret(cfgFile, JSON.stringify(cfg, null, 2) + '\n'); // holds the SNS user key
  }
  const text = fs.readFileSync(cfgFile, 'utf8');
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw configError(cfgFile, 'not valid JSON: {reason}', '不是合法的 JSON：{reason}', { reason: (e as Error).message });
  }
  return loadConfig(obj, dir, cfgFile, dir);
}
