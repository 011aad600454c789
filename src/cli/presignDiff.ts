// `alipay-toolkit presign-diff ANSWER REQUEST`: the OpenAPI gateway's own
// verify string (from its invalid-signature error) against the request sent.
import * as fs from 'node:fs';
import type { Subcommand } from './subcommand';
import { isToolkitError } from '../core/i18n';
import { diffPresign } from '../core/openapi/presignDiff';
import { parseInput } from '../core/params';
import { parseArgs } from './args';
import { printUsage } from './common';
import { CliIO, EXIT, UsageError, printData, readFileOrFail } from './io';

const USAGE = {
  en: `alipay-toolkit presign-diff ANSWER REQUEST [--json]
  ANSWER   file (or -) with the gateway's answer: its JSON error, its HTML error page, or the bare
           verify string (after "网关生成的验签字符串为："); HTML entities are decoded
  REQUEST  the signed request: a file (URL, query string, form body or name = value lines), - , or
           the URL / query string itself
Line 1 SAME or DIFFERENT, then one line per difference: NAME: ours "…" gateway "…" (cause).
Exit 0 same, 1 different, 2 no verify string found or bad input.`,
  zh: `alipay-toolkit presign-diff ANSWER REQUEST [--json]
  ANSWER   网关应答所在文件（或 -）：JSON 错误、HTML 错误页，或验签字符串本身
           （“网关生成的验签字符串为：”之后的部分）；HTML 实体会被解码
  REQUEST  已签名的请求：文件（URL、查询串、表单内容或 name = value 行）、-，或 URL / 查询串本身
第 1 行为 SAME 或 DIFFERENT，之后每个差异一行：NAME: ours "…" gateway "…"（原因）。
退出码 0 相同，1 不同，2 未找到验签字符串或输入错误。`,
};

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

const show = (v: string | undefined, lang: CliIO['lang']): string => (v === undefined ? (lang === 'zh' ? '（无）' : '(absent)') : JSON.stringify(v));

export const command: Subcommand = {
  summary: { en: "compare the OpenAPI gateway's verify string (invalid-signature error) with your request", zh: '对比 OpenAPI 网关的验签字符串（验签出错）与你的请求' },
  async run(args, io) {
    const a = parseArgs(args, { json: 'flag', help: 'flag' }, 2);
    if (a.flags.has('help')) return printUsage(io, USAGE);
    const [answerArg, requestArg] = a.positionals;
    if (!answerArg || !requestArg) throw new UsageError('presign-diff needs ANSWER and REQUEST (run with --help)', 'presign-diff 需要 ANSWER 和 REQUEST（运行 --help 查看用法）');
    if (answerArg === '-' && requestArg === '-') throw new UsageError('Only one of ANSWER and REQUEST can be - (standard input)', 'ANSWER 和 REQUEST 只能有一个为 -（标准输入）');
    const answer = answerArg === '-' ? (await io.readStdin()).toString('utf8') : readFileOrFail(answerArg, 'response').toString('utf8');
    const requestText = requestArg === '-' ? (await io.readStdin()).toString('utf8') : isFile(requestArg) ? readFileOrFail(requestArg, 'request').toString('utf8') : requestArg;
    let params;
    try {
      params = parseInput(requestText).params;
    } catch (e) {
      if (!isToolkitError(e)) throw e;
      throw new UsageError(`REQUEST: ${e.text.en}`, `REQUEST：${e.text.zh}`, e.args);
    }
    const d = diffPresign(answer, params);
    if (a.flags.has('json')) {
      printData(io, JSON.stringify({ same: d.same, form: d.form, ours: d.ours, gateway: d.gateway, differences: d.differences.map((x) => ({ name: x.name, ours: x.ours, gateway: x.gateway, cause: x.cause[io.lang] })) }, null, 2));
    } else {
      io.stdout(d.same ? 'SAME' : 'DIFFERENT');
      for (const x of d.differences) io.stdout(`${x.name}: ours ${show(x.ours, io.lang)} gateway ${show(x.gateway, io.lang)} (${x.cause[io.lang]})`);
      if (d.same) {
        io.stdout(
          io.lang === 'zh'
            ? '内容一致：问题在签名本身——检查应用私钥与上传的应用公钥是否配对、RSA2 与 RSA、沙箱与生产的应用是否混用'
            : 'The content matches: the signature itself is wrong — check that the app private key matches the app public key uploaded, RSA2 vs RSA, and sandbox vs production app',
        );
      }
    }
    return d.same ? EXIT.ok : EXIT.fail;
  },
};
