// `alipay-toolkit decode [FILE|TEXT|-] [--json] [--key-file F | --public-key-file F]`:
// what a gateway response, notification, return URL or OpenAPI JSON says —
// status, error explained, fields labelled, lists, and the signature verdict.
import * as fs from 'node:fs';
import type { Subcommand } from './subcommand';
import { ToolkitError, type Lang, type Text } from '../core/i18n';
import { parseAesKey } from '../core/openapi/aes';
import { decodeResponse, FieldView, ResponseModel, responseToJson, SignatureView, TableView } from '../core/response';
import { INFERRED_NOTE } from '../core/explain';
import { parseArgs } from './args';
import { MD5_KEY_ENV, printUsage, readMd5Key, readAlipayPublicKeyFile, readPrivateKeyFile } from './common';
import { CliIO, EXIT, UsageError, readFileOrFail, printData } from './io';

const USAGE = {
  en: `alipay-toolkit decode [FILE|TEXT|-] [options]
  FILE                   a response file (XML, notification body, return URL, OpenAPI JSON, true/false/success);
                         - or nothing reads standard input; TEXT: the message itself (a URL, XML, JSON or a
                         form body with & between parameters), when no file has that name
  --json                 print the decoded model as JSON (shape: README "Decoding responses")
  --key-file F           MD5 key file, to verify MD5 signatures (or set ALIPAY_MD5_KEY)
  --public-key-file F    Alipay's public key, to verify RSA / RSA2 / DSA signatures
  --alipay-cert-file F   certificate mode: Alipay's certificate(s) (alipayCertPublicKey_RSA2.crt); the one whose
                         SN matches the response's alipay_cert_sn verifies it
  --aes-key-file F       the OpenAPI AES key (base64, from the console), to decrypt encrypt_type=AES responses
  --private-key-file F   your private key: decrypts a WAP 2.0 notify_data (sec_id=0001) before verifying
  --charset C            charset of a form body given as bytes (XML declares its own)
  --rows N               table rows shown in text output (default 20; --json has all)
Exit 0 decoded (signature valid, absent or not checked), 1 signature INVALID, 2 bad input or usage.`,
  zh: `alipay-toolkit decode [FILE|TEXT|-] [选项]
  FILE                   响应文件（XML、异步通知、return_url、OpenAPI JSON、true/false/success）；
                         - 或省略表示标准输入；TEXT：消息本身（URL、XML、JSON 或以 & 分隔参数的表单内容），
                         此时不能有同名文件
  --json                 以 JSON 输出解析结果（结构见 README “Decoding responses”）
  --key-file F           MD5 密钥文件，用于验证 MD5 签名（或设置 ALIPAY_MD5_KEY）
  --public-key-file F    支付宝公钥，用于验证 RSA / RSA2 / DSA 签名
  --alipay-cert-file F   公钥证书模式：支付宝公钥证书（alipayCertPublicKey_RSA2.crt）；用 SN 与响应中
                         alipay_cert_sn 相同的证书验签
  --aes-key-file F       OpenAPI AES 密钥（控制台中的 base64），用于解密 encrypt_type=AES 的响应
  --private-key-file F   商户私钥：验签前解密 WAP 2.0 的 notify_data（sec_id=0001）
  --charset C            以字节给出的表单内容的字符集（XML 自带声明）
  --rows N               文本输出中每个表格显示的行数（默认 20；--json 输出全部）
退出码 0 已解析（签名有效、无签名或未验证），1 签名无效，2 输入或用法错误。`,
};

const L = {
  kind: {
    xml: { en: 'Synchronous XML response', zh: '同步 XML 响应' },
    notification: { en: 'Asynchronous notification', zh: '异步通知' },
    returnUrl: { en: 'Return URL', zh: '同步返回 URL' },
    text: { en: 'Plain-text answer', zh: '纯文本应答' },
    openapi: { en: 'OpenAPI JSON response', zh: 'OpenAPI JSON 响应' },
  },
  signature: { en: 'Signature', zh: '签名' },
  verdict: {
    valid: { en: 'VALID', zh: '有效' },
    invalid: { en: 'INVALID', zh: '无效' },
    noKey: { en: 'not checked: no key configured', zh: '未验证：未配置密钥' },
    unsigned: { en: 'none', zh: '无' },
    error: { en: 'cannot verify', zh: '无法验证' },
  },
  content: { en: 'signed content', zh: '签名内容' },
  inferred: { en: 'inferred rule', zh: '推断的规则' },
  inferredMeaning: { en: 'inferred', zh: '推断' },
  request: { en: 'Request parameters (echo)', zh: '请求参数（回显）' },
  fields: { en: 'Fields', zh: '业务字段' },
  table: { en: 'List {name}: {n} rows', zh: '列表 {name}：{n} 行' },
  omitted: { en: 'columns not shown', zh: '列未显示' },
  more: { en: '… {n} more rows (use --json for all)', zh: '… 还有 {n} 行（使用 --json 查看全部）' },
  check: { en: 'check', zh: '检查' },
  warning: { en: 'warning', zh: '警告' },
  unknown: { en: 'not in the catalog', zh: '目录中没有' },
} satisfies Record<string, unknown>;

