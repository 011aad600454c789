// The emulator answers as the real gateway does: DSA (seed 000's own sign type,
// signed here by the openssl command line), a BOM before "success" refused and
// re-sent, notify_verify's plain true/false/invalid, TRADE_HAS_SUCCESS,
// trade_create_by_buyer, query_timestamp, and notify_ids shaped like real ones.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseQuery, type Param } from '../../src/core/params';
import { xmlSignContent } from '../../src/core/xmlSignContent';
import { startGateway, type RunningGateway } from '../../src/emulator';
import { FIX, get, MD5_KEY, MerchantServer, PARTNER, postForm, read, signedQuery, SNS, startTest, testConfig, tradeNoOf, valueOf } from './emulator-helpers';
import { keyPath, openssl, tempDir } from '../unit/support/signing';

/** Seed 000's partner, configured with only a DSA key (its sign type). */
const SEED_PARTNER = '2088002464631181';
const dir = tempDir();

/** The pre-sign string written out independently of src/core: drop sign/sign_type and empties, sort by bytes, join raw. */
function presign(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && params[k] !== '')
    .sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

let n = 0;
function opensslSign(content: string, keyFile: string): string {
  const f = path.join(dir, `content-${++n}.txt`);
  fs.writeFileSync(f, content, 'utf8');
  return openssl(['dgst', '-sha1', '-sign', keyFile, f]).toString('base64');
}

function opensslVerify(content: string, sign: string, pubFile: string): boolean {
  const f = path.join(dir, `content-${++n}.txt`);
  const s = path.join(dir, `sig-${n}.bin`);
  fs.writeFileSync(f, content, 'utf8');
  fs.writeFileSync(s, Buffer.from(sign, 'base64'));
  try {
    return /Verified OK/.test(openssl(['dgst', '-sha1', '-verify', pubFile, '-signature', s, f]).toString());
  } catch {
    return false;
  }
}

