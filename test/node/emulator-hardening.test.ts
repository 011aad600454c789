// Issue #12 defects 3 and 10 over real loopback HTTP: a 100,000-parameter
// form body is refused with the gateway's error XML (bounded work, a map per
// parameter instead of a linear search) while a valid query on another
// connection is answered; aborted uploads are not logged as internal errors;
// a trade is acknowledged only once its state is on disk, a failed write fails
// the create; stale temp files of a killed emulator are removed on start.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_PARAMS, parseQuery } from '../../src/core/params';
import { errorXmlOf, get, PARTNER, postForm, signedQuery, startTest, tradeNoOf } from './emulator-helpers';

const createQuery = (out: string) => signedQuery('create_direct_pay_by_user', { out_trade_no: out, subject: 'x', total_fee: '1.00', payment_type: '1', seller_id: PARTNER });

describe('emulator hardening (issue #12)', () => {
  it('a 100,000-parameter body gets ILLEGAL_ARGUMENT while a valid query on another connection is answered', async () => {
    const { gw, logs } = await startTest({ maxBodyBytes: 4 * 1024 * 1024 });
    try {
      const pairs: string[] = [];
      for (let i = 0; i < 100_000; i++) pairs.push(`p${i}=${i}`);
      const bomb = postForm(gw.url, `${signedQuery('single_trade_query', { trade_no: '1' })}&${pairs.join('&')}`);
      const query = get(gw, signedQuery('single_trade_query', { trade_no: '2088000000000000' }));
      const [b, q] = await Promise.all([bomb, query]);
      // _input_charset only in the POST body: the gateway reads (and answers) such a request as GBK.
      assert.equal(b.text, errorXmlOf('ILLEGAL_ARGUMENT').replace('utf-8', 'GBK'));
      assert.equal(q.text, errorXmlOf('TRADE_NOT_EXIST'));
      assert.ok(logs.some((l) => l.kind === 'request' && String(l.args.reason ?? '').includes(`More than ${MAX_PARAMS} parameters`)), 'the refusal is logged with its reason');
      assert.ok(!logs.some((l) => l.kind === 'error'));
    } finally {
      await gw.close();
    }
  });

  it('the parameter parser itself refuses more than MAX_PARAMS with one line', () => {
    const q = Array.from({ length: MAX_PARAMS + 1 }, (_, i) => `a${i}=1`).join('&');
    assert.throws(() => parseQuery(q), (e: Error) => /More than 1000 parameters/.test(e.message) && !e.message.includes('\n'));
    assert.equal(parseQuery(q.slice(0, q.lastIndexOf('&'))).params.length, MAX_PARAMS);
  });

  it('200 aborted uploads log no "internal error" and the gateway keeps serving', async () => {
    const { gw, logs } = await startTest();
    try {
      await Promise.all(
        Array.from({ length: 200 }, () =>
          new Promise<void>((resolve) => {
            const s = net.connect(gw.port, '127.0.0.1', () => {
              s.write(`POST /gateway.do HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 100000\r\n\r\nservice=single_trade_query&partner=`);
              setTimeout(() => s.destroy(), 5);
            });
            s.on('close', () => resolve());
            s.on('error', () => resolve());
          }),
        ),
      );
      const q = await get(gw, signedQuery('single_trade_query', { trade_no: '2088000000000000' }));
      assert.equal(q.text, errorXmlOf('TRADE_NOT_EXIST'));
      assert.deepEqual(logs.filter((l) => l.kind === 'error').map((l) => l.args), []);
    } finally {
      await gw.close();
    }
  });

  describe('durable state', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-durable-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('removes the temp files a killed emulator left, and keeps the state', async () => {
      const stateFile = path.join(dir, 'state.json');
      let { gw } = await startTest({ stateFile });
      const no = tradeNoOf((await get(gw, createQuery('D-1'))).text);
      await gw.close();
      // What kill -9 mid-write leaves: a temp file of a process that is gone.
      fs.writeFileSync(`${stateFile}.999999999.tmp`, '{"partial":');
      fs.writeFileSync(path.join(dir, 'other.txt'), 'not ours');
      ({ gw } = await startTest({ stateFile }));
      try {
        assert.deepEqual(fs.readdirSync(dir).sort(), ['other.txt', 'state.json']);
        assert.ok(gw.trade(no));
      } finally {
        await gw.close();
      }
    });

    it('the create is acknowledged only after the trade is on disk; a failed write fails it', async () => {
      const stateFile = path.join(dir, 'state.json');
      const { gw, logs } = await startTest({ stateFile });
      try {
        const no = tradeNoOf((await get(gw, createQuery('D-2'))).text);
        // Acknowledged means already written: the file holds the trade when the page arrives.
        assert.ok(JSON.parse(fs.readFileSync(stateFile, 'utf8')).trades.some((t: { tradeNo: string }) => t.tradeNo === no));
        // Now make the write fail: the rename onto a directory cannot succeed.
        fs.rmSync(stateFile);
        fs.mkdirSync(stateFile);
        const failed = await get(gw, createQuery('D-3'));
        assert.match(failed.text, /SYSTEM_ERROR/);
        assert.equal(gw.trades().filter((t) => t.outTradeNo === 'D-3').length, 0, 'not created when not written');
        assert.ok(logs.some((l) => l.kind === 'error' && /cannot be written/.test(String(l.args.reason))));
        // Once the disk is back, the same order goes through.
        fs.rmdirSync(stateFile);
        const ok = tradeNoOf((await get(gw, createQuery('D-3'))).text);
        assert.ok(gw.trade(ok));
      } finally {
        await gw.close();
      }
    });
  });
});
