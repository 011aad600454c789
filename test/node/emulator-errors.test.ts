// Every gateway error path answers the real gateway's error XML (or its error
// page for page services); malformed and oversized requests never crash it;
// 1,000 concurrent requests leave a consistent state.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseQuery, serializeQuery } from '../../src/core/params';
import type { RunningGateway } from '../../src/emulator';
import { errorXmlOf, get, LIMITED, PARTNER, postForm, request, signedQuery, startTest, tradeNoOf } from './emulator-helpers';

describe('emulator: gateway errors and hostile input', () => {
  let gw: RunningGateway;
  before(async () => {
    gw = (await startTest()).gw;
  });
  after(() => gw.close());

  const code = async (query: string) => {
    const r = await get(gw, query);
    assert.equal(r.status, 200);
    return r.text;
  };
  /** Re-serializes a signed query after changing it (the signature no longer covers the change). */
  const edit = (query: string, change: (p: { name: string; value: string }[]) => { name: string; value: string }[]) => serializeQuery(change(parseQuery(query).params), 'utf-8');
  const query = (biz: Record<string, string> = { trade_no: '2000000000000000001' }, o = {}) => signedQuery('single_trade_query', biz, o);

  it('ILLEGAL_SERVICE: missing or unknown service', async () => {
    assert.equal(await code(edit(query(), (p) => p.filter((x) => x.name !== 'service'))), errorXmlOf('ILLEGAL_SERVICE'));
    assert.equal(await code(signedQuery('no_such_service', {})), errorXmlOf('ILLEGAL_SERVICE'));
  });

  it('ILLEGAL_PARTNER: missing or unknown partner', async () => {
    assert.equal(await code(edit(query(), (p) => p.filter((x) => x.name !== 'partner'))), errorXmlOf('ILLEGAL_PARTNER'));
    assert.equal(await code(query(undefined, { partner: '2088999999999999' })), errorXmlOf('ILLEGAL_PARTNER'));
  });

  it('ILLEGAL_SIGN_TYPE: missing, unknown, or the OpenAPI-only RSA2', async () => {
    assert.equal(await code(edit(query(), (p) => p.filter((x) => x.name !== 'sign_type'))), errorXmlOf('ILLEGAL_SIGN_TYPE'));
    assert.equal(await code(edit(query(), (p) => p.map((x) => (x.name === 'sign_type' ? { ...x, value: 'SHA1' } : x)))), errorXmlOf('ILLEGAL_SIGN_TYPE'));
    assert.equal(await code(edit(query(), (p) => p.map((x) => (x.name === 'sign_type' ? { ...x, value: 'RSA2' } : x)))), errorXmlOf('ILLEGAL_SIGN_TYPE'));
  });

  it('ILLEGAL_SECURITY_PROFILE: a sign type the merchant has no key for', async () => {
    assert.equal(await code(query(undefined, { partner: LIMITED, signType: 'RSA' })), errorXmlOf('ILLEGAL_SECURITY_PROFILE'));
    assert.equal(await code(edit(query(), (p) => p.map((x) => (x.name === 'sign_type' ? { ...x, value: 'DSA' } : x)))), errorXmlOf('ILLEGAL_SECURITY_PROFILE'));
  });

  it('ILLEGAL_SIGN: wrong key, changed value, missing sign, RSA signature under MD5', async () => {
    assert.equal(await code(query(undefined, { md5Key: 'wrong' })), errorXmlOf('ILLEGAL_SIGN'));
    assert.equal(await code(edit(query(), (p) => p.map((x) => (x.name === 'trade_no' ? { ...x, value: x.value + '1' } : x)))), errorXmlOf('ILLEGAL_SIGN'));
    assert.equal(await code(edit(query(), (p) => p.filter((x) => x.name !== 'sign'))), errorXmlOf('ILLEGAL_SIGN'));
    assert.equal(await code(edit(query(undefined, { signType: 'RSA' }), (p) => p.map((x) => (x.name === 'sign_type' ? { ...x, value: 'MD5' } : x)))), errorXmlOf('ILLEGAL_SIGN'));
  });

  it('ILLEGAL_CHARSET: an unknown _input_charset, answered in utf-8', async () => {
    assert.equal(await code(query().replace('_input_charset=utf-8', '_input_charset=latin1')), errorXmlOf('ILLEGAL_CHARSET'));
    assert.equal(await code(query().replace('_input_charset=utf-8', '_input_charset=%ZZ')), errorXmlOf('ILLEGAL_CHARSET'));
  });

  it('ILLEGAL_PARTNER_EXTERFACE: a service outside the merchant\'s contract', async () => {
    assert.equal(await code(signedQuery('close_trade', { trade_no: '2026112321001004000000000001' }, { partner: LIMITED, md5Key: 'limitedkey' })), errorXmlOf('ILLEGAL_PARTNER_EXTERFACE'));
  });

  it('TRADE_NOT_EXIST, also for another merchant\'s trade', async () => {
    assert.equal(await code(query()), errorXmlOf('TRADE_NOT_EXIST'));
    const page = await get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: 'E-1', subject: 's', total_fee: '1.00', payment_type: '1', seller_id: PARTNER }));
    const tradeNo = tradeNoOf(page.text);
    assert.equal(await code(query({ trade_no: tradeNo }, { partner: LIMITED, md5Key: 'limitedkey' })), errorXmlOf('TRADE_NOT_EXIST'));
  });

  it('ILLEGAL_ARGUMENT: missing or malformed business parameters (XML and error page)', async () => {
    assert.equal(await code(query({})), errorXmlOf('ILLEGAL_ARGUMENT'), 'neither trade_no nor out_trade_no');
    assert.equal(await code(query({ trade_no: 'short' })), errorXmlOf('ILLEGAL_ARGUMENT'), 'trade_no under 16 characters');
    const create = (biz: Record<string, string>) => get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: 'A-1', subject: 's', total_fee: '1.00', payment_type: '1', seller_id: PARTNER, ...biz }));
    for (const bad of <Array<Record<string, string>>>[{ total_fee: '1.001' }, { total_fee: '0' }, { subject: '' }, { seller_id: '123' }, { notify_url: 'ftp://x' }, { return_url: 'http://127.0.0.1/r\r\nSet-Cookie: a=1' }, { subject: 'x'.repeat(257) }]) {
      const r = await create(bad);
      assert.match(String(r.headers['content-type']), /^text\/html/);
      assert.ok(r.text.includes('id="error-code">ILLEGAL_ARGUMENT<'), JSON.stringify(bad));
    }
  });

  it('malformed requests get error XML: bad escapes, bad utf-8, duplicates, empty names, wrong method', async () => {
    assert.equal(await code(query() + '&body=%E4%B8'), errorXmlOf('ILLEGAL_ARGUMENT'), 'truncated utf-8');
    assert.equal(await code(query() + '&x=%G1'), errorXmlOf('ILLEGAL_ARGUMENT'), 'bad escape');
    assert.equal(await code(query() + '&x=100%'), errorXmlOf('ILLEGAL_ARGUMENT'), 'dangling %');
    assert.equal(await code(query() + '&trade_no=2'), errorXmlOf('ILLEGAL_ARGUMENT'), 'duplicate');
    assert.equal(await code(query() + '&=v'), errorXmlOf('ILLEGAL_ARGUMENT'), 'empty name');
    assert.equal(await code(''), errorXmlOf('ILLEGAL_SERVICE').replace('utf-8', 'GBK'), 'nothing at all: no _input_charset means GBK');
    const put = await request(`${gw.url}?${query()}`, { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.equal(put.text, errorXmlOf('ILLEGAL_ARGUMENT'));
    const conflict = await postForm(`${gw.url}?_input_charset=utf-8&service=close_trade`, query());
    assert.equal(conflict.text, errorXmlOf('ILLEGAL_ARGUMENT'), 'query and body disagree on service');
  });

  it('answers a GBK request\'s error in GBK', async () => {
    const r = await get(gw, query(undefined, { charset: 'gbk' }));
    assert.equal(r.text, '<?xml version="1.0" encoding="GBK"?><alipay><is_success>F</is_success><error>TRADE_NOT_EXIST</error></alipay>');
    assert.match(String(r.headers['content-type']), /charset=GBK/);
  });

  it('refuses 1 MB parameters with error XML, in a body and in a URL, and keeps serving', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const body = await postForm(`${gw.url}?_input_charset=utf-8`, query() + '&body=' + big);
    assert.equal(body.status, 413);
    assert.equal(body.text, errorXmlOf('ILLEGAL_ARGUMENT'));
    const url = await get(gw, query() + '&body=' + big);
    assert.equal(url.status, 431);
    assert.equal(url.text, errorXmlOf('ILLEGAL_ARGUMENT'));
    const justUnder = await postForm(`${gw.url}?_input_charset=utf-8`, query() + '&x=' + 'y'.repeat(512 * 1024));
    assert.equal(justUnder.text, errorXmlOf('ILLEGAL_SIGN'), 'a large but allowed body is parsed (x is not signed)');
    assert.equal(await code(query()), errorXmlOf('TRADE_NOT_EXIST'), 'still serving');
  });

  it('answers malformed input to the emulator\'s own pages without a server error', async () => {
    const bad = await request(`${gw.origin}/__emulator/trade?trade_no=%ZZ`);
    assert.equal(bad.status, 200);
    assert.ok(bad.text.includes('id="error-code">TRADE_NOT_EXIST<'));
    const big = await postForm(`${gw.origin}/__emulator/cashier/pay`, 'trade_no=' + '1'.repeat(100 * 1024));
    assert.equal(big.status, 413);
    assert.equal((await request(`${gw.origin}/__emulator/api/notifications/%E0%A4%A/resend`, { method: 'POST' })).status, 400);
    assert.equal((await request(`${gw.origin}/nowhere`)).status, 404);
  });

  it('answers garbage on the socket with error XML', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const s = net.connect(gw.port, '127.0.0.1', () => s.write('NOT HTTP AT ALL\r\n\r\n'));
      let out = '';
      s.on('data', (c) => (out += c.toString()));
      s.on('end', () => resolve(out));
      s.on('error', reject);
    });
    assert.match(text, /^HTTP\/1\.1 400/);
    assert.ok(text.endsWith(errorXmlOf('ILLEGAL_ARGUMENT')));
  });

  it('serves 1,000 concurrent requests without errors and with a consistent, persisted state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-conc-'));
    const g2 = (await startTest({ stateFile: path.join(dir, 'state.json') })).gw;
    try {
      const jobs: Array<Promise<string>> = [];
      for (let i = 0; i < 1000; i++) {
        const q =
          i % 2 === 0
            ? signedQuery('create_direct_pay_by_user', { out_trade_no: `C-${i}`, subject: `商品 ${i}`, total_fee: '1.00', payment_type: '1', seller_id: PARTNER })
            : signedQuery('single_trade_query', { out_trade_no: `C-${i - 1}` });
        jobs.push(get(g2, q).then((r) => (r.status === 200 ? r.text : `HTTP ${r.status}`)));
      }
      const answers = await Promise.all(jobs);
      answers.forEach((a, i) => {
        if (i % 2 === 0) assert.ok(a.includes('action="./__emulator/cashier/pay"'), `create ${i}: ${a.slice(0, 200)}`);
        else assert.ok(a.includes('<is_success>T</is_success>') || a === errorXmlOf('TRADE_NOT_EXIST'), `query ${i}: ${a.slice(0, 200)}`);
      });
      const trades = g2.trades();
      assert.equal(trades.length, 500);
      assert.equal(new Set(trades.map((t) => t.tradeNo)).size, 500);
      assert.equal(new Set(trades.map((t) => t.outTradeNo)).size, 500);
      await g2.idle();
      const saved = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as { trades: unknown[] };
      assert.equal(saved.trades.length, 500);
      // Every query after its create finds the trade.
      const again = await Promise.all(trades.slice(0, 50).map((t) => get(g2, signedQuery('single_trade_query', { out_trade_no: t.outTradeNo }))));
      assert.ok(again.every((r) => r.text.includes('<trade_status>WAIT_BUYER_PAY</trade_status>')));
    } finally {
      await g2.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