/** A query string signed DSA by openssl with the merchant's key (test/fixtures/keys/dsa1024.pem). */
function dsaQuery(params: Record<string, string>): string {
  const sign = opensslSign(presign(params), keyPath('dsa1024.pem'));
  return Object.entries({ ...params, sign_type: 'DSA', sign })
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

describe('emulator fidelity', () => {
  describe('DSA (seed 000)', () => {
    let gw: RunningGateway;
    before(async () => {
      const cfg = testConfig();
      gw = await startGateway({
        config: {
          alipay: { ...cfg.alipay, dsaPrivateKey: read('alipay_dsa_private_key.pem') },
          merchants: [...cfg.merchants, { partner: SEED_PARTNER, dsaPublicKey: fs.readFileSync(keyPath('dsa1024-public.pem'), 'utf8'), snsUsers: [SNS] }],
        },
        notifySchedule: [],
      });
    });
    after(() => gw.close());

    it('accepts seed 000 signed DSA by openssl, and its answers verify with Alipay\'s DSA key under openssl', async () => {
      assert.deepEqual(gw.merchants.find((m) => m.partner === SEED_PARTNER)?.signTypes, ['DSA']);
      // The order the seed's request refers to, created by a DSA request too.
      const created = await get(
        gw,
        dsaQuery({ service: 'create_direct_pay_by_user', partner: SEED_PARTNER, _input_charset: 'utf-8', out_trade_no: '201107010000946451', subject: '豆瓣', total_fee: '0.01', payment_type: '1', seller_id: SEED_PARTNER, return_url: 'http://127.0.0.1:9/back' }),
      );
      assert.equal(created.status, 200);
      const tradeNo = tradeNoOf(created.text);
      // Seed 000's request URL, parameter for parameter (partner is the seed's own).
      const seed = { service: 'sns.trade.operate.by.action', partner: SEED_PARTNER, _input_charset: 'utf-8', sns_user_id: 'douban_buyer', key: '2011062143A2BD6F1DD043F8999AD2923D5D19AE', order_no: '201107010000946451', trade_action: 'payAction' };
      assert.equal(presign(seed), '_input_charset=utf-8&key=2011062143A2BD6F1DD043F8999AD2923D5D19AE&order_no=201107010000946451&partner=2088002464631181&service=sns.trade.operate.by.action&sns_user_id=douban_buyer&trade_action=payAction');
      const page = await get(gw, dsaQuery(seed));
      assert.equal(page.status, 200);
      assert.ok(!page.text.includes('error-code'), page.text.slice(0, 400));
      assert.equal(tradeNoOf(page.text), tradeNo, 'the cashier of the seed order');
      // A forged DSA sign is refused.
      const forged = dsaQuery(seed).replace(/sign=[^&]+/, 'sign=' + encodeURIComponent(opensslSign('something else', keyPath('dsa1024.pem'))));
      assert.ok((await get(gw, forged)).text.includes('ILLEGAL_SIGN'));

      // The answer: the return URL after paying, signed DSA by "Alipay".
      const paid = await postForm(`${gw.origin}/__emulator/cashier/pay`, `trade_no=${tradeNo}`);
      const location = String(paid.headers.location);
      const back = Object.fromEntries(parseQuery(location.slice(location.indexOf('?') + 1)).params.map((p) => [p.name, p.value]));
      assert.equal(back.sign_type, 'DSA');
      assert.ok(opensslVerify(presign(back), back.sign, path.join(FIX, 'alipay_dsa_public_key.pem')), 'return URL verifies under openssl');

      // A DSA query: its XML answer's sign verifies under openssl over the (inferred) XML rule.
      const xml = (await get(gw, dsaQuery({ service: 'single_trade_query', partner: SEED_PARTNER, _input_charset: 'utf-8', trade_no: tradeNo }))).text;
      assert.ok(xml.includes('<is_success>T</is_success>'), xml);
      assert.ok(xml.includes('<sign_type>DSA</sign_type>'));
      const inner = /<trade>([\s\S]*)<\/trade>/.exec(xml)?.[1] ?? '';
      const fields: Param[] = [...inner.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((m) => ({ name: m[1], value: m[2] }));
      const sign = /<sign>([^<]*)<\/sign>/.exec(xml)?.[1] ?? '';
      assert.ok(opensslVerify(xmlSignContent(fields), sign, path.join(FIX, 'alipay_dsa_public_key.pem')), 'query XML verifies under openssl');
      // And not under the wrong key.
      assert.equal(opensslVerify(xmlSignContent(fields), sign, keyPath('dsa1024-public.pem')), false);
    });

    it('refuses a DSA merchant without Alipay\'s DSA key, and a non-DSA key given as DSA, in one line each', async () => {
      const cfg = testConfig();
      await assert.rejects(startGateway({ config: { alipay: cfg.alipay, merchants: [{ partner: SEED_PARTNER, dsaPublicKey: fs.readFileSync(keyPath('dsa1024-public.pem'), 'utf8') }] } }), /needs alipay\.dsaPrivateKey/);
      await assert.rejects(startGateway({ config: { alipay: { ...cfg.alipay, dsaPrivateKey: read('alipay_dsa_private_key.pem') }, merchants: [{ partner: SEED_PARTNER, dsaPublicKey: read('merchant_public_key.pem') }] } }), /must be a DSA key/);
    });
  });

  describe('answers and codes', () => {
    let gw: RunningGateway;
    let merchant: MerchantServer;
    beforeEach(async () => {
      merchant = await new MerchantServer().start();
      gw = (await startTest()).gw;
    });
    afterEach(async () => {
      await gw.close();
      await merchant.close();
    });

    const create = (service: string, out: string, extra: Record<string, string> = {}) =>
      get(gw, signedQuery(service, { out_trade_no: out, subject: 'book', payment_type: '1', seller_id: PARTNER, notify_url: merchant.url, return_url: 'http://127.0.0.1:9/back', ...extra }));

    it('a BOM before "success" is refused and re-sent; whitespace around it is accepted and noted', async () => {
      merchant.answer = (i) => (i === 1 ? '\ufeffsuccess' : i === 2 ? '<html>success</html>' : 'success\r\n');
      const tradeNo = tradeNoOf((await create('create_direct_pay_by_user', 'BOM-1', { total_fee: '1.00' })).text);
      await gw.pay(tradeNo);
      await merchant.waitFor(3);
      await gw.idle();
      const attempts = gw.notifications()[0].attempts;
      assert.deepEqual(
        attempts.map((a) => [a.ok, a.note]),
        [
          [false, 'bom'],
          [false, undefined],
          [true, 'whitespace'],
        ],
      );
      assert.equal(gw.notifications()[0].delivered, true);
    });

    it('notify_verify answers plain true / false, and plain invalid for an unknown partner', async () => {
      const tradeNo = tradeNoOf((await create('create_direct_pay_by_user', 'NV-1', { total_fee: '1.00' })).text);
      await gw.pay(tradeNo);
      await merchant.waitFor(1);
      const id = valueOf(merchant.received[0].params, 'notify_id') as string;
      const t = await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${id}`);
      assert.equal(t.text, 'true');
      assert.match(String(t.headers['content-type']), /^text\/plain/);
      assert.equal((await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=0123`)).text, 'false');
      const inv = await get(gw, `service=notify_verify&partner=2088999999999999&notify_id=${id}`);
      assert.equal(inv.text, 'invalid');
      assert.match(String(inv.headers['content-type']), /^text\/plain/);
    });

    it('notify_ids are shaped like real ones; the return URL carries its notify_id encoded twice, signed once-decoded', async () => {
      const tradeNo = tradeNoOf((await create('create_direct_pay_by_user', 'ID-1', { total_fee: '1.00' })).text);
      const { returnUrl } = await gw.pay(tradeNo);
      await merchant.waitFor(1);
      assert.match(valueOf(merchant.received[0].params, 'notify_id') as string, /^[0-9a-f]{34}$/);
      const raw = /[?&]notify_id=([^&]+)/.exec(returnUrl)?.[1] ?? '';
      assert.match(raw, /^RqPnCoPT3K9%252Fvwbh3I/, raw);
      const once = valueOf(parseQuery(returnUrl.slice(returnUrl.indexOf('?') + 1)).params, 'notify_id') as string;
      assert.match(once, /^RqPnCoPT3K9%2Fvwbh3I/);
      // The legacy demo appends the once-decoded value to the notify_verify URL as is.
      assert.equal((await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${once}`)).text, 'true');
      assert.equal((await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${encodeURIComponent(once)}`)).text, 'true');
    });

    it('TRADE_HAS_SUCCESS when paying an already-paid out_trade_no; REPEAT_OUT_TRADE_NO stays for a different unpaid order', async () => {
      const tradeNo = tradeNoOf((await create('create_direct_pay_by_user', 'PAID-1', { total_fee: '1.00' })).text);
      assert.ok((await create('create_direct_pay_by_user', 'PAID-1', { total_fee: '2.00' })).text.includes('REPEAT_OUT_TRADE_NO'));
      await gw.pay(tradeNo);
      const again = await create('create_direct_pay_by_user', 'PAID-1', { total_fee: '1.00' });
      assert.ok(again.text.includes('<code id="error-code">TRADE_HAS_SUCCESS</code>'), again.text.slice(0, 500));
    });

    it('trade_create_by_buyer runs the escrow life cycle: pay, ship, confirm, each notified', async () => {
      const page = await create('trade_create_by_buyer', 'DUAL-1', { price: '3.00', quantity: '2', logistics_type: 'EXPRESS', logistics_fee: '1.00', logistics_payment: 'BUYER_PAY' });
      assert.equal(page.status, 200);
      const tradeNo = tradeNoOf(page.text);
      assert.equal(gw.trade(tradeNo)?.totalFee, '7.00');
      await gw.pay(tradeNo);
      assert.equal(gw.trade(tradeNo)?.status, 'WAIT_SELLER_SEND_GOODS');
      const shipped = await get(gw, signedQuery('send_goods_confirm_by_platform', { trade_no: tradeNo, logistics_name: 'EMS', transport_type: 'EMS' }));
      assert.ok(shipped.text.includes('<trade_status>WAIT_BUYER_CONFIRM_GOODS</trade_status>'), shipped.text);
      await gw.confirmReceipt(tradeNo);
      await merchant.waitFor(3);
      assert.deepEqual(
        merchant.received.map((r) => [r.valid, valueOf(r.params, 'trade_status'), valueOf(r.params, 'logistics_type')]),
        [
          [true, 'WAIT_SELLER_SEND_GOODS', 'EXPRESS'],
          [true, 'WAIT_BUYER_CONFIRM_GOODS', 'EXPRESS'],
          [true, 'TRADE_FINISHED', 'EXPRESS'],
        ],
      );
    });

    it('query_timestamp answers a signed <timestamp><encrypt_key> (MD5 checked with node:crypto over encrypt_key=…)', async () => {
      const a = await get(gw, signedQuery('query_timestamp', {}));
      assert.match(a.text, /^<\?xml version="1\.0" encoding="utf-8"\?><alipay><is_success>T<\/is_success><request>.*<\/request><response><timestamp><encrypt_key>[^<]+<\/encrypt_key><\/timestamp><\/response><sign>[0-9a-f]{32}<\/sign><sign_type>MD5<\/sign_type><\/alipay>$/);
      const key = /<encrypt_key>([^<]+)</.exec(a.text)?.[1] as string;
      const sign = /<sign>([^<]+)</.exec(a.text)?.[1] as string;
      assert.equal(sign, crypto.createHash('md5').update(`encrypt_key=${key}${MD5_KEY}`, 'utf8').digest('hex'));
    });
  });
});
