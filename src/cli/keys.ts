// `alipay-toolkit keys inspect|convert|generate|match`. A private key is never
// printed unless asked for explicitly with `convert --out -`; files holding one
// are written with mode 0600 and never overwritten without --force.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import type { Subcommand } from './subcommand';
import { KEY_FORMAT_NAMES, KeyInfo, LoadedKey, derivePublicKey, fingerprintOf, generateRsaPair, loadAnyKey, toBareBase64, toPkcs1, toPkcs8 } from '../core/keys';
import { oneOf, parseArgs } from './args';
import { printUsage, readPrivateKeyFile, readPublicKeyFile } from './common';
import { CliIO, EXIT, UsageError, readFileOrFail, readInput, printData } from './io';

const USAGE = {
  en: `alipay-toolkit keys inspect FILE [--output text|json]
      kind, algorithm, bits, format and SHA-256 fingerprint of a key (never the key itself)
alipay-toolkit keys convert FILE --to pkcs1|pkcs8|base64|public [--out FILE|-] [--force]
      pkcs1/pkcs8: private key PEM; base64: one line, as Alipay's key tool prints; public: SPKI PEM.
      A private result needs --out FILE (written with mode 0600) or --out - to print it deliberately.
alipay-toolkit keys generate [--bits 2048|1024] --out PREFIX [--force]
      writes PREFIX.private.pem (PKCS#8, mode 0600) and PREFIX.public.pem; prints paths and fingerprint
alipay-toolkit keys match --private-key-file F --public-key-file G
      MATCH (exit 0) or MISMATCH (exit 1)
alipay-toolkit keys cert-sn FILE [--root] [--json]
      certificate SN (OpenAPI certificate mode) as bare lowercase hex on line 1 (--json: one JSON document): app_cert_sn for
      appCertPublicKey_*.crt, alipay_cert_sn for alipayCertPublicKey_RSA2.crt; --root: alipay_root_cert_sn
      of alipayRootCert.crt (RSA-signed certificates only, joined by _). --json: issuer, serial, chain
FILE may be - for standard input. Exit 2 on bad input or usage.`,
  zh: `alipay-toolkit keys inspect FILE [--output text|json]
      显示密钥的类型、算法、位数、格式和 SHA-256 指纹（从不显示密钥本身）
alipay-toolkit keys convert FILE --to pkcs1|pkcs8|base64|public [--out FILE|-] [--force]
      pkcs1/pkcs8：私钥 PEM；base64：单行（与支付宝密钥工具输出相同）；public：SPKI 公钥 PEM。
      结果为私钥时需 --out FILE（以 0600 权限写入），或用 --out - 明确要求输出到终端。
alipay-toolkit keys generate [--bits 2048|1024] --out PREFIX [--force]
      写入 PREFIX.private.pem（PKCS#8，权限 0600）和 PREFIX.public.pem；只输出路径和指纹
alipay-toolkit keys match --private-key-file F --public-key-file G
      MATCH（退出码 0）或 MISMATCH（退出码 1）
alipay-toolkit keys cert-sn FILE [--root] [--json]
      证书 SN（OpenAPI 公钥证书模式），第 1 行为小写十六进制：appCertPublicKey_*.crt 得 app_cert_sn，
      alipayCertPublicKey_RSA2.crt 得 alipay_cert_sn；--root：alipayRootCert.crt 的 alipay_root_cert_sn
      （只取 RSA 签名的证书，以 _ 连接）。--json：颁发者、序列号、证书链明细
FILE 可为 - 表示标准输入。输入或用法错误时退出码 2。`,
};

async function readKey(io: CliIO, file: string | undefined): Promise<LoadedKey> {
  if (!file) throw new UsageError('Give the key FILE (or - for standard input)', '请提供密钥文件 FILE（或用 - 表示标准输入）');
  const bytes = file === '-' ? await readInput(io, '-') : readFileOrFail(file, 'key');
  return loadAnyKey(bytes, file === '-' ? 'key on standard input' : `key file "${file}"`);
}


function advice(info: KeyInfo, lang: CliIO['lang']): string[] {
  const out: string[] = [];
  if (info.algorithm === 'rsa' && (info.bits ?? 0) < 2048) {
    out.push(lang === 'zh' ? '注意：1024 位 RSA 属于旧式密钥；新接入请使用 2048 位密钥与 RSA2' : 'note: 1024-bit RSA is legacy; new integrations should use a 2048-bit key with RSA2');
  }
  if (info.kind === 'private' && (info.format === 'pkcs1' || info.format === 'openssl-dsa')) {
    out.push(lang === 'zh' ? '注意：Java 和官方 SDK 需要 PKCS#8：keys convert FILE --to pkcs8' : 'note: Java and the official SDKs need PKCS#8: keys convert FILE --to pkcs8');
  }
  return out;
}

