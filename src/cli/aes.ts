// `alipay-toolkit aes encrypt|decrypt [INPUT] --key-file F`: OpenAPI content
// encryption by hand. The key comes only from a file (it is a secret).
import * as fs from 'node:fs';
import type { Subcommand } from './subcommand';
import { aesDecrypt, aesEncrypt, parseAesKey } from '../core/openapi/aes';
import { parseArgs } from './args';
import { printUsage } from './common';
import { CliIO, EXIT, UsageError, printData, readFileOrFail } from './io';

const USAGE = {
  en: `alipay-toolkit aes encrypt [INPUT] --key-file F     plain text → base64 ciphertext (one line)
alipay-toolkit aes decrypt [INPUT] --key-file F     base64 ciphertext → plain text
  --json     {"ciphertext"} or {"plaintext"} instead of the bare line
  INPUT      the text itself, @FILE or an existing file's path, or - / nothing for standard input
             (one trailing newline of a file or standard input is not part of the text)
  --key-file the AES key as the Alipay console shows it (base64, 16 or 32 bytes: aes-128 / aes-256)
AES-CBC, zero IV, PKCS#7 padding, as OpenAPI's encrypt_type=AES.
Exit 0 done, 2 bad input (key length, base64, padding: wrong key) or usage.`,
  zh: `alipay-toolkit aes encrypt [INPUT] --key-file F     明文 → base64 密文（一行）
alipay-toolkit aes decrypt [INPUT] --key-file F     base64 密文 → 明文
  --json     输出 {"ciphertext"} 或 {"plaintext"}，而不是单独一行
  INPUT      文本本身、@FILE 或已存在的文件路径，或 - / 省略表示标准输入
             （文件或标准输入末尾的一个换行不算内容）
  --key-file 支付宝控制台显示的 AES 密钥（base64，16 或 32 字节：aes-128 / aes-256）
AES-CBC、全零 IV、PKCS#7 填充，与 OpenAPI 的 encrypt_type=AES 相同。
退出码 0 完成，2 输入错误（密钥长度、base64、填充：密钥不对）或用法错误。`,
};

/** INPUT: `-`/absent = stdin, `@file` or an existing file = its content, else the literal text. */
async function readText(io: CliIO, input: string | undefined): Promise<{ text: string; where: string }> {
  let bytes: Buffer;
  let where: string;
  if (input === undefined || input === '-') {
    if (input === undefined && io.stdinIsTTY) {
      throw new UsageError('No INPUT given and nothing is piped in: give the text, a file, or - to type it (end with Ctrl-D)', '未提供 INPUT，也没有管道输入：请提供文本、文件，或用 - 手动输入（以 Ctrl-D 结束）');
    }
    bytes = await io.readStdin();
    where = 'standard input';
  } else if (input.startsWith('@')) {
    bytes = readFileOrFail(input.slice(1), 'input');
    where = input.slice(1);
  } else if (isFile(input)) {
    bytes = readFileOrFail(input, 'input');
    where = input;
  } else {
    return { text: input, where: 'INPUT' };
  }
  return { text: bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r?\n$/, ''), where };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export const command: Subcommand = {
  summary: { en: 'AES-encrypt or decrypt OpenAPI content (encrypt_type=AES)', zh: 'AES 加密或解密 OpenAPI 内容（encrypt_type=AES）' },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
      printUsage(io, USAGE);
      return sub ? EXIT.ok : EXIT.usage;
    }
    if (sub !== 'encrypt' && sub !== 'decrypt') {
      throw new UsageError('Unknown aes subcommand "{sub}" (use encrypt or decrypt)', '未知的 aes 子命令 "{sub}"（请使用 encrypt 或 decrypt）', { sub: sub.slice(0, 30) });
    }
    const a = parseArgs(rest, { 'key-file': 'value', json: 'flag' }, 1);
    const keyFile = a.options.get('key-file');
    if (!keyFile) throw new UsageError('aes {sub} needs --key-file F (the base64 AES key from the console)', 'aes {sub} 需要 --key-file F（控制台中的 base64 AES 密钥）', { sub });
    const key = parseAesKey(readFileOrFail(keyFile, 'AES key'), `AES key file "${keyFile}"`);
    const { text, where } = await readText(io, a.positionals[0]);
    // Machine output, byte-exact (piped into openssl or a program).
    const result = sub === 'encrypt' ? aesEncrypt(text, key) : aesDecrypt(text, key, where);
    printData(io, a.flags.has('json') ? JSON.stringify(sub === 'encrypt' ? { ciphertext: result } : { plaintext: result }) : result);
    return EXIT.ok;
  },
};
