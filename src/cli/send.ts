// `alipay-toolkit send FILE`: signs and sends one request of a `.alipay` file
// (CI against the sandbox or the local emulator), prints the decoded answer.
// Exit 0 is_success=T (or `true`), 1 the gateway answered F (or `false`),
// 2 bad input or a network failure.
import type { Subcommand } from './subcommand';
import { errorByCode } from '../core/catalog';
import { decode } from '../core/charset';
import { pageErrorCode } from '../core/gatewayPage';
import { sendToGateway, type GatewayResponse } from '../core/gateway';
import { isToolkitError, ToolkitError, type Lang, type Text } from '../core/i18n';
import { prepareRequest, signPrepared, type SignedRequest } from '../core/prepareRequest';
import { BUILT_IN_PROFILES, type Profile } from '../core/profile';
import { redact, redactedErrorText } from '../core/redact';
import { parseRequestFile } from '../core/requestFile';
import { decodeResponse, type ResponseModel } from '../core/response';
import type { SigningKey } from '../core/sign';
import { parseArgs } from './args';
import { printUsage, readAlipayPublicKeyFile, readMd5Key, readPrivateKeyFile } from './common';
import { CliIO, EXIT, printData, readFileOrFail, UsageError } from './io';

const USAGE = {
  en: `alipay-toolkit send FILE [options]
  FILE                     a .alipay request file
  --request N              which request of the file (1-based; default 1)
  --profile NAME           Sandbox | Production | International | Local (overrides the request line)
  --gateway URL            send here instead (e.g. the emulator: http://127.0.0.1:PORT/gateway.do)
  --var NAME=VALUE         a {{NAME}} value, e.g. --var partner=2088… (repeatable; not for secrets)
  --var-file NAME=FILE     a secret {{NAME}} (e.g. the SNS user key) read from FILE
  --var-env NAME=ENV_VAR   a secret {{NAME}} read from the environment variable ENV_VAR
  --key-file F             MD5 key file (or set ALIPAY_MD5_KEY)
  --private-key-file F     merchant private key for RSA, RSA2, DSA
  --alipay-public-key-file F  Alipay's public key, to verify a signed RSA answer
  --timeout S              seconds to wait for the answer (default 20)
  --yes-production         required to send to a production gateway (real money)
  --json                   print a JSON summary instead of text
Profile "Local" is the emulator: give its URL with --gateway.
Exit 0 the gateway accepted (is_success=T, a cashier page, a signed answer that verifies),
1 it refused (is_success=F, its error page, a signature that does not verify), 2 bad input or no answer.
--json always prints one JSON object, errors included.`,
  zh: `alipay-toolkit send FILE [选项]
  FILE                     .alipay 请求文件
  --request N              发送文件中的第几个请求（从 1 开始，默认 1）
  --profile NAME           Sandbox | Production | International | Local（覆盖请求行）
  --gateway URL            改为发送到此网关（如模拟器：http://127.0.0.1:PORT/gateway.do）
  --var NAME=VALUE         {{NAME}} 的值，如 --var partner=2088…（可重复；不用于密钥）
  --var-file NAME=FILE     从 FILE 读取机密的 {{NAME}}（如 SNS 用户 key）
  --var-env NAME=ENV_VAR   从环境变量 ENV_VAR 读取机密的 {{NAME}}
  --key-file F             MD5 密钥文件（或设置 ALIPAY_MD5_KEY）
  --private-key-file F     RSA、RSA2、DSA 的商户私钥
  --alipay-public-key-file F  支付宝公钥，用于验证 RSA 签名的应答
  --timeout S              等待应答的秒数（默认 20）
  --yes-production         发送到生产网关（真实资金）时必须给出
  --json                   输出 JSON 摘要
配置 "Local" 指本地模拟器：请用 --gateway 给出其 URL。
退出码 0 网关已受理（is_success=T、收银台页面、验签通过的签名应答），
1 网关拒绝（is_success=F、网关错误页、签名验证失败），2 输入错误或没有应答。
--json 总是输出一个 JSON 对象（包括出错时）。`,
};

const T = (en: string, zh: string): Text => ({ en, zh });