/** Writes a file; private keys get mode 0600; an existing file is kept unless --force. */
function writeOut(file: string, data: string, secret: boolean, force: boolean): void {
  try {
    fs.writeFileSync(file, data, { mode: secret ? 0o600 : 0o644, flag: force ? 'w' : 'wx' });
    if (secret) fs.chmodSync(file, 0o600); // an overwritten file keeps its old mode otherwise
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new UsageError('"{file}" already exists; refusing to overwrite it (it may be a key in use): add --force to replace it', '"{file}" 已存在；拒绝覆盖（它可能是正在使用的密钥）：如需替换请加 --force', { file });
    }
    const why = code === 'ENOENT' ? ['its folder does not exist', '所在文件夹不存在'] : code === 'EACCES' ? ['permission denied', '没有写权限'] : [code ?? 'error', code ?? 'error'];
    throw new UsageError('Cannot write "{file}": {why}', '无法写入 "{file}"：{whyZh}', { file, why: why[0], whyZh: why[1] });
  }
}

async function inspect(args: string[], io: CliIO): Promise<number> {
  const a = parseArgs(args, { output: 'value' }, 1);
  const output = oneOf('output', a.options.get('output'), ['text', 'json'] as const, 'text');
  const { info } = await readKey(io, a.positionals[0]);
  if (output === 'json') {
    printData(io, JSON.stringify(info));
    return EXIT.ok;
  }
  io.stdout(`kind: ${info.kind}`);
  io.stdout(`algorithm: ${info.algorithm.toUpperCase()}`);
  if (info.bits) io.stdout(`bits: ${info.bits}`);
  io.stdout(`format: ${KEY_FORMAT_NAMES[info.format]}`);
  io.stdout(`encoding: ${info.encoding === 'base64' ? 'bare base64' : info.encoding.toUpperCase()}`);
  io.stdout(`fingerprint: ${info.fingerprint}`);
  for (const line of advice(info, io.lang)) io.stdout(line);
  return EXIT.ok;
}

async function convert(args: string[], io: CliIO): Promise<number> {
  const a = parseArgs(args, { to: 'value', out: 'value', force: 'flag', json: 'flag' }, 1);
  const json = a.flags.has('json');
  if (!a.options.has('to')) throw new UsageError('keys convert needs --to pkcs1|pkcs8|base64|public', 'keys convert 需要 --to pkcs1|pkcs8|base64|public');
  const to = oneOf('to', a.options.get('to'), ['pkcs1', 'pkcs8', 'base64', 'public'] as const, 'public');
  const loaded = await readKey(io, a.positionals[0]);
  const src = a.positionals[0] === '-' ? 'key on standard input' : `key file "${a.positionals[0]}"`;
  const isPrivate = loaded.info.kind === 'private';
  let result: string;
  if (isPrivate) {
    const k = loaded.key;
    if (to === 'pkcs1') result = toPkcs1(k.export({ type: 'pkcs8', format: 'pem' }) as string, src);
    else if (to === 'pkcs8') result = toPkcs8(k.export({ type: 'pkcs8', format: 'pem' }) as string, src);
    else if (to === 'base64') result = toBareBase64(k.export({ type: 'pkcs8', format: 'pem' }) as string) + '\n';
    else result = derivePublicKey(k.export({ type: 'pkcs8', format: 'pem' }) as string, src);
  } else {
    const k = loaded.key;
    if (to === 'pkcs8') {
      throw new UsageError('{src}: PKCS#8 is a private-key format and this is a public key; use --to public (SPKI PEM) or --to base64', '{src}：PKCS#8 是私钥格式，而这是公钥；请用 --to public（SPKI PEM）或 --to base64', { src });
    }
    if (to === 'pkcs1') {
      if (k.asymmetricKeyType !== 'rsa') throw new UsageError('{src}: PKCS#1 exists only for RSA keys', '{src}：PKCS#1 仅适用于 RSA 密钥', { src });
      result = k.export({ type: 'pkcs1', format: 'pem' }) as string;
    } else if (to === 'base64') result = toBareBase64(k.export({ type: 'spki', format: 'pem' }) as string) + '\n';
    else result = k.export({ type: 'spki', format: 'pem' }) as string;
  }
  const secret = isPrivate && to !== 'public';
  const out = a.options.get('out');
  if (out === undefined && secret) {
    throw new UsageError(
      'The result is a private key: give --out FILE (written with mode 0600), or --out - to print it to the terminal deliberately',
      '结果是私钥：请用 --out FILE（以 0600 权限写入），或用 --out - 明确要求输出到终端',
    );
  }
  if (out === undefined || out === '-') {
    if (json) printData(io, JSON.stringify({ to, key: result, fingerprint: fingerprintOf(loaded.key) }));
    else printData(io, result.replace(/\n$/, ''));
    return EXIT.ok;
  }
  writeOut(out, result, secret, a.flags.has('force'));
  if (json) {
    printData(io, JSON.stringify({ to, wrote: out, mode: secret ? '0600' : null, fingerprint: fingerprintOf(loaded.key) }));
    return EXIT.ok;
  }
  io.stdout(`${io.lang === 'zh' ? '已写入' : 'wrote'} ${out}${secret ? ' (mode 0600)' : ''}`);
  io.stdout(`fingerprint: ${fingerprintOf(loaded.key)}`);
  return EXIT.ok;
}

