// "Alipay: Start/Stop Local Gateway" in a real VS Code: the gateway answers on
// loopback, the "Local" profile points at it with its keys in SecretStorage,
// a request signed by the extension's own Sign command is accepted by it.
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import type { SignOutcome } from '../../src/extension/commands/sign';
import { activateExtension, closeAll, exec, openDoc } from './shell-helpers';

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let t = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (t += c));
        res.on('end', () => resolve(t));
      })
      .on('error', reject);
  });
}

describe('Alipay: Start Local Gateway', () => {
  before(activateExtension);
  afterEach(closeAll);

  it('starts the emulator, points the Local profile at it, accepts a request signed from the editor, and stops', async () => {
    const before = vscode.workspace.getConfiguration('alipay').inspect('profiles')?.globalValue;
    const started = await exec<{ url: string; partner: string } | undefined>('alipay.startLocalGateway');
    assert.ok(started, 'the command returns the gateway');
    assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+\/gateway\.do$/);
    try {
      assert.deepStrictEqual(vscode.workspace.getConfiguration('alipay').inspect('profiles')?.globalValue, before, 'the Local profile is not written to settings');

      const unsigned = await fetchText(`${started.url}?service=single_trade_query&partner=${started.partner}&_input_charset=utf-8&trade_no=2000000000000000001&sign_type=MD5&sign=0`);
      assert.strictEqual(unsigned, '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>F</is_success><error>ILLEGAL_SIGN</error></alipay>');

      await exec('alipay.switchProfile', { profile: 'Local' });
      await openDoc(`${started.url}?service=single_trade_query&partner=${started.partner}&_input_charset=utf-8&trade_no=2000000000000000001`);
      const signed = await exec<SignOutcome>('alipay.signRequest', { action: 'return' });
      assert.ok(signed?.url, 'signed with the Local profile\'s MD5 key from SecretStorage');
      assert.strictEqual(
        await fetchText(signed.url),
        '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>F</is_success><error>TRADE_NOT_EXIST</error></alipay>',
        'the signature is accepted; the trade simply does not exist',
      );
    } finally {
      assert.strictEqual(await exec<boolean>('alipay.stopLocalGateway'), true);
      await exec('alipay.switchProfile', { profile: 'Sandbox' });
    }
  });
});
