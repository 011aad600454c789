// The manifest promises what a user relies on: signing from the keyboard and the
// context menu, profiles that an untrusted workspace cannot redirect, quiet activation.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

interface Manifest {
  main: string;
  icon?: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: {
    commands: Array<{ command: string }>;
    keybindings: Array<{ command: string; key: string; mac?: string; when?: string }>;
    menus: Record<string, Array<{ command?: string; submenu?: string; when?: string }>>;
    submenus?: Array<{ id: string; label: string }>;
    walkthroughs?: Array<{ id: string; steps: Array<{ id: string; title: string; description: string; media: { svg: string; altText: string }; completionEvents: string[] }> }>;
  };
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('package.json', () => {
  it('binds Sign Request to Ctrl+Alt+S / Cmd+Alt+S in a focused editor', () => {
    const kb = pkg.contributes.keybindings.find((k) => k.command === 'alipay.signRequest');
    assert.deepStrictEqual([kb?.key, kb?.mac, kb?.when], ['ctrl+alt+s', 'cmd+alt+s', 'editorTextFocus']);
  });

  it('puts sign, verify and the pre-sign string in the editor context menu', () => {
    const entry = pkg.contributes.menus['editor/context'].find((m) => m.submenu === 'alipay.editorContext');
    assert.ok(entry, 'the Alipay submenu is in the editor context menu');
    assert.ok(pkg.contributes.submenus?.some((s) => s.id === 'alipay.editorContext' && /^%.+%$/.test(s.label)));
    const inside = pkg.contributes.menus['alipay.editorContext'].map((m) => m.command);
    for (const c of ['alipay.signRequest', 'alipay.verifySignature', 'alipay.showPresignString']) assert.ok(inside.includes(c), c);
  });

  it('refers only to declared commands in menus and keybindings', () => {
    const declared = new Set(pkg.contributes.commands.map((c) => c.command));
    const used = [...Object.values(pkg.contributes.menus).flat().map((m) => m.command), ...pkg.contributes.keybindings.map((k) => k.command)].filter(Boolean) as string[];
    assert.deepStrictEqual(used.filter((c) => !declared.has(c)), []);
  });

  it('has a Getting Started walkthrough whose onCommand: events name declared commands, with an SVG and both languages per step', () => {
    const declared = new Set(pkg.contributes.commands.map((c) => c.command));
    const nls = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;
    const [en, zh] = [nls('package.nls.json'), nls('package.nls.zh-cn.json')];
    const walkthroughs = pkg.contributes.walkthroughs ?? [];
    assert.strictEqual(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps;
    assert.ok(steps.length >= 7, 'gateway, request, pay, notification, verify, keys, sandbox');
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on an event`);
      for (const e of step.completionEvents) {
        const cmd = /^onCommand:(.+)$/.exec(e)?.[1];
        if (cmd) assert.ok(declared.has(cmd), `${step.id}: ${e} names an undeclared command`);
        else assert.match(e, /^(onContext:|onView:|onSettingChanged:)/, `${step.id}: ${e}`);
      }
      assert.ok(fs.existsSync(path.join(ROOT, step.media.svg)) && step.media.svg.startsWith('media/walkthrough/'), step.media.svg);
      for (const v of [step.title, step.description, step.media.altText]) {
        const key = /^%(.+)%$/.exec(v)?.[1];
        assert.ok(key && en[key] && zh[key], `${step.id}: ${v} in both package.nls files`);
      }
    }
    assert.ok(steps[0].completionEvents.includes('onContext:alipay.localGatewayRunning'));
  });

  it('ignores workspace-provided profiles in untrusted workspaces', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    for (const s of ['alipay.profiles', 'alipay.activeProfile']) assert.ok(trust.restrictedConfigurations?.includes(s), s);
  });

  // Why these events: README "Development" → "Activation". Hovers work in any file, so the extension
  // must run in every window; onStartupFinished starts it after the window is up instead of during
  // startup (16 onLanguage: events fired as soon as a restored editor held plaintext or json).
  // Contributed commands, views and the alipay language activate it without events (VS Code >= 1.74).
  it('activates after startup, early only for workspaces with request files, and for a restored preview', () => {
    assert.deepStrictEqual([...pkg.activationEvents].sort(), ['onStartupFinished', 'onWebviewPanel:alipay.responsePreview', 'workspaceContains:**/*.alipay']);
  });

  it('runs from the entry bundle and packages every bundle it loads', () => {
    assert.strictEqual(pkg.main, './dist/extension.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { extensionBuilds } = require('../../esbuild.js') as { extensionBuilds: Array<{ outfile: string }> };
    assert.deepStrictEqual(extensionBuilds.map((b) => b.outfile), ['dist/extension.js', 'dist/features.js', 'dist/emulator.js', 'dist/scan-worker.js']);
    const ignored = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.deepStrictEqual(ignored.filter((l) => /^(\*\*\/)?dist\b|\*\*\/\*\.js$|^\*\.js$/.test(l)), [], '.vscodeignore must keep dist/*.js in the package');
  });

  it('ships a 128x128 PNG icon', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon ?? 'missing'));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