function generate(args: string[], io: CliIO): number {
  const a = parseArgs(args, { bits: 'value', out: 'value', force: 'flag', json: 'flag' }, 0);
  const bits = Number(oneOf('bits', a.options.get('bits'), ['2048', '1024'] as const, '2048')) as 2048 | 1024;
  const prefix = a.options.get('out');
  if (!prefix) throw new UsageError('keys generate needs --out PREFIX (writes PREFIX.private.pem and PREFIX.public.pem)', 'keys generate 需要 --out PREFIX（写入 PREFIX.private.pem 和 PREFIX.public.pem）');
  if (prefix === '-') {
    throw new UsageError(
      'keys generate writes files only: a new private key printed to a terminal ends up in scrollback and logs; give --out PREFIX',
      'keys generate 只写入文件：打印到终端的私钥会留在回滚缓冲和日志中；请提供 --out PREFIX',
    );
  }
  const privFile = `${prefix}.private.pem`;
  const pubFile = `${prefix}.public.pem`;
  const force = a.flags.has('force');
  for (const f of [privFile, pubFile]) {
    if (!force && fs.existsSync(f)) {
      throw new UsageError('"{file}" already exists; refusing to overwrite it (it may be a key in use): add --force to replace it', '"{file}" 已存在；拒绝覆盖（它可能是正在使用的密钥）：如需替换请加 --force', { file: f });
    }
  }
  const pair = generateRsaPair(bits);
  writeOut(privFile, pair.privateKey, true, force);
  writeOut(pubFile, pair.publicKey, false, force);
  if (a.flags.has('json')) {
    printData(io, JSON.stringify({ privateKey: privFile, publicKey: pubFile, algorithm: 'RSA', bits, format: 'PKCS#8 PEM', mode: '0600', fingerprint: fingerprintOf(crypto.createPublicKey(pair.publicKey)) }));
    return EXIT.ok;
  }
  const zh = io.lang === 'zh';
  io.stdout(`${zh ? '私钥' : 'private key'}: ${privFile} (RSA ${bits}, PKCS#8 PEM, mode 0600)`);
  io.stdout(`${zh ? '公钥' : 'public key'}: ${pubFile}`);
  io.stdout(`fingerprint: ${fingerprintOf(crypto.createPublicKey(pair.publicKey))}`);
  io.stdout(
    zh
      ? `下一步：把公钥上传到支付宝控制台（单行形式：alipay-toolkit keys convert ${pubFile} --to base64）`
      : `next: upload the public key in Alipay's console (one-line form: alipay-toolkit keys convert ${pubFile} --to base64)`,
  );
  return EXIT.ok;
}

