// What `sign` and `verify` share: reading the parameters, the MD5 key, key
// files and the gateway. Secrets come only from files or ALIPAY_MD5_KEY.
import { BUILT_IN_PROFILES, checkGateway as checkGatewayRule } from '../core/profile';
import { Charset, decodeRequestBytes, normalizeCharset } from '../core/charset';
import { LoadedKey, loadPrivateKey, loadPublicKey } from '../core/keys';
import { ParsedInput, parseInput } from '../core/params';
import { CliIO, UsageError, readFileOrFail, readInput } from './io';

/** The built-in Sandbox profile's gateway: the default target when none is given. */
export const SANDBOX_GATEWAY = BUILT_IN_PROFILES.find((p) => p.name === 'Sandbox')!.gateway;
export const MD5_KEY_ENV = 'ALIPAY_MD5_KEY';

export interface InputRead {
  parsed: ParsedInput;
  /** The query as received (URL or query input), for the doctor's charset check. */
  rawQuery?: string;
  /** The input text as decoded. */
  text: string;
}

/**
 * Reads INPUT and parses it. The bytes are utf-8 unless they are not and
 * --charset or the input's own `_input_charset` names gbk/gb2312 (a GBK file of name=value lines).
 */
export async function readParams(io: CliIO, input: string | undefined, charsetOption: string | undefined): Promise<InputRead> {
  const bytes = await readInput(io, input);
  const where = input === undefined || input === '-' ? 'standard input' : input.startsWith('@') ? input.slice(1) : 'INPUT';
  const override: Charset | undefined = charsetOption ? normalizeCharset(charsetOption, '--charset') : undefined;
  const text = decodeRequestBytes(bytes, where, override);
  const parsed = parseInput(text, { charset: override });
  const t = text.trim();
  let rawQuery: string | undefined;
  if (parsed.kind === 'url') {
    const q = t.indexOf('?');
    const hash = t.indexOf('#', q < 0 ? 0 : q);
    rawQuery = q < 0 ? '' : t.slice(q + 1, hash < 0 ? undefined : hash);
  } else if (parsed.kind === 'query') {
    rawQuery = t.replace(/^\?/, '');
  }
  return { parsed, rawQuery, text };
}

/** The MD5 key from --key-file, else ALIPAY_MD5_KEY; surrounding whitespace (a file's newline) trimmed. */
export function readMd5Key(io: CliIO, file: string | undefined): string {
  let raw: string;
  let where: string;
  if (file) {
    raw = readFileOrFail(file, 'MD5 key').toString('utf8');
    where = `MD5 key file "${file}"`;
  } else if (io.env[MD5_KEY_ENV]) {
    raw = io.env[MD5_KEY_ENV] as string;
    where = MD5_KEY_ENV;
  } else {
    throw new UsageError(
      'sign_type MD5 needs the MD5 key: give --key-file FILE or set ALIPAY_MD5_KEY (a secret is never taken as a command-line value)',
      'sign_type MD5 需要 MD5 密钥：请使用 --key-file FILE 或设置 ALIPAY_MD5_KEY（密钥不接受命令行参数形式）',
    );
  }
  const key = raw.replace(/^\uFEFF/, '').trim();
  if (key === '') throw new UsageError('{where}: the MD5 key is empty', '{where}：MD5 密钥为空', { where });
  if (/-----BEGIN|^MII[A-Za-z0-9+/]{40}/.test(key)) {
    throw new UsageError(
      '{where} holds an RSA/DSA key, not an MD5 key: use --private-key-file (to sign) or --public-key-file (to verify) with --sign-type RSA2, RSA or DSA',
      '{where} 中是 RSA/DSA 密钥而不是 MD5 密钥：请配合 --sign-type RSA2、RSA 或 DSA 使用 --private-key-file（签名）或 --public-key-file（验签）',
      { where },
    );
  }
  return key;
}

export function readPrivateKeyFile(file: string): LoadedKey {
  return loadPrivateKey(readFileOrFail(file, 'private key'), `private key file "${file}"`);
}

export function readPublicKeyFile(file: string, what = 'public key'): LoadedKey {
  return loadPublicKey(readFileOrFail(file, what), `${what} file "${file}"`);
}

/**
 * Alipay's public key, for what Alipay signed. A private key there still works by
 * its public half, with a warning: Alipay never hands out its private key, so it is
 * usually the merchant's own key given by mistake (the editor refuses to store one).
 */
export function readAlipayPublicKeyFile(io: CliIO, file: string, flag: string, what?: string): LoadedKey {
  const loaded = readPublicKeyFile(file, what);
  if (loaded.info.fromPrivate) {
    io.stderr(
      io.lang === 'zh'
        ? `alipay-toolkit: ${flag} "${file}" 是私钥；此处需要支付宝公钥（可从支付宝控制台复制）。已使用其公钥部分，它只能验证该私钥签名的内容`
        : `alipay-toolkit: ${flag} "${file}" is a private key; Alipay's public key is needed here (copy it from the Alipay console). Its public half is used, which verifies only what that key signed`,
    );
  }
  return loaded;
}

/**
 * A gateway URL without its query, checked by the one gateway rule
 * (core/profile checkGateway: https only, plain http only on loopback).
 */
export function checkGateway(url: string, where: string): string {
  const problem = checkGatewayRule(url);
  if (problem) {
    let shown = url.slice(0, 120);
    try {
      const u = new URL(url);
      shown = `${u.protocol}//${u.host}${u.pathname}`;
    } catch {
      // not a URL: show what was given
    }
    throw new UsageError(`{where}: refusing gateway: ${problem.en}`, `{where}：拒绝网关：${problem.zh}`, { where, url: shown });
  }
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

export { printUsage } from './help';
