// The Getting Started walkthrough in the real workbench: it opens, and its
// first step completes on its event (the local gateway's context key) — read
// from the workbench's DOM through the runner's probe (the extension host has
// no API for walkthrough progress).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { allFrames, probeAvailable } from './probe';
import { activateExtension, EXTENSION_ID, exec } from './shell-helpers';

const WALKTHROUGH = `${EXTENSION_ID}#alipay.gettingStarted`;

/** aria-checked of the walkthrough step `id` in the workbench page, or undefined when not shown. */
async function stepChecked(id: string): Promise<string | undefined> {
  for (const f of await allFrames({ html: true })) {
    const m = new RegExp(`data-done-step-id="[^"]*#${id}"[^>]*aria-checked="(true|false)"`).exec(f.html ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Polls the page (the workbench is outside the extension host: no event reaches us) until `want`. */
async function waitStep(id: string, want: string | undefined, what: string): Promise<void> {
  const deadline = Date.now() + 15000;
  let seen: string | undefined;
  while ((seen = await stepChecked(id)) !== want) {
    if (Date.now() > deadline) assert.fail(`${what}: step ${id} is ${seen ?? 'not shown'}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Getting Started walkthrough', function () {
  this.timeout(60000);
  before(activateExtension);

  it('opens, and its "Start the local gateway" step completes when the gateway starts', async function () {
    assert.ok(probeAvailable(), 'needs the workbench probe (npm run test:integration)');
    await exec<boolean>('alipay.stopLocalGateway'); // a gateway an earlier suite left running: the context key is false again
    await vscode.commands.executeCommand('resetGettingStartedProgress');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    await waitStep('gateway', 'false', 'the walkthrough opens with the step to do');
    const started = await exec<{ url: string } | undefined>('alipay.startLocalGateway');
    try {
      assert.ok(started);
      await waitStep('gateway', 'true', 'onContext:alipay.localGatewayRunning completes the step');
    } finally {
      await exec('alipay.stopLocalGateway');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
