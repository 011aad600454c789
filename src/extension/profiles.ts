/**
 * Profiles in the editor: the built-ins (Sandbox, Production, International)
 * merged with the setting `alipay.profiles`, and which one is active.
 *
 * The active profile is this workspace's choice (workspaceState, set by
 * "Alipay: Switch Profile"); until one is chosen, the setting
 * `alipay.activeProfile` names it (default "Sandbox"). Switching never
 * writes settings.json.
 *
 * API (import from './profiles'):
 *   getProfiles(): Profile[]                 every valid profile, built-ins first
 *   getActiveProfile(): Profile              always returns one (falls back to Sandbox)
 *   getProfile(name?): Profile | undefined   by name, case-insensitive; no name → active
 *   setActiveProfile(name): Promise<Profile> throws a ToolkitError for an unknown name
 *   onDidChangeActiveProfile: Event<Profile> fires on switch, when settings change it, and
 *                                            when a session profile comes or goes
 *   setSessionProfile(name, p | undefined)   a profile that lives only while something runs
 *                                            (the local gateway's "Local"); never in settings
 *   pickProfile(title): Promise<Profile | undefined>  quick pick over all profiles
 *   registerProfiles(context): Disposable    state, config listener, alipay.switchProfile
 * Profile (from core/profile): { name, gateway, partner, signType, charset, builtIn, appId?,
 * appCertPath?, alipayCertPath?, alipayRootCertPath? } (certificate mode: ./profileCerts).
 * Invalid entries in settings are skipped and reported once in the log and a
 * warning. In untrusted workspaces VS Code ignores workspace values of these
 * settings (package.json restrictedConfigurations).
 */
import * as vscode from 'vscode';
import { localize, ToolkitError } from '../core/i18n';
import { DEFAULT_PROFILE, findProfile, parseProfiles, Profile, ProfileProblem } from '../core/profile';
import { userLang } from './l10n';
import { log, reportError } from './log';

const STATE_KEY = 'alipay.activeProfile';

let workspaceState: vscode.Memento | undefined;
const changed = new vscode.EventEmitter<Profile>();

export const onDidChangeActiveProfile: vscode.Event<Profile> = changed.event;

/**
 * Profiles that exist only while something runs (the "Local" profile of the local gateway):
 * listed after the others, never written to settings, replacing a same-named entry.
 */
const runtime = new Map<string, Profile>();

/** Adds (or, with `undefined`, removes) a profile that lives only in this session. */
export function setSessionProfile(name: string, profile: Omit<Profile, 'name' | 'builtIn'> | undefined): void {
  const key = name.toLowerCase();
  if (profile) runtime.set(key, { ...profile, name, builtIn: false });
  else if (!runtime.delete(key)) return;
  changed.fire(getActiveProfile());
}

// Parsed on every call (microseconds): never stale, even before the change event arrives.
function load(): { profiles: Profile[]; problems: ProfileProblem[] } {
  const parsed = parseProfiles(vscode.workspace.getConfiguration('alipay').get<unknown>('profiles'));
  if (runtime.size === 0) return parsed;
  return { profiles: [...parsed.profiles.filter((p) => !runtime.has(p.name.toLowerCase())), ...runtime.values()], problems: parsed.problems };
}

export function getProfiles(): Profile[] {
  return load().profiles;
}

function activeName(): string {
  return workspaceState?.get<string>(STATE_KEY) || vscode.workspace.getConfiguration('alipay').get<string>('activeProfile') || DEFAULT_PROFILE;
}

export function getActiveProfile(): Profile {
  const profiles = getProfiles();
  return findProfile(profiles, activeName()) ?? findProfile(profiles, DEFAULT_PROFILE) ?? profiles[0];
}

export function getProfile(name?: string): Profile | undefined {
  return name ? findProfile(getProfiles(), name) : getActiveProfile();
}

export async function setActiveProfile(name: string): Promise<Profile> {
  const p = findProfile(getProfiles(), name);
  if (!p) {
    throw new ToolkitError('UNKNOWN_PROFILE', { en: 'There is no Alipay profile named "{name}"', zh: '没有名为 "{name}" 的支付宝配置' }, { name });
  }
  const before = getActiveProfile().name;
  await workspaceState?.update(STATE_KEY, p.name);
  log.info(`Active profile: ${p.name} (${p.gateway})`);
  if (before !== p.name) changed.fire(p);
  return p;
}

export async function pickProfile(title: string): Promise<Profile | undefined> {
  const active = getActiveProfile().name;
  type Item = vscode.QuickPickItem & { profile?: Profile; edit?: boolean };
  const items: Item[] = getProfiles().map((p) => ({
    label: p.name === active ? `$(check) ${p.name}` : p.name,
    description: p.gateway,
    detail: [
      p.appId ? `app_id ${p.appId}` : p.partner ? `partner ${p.partner}` : vscode.l10n.t('no partner set'),
      p.signType,
      p.charset,
      ...(p.appCertPath || p.alipayCertPath || p.alipayRootCertPath ? [vscode.l10n.t('certificate mode')] : []),
    ].join(' · '),
    profile: p,
  }));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: `$(gear) ${vscode.l10n.t('Edit profiles in settings…')}`, edit: true });
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Active: {0}', active) });
  if (pick?.edit) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'alipay.profiles');
    return undefined;
  }
  return pick?.profile;
}

function reportProblems(): void {
  const { problems } = load();
  if (problems.length === 0) return;
  const lines = problems.map((p) => localize(p.text, userLang(), p.args));
  for (const l of lines) log.warn(l);
  void vscode.window.showWarningMessage(vscode.l10n.t('Some Alipay profiles in settings are invalid and were skipped: {0}', lines.join('; ')));
}

/** `alipay.switchProfile` — args `{ profile: name }` switch without asking; returns the active profile's name. */
async function switchProfile(args?: { profile?: string }): Promise<string | undefined> {
  try {
    const name = args?.profile ?? (await pickProfile(vscode.l10n.t('Switch Alipay profile')))?.name;
    if (!name) return undefined;
    return (await setActiveProfile(name)).name;
  } catch (e) {
    reportError(e);
    return undefined;
  }
}

export function registerProfiles(context: vscode.ExtensionContext): vscode.Disposable {
  workspaceState = context.workspaceState;
  let last = getActiveProfile().name;
  reportProblems();
  return vscode.Disposable.from(
    vscode.commands.registerCommand('alipay.switchProfile', switchProfile),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('alipay.profiles') && !e.affectsConfiguration('alipay.activeProfile')) return;
      if (e.affectsConfiguration('alipay.profiles')) reportProblems();
      const now = getActiveProfile();
      if (now.name !== last || e.affectsConfiguration('alipay.profiles')) changed.fire(now);
    }),
    changed.event((p) => {
      last = p.name;
    }),
    changed,
  );
}
