// `alipay-toolkit verify [INPUT]`: VALID or INVALID, and on INVALID the reason,
// the pre-sign string and what the signature doctor found.
import type { Subcommand } from './subcommand';
import { DoctorInput, describeFinding, diagnose } from '../core/doctor';
import { fingerprintOf } from '../core/keys';
import { ToolkitError } from '../core/i18n';
import { carriedSign, VARIANTS } from '../core/protocol';
import { resolveContext, verifyingKeyRole } from '../core/resolve';
import { verifyMessage } from '../core/response/signature';
import { VerifyingKey } from '../core/sign';
import { oneOf, parseArgs } from './args';
import { checkGateway, printUsage, readMd5Key, readParams, readAlipayPublicKeyFile, readPrivateKeyFile, readPublicKeyFile } from './common';
import { EXIT, UsageError, printData } from './io';

const USAGE = {
  en: `alipay-toolkit verify [INPUT] [options]
  INPUT                         a URL, query string, form body, JSON, name=value lines, @file, or - / nothing for standard input
  --key-file F                  MD5 key file (or set ALIPAY_MD5_KEY)
  --public-key-file F           Alipay's public key for RSA, RSA2, DSA
  --merchant-public-key-file F  (optional) your own public key: lets the doctor tell the two keys apart
  --private-key-file F          (optional) your private key: verify your own request with its public half,
                                let the doctor check that your key pair matches, or decrypt a WAP 2.0
                                notify_data (sec_id=0001)
  --sign-type T                 MD5 | RSA | RSA2 | DSA (default: the input's sign_type or sec_id, else MD5; OpenAPI RSA2)
  --charset C                   utf-8 | gbk | gb2312 (default: the input's _input_charset or charset, else utf-8)
  --variant V                   the message variant when its markers do not tell (README "Message variants")
  --gateway URL                 (optional) the gateway, for the sandbox/production hint
  --output O                    text | json (default text)
First line VALID or INVALID. Exit 0 valid, 1 invalid, 2 bad input or usage.`,
  zh: `alipay-toolkit verify [INPUT] [选项]
  INPUT                         URL、查询串、表单、JSON、name=value 行、@文件，或 - / 省略表示标准输入
  --key-file F                  MD5 密钥文件（或设置 ALIPAY_MD5_KEY）
  --public-key-file F           RSA、RSA2、DSA 所用的支付宝公钥
  --merchant-public-key-file F  （可选）商户自己的公钥：帮助诊断区分两把密钥
  --private-key-file F          （可选）商户私钥：用其公钥验证自己签的请求、检查密钥是否配对，
                                或解密 WAP 2.0 的 notify_data（sec_id=0001）
  --sign-type T                 MD5 | RSA | RSA2 | DSA（默认：输入中的 sign_type 或 sec_id，否则 MD5；OpenAPI 为 RSA2）
  --charset C                   utf-8 | gbk | gb2312（默认：输入中的 _input_charset 或 charset，否则 utf-8）
  --variant V                   标记无法判断时指定报文类型（见 README “Message variants”）
  --gateway URL                 （可选）网关，用于沙箱/正式环境提示
  --output O                    text | json（默认 text）
第一行为 VALID 或 INVALID。退出码 0 有效，1 无效，2 输入或用法错误。`,
};

const L = {
  reason: { en: 'reason', zh: '原因' },
  presign: { en: 'presign', zh: '待签名串' },
  doctor: { en: 'doctor', zh: '诊断' },
  hint: { en: 'hint', zh: '提示' },
  checkedAs: { en: 'checked as {what}', zh: '验签依据：{what}' },
  variant: { en: 'variant', zh: '报文类型' },
  noSign: { en: 'there is no sign parameter', zh: '没有 sign 参数' },
  mismatch: {
    en: 'the signature does not match the pre-sign string (sign_type {signType}, charset {charset}, key {key})',
    zh: '签名与待签名串不匹配（sign_type {signType}，字符集 {charset}，密钥 {key}）',
  },
  nothing: {
    en: 'none of the known mistakes makes it verify (tried: {tried}); check that the key is the right one for this account and environment',
    zh: '已知的常见错误都无法使其验签通过（已尝试：{tried}）；请确认密钥属于该账号和环境',
  },
};

