// `alipay-toolkit notify-test URL`: sends the merchant's notify_url handler a
// battery of notifications signed as Alipay and judges each answer (the
// battery lives in src/emulator/notifyBattery.ts, shared with the editor).
import type { Subcommand } from './subcommand';
import { BatteryInputError, defaultKeyDir, ensureKeyDir, runNotifyBattery, scorecardLines, type BatteryOptions } from '../emulator';
import { parseArgs } from './args';
import { printUsage, readMd5Key, readPrivateKeyFile } from './common';
import { CliIO, EXIT, UsageError, printData } from './io';

const USAGE = {
  en: `alipay-toolkit notify-test URL [options]
  --key-file F                  the merchant MD5 key (sign type MD5)
  --alipay-private-key-file F   Alipay's private key as your handler's test setup knows it (sign type RSA)
  --partner P                   the merchant's partner id (needed with the key options)
  --sign-type MD5|RSA           default: MD5 with --key-file, RSA with --alipay-private-key-file
  --charset utf-8|gbk           the charset your requests use (default utf-8; the GBK case is required with gbk)
  --gateway URL                 a running local gateway (alipay-toolkit gateway) for notify_verify
  --port N                      port of the gateway started for the test (default: any free port)
  --strict                      not calling notify_verify is a failure, not a warning
  --family mapi|openapi         request family (openapi: app_id, RSA2, notify_type=trade_status_sync, V1 rule)
  --app-id A                    OpenAPI app ID the notifications carry (openapi)
  --json                        print the scorecard as JSON
Without key options: the local gateway's test merchant and Alipay-side keys (~/.alipay-toolkit/emulator).
Exit 0 every required case passed, 1 one failed, 2 bad input or unreachable URL.`,
  zh: `alipay-toolkit notify-test URL [选项]
  --key-file F                  商户 MD5 密钥（签名方式 MD5）
  --alipay-private-key-file F   处理程序测试环境所信任的支付宝私钥（签名方式 RSA）
  --partner P                   商户 partner（使用密钥选项时必填）
  --sign-type MD5|RSA           默认：有 --key-file 时为 MD5，有 --alipay-private-key-file 时为 RSA
  --charset utf-8|gbk           你的请求所用字符集（默认 utf-8；为 gbk 时 GBK 用例为必过项）
  --gateway URL                 已运行的本地网关（alipay-toolkit gateway），用于 notify_verify
  --port N                      测试期间启动的网关的端口（默认任选空闲端口）
  --strict                      未调用 notify_verify 判为失败而不是警告
  --family mapi|openapi         请求协议族（openapi：app_id、RSA2、notify_type=trade_status_sync、V1 验签规则）
  --app-id A                    通知中携带的 OpenAPI 应用 ID（openapi）
  --json                        以 JSON 输出评分表
不提供密钥选项时：使用本地网关的测试商户与支付宝侧密钥（~/.alipay-toolkit/emulator）。
退出码：全部必过项通过为 0，有失败为 1，输入错误或地址无法访问为 2。`,
};

function readOptions(args: string[], io: CliIO): BatteryOptions & { json: boolean } | 'help' {
  const p = parseArgs(
    args,
    { 'key-file': 'value', 'alipay-private-key-file': 'value', partner: 'value', 'sign-type': 'value', charset: 'value', gateway: 'value', port: 'value', strict: 'flag', family: 'value', 'app-id': 'value', json: 'flag', help: 'flag', timeout: 'value' },
    1,
  );
  if (p.flags.has('help')) return 'help';
  const url = p.positionals[0];
  if (!url) throw new UsageError('Missing URL (the notify_url to test)', '缺少 URL（要测试的 notify_url）');
  const keyFile = p.options.get('key-file');
  const rsaFile = p.options.get('alipay-private-key-file');
  const family = p.options.get('family') ?? 'mapi';
  // OpenAPI signs with RSA2, the family's RSA type.
  let st = (p.options.get('sign-type') ?? (rsaFile || family === 'openapi' ? 'RSA' : 'MD5')).toUpperCase();
  if (family === 'openapi' && st === 'RSA2') st = 'RSA';
  if (st !== 'MD5' && st !== 'RSA') throw new UsageError('--sign-type: use MD5 or RSA for notify-test', '--sign-type：notify-test 只支持 MD5 或 RSA');
  const charset = (p.options.get('charset') ?? 'utf-8').toLowerCase();
  if (charset !== 'utf-8' && charset !== 'gbk') throw new UsageError('--charset: use utf-8 or gbk', '--charset：请使用 utf-8 或 gbk');
  const port = p.options.get('port');
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) throw new UsageError('--port: "{value}" is not a port number (0 to 65535)', '--port："{value}" 不是端口号（0 到 65535）', { value: port });
  const timeout = p.options.get('timeout');
  if (timeout !== undefined && !/^\d{1,6}$/.test(timeout)) throw new UsageError('--timeout: milliseconds, a whole number', '--timeout：毫秒数，须为整数');
  const common = {
    url,
    family,
    appId: p.options.get('app-id'),
    signType: st as 'MD5' | 'RSA',
    charset: charset as 'utf-8' | 'gbk',
    gatewayUrl: p.options.get('gateway'),
    gatewayPort: port === undefined ? undefined : Number(port),
    strict: p.flags.has('strict'),
    timeoutMs: timeout === undefined ? undefined : Number(timeout),
    json: p.flags.has('json'),
  };
  if (keyFile || rsaFile || p.options.has('partner')) {
    const partner = p.options.get('partner');
    if (!partner) throw new UsageError('--partner is required with --key-file / --alipay-private-key-file', '使用 --key-file / --alipay-private-key-file 时必须提供 --partner');
    if (st === 'MD5') return { ...common, partner, md5Key: readMd5Key(io, keyFile) };
    if (!rsaFile) throw new UsageError('--sign-type RSA needs --alipay-private-key-file', '--sign-type RSA 需要 --alipay-private-key-file');
    return { ...common, partner, alipayPrivateKey: readPrivateKeyFile(rsaFile).key };
  }
  // The local gateway's test merchant: the same keys the "Local" profile uses.
  const cfg = ensureKeyDir(defaultKeyDir());
  const m = [...cfg.merchants.values()][0];
  if (st === 'MD5' && !m.md5Key) throw new UsageError('the local test merchant has no MD5 key: give --key-file and --partner', '本地测试商户没有 MD5 密钥：请提供 --key-file 与 --partner');
  return { ...common, partner: m.partner, md5Key: m.md5Key, alipayPrivateKey: cfg.alipayPrivateKey };
}

export const command: Subcommand = {
  summary: { en: 'test a notify_url handler with notifications signed as Alipay', zh: '用以支付宝身份签名的通知测试 notify_url 处理程序' },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = readOptions(args, io);
    if (opts === 'help') return printUsage(io, USAGE);
    try {
      const card = await runNotifyBattery(opts);
      if (opts.json) printData(io, JSON.stringify(card, null, 2));
      else for (const line of scorecardLines(card, io.lang)) io.stdout(line);
      return card.exitCode === 0 ? EXIT.ok : EXIT.fail;
    } catch (e) {
      if (e instanceof BatteryInputError) {
        io.stderr(`alipay-toolkit notify-test: ${e.text[io.lang]}`);
        if (opts.json) printData(io, JSON.stringify({ error: { code: 'USAGE', message: e.text[io.lang], exit: EXIT.usage } }));
        return EXIT.usage;
      }
      throw e;
    }
  },
};
