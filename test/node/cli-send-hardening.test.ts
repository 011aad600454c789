// Issue #12 defects 7 and 9 against the emulator over loopback HTTP: `send`
// exits 0 only when the gateway accepted (a page service's error page is a
// refusal, exit 1), `--json` prints one JSON object for every outcome, errors
// included, and a secret {{var}} (the SNS user key) is never a command-line value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/io';
import { pageErrorCode } from '../../src/core/gatewayPage';
import { startGateway, type RunningGateway } from '../../src/emulator';

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string[]; err: string[]; data: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const data: string[] = [];
  const io: CliIO = { stdout: (l) => out.push(l), stderr: (l) => err.push(l), data: (t) => data.push(t), readStdin: async () => Buffer.alloc(0), env, lang: 'en' };
  return { code: await main(args, io), out, err, data };
}

describe('send: exit codes, --json and secrets (issue #12)', () => {
  let dir: string;
  let gw: RunningGateway;
  let requests: string;
  let md5KeyFile: string;
  let wrongKey: string;
  let partner: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-send-h-'));
    gw = await startGateway({ port: 0, keyDir: path.join(dir, 'emulator') });
    partner = gw.merchants[0].partner;
    md5KeyFile = gw.merchants[0].keyFiles.md5Key as string;
    wrongKey = path.join(dir, 'wrong.key');
    fs.writeFileSync(wrongKey, 'abcdefghijklmnopqrstuvwxyz012345\n');
    requests = path.join(dir, 'r.alipay');
    fs.writeFileSync(
      requests,
      [
        '### page',
        'GET Local',
        'service = create_direct_pay_by_user',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'out_trade_no = H{{$outTradeNo}}',
        'subject = x',
        'payment_type = 1',
        'total_fee = 0.01',
        `seller_email = ${gw.merchants[0].sellerEmail}`,
        '',
        '### sns',
        'GET Local',
        'service = sns.trade.operate.by.action',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'sns_user_id = u1',
        'key = {{key}}',
        'order_no = 1',
        'trade_action = viewAction',
      ].join('\n'),
    );
  });
  after(async () => {
    await gw?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const base = (key = md5KeyFile) => ['--gateway', gw.url, '--var', `partner=${partner}`, '--key-file', key];

  it('a page service answered with the gateway error page (ILLEGAL_SIGN) exits 1, also with --json', async () => {
    const r = await run(['send', requests, '--request', '1', ...base(wrongKey)]);
    assert.equal(r.code, 1, r.err.join('\n'));
    assert.ok(r.out.some((l) => /Gateway error page: ILLEGAL_SIGN/.test(l)), r.out.join('\n'));
    const j = await run(['send', requests, '--request', '1', '--json', ...base(wrongKey)]);
    assert.equal(j.code, 1);
    assert.equal(j.data.length, 1);
    const o = JSON.parse(j.data[0]) as { success: boolean; exitCode: number; error: { code: string } };
    assert.equal(o.success, false);
    assert.equal(o.exitCode, 1);
    assert.equal(o.error.code, 'ILLEGAL_SIGN');
  });

  it('the cashier page (accepted) exits 0', async () => {
    const r = await run(['send', requests, '--request', '1', '--json', ...base()]);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal((JSON.parse(r.data[0]) as { success: boolean }).success, true);
  });

  it('--json prints one JSON object for bad input and for no answer (exit 2)', async () => {
    const missing = await run(['send', path.join(dir, 'nope.alipay'), '--json']);
    assert.equal(missing.code, 2);
    assert.deepEqual(missing.err, []);
    const m = JSON.parse(missing.data.join('\n')) as { success: boolean; error: { code: string; message: string } };
    assert.equal(m.success, false);
    assert.match(m.error.message, /nope\.alipay/);

    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const refused = await run(['send', requests, '--request', '1', '--json', '--gateway', `http://127.0.0.1:${port}/gateway.do`, '--var', `partner=${partner}`, '--key-file', md5KeyFile]);
    assert.equal(refused.code, 2);
    const o = JSON.parse(refused.data.join('\n')) as { success: boolean; error: { code: string; message: string } };
    assert.equal(o.success, false);
    assert.match(o.error.message, /Connection refused/);
  });

  it('refuses the SNS user key as --var key=…, without echoing it; --var-file and --var-env take it', async () => {
    const secret = 'S3cr3tUserKey0123456789';
    const r = await run(['send', requests, '--request', '2', ...base(), '--var', `key=${secret}`]);
    assert.equal(r.code, 2);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /--var key=…: a secret is never taken as a command-line value.*--var-file key=FILE/);
    assert.ok(!r.err[0].includes(secret));
    const keyFile = path.join(dir, 'sns.key');
    fs.writeFileSync(keyFile, secret + '\n');
    for (const args of [['--var-file', `key=${keyFile}`], [`--var-env=key=SNS_KEY`]]) {
      const ok = await run(['send', requests, '--request', '2', ...base(), ...args, '--json'], { SNS_KEY: secret });
      const o = JSON.parse(ok.data.join('\n')) as { request?: unknown; error?: { code: string } };
      assert.ok(o.request, JSON.stringify(o)); // sent: the gateway answered (its verdict on user u1 is not the point)
      assert.ok(!ok.data.join('').includes(secret), 'the key is not echoed in the summary');
    }
  });

  it('pageErrorCode reads error pages and error redirects, not cashier pages', () => {
    assert.equal(pageErrorCode('<p>错误代码: <code id="error-code">ILLEGAL_SIGN</code></p>'), 'ILLEGAL_SIGN');
    assert.equal(pageErrorCode('<div>错误代码：ILLEGAL_PARTNER</div>'), 'ILLEGAL_PARTNER');
    assert.equal(pageErrorCode('', 'https://mapi.alipay.com/error.htm?error_code=ILLEGAL_SIGN'), 'ILLEGAL_SIGN');
    assert.equal(pageErrorCode('<html><title>收银台</title><form name="pay"></form></html>'), undefined);
  });
});
