// `alipay-toolkit send FILE`: signs and sends one request of a `.alipay` file
// (CI against the sandbox or the local emulator), prints the decoded answer.
// Exit 0 is_success=T (or `true`), 1 the gateway answered F (or `false`),
// 2 bad input or a network failure.
import type { Subcommand } from '../cli';
import { decode } from '../core/charset';
import { sendToGateway, type GatewayResponse } from '../core/gateway';
import { isToolkitError, ToolkitError, type Lang, type Text } from '../core/i18n';
import { prepareRequest, signPrepared, type SignedRequest } from '../core/prepareRequest';
import { BUILT_IN_PROFILES, type Profile } from '../core/profile';
import { redact } from '../core/redact';
import { parseRequestFile } from '../core/requestFile';
import { decodeResponse, type ResponseModel } from '../core/response';
import type { SigningKey } from '../core/sign';
import { parseArgs } from './args';
import { printUsage, readMd5Key, readPrivateKeyFile, readPublicKeyFile } from './common';
import { CliIO, EXIT, printData, readFileOrFail, UsageError } from './io';

const USAGE = {
  en: `alipay-toolkit send FILE [options]
  FILE                     a .alipay request file
  --request N              which request of the file (1-based; default 1)
  --profile NAME           Sandbox | Production | International | Local (overrides the request line)
  --gateway URL            send here instead (e.g. the emulator: http://127.0.0.1:PORT/gateway.do)
  --var NAME=VALUE         a {{NAME}} value, e.g. --var partner=2088… (repeatable)
  --key-file F             MD5 key file (or set ALIPAY_MD5_KEY)
  --private-key-file F     merchant private key for RSA, RSA2, DSA
  --alipay-public-key-file F  Alipay's public key, to verify a signed RSA answer
  --timeout S              seconds to wait for the answer (default 20)
  --yes-production         required to send to a production gateway (real money)
  --json                   print a JSON summary instead of text
Profile "Local" is the emulator: give its URL with --gateway.
Exit 0 is_success=T, 1 the gateway answered F, 2 bad input or a network failure.`,
  zh: `alipay-toolkit send FILE [选项]
  FILE                     .alipay 请求文件
  --request N              发送文件中的第几个请求（从 1 开始，默认 1）
  --profile NAME           Sandbox | Production | International | Local（覆盖请求行）
  --gateway URL            改为发送到此网关（如模拟器：http://127.0.0.1:PORT/gateway.do）
  --var NAME=VALUE         {{NAME}} 的值，如 --var partner=2088…（可重复）
  --key-file F             MD5 密钥文件（或设置 ALIPAY_MD5_KEY）
  --private-key-file F     RSA、RSA2、DSA 的商户私钥
  --alipay-public-key-file F  支付宝公钥，用于验证 RSA 签名的应答
  --timeout S              等待应答的秒数（默认 20）
  --yes-production         发送到生产网关（真实资金）时必须给出
  --json                   输出 JSON 摘要
配置 "Local" 指本地模拟器：请用 --gateway 给出其 URL。
退出码 0 is_success=T，1 网关应答 F，2 输入错误或网络失败。`,
};

const T = (en: string, zh: string): Text => ({ en, zh });

/** The CLI's profiles: the built-ins plus Local (the emulator, whose URL --gateway gives). */
function cliProfiles(gateway: string | undefined): Profile[] {
  return [...BUILT_IN_PROFILES.map((p) => ({ ...p })), { name: 'Local', gateway: gateway ?? 'http://127.0.0.1/gateway.do', partner: '', signType: 'MD5', charset: 'utf-8', builtIn: true }];
}

function parseVars(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of list) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError('--var takes NAME=VALUE, not "{v}"', '--var 的格式是 NAME=VALUE，而不是 "{v}"', { v: v.slice(0, 40) });
    out[v.slice(0, eq).trim()] = v.slice(eq + 1);
  }
  return out;
}