async function certSnCommand(args: string[], io: CliIO): Promise<number> {
  const a = parseArgs(args, { root: 'flag', json: 'flag' }, 1);
  const file = a.positionals[0];
  if (!file) throw new UsageError('Give the certificate FILE (or - for standard input)', '请提供证书文件 FILE（或用 - 表示标准输入）');
  const bytes = file === '-' ? await readInput(io, '-') : readFileOrFail(file, 'certificate');
  const source = file === '-' ? 'certificate on standard input' : `certificate file "${file}"`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the X.509 reader loads only for this subcommand
  const { certSn, rootCertSn, validityWarning } = require('../core/openapi/certSn') as typeof import('../core/openapi/certSn');
  const detail = (c: import('../core/openapi/certSn').CertInfo) => ({
    sn: c.sn,
    issuer: c.issuer,
    subject: c.subject,
    serial: c.serialDecimal,
    serialHex: c.serialHex,
    signatureAlgorithm: c.signatureName,
    signatureOid: c.signatureOid,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
  });
  const warnings: string[] = [];
  if (a.flags.has('root')) {
    const root = rootCertSn(bytes, source);
    for (const c of root.certs) {
      const w = c.used ? validityWarning(c.cert) : undefined;
      if (w) warnings.push(w[io.lang]);
    }
    if (a.flags.has('json')) {
      printData(io, JSON.stringify({ sn: root.sn, root: true, certificates: root.certs.map((c) => ({ ...detail(c.cert), used: c.used, why: c.why[io.lang] })) }, null, 2));
    } else {
      printData(io, root.sn);
      root.certs.forEach((c, i) => io.stdout(`#${i + 1} ${c.used ? c.cert.sn : '-'.repeat(32)} ${c.why[io.lang]} · ${c.cert.subject}`));
    }
  } else {
    const { sn, cert, ignored } = certSn(bytes, source);
    const w = validityWarning(cert);
    if (w) warnings.push(w[io.lang]);
    if (a.flags.has('json')) printData(io, JSON.stringify({ ...detail(cert), root: false, ignoredCertificates: ignored }, null, 2));
    else {
      printData(io, sn);
      io.stdout(`issuer: ${cert.issuer}`);
      io.stdout(`serial: ${cert.serialDecimal}`);
      if (ignored > 0) {
        io.stdout(
          io.lang === 'zh'
            ? `注意：文件中还有 ${ignored} 个证书未计入（只取第一个）；若这是根证书链，请加 --root`
            : `note: ${ignored} more certificate(s) in the file not counted (the first one is used); for the root chain add --root`,
        );
      }
    }
  }
  for (const w of warnings) io.stderr(w);
  return EXIT.ok;
}

function match(args: string[], io: CliIO): number {
  const a = parseArgs(args, { 'private-key-file': 'value', 'public-key-file': 'value', json: 'flag' }, 0);
  const privFile = a.options.get('private-key-file');
  const pubFile = a.options.get('public-key-file');
  if (!privFile || !pubFile) {
    throw new UsageError('keys match needs --private-key-file F and --public-key-file G', 'keys match 需要 --private-key-file F 和 --public-key-file G');
  }
  const priv = readPrivateKeyFile(privFile);
  const pub = readPublicKeyFile(pubFile);
  const a1 = fingerprintOf(priv.key);
  const a2 = fingerprintOf(pub.key);
  if (a.flags.has('json')) {
    printData(io, JSON.stringify({ match: a1 === a2, privateKey: a1, publicKey: a2 }));
    return a1 === a2 ? EXIT.ok : EXIT.fail;
  }
  io.stdout(a1 === a2 ? 'MATCH' : 'MISMATCH');
  io.stdout(`private key: ${a1}`);
  io.stdout(`public key:  ${a2}`);
  return a1 === a2 ? EXIT.ok : EXIT.fail;
}

export const command: Subcommand = {
  summary: { en: 'inspect, convert, generate and match keys', zh: '查看、转换、生成密钥，检查密钥是否配对' },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!sub) {
      io.stderr(io.lang === 'zh' ? 'alipay-toolkit: keys 缺少子命令 inspect | convert | generate | match | cert-sn（运行 keys --help 查看用法）' : 'alipay-toolkit: keys needs a subcommand: inspect | convert | generate | match | cert-sn (run keys --help)');
      return EXIT.usage;
    }
    if (sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
      printUsage(io, USAGE);
      return EXIT.ok;
    }
    switch (sub) {
      case 'inspect':
        return inspect(rest, io);
      case 'convert':
        return convert(rest, io);
      case 'generate':
        return generate(rest, io);
      case 'match':
        return match(rest, io);
      case 'cert-sn':
        return certSnCommand(rest, io);
      default:
        throw new UsageError('Unknown keys subcommand "{sub}" (use inspect, convert, generate, match or cert-sn)', '未知的 keys 子命令 "{sub}"（请使用 inspect、convert、generate、match 或 cert-sn）', {
          sub: sub.slice(0, 30),
        });
    }
  },
};
