// gw.onDidChange: front ends (the side bar) refresh from it instead of polling.
import * as assert from 'node:assert/strict';
import { get, MerchantServer, PARTNER, signedQuery, startTest, tradeNoOf } from './emulator-helpers';

describe('emulator change event', () => {
  it('fires on trade creation, payment and each notification attempt; stops after dispose', async () => {
    const merchant = await new MerchantServer().start();
    const { gw } = await startTest();
    try {
      let calls = 0;
      const sub = gw.onDidChange(() => calls++);
      const page = await get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: 'EV-1', subject: 's', total_fee: '1.00', payment_type: '1', seller_id: PARTNER, notify_url: merchant.url }));
      assert.ok(calls >= 1, 'a new trade is a change');
      const afterCreate = calls;
      await gw.pay(tradeNoOf(page.text));
      await gw.idle();
      assert.ok(calls > afterCreate, 'payment and its notification are changes');
      assert.equal(gw.notifications()[0].attempts.length, 1);
      sub.dispose();
      const before = calls;
      await gw.resendNotification(gw.notifications()[0].notifyId);
      assert.equal(calls, before, 'no calls after dispose');
    } finally {
      await gw.close();
      await merchant.close();
    }
  });
});