function signingKey(io: CliIO, req: SignedRequest['signType'], options: Map<string, string>): SigningKey {
  if (req === 'MD5') return { md5Key: readMd5Key(io, options.get('key-file')) };
  const file = options.get('private-key-file');
  if (!file) {
    throw new UsageError('sign_type {t} needs the merchant private key: give --private-key-file FILE', 'sign_type {t} 需要商户私钥：请使用 --private-key-file FILE', { t: req });
  }
  return { privateKey: readPrivateKeyFile(file).key };
}

function other(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

function render(io: CliIO, req: SignedRequest, res: GatewayResponse, model: ResponseModel | undefined): void {
  const L = io.lang;
  const head = `${req.service ?? '?'} → ${req.gateway} (${req.method}, ${req.signType}, ${req.charset})`;
  io.stdout(head);
  if (res.kind === 'redirect' || res.kind === 'html') {
    // A page service: what matters is the page a browser would open, not its HTML.
    const title = /<title>([^<]*)<\/title>/i.exec(res.body)?.[1];
    io.stdout(`HTTP ${res.status}${res.location ? ` → ${res.location}` : ''}${title ? ` (${title})` : ''}`);
    io.stdout((L === 'zh' ? '在浏览器中打开：' : 'Open in a browser: ') + req.url);
    return;
  }
  if (!model) {
    for (const l of res.body.split(/\r?\n/)) io.stdout(l);
    return;
  }
  io.stdout(model.status.title[L]);
  if (model.status.detail) io.stdout(`  ${model.status.detail[L]}`);
  if (model.error) {
    const e = model.error;
    io.stdout(`${e.code}: ${e.entry ? `${e.entry.meaning[L]} / ${e.entry.meaning[other(L)]}` : ''}`);
    for (const c of e.entry?.check ?? []) io.stdout(`  - ${c[L]}`);
  }
  for (const f of model.fields) {
    const note = [f.label?.[L], f.meaning?.[L]].filter(Boolean).join(': ');
    io.stdout(`  ${f.name} = ${f.raw}${note ? `  (${note})` : ''}`);
  }
  if (model.signature.present) io.stdout(`sign: ${model.signature.verdict}`);
}

export const command: Subcommand = {
  summary: { en: 'sign and send one request of a .alipay file; print the answer', zh: '签名并发送 .alipay 文件中的一个请求，输出应答' },
  async run(args: string[], io: CliIO): Promise<number> {
    // --var may repeat: collect those first, then parse the rest with the shared parser.
    const vars: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--var') {
        if (args[i + 1] === undefined) throw new UsageError('Option --var needs a value', '选项 --var 需要一个值');
        vars.push(args[++i]);
      } else if (args[i].startsWith('--var=')) vars.push(args[i].slice(6));
      else rest.push(args[i]);
    }
    const parsed = parseArgs(
      rest,
      { request: 'value', profile: 'value', gateway: 'value', 'key-file': 'value', 'private-key-file': 'value', 'alipay-public-key-file': 'value', timeout: 'value', 'yes-production': 'flag', json: 'flag', help: 'flag' },
      1,
    );
    if (parsed.flags.has('help')) return printUsage(io, USAGE);
    const file = parsed.positionals[0];
    if (!file) throw new UsageError(`Missing FILE. ${USAGE.en.split('\n')[0]}`, `缺少 FILE。${USAGE.zh.split('\n')[0]}`);
    const o = parsed.options;
    const n = o.has('request') ? Number(o.get('request')) : undefined;
    if (n !== undefined && !(Number.isInteger(n) && n >= 1)) throw new UsageError('--request takes a request number (1, 2, …)', '--request 的值应为请求序号（1、2……）');
    const timeout = o.has('timeout') ? Number(o.get('timeout')) : 20;
    if (!(timeout > 0)) throw new UsageError('--timeout takes a number of seconds', '--timeout 的值应为秒数');
    const gatewayOption = o.get('gateway');
    const profiles = cliProfiles(gatewayOption);
    const profileName = o.get('profile');
    const forced = profileName ? profiles.find((p) => p.name.toLowerCase() === profileName.toLowerCase()) : undefined;
    if (profileName && !forced) {
      throw new UsageError('--profile: no profile "{name}" (use {names})', '--profile：没有配置 "{name}"（可用：{names}）', { name: profileName, names: profiles.map((p) => p.name).join(', ') });
    }
    const text = decode(readFileOrFail(file, 'request'), 'utf-8', file);
    const parsedFile = parseRequestFile(text);
    const target = (n !== undefined ? parsedFile.requests.find((r) => r.index === n) : parsedFile.requests[0])?.target ?? '';
    if (!gatewayOption && ((forced?.name === 'Local') || (!forced && target.toLowerCase() === 'local'))) {
      throw new UsageError('Profile "Local" is the emulator: give its URL with --gateway http://127.0.0.1:PORT/gateway.do', '配置 "Local" 指本地模拟器：请用 --gateway http://127.0.0.1:PORT/gateway.do 给出其 URL');
    }
    const prepared = prepareRequest(parsedFile, n, {
      profiles,
      defaultProfile: forced ?? profiles[0],
      forceProfile: forced !== undefined,
      gatewayOverride: gatewayOption,
      vars: parseVars(vars),
    });
    if (prepared.production && !parsed.flags.has('yes-production')) {
      throw new ToolkitError(
        'PRODUCTION_NOT_CONFIRMED',
        T('Request {n} goes to the production gateway {gateway} (real money): add --yes-production to send it. Nothing was sent.', '第 {n} 个请求将发送到生产网关 {gateway}（真实资金）：如确需发送请加上 --yes-production。未发送任何内容。'),
        { n: prepared.index, gateway: prepared.gateway },
      );
    }
    const key = signingKey(io, prepared.signType, o);
    const signed = signPrepared(prepared, key);
    const known = 'md5Key' in key ? [key.md5Key] : [];
    let res: GatewayResponse;
    try {
      res = await sendToGateway({ gateway: signed.gateway, method: signed.method, params: signed.signed, charset: signed.charset, timeoutMs: timeout * 1000, acceptHtml: signed.serviceKind === 'page' });
    } catch (e) {
      if (isToolkitError(e)) {
        io.stderr(`alipay-toolkit: ${redact(e.localized(io.lang), known)}`);
        return EXIT.usage;
      }
      throw e;
    }
    let model: ResponseModel | undefined;
    if (res.kind === 'xml' || res.kind === 'text') {
      const pub = o.get('alipay-public-key-file');
      try {
        model = decodeResponse(res.body, { md5Key: 'md5Key' in key ? key.md5Key : undefined, publicKey: pub ? readPublicKeyFile(pub, "Alipay's public key").key : undefined });
      } catch (e) {
        if (!isToolkitError(e)) throw e;
        io.stderr(`alipay-toolkit: ${e.localized(io.lang)}`);
      }
    }
    const success = res.kind === 'html' || res.kind === 'redirect' ? true : model?.success;
    if (parsed.flags.has('json')) {
      printData(
        io,
        JSON.stringify(
          {
            request: { index: signed.index, name: signed.name, service: signed.service, gateway: signed.gateway, method: signed.method, signType: signed.signType, charset: signed.charset },
            http: { status: res.status, contentType: res.contentType, charset: res.charset, location: res.location },
            kind: res.kind,
            success,
            error: model?.error ? { code: model.error.code, meaning: model.error.entry?.meaning, check: model.error.entry?.check } : undefined,
            fields: model?.fields.map((f) => ({ name: f.name, value: f.raw })),
            body: redact(res.body, known),
          },
          null,
          2,
        ),
      );
    } else {
      render(io, signed, { ...res, body: redact(res.body, known) }, model);
    }
    return success === true ? EXIT.ok : success === false ? EXIT.fail : EXIT.usage;
  },
};