const t = (x: Text, lang: Lang, args: Record<string, string | number> = {}): string =>
  x[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));

function fieldLine(f: FieldView, lang: Lang): string {
  const name = f.group ? `${f.group}/${f.name}` : f.name;
  const label = f.label ? ` (${f.label[lang]})` : '';
  const meaning = f.meaning ? ` — ${f.meaning[lang]}` : '';
  // An inferred label or value meaning is marked on its line; the legend (INFERRED_NOTE) follows the fields.
  return `  ${name}${label}: ${f.raw}${meaning}${f.inferred ? ` [${t(L.inferredMeaning, lang)}]` : ''}${f.unsafe ? ' ⚠' : ''}`;
}

function signatureLines(s: SignatureView, lang: Lang): string[] {
  const head = `${t(L.signature, lang)}: ${s.type ?? '-'} ${t(L.verdict[s.verdict], lang)}${s.inferred && s.present ? ` (${t(L.inferred, lang)})` : ''}`;
  const out = [head];
  if (s.reason) out.push(`  ${s.reason[lang]}`);
  if (s.content !== undefined) out.push(`  ${t(L.content, lang)} [${s.charset}]: ${s.content}`);
  if (s.note) out.push(`  ${s.note[lang]}`);
  return out;
}

function tableLines(tb: TableView, lang: Lang, max: number): string[] {
  const out = [t(L.table, lang, { name: tb.label ? `${tb.name} (${tb.label[lang]})` : tb.name, n: tb.rows.length }) + (tb.omittedColumns ? ` (+${tb.omittedColumns} ${t(L.omitted, lang)})` : '')];
  out.push('  ' + tb.columns.map((c) => c.name).join('\t'));
  for (const r of tb.rows.slice(0, max)) out.push('  ' + r.join('\t'));
  if (tb.rows.length > max) out.push('  ' + t(L.more, lang, { n: tb.rows.length - max }));
  return out;
}

export function formatModel(m: ResponseModel, lang: Lang, rows = 20): string[] {
  const out: string[] = [];
  out.push([t(m.kindLabel ?? L.kind[m.kind], lang), m.service, m.charset].filter(Boolean).join(' · '));
  const mark = m.status.success === true ? '✔' : m.status.success === false ? '✘' : '•';
  out.push(`${mark} ${m.status.title[lang]}`);
  for (const w of m.warnings ?? []) out.push(`⚠ ${t(L.warning, lang)}: ${w[lang]}`);
  if (m.status.detail) out.push(`  ${m.status.detail[lang]}`);
  if (m.error) {
    if (!m.error.entry) out.push(`  ${m.error.code}: ${t(L.unknown, lang)}`);
    else if (m.error.entry.source === 'inferred') out.push(`  ${m.error.code}: ${INFERRED_NOTE[lang]}`);
    if (m.error.message) out.push(`  ${m.error.message}`);
    for (const c of m.error.entry?.check ?? []) out.push(`  ${t(L.check, lang)}: ${c[lang]}`);
  }
  out.push(...signatureLines(m.signature, lang));
  if (m.request.length) {
    out.push(t(L.request, lang));
    for (const f of m.request) out.push(fieldLine(f, lang));
  }
  if (m.fields.length) {
    out.push(m.businessNode ? `${t(L.fields, lang)} <${m.businessNode}>` : t(L.fields, lang));
    for (const f of m.fields) out.push(fieldLine(f, lang));
  }
  if ([...m.request, ...m.fields].some((f) => f.inferred)) out.push(`  [${t(L.inferredMeaning, lang)}] ${INFERRED_NOTE[lang]}`);
  for (const tb of m.tables) out.push(...tableLines(tb, lang, rows));
  return out;
}

