// The emulator's pages behind a path prefix (code-server's /proxy/8787/): every
// form and link is relative, so a browser following them stays under the prefix.
import * as assert from 'node:assert/strict';
import type { RunningGateway } from '../../src/emulator';
import { formOf, startPrefixProxy, type PrefixProxy } from '../support/prefixProxy';
import { MerchantServer, PARTNER, signedQuery, startTest } from './emulator-helpers';

describe('emulator pages under a path prefix', () => {
  let gw: RunningGateway;
  let proxy: PrefixProxy;
  let merchant: MerchantServer;

  beforeEach(async () => {
    merchant = await new MerchantServer().start();
    gw = (await startTest()).gw;
    proxy = await startPrefixProxy(gw.origin);
  });
  afterEach(async () => {
    await proxy.close();
    await gw.close();
    await merchant.close();
  });

  /** What a browser does: resolve against the page's URL, send its Origin. */
  const browserPost = (pageUrl: string, form: { action: string; body: string }) =>
    fetch(new URL(form.action, pageUrl), { method: 'POST', body: form.body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(pageUrl).origin } });

  it('the cashier pays and cancels through the proxy; the trade pages and index links stay under it', async () => {
    const pageUrl = `${proxy.base}gateway.do?${signedQuery('create_direct_pay_by_user', { out_trade_no: 'PREFIX-1', subject: 'x', total_fee: '1.00', payment_type: '1', seller_id: PARTNER, notify_url: merchant.url, return_url: 'http://127.0.0.1:9/return' })}`;
    const cashier = await (await fetch(pageUrl)).text();
    const cancelled = await browserPost(pageUrl, formOf(cashier, 'cancel'));
    assert.equal(cancelled.status, 200);
    const detail = await cancelled.text();
    assert.match(detail, /WAIT_BUYER_PAY/);

    const detailUrl = new URL(formOf(cashier, 'cancel').action, pageUrl).href;
    const paid = await browserPost(detailUrl, formOf(detail, 'pay'));
    assert.equal(paid.status, 302, 'paid from the detail page (one level deeper)');
    assert.match(String(paid.headers.get('location')), /^http:\/\/127\.0\.0\.1:9\/return\?/);

    const index = await fetch(proxy.base, { redirect: 'manual' });
    assert.equal(index.status, 302);
    const indexUrl = new URL(String(index.headers.get('location')), proxy.base).href;
    assert.equal(indexUrl, `${proxy.base}__emulator/`);
    const list = await (await fetch(indexUrl)).text();
    const link = /<a href="([^"]+)">/.exec(list)?.[1];
    assert.ok(link, 'the index links its trades');
    const trade = await fetch(new URL(link.replace(/&amp;/g, '&'), indexUrl));
    assert.equal(trade.status, 200);
    assert.match(await trade.text(), /TRADE_SUCCESS/);
    assert.deepEqual(proxy.escaped, [], 'no request left the prefix');
  });

  it('still refuses a POST from another site behind the proxy', async () => {
    const res = await fetch(`${proxy.base}__emulator/cashier/pay`, { method: 'POST', body: 'trade_no=1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
  });
});
