/**
 * "Alipay: Start Local Gateway" / "Stop Local Gateway": runs the emulator
 * (src/emulator) inside the extension host on 127.0.0.1, with its keys and
 * state in the extension's global storage. Its log goes to the Alipay output
 * channel (redacted there too).
 *
 * The "Local" profile exists only while the gateway runs (a session profile of
 * ./profiles, never written to settings); its test merchant is the same across
 * restarts (the emulator keeps it in gateway.json beside its keys), and its
 * keys go to SecretStorage through ./secrets (profile "Local"): no key in settings.
 *
 * Part of the feature bundle: the entry (./extension.ts) registers the
 * commands and calls these on first use; the emulator itself is its own
 * bundle (dist/emulator.js), required on the first start.
 *
 * API: startCommand(context) → Promise<{ url, partner } | undefined>  (alipay.startLocalGateway)
 *      stopCommand() → Promise<boolean> (true when one was running)   (alipay.stopLocalGateway)
 *      closeGateway(): stops a running gateway when the window closes
 * and the context key `alipay.localGatewayRunning`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunningGateway } from '../emulator';
import { userLang } from './l10n';
import { ensureGatewayStatus } from './views/gatewayStatus';
import { getProfiles, log, reportError, SecretKind, setActiveProfile, setSessionProfile, storeSecret } from './shared';

export const LOCAL_PROFILE = 'Local';
/** Preferred port, so the Local profile's URL stays the same between sessions; any free port when taken. */
const PREFERRED_PORT = 8787;

let running: RunningGateway | undefined;
let starting: Promise<RunningGateway> | undefined;
let watching: { dispose(): void } | undefined;
const changed = new vscode.EventEmitter<RunningGateway | undefined>();

/** Fires when the local gateway starts or stops and after every change of its trades and notifications. */
export const onDidChangeGateway: vscode.Event<RunningGateway | undefined> = changed.event;

/** The running local gateway, if any (the side bar reads its snapshots). */
export function runningGateway(): RunningGateway | undefined {
  return running;
}

async function launch(context: vscode.ExtensionContext): Promise<RunningGateway> {
  // dist/emulator.js, its own bundle, evaluated on the first start (esbuild.js makes this require('./emulator.js')).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startGateway, formatLogEntry } = require('../emulator') as typeof import('../emulator');
  const dir = path.join(context.globalStorageUri.fsPath, 'emulator');
  const options = {
    host: '127.0.0.1',
    keyDir: path.join(dir, 'keys'),
    stateFile: path.join(dir, 'state.json'),
    logger: (e: Parameters<typeof formatLogEntry>[0]) => (e.kind === 'error' ? log.error : log.info)(formatLogEntry(e, userLang())),
  };
  try {
    return await startGateway({ ...options, port: PREFERRED_PORT });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return startGateway({ ...options, port: 0 });
  }
}

/** Offers the "Local" profile for the running gateway (a session profile, never in settings), and hands its keys to SecretStorage. */
async function connectProfile(gw: RunningGateway): Promise<void> {
  const m = gw.merchants[0];
  const files: Array<[SecretKind, string | undefined]> = [
    ['md5Key', m.keyFiles.md5Key],
    ['privateKey', m.keyFiles.merchantPrivateKey],
    ['alipayPublicKey', m.keyFiles.alipayPublicKey],
  ];
  for (const [kind, file] of files) {
    if (file) await storeSecret(LOCAL_PROFILE, kind, fs.readFileSync(file, 'utf8').trim());
  }
  setSessionProfile(LOCAL_PROFILE, { gateway: gw.url, partner: m.partner, signType: 'MD5', charset: 'utf-8' });
  log.info(`Profile ${LOCAL_PROFILE} points at ${gw.url} while the local gateway runs`);
}

/** The walkthrough's "pay in the cashier" and "watch the notification" steps complete on these context keys. */
const progress = { paid: false, delivered: false };
function markProgress(gw: RunningGateway): void {
  if (!progress.paid && gw.trades().some((t) => t.status !== 'WAIT_BUYER_PAY' && t.status !== 'TRADE_CLOSED')) {
    progress.paid = true;
    void vscode.commands.executeCommand('setContext', 'alipay.walkthrough.tradePaid', true);
  }
  if (!progress.delivered && gw.notifications().some((n) => n.delivered)) {
    progress.delivered = true;
    void vscode.commands.executeCommand('setContext', 'alipay.walkthrough.notificationDelivered', true);
  }
}

export async function startCommand(context: vscode.ExtensionContext): Promise<{ url: string; partner: string } | undefined> {
  try {
    if (!running) {
      starting ??= launch(context);
      try {
        running = await starting;
      } finally {
        starting = undefined;
      }
      const started = running;
      watching ??= started.onDidChange(() => {
        changed.fire(started);
        markProgress(started);
      });
      markProgress(started);
      await connectProfile(started);
      await vscode.commands.executeCommand('setContext', 'alipay.localGatewayRunning', true);
      changed.fire(started);
      const status = ensureGatewayStatus();
      if (status) context.subscriptions.push(status);
    }
    const gw = running;
    const partner = gw.merchants[0].partner;
    const switchTo = vscode.l10n.t('Use Profile "Local"');
    const pages = vscode.l10n.t('Open Trades Page');
    void vscode.window.showInformationMessage(vscode.l10n.t('Local gateway running at {0} (test merchant {1}). Profile "Local" points at it.', gw.url, partner), switchTo, pages).then(async (choice) => {
      if (choice === switchTo && getProfiles().some((p) => p.name === LOCAL_PROFILE)) await setActiveProfile(LOCAL_PROFILE);
      if (choice === pages) await vscode.env.openExternal(vscode.Uri.parse(`${gw.origin}/__emulator/`));
    });
    return { url: gw.url, partner };
  } catch (e) {
    reportError(e);
    return undefined;
  }
}

export async function stopCommand(): Promise<boolean> {
  const gw = running;
  if (!gw) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The local gateway is not running.'));
    return false;
  }
  running = undefined;
  watching?.dispose();
  watching = undefined;
  try {
    await gw.close();
  } catch (e) {
    reportError(e);
  }
  setSessionProfile(LOCAL_PROFILE, undefined);
  await vscode.commands.executeCommand('setContext', 'alipay.localGatewayRunning', false);
  changed.fire(undefined);
  void vscode.window.showInformationMessage(vscode.l10n.t('Local gateway stopped.'));
  return true;
}

/** The running Local gateway's URL (notify-test sends notify_verify there), if any. */
export function runningGatewayUrl(): string | undefined {
  return running?.url;
}

/** Closing the window stops the gateway and flushes its state file. */
export function closeGateway(): void {
  void running?.close().catch(() => undefined);
}