/** A message written on the command line, as sign and verify take one: a URL, XML, JSON or a form body. */
function looksLikeMessage(arg: string): boolean {
  return /^\s*(<|\{|https?:\/\/)/i.test(arg) || (arg.includes('=') && arg.includes('&'));
}

/**
 * What to decode: standard input, the file named, or the argument itself when
 * no such file exists and it reads as a message. `file` is set when it came from a file.
 */
async function readSource(io: CliIO, arg: string | undefined): Promise<{ bytes: Buffer; file?: string }> {
  if (arg === undefined || arg === '-') return { bytes: await io.readStdin() };
  if (!fs.existsSync(arg) && looksLikeMessage(arg)) return { bytes: Buffer.from(arg, 'utf8') };
  return { bytes: readFileOrFail(arg, 'response'), file: arg };
}

export const command: Subcommand = {
  summary: { en: 'decode a response, notification or return URL: status, labelled fields, signature', zh: '解析响应、异步通知或 return_url：状态、字段说明、签名' },
  async run(args, io) {
    const a = parseArgs(args, { json: 'flag', 'key-file': 'value', 'public-key-file': 'value', 'private-key-file': 'value', 'aes-key-file': 'value', 'alipay-cert-file': 'value', charset: 'value', rows: 'value', help: 'flag' }, 1);
    if (a.flags.has('help')) return printUsage(io, USAGE);
    const keyFile = a.options.get('key-file');
    const publicFile = a.options.get('public-key-file');
    if (keyFile && publicFile) {
      throw new UsageError('Give either --key-file (MD5) or --public-key-file (RSA/RSA2/DSA), not both', '--key-file（MD5）与 --public-key-file（RSA/RSA2/DSA）只能给一个');
    }
    const rowsOpt = a.options.get('rows');
    const rows = rowsOpt === undefined ? 20 : Number(rowsOpt);
    if (!Number.isInteger(rows) || rows < 0) throw new UsageError('--rows needs a whole number, not "{v}"', '--rows 需要一个整数，而不是 "{v}"', { v: String(rowsOpt).slice(0, 20) });
    const md5Key = keyFile || io.env[MD5_KEY_ENV] ? readMd5Key(io, keyFile) : undefined;
    const publicKey = publicFile ? readAlipayPublicKeyFile(io, publicFile, '--public-key-file').key : undefined;
    const privateFile = a.options.get('private-key-file');
    const merchantPrivateKey = privateFile ? readPrivateKeyFile(privateFile).key : undefined;

    const aesFile = a.options.get('aes-key-file');
    const aesKey = aesFile ? parseAesKey(readFileOrFail(aesFile, 'AES key'), `AES key file "${aesFile}"`) : undefined;
    const certFile = a.options.get('alipay-cert-file');
    if (certFile && publicFile) throw new UsageError('Give either --public-key-file or --alipay-cert-file, not both', '--public-key-file 与 --alipay-cert-file 只能给一个');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the X.509 reader loads only in certificate mode
    const alipayCerts = certFile ? (require('../core/openapi/certSn') as typeof import('../core/openapi/certSn')).readCertificates(readFileOrFail(certFile, 'certificate'), `certificate file "${certFile}"`) : undefined;
    const { bytes, file } = await readSource(io, a.positionals[0]);
    let model: ReturnType<typeof decodeResponse>;
    try {
      model = decodeResponse(bytes, { md5Key, publicKey, merchantPrivateKey, aesKey, alipayCerts, lang: io.lang, charset: a.options.get('charset') });
    } catch (e) {
      // Core names undecodable bytes "input"; the user gave a file (or standard input) by name.
      if (e instanceof ToolkitError && e.code === 'BAD_BYTES' && a.positionals[0]) throw new ToolkitError(e.code, e.text, { ...e.args, where: file ?? 'standard input' });
      // Content that is no gateway answer at all: the message names the file it came from.
      if (e instanceof ToolkitError && e.code === 'UNKNOWN_RESPONSE' && file) throw new ToolkitError(e.code, { en: '"{file}": ' + e.text.en, zh: '"{file}"：' + e.text.zh }, { ...e.args, file });
      throw e;
    }
    // Contradictory variant markers (core/resolve): bad input, one line, exit 2, as verify says it.
    const bad = model.signature.badInput;
    if (bad) throw new ToolkitError(bad.code, bad.text);
    // The certificate that verified (core keysForCert picked it by alipay_cert_sn) is expired or not yet valid: its dates.
    if (model.signature.certWarning) io.stderr(`alipay-toolkit: ${model.signature.certWarning[io.lang]}`);
    if (a.flags.has('json')) printData(io, JSON.stringify(responseToJson(model), null, 2));
    else for (const line of formatModel(model, io.lang, rows)) io.stdout(line);
    return model.signature.verdict === 'invalid' ? EXIT.fail : EXIT.ok;
  },
};
