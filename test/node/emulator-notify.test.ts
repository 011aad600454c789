// Notifications: retried on the configured schedule until the merchant answers
// `success`; resend and tampered copies through the admin API; every attempt
// logged without keys or signatures; pending retries survive a restart.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LogEntry, RunningGateway } from '../../src/emulator';
import { get, MD5_KEY, MerchantServer, PARTNER, read, request, signedQuery, startTest, tradeNoOf, valueOf } from './emulator-helpers';
import { REDACTED } from '../../src/core/redact';

/** Resolves when a log entry matching `pred` arrives (entries already seen count). */
function logged(logs: LogEntry[], pred: (e: LogEntry) => boolean): Promise<LogEntry> {
  return new Promise((resolve) => {
    const hit = logs.find(pred);
    if (hit) return resolve(hit);
    const push = logs.push.bind(logs);
    logs.push = (...items: LogEntry[]) => {
      const n = push(...items);
      const found = items.find(pred);
      if (found) resolve(found);
      return n;
    };
  });
}

describe('emulator: notifications', () => {
  let merchant: MerchantServer;
  let gw: RunningGateway;
  let logs: LogEntry[];

  beforeEach(async () => {
    merchant = await new MerchantServer().start();
  });
  afterEach(async () => {
    await gw.close();
    await merchant.close();
  });

  async function paidTrade(notifyUrl = merchant.url, out = 'N-1'): Promise<string> {
    const page = await get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: out, subject: 'n', total_fee: '5.00', payment_type: '1', seller_id: PARTNER, notify_url: notifyUrl }));
    const tradeNo = tradeNoOf(page.text);
    await gw.pay(tradeNo);
    return tradeNo;
  }

  it('retries anything but "success" on the configured schedule, then stops', async () => {
    ({ gw, logs } = await startTest({ notifySchedule: [7, 11, 13] }));
    merchant.answer = (n) => (n < 3 ? 'fail' : ' success\n');
    await paidTrade();
    await merchant.waitFor(3);
    await gw.idle();
    const [n] = gw.notifications();
    assert.equal(n.delivered, true);
    assert.deepEqual(
      n.attempts.map((a) => [a.attempt, a.kind, a.ok, a.nextRetryMs]),
      [
        [1, 'scheduled', false, 7],
        [2, 'scheduled', false, 11],
        [3, 'scheduled', true, undefined],
      ],
    );
    assert.equal(merchant.received.length, 3);
    assert.ok(merchant.received.every((r) => r.valid));
    assert.equal(new Set(merchant.received.map((r) => valueOf(r.params, 'notify_id'))).size, 1, 'a retry is the same notification');
    assert.equal(logs.filter((e) => e.kind === 'notify').length, 3, 'every attempt logged');
  });

  it('gives up after the last scheduled retry', async () => {
    ({ gw, logs } = await startTest({ notifySchedule: [3, 3] }));
    merchant.answer = () => 'fail';
    await paidTrade();
    await merchant.waitFor(3);
    await gw.idle();
    const [n] = gw.notifications();
    assert.equal(n.delivered, false);
    assert.equal(n.attempts.length, 3);
    assert.equal(n.attempts[2].nextRetryMs, undefined, 'no retry after the schedule ends');
  });

  it('resends the identical notification and sends tampered copies through the admin API; logs hold no secrets', async () => {
    ({ gw, logs } = await startTest());
    await paidTrade();
    await merchant.waitFor(1);
    await gw.idle();
    const [n] = gw.notifications();
    const id = encodeURIComponent(n.notifyId);

    const resent = await request(`${gw.origin}/__emulator/api/notifications/${id}/resend`, { method: 'POST' });
    assert.equal(resent.status, 200);
    assert.equal(JSON.parse(resent.text).kind, 'resend');
    assert.deepEqual(merchant.received[1].params, merchant.received[0].params, 'byte-identical repeat: the handler must be idempotent');
    assert.ok(merchant.received[1].valid);

    const amount = await request(`${gw.origin}/__emulator/api/notifications/${id}/tamper?mode=amount`, { method: 'POST' });
    assert.equal(JSON.parse(amount.text).kind, 'tampered');
    assert.equal(merchant.received[2].valid, false, 'changed total_fee no longer verifies');
    assert.equal(valueOf(merchant.received[2].params, 'total_fee'), '105.00');
    await gw.sendTamperedNotification(n.notifyId, 'sign');
    assert.equal(merchant.received[3].valid, false, 'a forged sign does not verify');
    assert.equal(valueOf(merchant.received[3].params, 'total_fee'), '5.00');
    assert.equal(gw.notifications()[0].attempts.map((a) => a.kind).join(','), 'scheduled,resend,tampered,tampered');

    assert.equal((await request(`${gw.origin}/__emulator/api/notifications/nope/resend`, { method: 'POST' })).status, 404);
    const cross = await request(`${gw.origin}/__emulator/api/notifications/${id}/resend`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    assert.equal(cross.status, 403, 'a page elsewhere cannot drive the emulator');

    const state = JSON.parse((await request(`${gw.origin}/__emulator/api/state`)).text) as { notifications: Array<{ params: Array<{ name: string; value: string }> }> };
    assert.equal(valueOf(state.notifications[0].params, 'sign'), REDACTED);

    const all = JSON.stringify(logs);
    const sign = valueOf(n.params, 'sign') as string;
    assert.ok(!all.includes(MD5_KEY), 'no MD5 key in logs');
    assert.ok(!all.includes(sign), 'no signature in logs');
    assert.ok(all.includes(REDACTED));
    for (const f of ['alipay_private_key.pem', 'merchant_private_key.pem']) assert.ok(!all.includes(read(f).split('\n')[1]), `no ${f} in logs`);
  });

  it('signs notifications of RSA requests with Alipay\'s private key', async () => {
    ({ gw, logs } = await startTest());
    const page = await get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: 'R-1', subject: 'n', total_fee: '5.00', payment_type: '1', seller_id: PARTNER, notify_url: merchant.url }, { signType: 'RSA' }));
    await gw.pay(tradeNoOf(page.text));
    await merchant.waitFor(1);
    assert.equal(valueOf(merchant.received[0].params, 'sign_type'), 'RSA');
    assert.ok(merchant.received[0].valid, 'verifies with alipay_public_key.pem');
  });

  it('refuses plain http to a non-loopback notify_url without touching the network', async () => {
    ({ gw, logs } = await startTest({ notifySchedule: [] }));
    await paidTrade('http://shop.example.invalid/notify');
    const entry = await logged(logs, (e) => e.kind === 'notify');
    assert.match(String(entry.args.result), /only to loopback/);
  });

  it('continues pending retries after a restart with --state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-notify-'));
    const stateFile = path.join(dir, 'state.json');
    try {
      merchant.answer = (n) => (n === 1 ? 'fail' : 'success');
      ({ gw, logs } = await startTest({ stateFile, notifySchedule: [3_600_000] }));
      await paidTrade();
      await merchant.waitFor(1);
      await gw.idle();
      await gw.close();
      ({ gw, logs } = await startTest({ stateFile, notifySchedule: [5] }));
      await merchant.waitFor(2);
      await gw.idle();
      assert.equal(gw.notifications()[0].delivered, true);
      assert.equal(gw.notifications()[0].attempts.length, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
