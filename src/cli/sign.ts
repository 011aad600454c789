// `alipay-toolkit sign [INPUT]`: signs a request and prints one line.
import { localize } from '../core/i18n';
import { resolveContext } from '../core/resolve';
import { signOrderString } from '../core/variants';
import type { Subcommand } from './subcommand';
import { Charset, normalizeCharset } from '../core/charset';
import { getParam, serializeQuery, buildUrl, type Param } from '../core/params';
import { SigningKey, assertEncodable, signParams } from '../core/sign';
import { oneOf, parseArgs } from './args';
import { SANDBOX_GATEWAY, checkGateway, printUsage, readMd5Key, readParams, readPrivateKeyFile } from './common';
import { EXIT, UsageError, printData, readFileOrFail, type CliIO } from './io';
import { FAMILIES, MAPI_CHARSET_PARAM, isSignatureParam, type Family } from '../core/protocol';

const OUTPUTS = ['url', 'query', 'presign', 'sign', 'json'] as const;

const USAGE = {
  en: `alipay-toolkit sign [INPUT] [options]
  INPUT                    a gateway URL, a query string, JSON, name=value lines, @file, or - / nothing for standard input
  --key-file F             MD5 key file (or set ALIPAY_MD5_KEY)
  --private-key-file F     merchant private key for RSA, RSA2, DSA (PEM or bare base64; PKCS#1 or PKCS#8)
  --sign-type T            MD5 | RSA | RSA2 | DSA (default: the input's sign_type, else MD5)
  --charset C              utf-8 | gbk | gb2312 (default: the input's _input_charset or charset, else utf-8)
  --gateway URL            https gateway (default: the input URL's gateway, else ${SANDBOX_GATEWAY})
  --output O               url | query | presign | sign | json (default url)
  --app-cert-file F        OpenAPI certificate mode: the app certificate (appCertPublicKey_….crt); adds app_cert_sn
  --alipay-root-cert-file F  OpenAPI certificate mode: the root chain (alipayRootCert.crt); adds alipay_root_cert_sn
Sets or replaces sign and sign_type. Exit 0 signed, 2 bad input or usage.`,
  zh: `alipay-toolkit sign [INPUT] [选项]
  INPUT                    网关 URL、查询串、JSON、name=value 行、@文件，或 - / 省略表示标准输入
  --key-file F             MD5 密钥文件（或设置 ALIPAY_MD5_KEY）
  --private-key-file F     RSA、RSA2、DSA 的商户私钥（PEM 或单行 base64；PKCS#1 或 PKCS#8）
  --sign-type T            MD5 | RSA | RSA2 | DSA（默认：输入中的 sign_type，否则 MD5）
  --charset C              utf-8 | gbk | gb2312（默认：输入中的 _input_charset 或 charset，否则 utf-8）
  --gateway URL            https 网关（默认：输入 URL 的网关，否则 ${SANDBOX_GATEWAY}）
  --output O               url | query | presign | sign | json（默认 url）
  --app-cert-file F        OpenAPI 公钥证书模式：应用公钥证书（appCertPublicKey_….crt）；加入 app_cert_sn
  --alipay-root-cert-file F  OpenAPI 公钥证书模式：支付宝根证书（alipayRootCert.crt）；加入 alipay_root_cert_sn
设置或替换 sign 与 sign_type。退出码 0 成功，2 输入或用法错误。`,
};

function sameCharset(name: string): Charset | undefined {
  try {
    return normalizeCharset(name);
  } catch {
    return undefined; // an unknown _input_charset: the override decides
  }
}

/** Certificate mode: app_cert_sn / alipay_root_cert_sn set before signing (they are signed), a warning per certificate out of its validity period. */
function withCertSns(io: CliIO, params: Param[], family: Family, appFile: string | undefined, rootFile: string | undefined): Param[] {
  if (!appFile && !rootFile) return params;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the X.509 reader loads only in certificate mode
  const { addCertSns } = require('../core/openapi/certMode') as typeof import('../core/openapi/certMode');
  const r = addCertSns(params, family, {
    app: appFile ? { bytes: readFileOrFail(appFile, 'certificate'), source: `app certificate "${appFile}"` } : undefined,
    root: rootFile ? { bytes: readFileOrFail(rootFile, 'certificate'), source: `root certificate "${rootFile}"` } : undefined,
  });
  for (const w of r.warnings) io.stderr(`alipay-toolkit: ${w[io.lang]}`);
  return r.params;
}

