// The "Alipay" side bar in the real editor, through the providers on the
// extension's test API (getChildren/getTreeItem, no UI scraping) and waiting on
// their change events (no sleeps): start the gateway, a trade appears after a
// send, pay it, its notification appears with the handler's answer, resend;
// the status bar item; Profiles and History.
import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { SendOutcome } from '../../src/extension/requestFile/commands';
import { activateExtension, exec } from './shell-helpers';

type Provider<T> = vscode.TreeDataProvider<T>;

async function items<T>(p: Provider<T>, parent?: T): Promise<Array<{ node: T; item: vscode.TreeItem }>> {
  const nodes = (await p.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await p.getTreeItem(node) })));
}

const text = (i: vscode.TreeItem): string => `${typeof i.label === 'string' ? i.label : i.label?.label ?? ''} ${i.description ?? ''}`;

/** Resolves when `check` holds for the tree, re-checking on each onDidChangeTreeData (event-driven). */
async function until<T, R>(p: Provider<T>, check: () => Promise<R | undefined>, what: string): Promise<R> {
  const now = await check();
  if (now !== undefined) return now;
  return new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the tree never showed ${what}`));
    }, 15000);
    const sub = p.onDidChangeTreeData!(async () => {
      const r = await check();
      if (r === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
}

describe('Side bar: Local Gateway, Profiles, History', function () {
  this.timeout(60000);
  let api: ExtensionApi;
  let merchant: http.Server;
  let notifyUrl: string;
  const received: string[] = [];

  before(async () => {
    ({ api } = await activateExtension());
    merchant = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('latin1')));
      req.on('end', () => {
        received.push(body);
        res.end('success');
      });
    });
    await new Promise<void>((r) => merchant.listen(0, '127.0.0.1', r));
    notifyUrl = `http://127.0.0.1:${(merchant.address() as net.AddressInfo).port}/notify`;
  });
  after(async () => {
    if ((await api.sideBar.gatewayStatus()).visible) await exec('alipay.stopLocalGateway');
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    merchant.closeAllConnections();
    await new Promise<void>((r) => merchant.close(() => r()));
  });

  it('follows the gateway from start to a paid trade, its notification and a resend; the status bar item with it', async () => {
    const gateway = api.sideBar.gateway!;
    assert.deepStrictEqual(await gateway.getChildren(), [], 'empty while stopped (the welcome view offers Start)');
    assert.strictEqual((await api.sideBar.gatewayStatus()).visible, false);

    const started = exec<{ url: string; partner: string }>('alipay.startLocalGateway');
    const top = await until(gateway, async () => {
      const list = await items(gateway);
      return list.length >= 2 ? list : undefined;
    }, 'the running gateway');
    const gw = await started;
    assert.match(text(top[0].item), new RegExp(gw.url.replace(/[.?]/g, '\\$&')));
    assert.match(text(top[1].item), new RegExp(gw.partner));
    const status = await api.sideBar.gatewayStatus();
    assert.strictEqual(status.visible, true);
    const count = Number(new RegExp(`:${new URL(gw.url).port} · (\\d+) `).exec(status.text)?.[1]);
    assert.ok(count >= 0, status.text);
    assert.strictEqual(status.command, 'alipay.gatewayView.focus');

    // A send from a request file creates a trade, and the tree shows it.
    const order = `SB${Date.now()}`;
    const doc = await vscode.workspace.openTextDocument({
      language: 'alipay',
      content: ['### Create', 'GET Local', 'service = create_direct_pay_by_user', 'partner = {{partner}}', '_input_charset = utf-8', `out_trade_no = ${order}`, 'subject = side bar', 'payment_type = 1', 'total_fee = 0.02', `seller_id = {{partner}}`, `notify_url = ${notifyUrl}`, ''].join('\n'),
    });
    const sent = await exec<SendOutcome>('alipay.sendRequest', { uri: doc.uri.toString(), index: 1 });
    assert.strictEqual(sent.sent, true, sent.message);
    const trade = await until(gateway, async () => (await items(gateway)).find((x) => text(x.item).startsWith(order)), `trade ${order}`);
    assert.match(text(trade.item), /WAIT_BUYER_PAY · ¥0\.02/);
    assert.strictEqual(trade.item.contextValue, 'trade-WAIT_BUYER_PAY');
    assert.match((await api.sideBar.gatewayStatus()).text, new RegExp(` · ${count + 1} `), 'the status item counts the new trade');

    // Pay it from the tree: the status changes and the notification appears with the handler's answer.
    await exec('alipay.views.payTrade', trade.node);
    const note = await until(gateway, async () => {
      const t = (await items(gateway)).find((x) => text(x.item).startsWith(order));
      if (!t || !/TRADE_SUCCESS/.test(text(t.item))) return undefined;
      const notes = await items(gateway, t.node);
      return notes.length && /1 attempt/.test(text(notes[0].item)) ? notes[0] : undefined;
    }, 'the paid trade with its notification');
    assert.match(text(note.item), /delivered|已送达/);
    assert.strictEqual(note.item.contextValue, 'notification');
    const attempts = await items(gateway, note.node);
    assert.strictEqual(attempts.length, 1);
    assert.match(text(attempts[0].item), /#1 .*HTTP 200 "success"/);
    assert.ok(received.some((b) => b.includes(order)), 'the merchant server received the notification');

    // Resend from the tree: a second attempt appears.
    await exec('alipay.views.resendNotification', note.node);
    const second = await until(gateway, async () => {
      const t = (await items(gateway)).find((x) => text(x.item).startsWith(order));
      const n = t && (await items(gateway, t.node))[0];
      const a = n && (await items(gateway, n.node));
      return a && a.length === 2 ? a[1] : undefined;
    }, 'the resent attempt');
    assert.match(text(second.item), /#2 (resent|重发) .*HTTP 200 "success"/);

    // Query this trade: writes and sends a request block; History shows it with the gateway's outcome.
    const history = api.sideBar.history!;
    await history.getChildren();
    const query = await exec<SendOutcome>('alipay.views.queryTrade', trade.node);
    assert.strictEqual(query.sent, true, query.message);
    assert.strictEqual(query.success, true);
    const row = await until(history, async () => {
      const first = (await items(history))[0];
      return first && /^single_trade_query/.test(text(first.item)) ? first : undefined;
    }, 'the query in History');
    assert.match(text(row.item), /HTTP 200 · is_success=T · Local/);
    assert.deepStrictEqual(row.item.command?.command, 'alipay.showHistory');

    // Profiles: Local while the gateway runs, with its keys' fingerprints.
    const profiles = api.sideBar.profiles!;
    await exec('alipay.switchProfile', { profile: 'Local' });
    const local = await until(profiles, async () => (await items(profiles)).find((x) => text(x.item).startsWith('Local')), 'the Local profile');
    assert.strictEqual(local.item.contextValue, 'profile-active');
    const details = (await items(profiles, local.node)).map((x) => text(x.item));
    assert.ok(details.some((d) => d.includes(gw.url)), details.join(' | '));
    assert.ok(details.some((d) => /MD5 .*sha256:[0-9a-f]{16}/i.test(d)), details.join(' | '));

    // Stop: the tree empties, the status item goes, Local leaves the Profiles view.
    await exec('alipay.stopLocalGateway');
    await until(gateway, async () => ((await gateway.getChildren())?.length === 0 ? true : undefined), 'an empty tree after Stop');
    assert.strictEqual((await api.sideBar.gatewayStatus()).visible, false);
    assert.ok(!(await items(profiles)).some((x) => text(x.item).startsWith('Local')));
  });
});