export const command: Subcommand = {
  summary: { en: 'verify a signed URL, notification or return_url; diagnose failures', zh: '验证已签名的 URL、异步通知或 return_url，并诊断失败原因' },
  async run(args, io) {
    const a = parseArgs(
      args,
      {
        'key-file': 'value',
        'public-key-file': 'value',
        'merchant-public-key-file': 'value',
        'private-key-file': 'value',
        'sign-type': 'value',
        charset: 'value',
        gateway: 'value',
        variant: 'value',
        output: 'value',
        help: 'flag',
      },
      1,
    );
    if (a.flags.has('help')) return printUsage(io, USAGE);
    const output = oneOf('output', a.options.get('output'), ['text', 'json'] as const, 'text');
    const gatewayOption = a.options.get('gateway');
    const explicitGateway = gatewayOption ? checkGateway(gatewayOption, '--gateway') : undefined;

    const read = await readParams(io, a.positionals[0], a.options.get('charset'));
    const { rawQuery } = read;
    const { parsed } = read;
    // The one resolver: variant, sign type and charset, each with where it came from.
    const ctx = resolveContext({ params: parsed.params, kind: parsed.kind, gateway: explicitGateway ?? parsed.gateway, signType: a.options.get('sign-type'), charset: a.options.get('charset'), variant: a.options.get('variant') });
    const signType = ctx.signType.value;
    const from = ctx.signType.from[io.lang];
    const { params, charset } = parsed;
    const role = verifyingKeyRole(ctx.variant.value, signType);

    const publicFile = a.options.get('public-key-file');
    const privateFile = a.options.get('private-key-file');
    const merchantFile = a.options.get('merchant-public-key-file');
    const merchantPrivate = privateFile ? readPrivateKeyFile(privateFile) : undefined;
    const merchantPublic = merchantFile ? readPublicKeyFile(merchantFile, 'merchant public key') : undefined;

    const own = merchantPublic ?? merchantPrivate;
    // Without a signature there is nothing to check: say so without asking for a key first.
    let key: VerifyingKey | undefined;
    let keyLabel = '';
    const doctorKeys: Partial<DoctorInput> = {};
    if (carriedSign(params) === undefined) {
      key = undefined;
    } else if (signType === 'MD5') {
      key = { md5Key: readMd5Key(io, a.options.get('key-file')) };
      keyLabel = 'MD5';
    } else if (publicFile) {
      // Checking what Alipay signed: a private key there is most likely the merchant's own (warned).
      const pub = (role.verify === 'alipayPublicKey' ? readAlipayPublicKeyFile(io, publicFile, '--public-key-file') : readPublicKeyFile(publicFile)).key;
      key = { publicKey: pub };
      keyLabel = fingerprintOf(pub);
      if (merchantPublic) doctorKeys.merchantPublicKey = merchantPublic.key;
      if (merchantPrivate) doctorKeys.merchantPrivateKey = merchantPrivate.key;
    } else if (own && role.verify === 'merchantPublicKey') {
      // Checking one's own signed request: the merchant's public key (or the private key's public half).
      key = { publicKey: own.key };
      keyLabel = fingerprintOf(own.key);
      if (merchantPublic && merchantPrivate) doctorKeys.merchantPrivateKey = merchantPrivate.key;
    } else if (own) {
      key = { publicKey: own.key };
      keyLabel = fingerprintOf(own.key);
      if (merchantPublic && merchantPrivate) doctorKeys.merchantPrivateKey = merchantPrivate.key;
    } else {
      throw new UsageError(
        "sign_type {signType} ({from}) needs Alipay's public key: --public-key-file FILE",
        'sign_type {signType}（{from}）需要支付宝公钥：--public-key-file FILE',
        { signType, from },
      );
    }

    const view = verifyMessage({
      params,
      charset,
      variant: ctx.variant.value,
      signType,
      keys: { ...(key === undefined ? {} : 'md5Key' in key ? { md5Key: key.md5Key } : { publicKey: key.publicKey }), merchantPrivateKey: merchantPrivate?.key },
    });
    if (view.verdict === 'error' || view.verdict === 'noKey') {
      throw new ToolkitError('CANNOT_VERIFY', view.reason ?? { en: 'the signature cannot be checked', zh: '无法验证签名' });
    }
    const result = { valid: view.verdict === 'valid', presign: view.content ?? '', reason: view.verdict === 'unsigned' ? ('NO_SIGN' as const) : view.verdict === 'invalid' ? ('MISMATCH' as const) : undefined };
    const doctor =
      result.valid || key === undefined
        ? undefined
        : diagnose({ params, signType, charset, key, rawQuery, gateway: explicitGateway ?? parsed.gateway, variant: ctx.variant.value, context: ctx, ...doctorKeys });

    if (output === 'json') {
      const f = (x: { id: string; presign?: string }, text: string) => ({ id: x.id, message: text, ...(x.presign !== undefined ? { presign: x.presign } : {}) });
      printData(
        io,
        JSON.stringify({
          valid: result.valid,
          ...(result.reason ? { reason: result.reason } : {}),
          sign_type: signType,
          charset,
          variant: ctx.variant.value,
          ...(view.note ? { rule: view.note[io.lang] } : {}),
          presign: result.presign,
          findings: (doctor?.findings ?? []).filter((x) => x.id !== 'no-sign').map((x) => f(x, describeFinding(x, io.lang))),
          hints: (doctor?.hints ?? []).map((x) => f(x, describeFinding(x, io.lang))),
          tried: doctor?.tried ?? [],
          ...(doctor?.evidence ? { checked_as: doctor.evidence[io.lang] } : {}),
        }),
      );
      return result.valid ? EXIT.ok : EXIT.fail;
    }

    const t = (x: { en: string; zh: string }, args: Record<string, string> = {}) => x[io.lang].replace(/\{(\w+)\}/g, (m, k: string) => args[k] ?? m);
    if (result.valid) {
      io.stdout('VALID');
      io.stdout(`${t(L.presign)}: ${result.presign}`);
      io.stdout(`${t(L.variant)}: ${VARIANTS[ctx.variant.value].label[io.lang]} (${ctx.variant.from[io.lang]})${view.note ? ' — ' + view.note[io.lang] : ''}`);
      return EXIT.ok;
    }
    io.stdout('INVALID');
    io.stdout(`${t(L.reason)}: ${result.reason === 'NO_SIGN' ? t(L.noSign) : t(L.mismatch, { signType, charset, key: keyLabel })}`);
    io.stdout(`${t(L.presign)}: ${result.presign}`);
    if (doctor && result.reason !== 'NO_SIGN') {
      if (doctor.evidence) io.stdout(`${t(L.doctor)}: ${t(L.checkedAs, { what: doctor.evidence[io.lang] })}`);
      if (doctor.findings.length === 0) io.stdout(`${t(L.doctor)}: ${t(L.nothing, { tried: doctor.tried.join(', ') })}`);
      for (const x of doctor.findings) io.stdout(`${t(L.doctor)}: [${x.id}] ${describeFinding(x, io.lang)}`);
      for (const x of doctor.hints) io.stdout(`${t(L.hint)}: [${x.id}] ${describeFinding(x, io.lang)}`);
    }
    io.stdout(`${t(L.variant)}: ${VARIANTS[ctx.variant.value].label[io.lang]} (${ctx.variant.from[io.lang]}) — ${VARIANTS[ctx.variant.value].ruleText[io.lang]}`);
    return EXIT.fail;
  },
};
