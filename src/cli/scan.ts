// `alipay-toolkit scan FILE [--json]`: counts error codes, trade/refund
// statuses and gateway URLs in a log of any size (streamed, never loaded whole).
import type { Subcommand } from './subcommand';
import { LogScanner, ScanSummary, scanFile, scanTitle } from '../core/logscan';
import { Lang } from '../core/i18n';
import { parseArgs } from './args';
import { printUsage } from './help';
import { CliIO, EXIT, UsageError, printData } from './io';

const USAGE = { en: 'usage: alipay-toolkit scan FILE|- [--json]    (- reads the log from standard input)', zh: '用法：alipay-toolkit scan 文件|- [--json]    （- 表示从标准输入读取日志）' };

/** The summary as a plain-text table: count, token, meaning, first and last line. */
export function renderSummary(file: string, s: ScanSummary, lang: Lang): string[] {
  const zh = lang === 'zh';
  const out = [zh ? `${file}：${s.bytes} 字节，${s.lines} 行` : `${file}: ${s.bytes} bytes, ${s.lines} lines`];
  if (s.stats.length === 0) {
    out.push(zh ? '未发现支付宝错误码、交易状态或网关地址。' : 'No Alipay error codes, trade statuses or gateway URLs found.');
    return out;
  }
  const kindText = { error: zh ? '错误码' : 'error', status: zh ? '状态' : 'status', gateway: zh ? '网关' : 'gateway' };
  const w = Math.max(...s.stats.map((x) => String(x.count).length), 5);
  out.push(`${(zh ? '次数' : 'count').padStart(w)}  ${zh ? '类型' : 'kind'.padEnd(7)}  ${zh ? '首次' : 'first'.padEnd(9)}  ${zh ? '末次' : 'last'.padEnd(9)}  ${zh ? '内容' : 'token'}`);
  for (const x of s.stats) {
    const meaning = x.kind === 'gateway' ? '' : scanTitle(x.token)?.[lang] ?? '';
    out.push(`${String(x.count).padStart(w)}  ${kindText[x.kind].padEnd(zh ? 4 : 7)}  ${('L' + x.first.line).padEnd(9)}  ${('L' + x.last.line).padEnd(9)}  ${x.token}${meaning ? `  ${meaning}` : ''}`);
  }
  return out;
}

/** `scan -`: the same streaming scanner over standard input (a pipe of any length). */
async function scanStdin(io: CliIO): Promise<ScanSummary> {
  const scanner = new LogScanner();
  if (io.readStdinChunks) {
    for await (const chunk of io.readStdinChunks()) scanner.push(chunk);
  } else {
    scanner.push(await io.readStdin());
  }
  return scanner.end();
}

export const command: Subcommand = {
  summary: { en: 'count error codes, trade statuses and gateway URLs in a log file of any size', zh: '统计任意大小日志文件中的错误码、交易状态和网关地址' },
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { json: 'flag', help: 'flag' }, 1);
    if (parsed.flags.has('help')) return printUsage(io, USAGE);
    const file = parsed.positionals[0];
    if (!file) throw new UsageError('Missing FILE (a log file, or - for standard input)', '缺少文件（日志文件，或用 - 表示标准输入）');
    const summary = file === '-' ? await scanStdin(io) : await scanFile(file);
    if (parsed.flags.has('json')) printData(io, JSON.stringify({ file, ...summary }, null, 2));
    else for (const line of renderSummary(file, summary, io.lang)) io.stdout(line);
    return EXIT.ok;
  },
};