export const command: Subcommand = {
  summary: { en: 'sign a request (MD5, RSA, RSA2, DSA) and print the URL', zh: '对请求签名（MD5、RSA、RSA2、DSA）并输出 URL' },
  async run(args, io) {
    const a = parseArgs(
      args,
      { 'key-file': 'value', 'private-key-file': 'value', 'sign-type': 'value', charset: 'value', gateway: 'value', output: 'value', 'app-cert-file': 'value', 'alipay-root-cert-file': 'value', help: 'flag' },
      1,
    );
    if (a.flags.has('help')) return printUsage(io, USAGE);
    const output = oneOf('output', a.options.get('output'), OUTPUTS, 'url');
    // An explicit --gateway is checked even when the output has no URL: a bad option is a mistake either way.
    const gatewayOption = a.options.get('gateway');
    const explicitGateway = gatewayOption ? checkGateway(gatewayOption, '--gateway') : undefined;

    const { parsed } = await readParams(io, a.positionals[0], a.options.get('charset'));
    const { charset, params } = parsed;
    if (!params.some((p) => !isSignatureParam(p.name))) {
      throw new UsageError('The input has no parameters to sign (a gateway URL needs its query string: …/gateway.do?service=…)', '输入中没有可签名的参数（网关 URL 需要带查询串：…/gateway.do?service=…）');
    }
    // The one resolver: variant, sign type (flag, sign_type / sec_id, family default) and the charset warning.
    const ctx = resolveContext({ params, kind: parsed.kind, signType: a.options.get('sign-type'), charset: a.options.get('charset'), gateway: explicitGateway ?? parsed.gateway });
    const signType = ctx.signType.value;
    const from = ctx.signType.from[io.lang];
    for (const w of ctx.warnings) io.stderr(`alipay-toolkit: ${io.lang === 'zh' ? '警告' : 'warning'}: ${localize(w.text, io.lang, w.args)}`);

    const certFlags = ['app-cert-file', 'alipay-root-cert-file'].filter((n) => a.options.has(n));
    if (certFlags.length > 0 && ctx.family.value !== 'openapi') {
      const { CERT_MODE_MAPI } = require('../core/openapi/certMode') as typeof import('../core/openapi/certMode'); // eslint-disable-line @typescript-eslint/no-require-imports -- certificate mode loads on use
      throw new UsageError(`--${certFlags[0]}: ${CERT_MODE_MAPI.en}`, `--${certFlags[0]}：${CERT_MODE_MAPI.zh}`, { family: FAMILIES[ctx.family.value].label[io.lang] });
    }

    const declared = getParam(params, MAPI_CHARSET_PARAM);
    if (a.options.has('charset') && declared && sameCharset(declared) !== charset) {
      io.stderr(
        io.lang === 'zh'
          ? `alipay-toolkit: 警告：--charset ${charset} 与输入中的 _input_charset=${declared} 不同；网关会按 _input_charset 验签`
          : `alipay-toolkit: warning: --charset ${charset} differs from _input_charset=${declared} in the input; the gateway checks the signature in _input_charset`,
      );
    }
    assertEncodable(params, charset);

    let key: SigningKey;
    const keyFile = a.options.get('key-file');
    const privateFile = a.options.get('private-key-file');
    if (signType === 'MD5') {
      if (privateFile && !keyFile) {
        throw new UsageError(
          'sign_type is MD5 ({from}) but only --private-key-file was given: add --sign-type RSA2 (or RSA, DSA) to sign with a private key, or give --key-file for MD5',
          'sign_type 为 MD5（{from}），但只提供了 --private-key-file：若用私钥签名请加 --sign-type RSA2（或 RSA、DSA），MD5 请提供 --key-file',
          { from },
        );
      }
      key = { md5Key: readMd5Key(io, keyFile) };
    } else {
      if (!privateFile) {
        throw new UsageError(
          'sign_type {signType} ({from}) needs the merchant private key: --private-key-file FILE',
          'sign_type {signType}（{from}）需要商户私钥：--private-key-file FILE',
          { signType, from },
        );
      }
      key = { privateKey: readPrivateKeyFile(privateFile).key };
    }

    if (parsed.kind === 'order') {
      // mobile.securitypay: the order string as written, sign URL-encoded in quotes (no gateway URL).
      const order = signOrderString(params, signType, key, charset);
      if (output === 'json') printData(io, JSON.stringify({ sign_type: signType, charset, variant: ctx.variant.value, presign: order.content, sign: order.sign, order: order.orderString }));
      else printData(io, output === 'presign' ? order.content : output === 'sign' ? order.sign : order.orderString);
      return EXIT.ok;
    }
    const result = signParams(withCertSns(io, params, ctx.family.value, a.options.get('app-cert-file'), a.options.get('alipay-root-cert-file')), signType, key, charset);
    let gateway = explicitGateway ?? SANDBOX_GATEWAY;
    if (!explicitGateway && parsed.gateway && (output === 'url' || output === 'json')) gateway = checkGateway(parsed.gateway, 'the input URL');
    const query = serializeQuery(result.params, charset);
    switch (output) {
      case 'presign':
        printData(io, result.presign);
        break;
      case 'sign':
        printData(io, result.sign);
        break;
      case 'query':
        printData(io, query);
        break;
      case 'json':
        printData(
          io,
          JSON.stringify({
            sign_type: signType,
            charset,
            gateway,
            presign: result.presign,
            sign: result.sign,
            query,
            url: buildUrl(gateway, result.params, charset),
            params: result.params,
          }),
        );
        break;
      default:
        printData(io, buildUrl(gateway, result.params, charset));
    }
    return EXIT.ok;
  },
};
