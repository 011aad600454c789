// Whole payment flows against the local gateway over real HTTP on 127.0.0.1:
// pay by page, notification, return URL, query; escrow; closing; SNS actions;
// notify_verify. Signatures of what the gateway sends are checked by the
// merchant side (core verify), and by openssl / python3 where noted.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseQuery, type Param } from '../../src/core/params';
import { decodeResponse } from '../../src/core/response';
import { verifyContent, verifyParams } from '../../src/core/sign';
import { xmlSignContent } from '../../src/core/xmlSignContent';
import type { RunningGateway } from '../../src/emulator';
import { FIX, get, MD5_KEY, MerchantServer, PARTNER, postForm, read, signedQuery, SNS, startTest, tradeNoOf, valueOf } from './emulator-helpers';

/** The business node's children and the sign of a gateway XML answer. */
function parseSigned(xml: string, node: string): { fields: Param[]; sign: string; signType: string } {
  const inner = new RegExp(`<${node}>([\\s\\S]*)</${node}>`).exec(xml)?.[1] ?? '';
  const fields = [...inner.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((m) => ({ name: m[1], value: m[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') }));
  return { fields, sign: /<sign>([^<]*)<\/sign>/.exec(xml)?.[1] ?? '', signType: /<sign_type>([^<]*)<\/sign_type>/.exec(xml)?.[1] ?? '' };
}

function field(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

describe('emulator: whole flows over HTTP', () => {
  let gw: RunningGateway;
  let merchant: MerchantServer;
  const returnUrl = 'http://127.0.0.1:9/return?from=shop';

  beforeEach(async () => {
    merchant = await new MerchantServer().start();
    gw = (await startTest()).gw;
  });
  afterEach(async () => {
    await gw.close();
    await merchant.close();
  });

  const createDirect = (out: string, extra: Record<string, string> = {}, signType: 'MD5' | 'RSA' = 'MD5') =>
    get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: out, subject: '测试 <b>&"商品"', total_fee: '12.30', payment_type: '1', seller_id: PARTNER, notify_url: merchant.url, return_url: returnUrl, ...extra }, { signType }));

  async function query(biz: Record<string, string>, signType: 'MD5' | 'RSA' = 'MD5'): Promise<string> {
    return (await get(gw, signedQuery('single_trade_query', biz, { signType }))).text;
  }

  it('pays by page (MD5): cashier, redirect to a signed return URL, verified notification, notify_verify, query', async () => {
    const page = await createDirect('ORDER-1');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.ok(page.text.includes('测试 &lt;b&gt;&amp;&quot;商品&quot;'), 'subject is shown HTML-escaped');
    assert.ok(!page.text.includes('<b>&'), 'no raw markup from the request');
    assert.ok(page.text.includes('12.30'));
    const tradeNo = tradeNoOf(page.text);
    assert.equal(gw.trade(tradeNo)?.status, 'WAIT_BUYER_PAY');
    assert.equal(field(await query({ out_trade_no: 'ORDER-1' }), 'trade_status'), 'WAIT_BUYER_PAY', 'queried before paying');

    const paid = await postForm(`${gw.origin}/__emulator/cashier/pay`, `trade_no=${tradeNo}`);
    assert.equal(paid.status, 302);
    const location = String(paid.headers.location);
    assert.ok(location.startsWith(returnUrl + '&'), location);
    const back = parseQuery(location.slice(location.indexOf('?') + 1)).params;
    assert.equal(valueOf(back, 'from'), 'shop');
    const ret = back.filter((p) => p.name !== 'from');
    assert.ok(verifyParams(ret, 'MD5', { md5Key: MD5_KEY }, 'utf-8').valid, 'return URL signature verifies');
    assert.equal(valueOf(ret, 'trade_status'), 'TRADE_SUCCESS');
    assert.equal(valueOf(ret, 'is_success'), 'T');
    assert.equal(valueOf(ret, 'out_trade_no'), 'ORDER-1');

    await merchant.waitFor(1);
    const n = merchant.received[0];
    assert.ok(n.valid, 'notification signature verifies');
    assert.equal(valueOf(n.params, 'trade_status'), 'TRADE_SUCCESS');
    assert.equal(valueOf(n.params, 'trade_no'), tradeNo);
    assert.equal(valueOf(n.params, 'subject'), '测试 <b>&"商品"');
    assert.equal(valueOf(n.params, 'total_fee'), '12.30');
    const verify = await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${encodeURIComponent(valueOf(n.params, 'notify_id') as string)}`);
    assert.equal(verify.text, 'true');
    const verifyReturn = await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${encodeURIComponent(valueOf(ret, 'notify_id') as string)}`);
    assert.equal(verifyReturn.text, 'true');

    const xml = await query({ out_trade_no: 'ORDER-1' });
    assert.equal(field(xml, 'is_success'), 'T');
    assert.equal(field(xml, 'trade_status'), 'TRADE_SUCCESS');
    assert.equal(field(xml, 'buyer_id'), '2088102000000001');
    const s = parseSigned(xml, 'trade');
    assert.equal(s.signType, 'MD5');
    assert.ok(verifyContent(xmlSignContent(s.fields), s.sign, 'MD5', { md5Key: MD5_KEY }, 'utf-8'), 'query XML signature verifies');
    assert.ok(xml.includes('<request><param name="service">single_trade_query</param>'), 'request echoed like seed 003');
    assert.ok(!xml.includes('<param name="sign"'), 'sign is not echoed');
    // The toolkit's own response decoder (what the preview and CLI show) accepts it too.
    const model = decodeResponse(Buffer.from(xml, 'utf8'), { md5Key: MD5_KEY });
    assert.equal(model.signature.verdict, 'valid');
    assert.equal(model.success, true);
  });

  it('pays by page (RSA): notification and query XML verify with Alipay\'s public key, the XML also by openssl', async () => {
    const tradeNo = tradeNoOf((await createDirect('ORDER-RSA', {}, 'RSA')).text);
    const { returnUrl: back } = await gw.pay(tradeNo);
    const ret = parseQuery(back.slice(back.indexOf('?') + 1)).params.filter((p) => p.name !== 'from');
    assert.equal(valueOf(ret, 'sign_type'), 'RSA');
    assert.ok(verifyParams(ret, 'RSA', { publicKey: read('alipay_public_key.pem') }, 'utf-8').valid);
    await merchant.waitFor(1);
    assert.ok(merchant.received[0].valid);
    assert.equal(valueOf(merchant.received[0].params, 'sign_type'), 'RSA');

    const xml = await query({ trade_no: tradeNo }, 'RSA');
    const s = parseSigned(xml, 'trade');
    assert.equal(s.signType, 'RSA');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-ossl-'));
    try {
      fs.writeFileSync(path.join(dir, 'content'), Buffer.from(xmlSignContent(s.fields), 'utf8'));
      fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(s.sign, 'base64'));
      const out = execFileSync('openssl', ['dgst', '-sha1', '-verify', path.join(FIX, 'alipay_public_key.pem'), '-signature', path.join(dir, 'sig'), path.join(dir, 'content')]).toString();
      assert.match(out, /Verified OK/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the escrow flow: WAIT_BUYER_PAY → WAIT_SELLER_SEND_GOODS → WAIT_BUYER_CONFIRM_GOODS → TRADE_FINISHED', async () => {
    const page = await get(
      gw,
      signedQuery('create_partner_trade_by_buyer', {
        out_trade_no: 'ESCROW-1', subject: 'camera', payment_type: '1', logistics_type: 'EXPRESS', logistics_fee: '10.00',
        logistics_payment: 'BUYER_PAY', price: '100.00', quantity: '2', seller_id: PARTNER, notify_url: merchant.url,
      }),
    );
    const tradeNo = tradeNoOf(page.text);
    assert.equal(gw.trade(tradeNo)?.totalFee, '210.00');
    const paid = await postForm(`${gw.origin}/__emulator/cashier/pay`, `trade_no=${tradeNo}`);
    assert.equal(paid.status, 200, 'no return_url: a result page');
    assert.equal(gw.trade(tradeNo)?.status, 'WAIT_SELLER_SEND_GOODS');

    const ship = await get(gw, signedQuery('send_goods_confirm_by_platform', { trade_no: tradeNo, logistics_name: '天天快递', transport_type: 'EXPRESS', invoice_no: '3455333' }));
    assert.equal(field(ship.text, 'is_success'), 'T');
    assert.equal(field(ship.text, 'trade_status'), 'WAIT_BUYER_CONFIRM_GOODS');
    assert.equal(field(ship.text, 'buyer_actions'), '[REFUND,CONFIRM_GOODS]');
    assert.ok(ship.text.includes('<param name="logistics_name">天天快递</param>'));
    const s = parseSigned(ship.text, 'tradeBase');
    assert.deepEqual(s.fields.map((f) => f.name), [...s.fields.map((f) => f.name)].sort(), 'children sorted like seed 002');
    assert.ok(verifyContent(xmlSignContent(s.fields), s.sign, 'MD5', { md5Key: MD5_KEY }, 'utf-8'));
    assert.equal(decodeResponse(ship.body, { md5Key: MD5_KEY }).signature.verdict, 'valid');

    const again = await get(gw, signedQuery('send_goods_confirm_by_platform', { trade_no: tradeNo, logistics_name: 'x', transport_type: 'EXPRESS' }));
    assert.ok(again.text.includes('<error>TRADE_STATUS_NOT_AVAILD</error>'));

    const confirm = await postForm(`${gw.origin}/__emulator/trade/confirm`, `trade_no=${tradeNo}`);
    assert.equal(confirm.status, 200);
    assert.equal(field(await query({ trade_no: tradeNo }), 'trade_status'), 'TRADE_FINISHED');
    await merchant.waitFor(3);
    await gw.idle();
    assert.deepEqual(merchant.received.map((r) => valueOf(r.params, 'trade_status')).sort(), ['TRADE_FINISHED', 'WAIT_BUYER_CONFIRM_GOODS', 'WAIT_SELLER_SEND_GOODS']);
    assert.ok(merchant.received.every((r) => r.valid));
  });

  it('closes an unpaid trade by out_order_no; a closed or paid trade cannot be closed or paid', async () => {
    const tradeNo = tradeNoOf((await createDirect('CLOSE-1')).text);
    const closed = await get(gw, signedQuery('close_trade', { out_order_no: 'CLOSE-1' }));
    assert.equal(closed.text, '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>T</is_success></alipay>');
    assert.equal(field(await query({ trade_no: tradeNo }), 'trade_status'), 'TRADE_CLOSED');
    assert.ok((await get(gw, signedQuery('close_trade', { trade_no: tradeNo }))).text.includes('<error>TRADE_STATUS_NOT_AVAILD</error>'));
    const pay = await postForm(`${gw.origin}/__emulator/cashier/pay`, `trade_no=${tradeNo}`);
    assert.ok(pay.text.includes('<code id="error-code">TRADE_STATUS_NOT_AVAILD</code>'));
    const reuse = await createDirect('CLOSE-1');
    assert.ok(reuse.text.includes('<code id="error-code">TRADE_HAS_CLOSE</code>'));
    assert.ok((await get(gw, signedQuery('close_trade', { trade_no: '2088000000000000000' }))).text.includes('<error>TRADE_NOT_EXIST</error>'));
    await merchant.waitFor(1);
    assert.equal(valueOf(merchant.received[0].params, 'trade_status'), 'TRADE_CLOSED');
  });

  it('shows the same cashier for a repeated unpaid order, and refuses a reused out_trade_no with another amount', async () => {
    const a = tradeNoOf((await createDirect('SAME-1')).text);
    assert.equal(tradeNoOf((await createDirect('SAME-1')).text), a);
    const other = await createDirect('SAME-1', { total_fee: '99.00' });
    assert.ok(other.text.includes('<code id="error-code">REPEAT_OUT_TRADE_NO</code>'));
  });

  it('serves a page for each sns.trade.operate.by.action action, with seed 000\'s error codes', async () => {
    const tradeNo = tradeNoOf((await createDirect('201107010000946451')).text);
    const sns = (extra: Record<string, string>) =>
      get(gw, signedQuery('sns.trade.operate.by.action', { sns_user_id: SNS.id, key: SNS.key, order_no: '201107010000946451', trade_action: 'payAction', ...extra }));
    assert.ok((await sns({})).text.includes('action="./__emulator/cashier/pay"'), 'payAction: the cashier');
    const detail = await sns({ trade_action: 'detailAction' });
    assert.ok(detail.text.includes(tradeNo) && detail.text.includes('WAIT_BUYER_PAY'));
    const modify = await sns({ trade_action: 'modifyAction' });
    assert.ok(modify.text.includes('action="__emulator/trade/modify"'));
    const modified = await postForm(`${gw.origin}/__emulator/trade/modify`, `trade_no=${tradeNo}&total_fee=8.88`);
    assert.equal(modified.status, 200);
    assert.equal(gw.trade(tradeNo)?.totalFee, '8.88');
    assert.ok((await sns({ trade_action: 'closeAction' })).text.includes('action="__emulator/trade/close"'));
    await postForm(`${gw.origin}/__emulator/trade/close`, `trade_no=${tradeNo}`);
    assert.equal(gw.trade(tradeNo)?.status, 'TRADE_CLOSED');

    const code = async (extra: Record<string, string>) => /id="error-code">([A-Z_]+)</.exec((await sns(extra)).text)?.[1];
    assert.equal(await code({ sns_user_id: 'nobody' }), 'USER_IS_NOT_BIND');
    assert.equal(await code({ key: 'WRONGKEY' }), 'ILLEGAL_USER_KEY');
    assert.equal(await code({ order_no: '999' }), 'ILLEGAL_ORDER');
    assert.equal(await code({ trade_action: 'refundAction' }), 'ILLEGAL_ARGUMENT');
    assert.equal(await code({ order_no: '12345678901234567890123' }), 'ILLEGAL_ARGUMENT', 'order_no longer than 22');
    const badSign = await get(gw, signedQuery('sns.trade.operate.by.action', { sns_user_id: SNS.id, key: SNS.key, order_no: '1', trade_action: 'payAction' }, { md5Key: 'wrong' }));
    assert.match(String(badSign.headers['content-type']), /^text\/html/, 'a page service shows an error page');
    assert.ok(badSign.text.includes('id="error-code">ILLEGAL_SIGN<'));
  });

  it('notify_verify answers false for unknown ids, another partner, and after a minute', async () => {
    let clock = Date.now();
    await gw.close();
    gw = (await startTest({ now: () => clock })).gw;
    const tradeNo = tradeNoOf((await createDirect('NV-1')).text);
    await gw.pay(tradeNo);
    await merchant.waitFor(1);
    const id = encodeURIComponent(valueOf(merchant.received[0].params, 'notify_id') as string);
    assert.equal((await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${id}`)).text, 'true');
    assert.equal((await get(gw, `service=notify_verify&partner=2088101122130000&notify_id=${id}`)).text, 'false');
    assert.equal((await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=nope`)).text, 'false');
    clock += 61_000;
    assert.equal((await get(gw, `service=notify_verify&partner=${PARTNER}&notify_id=${id}`)).text, 'false');
  });

  it('accepts a query signed by an independent implementation (python3 hashlib MD5) and a GBK request', async () => {
    const tradeNo = tradeNoOf((await createDirect('PY-1')).text);
    const script = [
      'import hashlib, sys, urllib.parse',
      'p = {"service": "single_trade_query", "partner": sys.argv[1], "_input_charset": "gbk", "trade_no": sys.argv[2], "out_trade_no": "PY-1"}',
      'pre = "&".join(k + "=" + p[k] for k in sorted(p) if p[k])',
      'p["sign"] = hashlib.md5((pre + sys.argv[3]).encode("gbk")).hexdigest()',
      'p["sign_type"] = "MD5"',
      'print(urllib.parse.urlencode(p, encoding="gbk"))',
    ].join('\n');
    const q = execFileSync('python3', ['-c', script, PARTNER, tradeNo, MD5_KEY]).toString().trim();
    const res = await get(gw, q);
    assert.match(String(res.headers['content-type']), /charset=GBK/);
    const xml = res.body.toString('latin1');
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="GBK"?><alipay><is_success>T</is_success>'), xml.slice(0, 120));
    assert.equal(field(xml, 'trade_no'), tradeNo);

    // A GBK subject travels as GBK bytes and is signed over them.
    const gbk = await get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: 'GBK-1', subject: '贝尔金', total_fee: '1.00', payment_type: '1', seller_id: PARTNER }, { charset: 'gbk' }));
    assert.equal(gbk.status, 200);
    assert.equal(gw.trades().find((t) => t.outTradeNo === 'GBK-1')?.subject, '贝尔金');
  });

  it('accepts an RSA request signed by the openssl command line', async () => {
    const params: Param[] = [
      { name: '_input_charset', value: 'utf-8' },
      { name: 'out_trade_no', value: 'OSSL-1' },
      { name: 'partner', value: PARTNER },
      { name: 'payment_type', value: '1' },
      { name: 'seller_id', value: PARTNER },
      { name: 'service', value: 'create_direct_pay_by_user' },
      { name: 'subject', value: 'openssl 签名' },
      { name: 'total_fee', value: '0.01' },
    ];
    const pre = params.map((p) => `${p.name}=${p.value}`).join('&'); // already in byte order
    const sig = execFileSync('openssl', ['dgst', '-sha1', '-sign', path.join(FIX, 'merchant_private_key.pem')], { input: Buffer.from(pre, 'utf8') }).toString('base64');
    const q = [...params, { name: 'sign', value: sig }, { name: 'sign_type', value: 'RSA' }].map((p) => `${p.name}=${encodeURIComponent(p.value)}`).join('&');
    const res = await get(gw, q);
    assert.ok(res.text.includes('action="./__emulator/cashier/pay"'), res.text.slice(0, 300));
  });

  it('accepts POST form bodies with _input_charset in the query string', async () => {
    const body = signedQuery('single_trade_query', { out_trade_no: 'none-such' });
    const res = await postForm(`${gw.url}?_input_charset=utf-8`, body);
    assert.equal(res.text, '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>F</is_success><error>TRADE_NOT_EXIST</error></alipay>');
  });
});
