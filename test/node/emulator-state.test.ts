// Persistence and keys: a restart with the same state file keeps every trade
// and notification; a damaged file is refused, not overwritten; generated keys
// are private (0600) and reused; the CLI starts, prints paths (never keys) and
// stops cleanly on SIGTERM.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli';
import { isToolkitError } from '../../src/core/i18n';
import { keysMatch } from '../../src/core/keys';
import { startGateway } from '../../src/emulator';
import { FIX, get, MerchantServer, PARTNER, signedQuery, startTest, tradeNoOf } from './emulator-helpers';

describe('emulator: state file, keys and CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every trade and notification across a restart with --state', async () => {
    const stateFile = path.join(dir, 'state.json');
    const merchant = await new MerchantServer().start();
    let gw = (await startTest({ stateFile })).gw;
    const create = (out: string) => get(gw, signedQuery('create_direct_pay_by_user', { out_trade_no: out, subject: `订单 ${out}`, total_fee: '3.00', payment_type: '1', seller_id: PARTNER, notify_url: merchant.url }));
    const paid = tradeNoOf((await create('S-1')).text);
    const open = tradeNoOf((await create('S-2')).text);
    const closed = tradeNoOf((await create('S-3')).text);
    await gw.pay(paid);
    await get(gw, signedQuery('close_trade', { trade_no: closed }));
    await merchant.waitFor(2);
    await gw.idle();
    const before = { trades: gw.trades(), notifications: gw.notifications() };
    await gw.close();
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');

    gw = (await startTest({ stateFile })).gw;
    try {
      assert.deepEqual(gw.trades(), before.trades);
      assert.deepEqual(gw.notifications(), before.notifications);
      const status = async (no: string) => /<trade_status>(\w+)</.exec((await get(gw, signedQuery('single_trade_query', { trade_no: no }))).text)?.[1];
      assert.equal(await status(paid), 'TRADE_SUCCESS');
      assert.equal(await status(open), 'WAIT_BUYER_PAY');
      assert.equal(await status(closed), 'TRADE_CLOSED');
      // New trades continue the numbering instead of reusing a trade_no.
      const next = tradeNoOf((await create('S-4')).text);
      assert.ok(![paid, open, closed].includes(next));
    } finally {
      await gw.close();
      await merchant.close();
    }
  });

  it('refuses a damaged state file with a message naming it, and leaves it untouched', async () => {
    const stateFile = path.join(dir, 'state.json');
    for (const text of ['{not json', '{"version":2,"trades":[],"notifications":[],"seq":0}', '{"version":1,"seq":1,"notifications":[],"trades":[{"tradeNo":"1"}]}']) {
      fs.writeFileSync(stateFile, text);
      await assert.rejects(startTest({ stateFile }), (e: unknown) => isToolkitError(e) && e.message.includes(stateFile) && e.code === 'EMULATOR_STATE');
      assert.equal(fs.readFileSync(stateFile, 'utf8'), text);
    }
  });

  it('creates a test merchant with private key files 0600 on first start, and reuses it', async () => {
    const keyDir = path.join(dir, 'keys');
    const gw1 = await startGateway({ keyDir });
    const m = gw1.merchants[0];
    await gw1.close();
    assert.match(m.partner, /^2088\d{12}$/);
    assert.deepEqual(m.signTypes, ['MD5', 'RSA']);
    for (const f of ['md5_key.txt', 'merchant_private_key.pem', 'alipay_private_key.pem', 'gateway.json']) {
      assert.equal(fs.statSync(path.join(keyDir, f)).mode & 0o777, 0o600, f);
    }
    assert.ok(keysMatch(fs.readFileSync(m.keyFiles.merchantPrivateKey as string), fs.readFileSync(path.join(keyDir, 'merchant_public_key.pem'))));
    const gw2 = await startGateway({ keyDir });
    assert.equal(gw2.merchants[0].partner, m.partner, 'same merchant on the next start');
    // The generated keys work: a request signed with them is accepted.
    const md5Key = fs.readFileSync(m.keyFiles.md5Key as string, 'utf8').trim();
    const r = await get(gw2, signedQuery('single_trade_query', { trade_no: '2000000000000000001' }, { partner: m.partner, md5Key }));
    assert.ok(r.text.includes('<error>TRADE_NOT_EXIST</error>'));
    await gw2.close();
  });

  it('reads a config file whose key files are relative to it', async () => {
    for (const f of ['alipay_private_key.pem', 'alipay_public_key.pem', 'merchant_public_key.pem']) fs.copyFileSync(path.join(FIX, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'md5.txt'), 'filekey\n');
    const file = path.join(dir, 'gw.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        alipay: { privateKeyFile: 'alipay_private_key.pem', publicKeyFile: 'alipay_public_key.pem' },
        merchants: [{ partner: '2088000000000042', md5KeyFile: 'md5.txt', publicKeyFile: 'merchant_public_key.pem' }],
      }),
    );
    const gw = await startGateway({ config: file });
    try {
      assert.equal(gw.keyDir, undefined, 'no keys are generated when a config is given');
      assert.deepEqual(gw.merchants[0].signTypes, ['MD5', 'RSA']);
      assert.equal(gw.merchants[0].keyFiles.alipayPublicKey, path.join(dir, 'alipay_public_key.pem'));
      const r = await get(gw, signedQuery('single_trade_query', { trade_no: '2000000000000000001' }, { partner: '2088000000000042', md5Key: 'filekey' }));
      assert.ok(r.text.includes('<error>TRADE_NOT_EXIST</error>'), 'the MD5 key file is read (trailing newline trimmed)');
    } finally {
      await gw.close();
    }
  });

  it('rejects a bad config with a message naming the problem', async () => {
    const file = path.join(dir, 'gw.json');
    fs.writeFileSync(file, JSON.stringify({ alipay: { privateKeyFile: 'missing.pem' }, merchants: [] }));
    await assert.rejects(startGateway({ config: file }), /missing\.pem/);
    await assert.rejects(startGateway({ config: { alipay: { privateKey: 'x' }, merchants: [{ partner: '123' }] } as never }), isToolkitError);
  });

  it('CLI: a bad --port or --config is one line and exit 2; --help lists the options in Chinese too', async () => {
    const run = async (args: string[], lang: 'en' | 'zh' = 'en') => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => Buffer.alloc(0), env: {}, lang });
      return { code, out, err };
    };
    const port = await run(['gateway', '--port', 'abc']);
    assert.equal(port.code, 2);
    assert.deepEqual(port.err, ['alipay-toolkit: --port: "abc" is not a port number (0 to 65535); run alipay-toolkit gateway --help']);
    const cfg = await run(['gateway', '--port', '0', '--config', path.join(dir, 'none.json')]);
    assert.equal(cfg.code, 2);
    assert.equal(cfg.err.length, 1);
    assert.match(cfg.err[0], /none\.json/);
    const help = await run(['gateway', '--help'], 'zh');
    assert.equal(help.code, 0);
    assert.ok(help.out.join('\n').includes('--state FILE    把交易与通知保存到 FILE'));
  });

  it('CLI: prints URL, partner and key paths (never key contents) and stops cleanly on SIGTERM', async () => {
    const stateFile = path.join(dir, 'st', 'state.json');
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.join(__dirname, '..', '..', 'src', 'cli.ts'), 'gateway', '--port', '0', '--state', stateFile], {
      env: { ...process.env, HOME: dir, ALIPAY_TOOLKIT_LANG: 'en' },
      cwd: path.join(__dirname, '..', '..'),
    });
    let out = '';
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => ((out += c.toString()), out.includes('Press Ctrl+C') && resolve())));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    await ready;
    const url = /Alipay local gateway: (http:\/\/127\.0\.0\.1:\d+\/gateway\.do)/.exec(out)?.[1];
    assert.ok(url, out);
    assert.match(out, /Test merchant partner: 2088\d{12}/);
    const keyDir = path.join(dir, 'st', 'alipay-emulator-keys');
    assert.ok(out.includes(path.join(keyDir, 'merchant_private_key.pem')));
    for (const f of ['md5_key.txt', 'merchant_private_key.pem', 'alipay_private_key.pem']) {
      const lines = fs.readFileSync(path.join(keyDir, f), 'utf8').trim().split('\n');
      const secret = (lines.length > 1 ? lines[1] : lines[0]).trim();
      assert.ok(secret.length >= 32 && !out.includes(secret), `${f} content is not printed`);
    }
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.match(out, /Stopped\./);
  });
});
