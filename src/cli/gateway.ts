// `alipay-toolkit gateway`: runs the local MAPI gateway emulator until Ctrl+C
// (SIGINT) or SIGTERM. Prints where it listens, the test merchant and where
// its keys are (paths only, never contents).
import type { Subcommand } from './subcommand';
import { formatLogEntry, startGateway } from '../emulator';
import { parseArgs } from './args';
import { printUsage } from './common';
import { CliIO, EXIT, UsageError, printData } from './io';

export const DEFAULT_PORT = 8787;

const USAGE = {
  en: `alipay-toolkit gateway [options]
  --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H        address to bind (default 127.0.0.1; anything else exposes the emulator to the network)
  --config FILE   merchants and keys (JSON); without it a test merchant is created on first start
                  in ~/.alipay-toolkit/emulator/ (or next to --state) and reused afterwards
  --state FILE    keep trades and notifications in FILE (written atomically on every change)
  --quiet         print one line (where it listens and the test merchant), not every request
  --json          print the start as one JSON object (and, without --quiet, each request as a JSON line)
Stops on Ctrl+C. Exit 0 after a clean stop, 2 bad options or config.`,
  zh: `alipay-toolkit gateway [选项]
  --port N        监听端口（默认 ${DEFAULT_PORT}；0 表示任选空闲端口）
  --host H        绑定地址（默认 127.0.0.1；其他地址会把模拟网关暴露到网络）
  --config FILE   商户与密钥配置（JSON）；不提供时首次启动会在 ~/.alipay-toolkit/emulator/
                  （或 --state 文件旁）创建测试商户，之后重复使用
  --state FILE    把交易与通知保存到 FILE（每次变化都原子写入）
  --quiet         只打印一行（监听地址与测试商户），不打印每个请求与通知
  --json          以一个 JSON 对象输出启动信息（不加 --quiet 时每个请求也输出一行 JSON）
按 Ctrl+C 停止。正常停止退出码 0，选项或配置错误退出码 2。`,
};

function portOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError('--port: "{value}" is not a port number (0 to 65535)', '--port："{value}" 不是端口号（0 到 65535）', { value });
  return Number(value);
}

/** Waits for SIGINT or SIGTERM (the CLI); tests and other callers pass their own stop promise. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(sig);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export async function runGateway(args: string[], io: CliIO, stop?: Promise<unknown>): Promise<number> {
  const a = parseArgs(args, { port: 'value', host: 'value', config: 'value', state: 'value', quiet: 'flag', json: 'flag', help: 'flag' }, 0);
  if (a.flags.has('help')) return printUsage(io, USAGE);
  // Listen for Ctrl+C before starting, so a signal during start-up still stops cleanly.
  const stopped = stop ?? untilSignal();
  const zh = io.lang === 'zh';
  const quiet = a.flags.has('quiet');
  const json = a.flags.has('json');
  let gw;
  try {
    gw = await startGateway({
      port: portOf(a.options.get('port')),
      host: a.options.get('host') ?? '127.0.0.1',
      config: a.options.get('config'),
      stateFile: a.options.get('state'),
      logger: quiet ? undefined : json ? (e) => printData(io, JSON.stringify(e)) : (e) => (e.kind === 'error' ? io.stderr : io.stdout)(formatLogEntry(e, io.lang)),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError('Port {port} is already in use (choose another with --port, or 0 for any)', '端口 {port} 已被占用（用 --port 换一个，或用 0 任选）', { port: a.options.get('port') ?? DEFAULT_PORT });
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError('Cannot listen on {host}:{port} ({code})', '无法在 {host}:{port} 监听（{code}）', { host: a.options.get('host') ?? '127.0.0.1', port: a.options.get('port') ?? DEFAULT_PORT, code });
    throw e;
  }
  const m = gw.merchants[0];
  const warnExposed = !/^(127\.|::1$|localhost$)/.test(gw.host);
  if (json || quiet) {
    if (json) {
      printData(io, JSON.stringify({
        url: gw.url, origin: gw.origin, keyDir: gw.keyDir ?? null, stateFile: gw.stateFile ?? null,
        merchants: gw.merchants.map((mm) => ({ partner: mm.partner, signTypes: mm.signTypes, keyFiles: mm.keyFiles })),
      }));
    } else {
      const where = gw.keyDir ? (zh ? `，密钥在 ${gw.keyDir}` : `, keys in ${gw.keyDir}`) : '';
      io.stdout(zh ? `本地支付宝网关：${gw.url}（测试商户 ${m.partner}${where}；Ctrl+C 停止）` : `Alipay local gateway: ${gw.url} (test merchant ${m.partner}${where}; Ctrl+C stops)`);
    }
    if (warnExposed) io.stderr(zh ? `警告：绑定到 ${gw.host}，网络上的其他人也能访问模拟网关` : `warning: bound to ${gw.host}; others on the network can reach the emulator`);
    await stopped;
    await gw.close();
    return EXIT.ok;
  }
  io.stdout(`${zh ? '本地支付宝网关' : 'Alipay local gateway'}: ${gw.url}`);
  io.stdout(`${zh ? '页面与交易列表' : 'Pages and trades'}: ${gw.origin}/__emulator/`);
  for (const mm of gw.merchants) io.stdout(`${zh ? '测试商户 partner' : 'Test merchant partner'}: ${mm.partner} (${mm.signTypes.join(', ')})`);
  if (gw.keyDir) io.stdout(`${zh ? '密钥与配置目录' : 'Keys and config'}: ${gw.keyDir}`);
  const files = m.keyFiles;
  if (files.md5Key) io.stdout(`  ${zh ? 'MD5 密钥文件' : 'MD5 key file'}: ${files.md5Key}`);
  if (files.merchantPrivateKey) io.stdout(`  ${zh ? '商户私钥（用于签名请求）' : 'merchant private key (signs your requests)'}: ${files.merchantPrivateKey}`);
  if (files.alipayPublicKey) io.stdout(`  ${zh ? '支付宝公钥（用于验签通知）' : "Alipay public key (verifies notifications)"}: ${files.alipayPublicKey}`);
  io.stdout(`${zh ? '状态' : 'State'}: ${gw.stateFile ?? (zh ? '仅内存（重启即丢失；用 --state 保存）' : 'in memory only (lost on restart; use --state to keep it)')}`);
  if (warnExposed) io.stderr(zh ? `警告：绑定到 ${gw.host}，网络上的其他人也能访问模拟网关` : `warning: bound to ${gw.host}; others on the network can reach the emulator`);
  io.stdout(zh ? '按 Ctrl+C 停止。' : 'Press Ctrl+C to stop.');
  await stopped;
  await gw.close();
  io.stdout(zh ? '已停止。' : 'Stopped.');
  return EXIT.ok;
}

export const command: Subcommand = {
  summary: { en: 'run the local gateway emulator (offline MAPI gateway on 127.0.0.1)', zh: '运行本地模拟网关（127.0.0.1 上的离线 MAPI 网关）' },
  run: (args, io) => runGateway(args, io),
};
