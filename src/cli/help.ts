// What every command's --help ends with (and the top-level help): the options
// all commands take, the exit codes and the environment variables. Kept apart
// from common.ts so the top-level help loads nothing else.
import type { CliIO } from './io';

/** Options every command takes, exit codes and environment: the end of every --help. */
export const COMMON_HELP = {
  en: `Every command:
  --json          machine output on stdout (JSON), errors included ({"error":{…}}); --output json is the same
  --lang en|zh    language of the messages (default: ALIPAY_TOOLKIT_LANG, else LC_ALL/LC_MESSAGES/LANG)
  -               as INPUT or FILE: read standard input
  --help          this command's options;  alipay-toolkit --version  the version
Exit codes: 0 done / valid, 1 invalid / refused / not found, 2 bad input or usage
Environment: ALIPAY_MD5_KEY (the MD5 key, instead of --key-file), ALIPAY_TOOLKIT_LANG (en or zh)`,
  zh: `所有命令通用：
  --json          在标准输出打印机器可读的 JSON（错误也是：{"error":{…}}）；--output json 相同
  --lang en|zh    提示语言（默认取 ALIPAY_TOOLKIT_LANG，其次 LC_ALL/LC_MESSAGES/LANG）
  -               作为 INPUT 或 FILE：读取标准输入
  --help          本命令的选项；  alipay-toolkit --version  版本号
退出码：0 完成/有效，1 无效/被拒绝/未找到，2 输入或用法错误
环境变量：ALIPAY_MD5_KEY（MD5 密钥，可代替 --key-file），ALIPAY_TOOLKIT_LANG（en 或 zh）`,
};

/** Prints a subcommand's usage and the common part (in the user's language); returns exit 0. */
export function printUsage(io: CliIO, usage: { en: string; zh: string }): number {
  for (const line of `${usage[io.lang]}\n${COMMON_HELP[io.lang]}`.split('\n')) io.stdout(line);
  return 0;
}