/** The CLI's profiles: the built-ins plus Local (the emulator, whose URL --gateway gives). */
function cliProfiles(gateway: string | undefined): Profile[] {
  return [...BUILT_IN_PROFILES.map((p) => ({ ...p })), { name: 'Local', gateway: gateway ?? 'http://127.0.0.1/gateway.do', partner: '', signType: 'MD5', charset: 'utf-8', builtIn: true }];
}

/** {{NAME}}s that hold a secret (the SNS user `key` of sns.dacheng.* services…): never a command-line value. */
const SECRET_VARS = /^(key|md5_?key|private_?key|secret|password|passphrase|user_?key)$/i;

type VarSource = { from: 'value' | 'file' | 'env'; spec: string };

function parseVars(list: VarSource[], io: CliIO): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { from, spec } of list) {
    const opt = from === 'value' ? '--var' : `--var-${from}`;
    const eq = spec.indexOf('=');
    if (eq <= 0) {
      // Only the name part is shown: the value may be a secret typed in the wrong place.
      throw new UsageError('{opt} takes NAME={what} (got no NAME=)', '{opt} 的格式是 NAME={what}（缺少 NAME=）', { opt, what: from === 'value' ? 'VALUE' : from === 'file' ? 'FILE' : 'ENV_VAR' });
    }
    const name = spec.slice(0, eq).trim();
    const rest = spec.slice(eq + 1);
    if (from === 'value') {
      if (SECRET_VARS.test(name)) {
        throw new UsageError(
          '--var {name}=…: a secret is never taken as a command-line value (it would stay in shell history); use --var-file {name}=FILE or --var-env {name}=ENV_VAR',
          '--var {name}=…：密钥不接受命令行参数形式（会留在 shell 历史中）；请使用 --var-file {name}=FILE 或 --var-env {name}=环境变量名',
          { name: name.slice(0, 40) },
        );
      }
      out[name] = rest;
    } else if (from === 'file') {
      out[name] = readFileOrFail(rest, 'key').toString('utf8').replace(/^\uFEFF/, '').trim();
    } else {
      const v = io.env[rest];
      if (v === undefined || v === '') throw new UsageError('--var-env {name}={env}: the environment variable {env} is not set', '--var-env {name}={env}：环境变量 {env} 未设置', { name: name.slice(0, 40), env: rest.slice(0, 60) });
      out[name] = v;
    }
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

function render(io: CliIO, req: SignedRequest, res: GatewayResponse, model: ResponseModel | undefined, pageError: string | undefined): void {
  const L = io.lang;
  const head = `${req.service ?? '?'} → ${req.gateway} (${req.method}, ${req.signType}, ${req.charset})`;
  io.stdout(head);
  if (res.kind === 'redirect' || res.kind === 'html') {
    // A page service: what matters is the page a browser would open, not its HTML.
    const title = /<title>([^<]*)<\/title>/i.exec(res.body)?.[1];
    io.stdout(`HTTP ${res.status}${res.location ? ` → ${res.location}` : ''}${title ? ` (${title})` : ''}`);
    if (pageError) {
      const entry = errorByCode(pageError);
      io.stdout(`${L === 'zh' ? '网关错误页' : 'Gateway error page'}: ${pageError}${entry ? ` — ${entry.meaning[L]}` : ''}`);
      for (const c of entry?.check ?? []) io.stdout(`  - ${c[L]}`);
      return;
    }
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
  if (model.signature.present) io.stdout(`sign: ${model.signature.verdict}${model.signature.verdict === 'invalid' && model.signature.reason ? ` (${model.signature.reason[L]})` : ''}`);
}

export const command: Subcommand = {
  summary: { en: 'sign and send one request of a .alipay file; print the answer', zh: '签名并发送 .alipay 文件中的一个请求，输出应答' },
  async run(args: string[], io: CliIO): Promise<number> {
    // With --json, a script reads stdout: every outcome, errors included, is one JSON object there.
    const json = args.includes('--json') && !args.slice(0, args.indexOf('--json')).includes('--');
    try {
      return await send(args, io);
    } catch (e) {
      if (!json) throw e;
      const code = isToolkitError(e) ? e.code : 'INTERNAL';
      const message = { en: redactedErrorText(e, 'en'), zh: redactedErrorText(e, 'zh') };
      printData(io, JSON.stringify({ success: false, exitCode: EXIT.usage, error: { code, message: message[io.lang], messages: message } }, null, 2));
      return EXIT.usage;
    }
  },
};

async function send(args: string[], io: CliIO): Promise<number> {
  {
    // --var may repeat: collect those first, then parse the rest with the shared parser.
    const vars: VarSource[] = [];
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const m = /^--var(?:-(file|env))?(?:=(.*))?$/s.exec(args[i]);
      if (!m) {
        rest.push(args[i]);
        continue;
      }
      const from = (m[1] ?? 'value') as VarSource['from'];
      let spec = m[2];
      if (spec === undefined) {
        if (args[i + 1] === undefined) throw new UsageError('Option {opt} needs a value', '选项 {opt} 需要一个值', { opt: from === 'value' ? '--var' : `--var-${from}` });
        spec = args[++i];
      }
      vars.push({ from, spec });
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
    const bytes = readFileOrFail(file, 'request');
    let text: string;
    try {
      text = decode(bytes, 'utf-8', file);
    } catch (e) {
      if (!isToolkitError(e)) throw e;
      // The editor writes request files as UTF-8; the charset to send in is a line of the file.
      throw new UsageError(
        '{file}: a request file is UTF-8 text, but these bytes are not UTF-8 (saved as GBK?): save it as UTF-8; "_input_charset = gbk" still sends GBK',
        '{file}：请求文件应为 UTF-8 文本，但这些字节不是 UTF-8（是否以 GBK 保存？）：请另存为 UTF-8；写上 "_input_charset = gbk" 仍按 GBK 发送',
        { file },
      );
    }
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
      vars: parseVars(vars, io),
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
        const text = { en: redact(e.localized('en'), known), zh: redact(e.localized('zh'), known) };
        throw new ToolkitError(e.code, text);
      }
      throw e;
    }
    let model: ResponseModel | undefined;
    if (res.kind === 'xml' || res.kind === 'text') {
      const pub = o.get('alipay-public-key-file');
      try {
        model = decodeResponse(res.body, { md5Key: 'md5Key' in key ? key.md5Key : undefined, publicKey: pub ? readAlipayPublicKeyFile(io, pub, '--alipay-public-key-file', "Alipay's public key").key : undefined });
      } catch (e) {
        if (!isToolkitError(e)) throw e;
        io.stderr(`alipay-toolkit: ${redactedErrorText(e, io.lang)}`);
      }
    }
    // Accepted only when the gateway says so: a page service's error page is HTTP 200 too,
    // and a signed answer that does not verify is not an answer to trust.
    const page = res.kind === 'html' || res.kind === 'redirect';
    const pageError = page ? (pageErrorCode(res.body, res.location) ?? (res.status >= 400 ? `HTTP_${res.status}` : undefined)) : undefined;
    const verdict = model?.signature.present ? model.signature.verdict : undefined;
    const success: boolean | undefined = page ? pageError === undefined : verdict === 'invalid' ? false : model?.success;
    if (parsed.flags.has('json')) {
      printData(
        io,
        JSON.stringify(
          {
            request: { index: signed.index, name: signed.name, service: signed.service, gateway: signed.gateway, method: signed.method, signType: signed.signType, charset: signed.charset },
            http: { status: res.status, contentType: res.contentType, charset: res.charset, location: res.location },
            kind: res.kind,
            success: success ?? null,
            exitCode: exitOf(success),
            signature: verdict,
            error: model?.error
              ? { code: model.error.code, meaning: model.error.entry?.meaning, check: model.error.entry?.check }
              : pageError
                ? { code: pageError, meaning: errorByCode(pageError)?.meaning, check: errorByCode(pageError)?.check }
                : verdict === 'invalid'
                  ? { code: 'SIGNATURE_INVALID', meaning: model?.signature.reason }
                  : undefined,
            fields: model?.fields.map((f) => ({ name: f.name, value: f.raw })),
            body: redact(res.body, known),
          },
          null,
          2,
        ),
      );
    } else {
      render(io, signed, { ...res, body: redact(res.body, known) }, model, pageError);
    }
    return exitOf(success);
  }
}

function exitOf(success: boolean | undefined): number {
  return success === true ? EXIT.ok : success === false ? EXIT.fail : EXIT.usage;
}
