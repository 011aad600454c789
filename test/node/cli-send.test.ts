// `alipay-toolkit send` as a real process against the local gateway emulator
// over real HTTP on 127.0.0.1: exit codes, a wrong key explained, production
// guarded, failures reported in one line.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startGateway, type RunningGateway } from '../../src/emulator';

const root = path.resolve(__dirname, '../..');
let dir: string;
let cli: string;
let gw: RunningGateway;

// Async spawn: the emulator runs in this process and must keep answering.
function run(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '', ALIPAY_MD5_KEY: '' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

describe('alipay-toolkit send (built CLI process against the emulator)', () => {
  let requests: string;
  let partner: string;
  let md5KeyFile: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-send-'));
    cli = path.join(dir, 'cli.js');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(root, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
    gw = await startGateway({ port: 0, keyDir: path.join(dir, 'emulator') });
    partner = gw.merchants[0].partner;
    md5KeyFile = gw.merchants[0].keyFiles.md5Key as string;
    requests = file(
      'trades.alipay',
      [
        '@seller = ' + gw.merchants[0].sellerEmail,
        '@order = CLI{{partner}}',
        '### Create a trade (a page service)',
        'GET Local',
        'service = create_direct_pay_by_user',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'out_trade_no = {{order}}',
        'subject = 护腕',
        'payment_type = 1',
        'total_fee = 0.01',
        'seller_email = {{seller}}',
        '',
        '### Query it',
        'POST Local',
        'service = single_trade_query',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'out_trade_no = {{order}}',
        '',
        '### A trade that does not exist',
        'POST Local',
        'service = single_trade_query',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'out_trade_no = NOPE-{{$outTradeNo}}',
        '',
        '### Production',
        'POST Production',
        'service = single_trade_query',
        'partner = {{partner}}',
        'out_trade_no = 1',
      ].join('\n'),
    );
  });
  after(async () => {
    await gw?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const base = (): string[] => ['--gateway', gw.url, '--var', `partner=${partner}`, '--key-file', md5KeyFile];

  it('creates a trade with a page request (prints the URL to open) and queries it: exit 0', async () => {
    const create = await run('send', requests, '--request', '1', ...base());
    assert.equal(create.code, 0, create.err);
    assert.match(create.out, /Open in a browser: http:\/\/127\.0\.0\.1:\d+\/gateway\.do\?service=create_direct_pay_by_user&/);
    assert.equal(gw.trades().length, 1);
    assert.equal(gw.trades()[0].outTradeNo, `CLI${partner}`);
    assert.equal(gw.trades()[0].subject, '护腕');

    const query = await run('send', requests, '--request', '2', ...base());
    assert.equal(query.code, 0, query.err);
    assert.match(query.out, /is_success=T/);
    assert.match(query.out, /trade_status = WAIT_BUYER_PAY/);
    assert.match(query.out, /sign: valid/);

    await gw.pay(gw.trades()[0].tradeNo);
    const json = await run('send', requests, '--request', '2', '--json', ...base());
    assert.equal(json.code, 0, json.err);
    const summary = JSON.parse(json.out) as { success: boolean; fields: Array<{ name: string; value: string }>; body: string };
    assert.equal(summary.success, true);
    assert.equal(summary.fields.find((f) => f.name === 'trade_status')?.value, 'TRADE_SUCCESS');
    assert.doesNotMatch(json.out, new RegExp(fs.readFileSync(md5KeyFile, 'utf8').trim()));
    assert.doesNotMatch(summary.body, /<sign>[0-9a-f]{32}<\/sign>/, 'the response sign is redacted');
  });

  it('exits 1 when the gateway answers F, with the code explained', async () => {
    const r = await run('send', requests, '--request', '3', ...base());
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /TRADE_NOT_EXIST: /);
  });

  it('a wrong key gives ILLEGAL_SIGN, explained with what to check', async () => {
    const wrong = file('wrong-key.txt', 'abcdefghijklmnopqrstuvwxyz012345\n');
    const r = await run('send', requests, '--request', '2', '--gateway', gw.url, '--var', `partner=${partner}`, '--key-file', wrong);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /ILLEGAL_SIGN: Illegal signature/);
    assert.match(r.out, /签名不正确/);
    assert.match(r.out, /^ {2}- /m, 'lists what to check');
    assert.doesNotMatch(r.out + r.err, /abcdefghijklmnopqrstuvwxyz012345/);
  });

  it('refuses the production gateway without --yes-production, sending nothing', async () => {
    const before = gw.trades().length;
    const r = await run('send', requests, '--request', '4', '--var', `partner=${partner}`, '--key-file', md5KeyFile);
    assert.equal(r.code, 2);
    assert.match(r.err, /production gateway https:\/\/mapi\.alipay\.com\/gateway\.do \(real money\): add --yes-production.*Nothing was sent/);
    assert.equal(gw.trades().length, before);
  });

  it('exits 2 with one line for bad input: no such request, a hand-written sign, Local without --gateway, a refused connection', async () => {
    const r1 = await run('send', requests, '--request', '9', ...base());
    assert.equal(r1.code, 2);
    assert.match(r1.err, /There is no request 9: the file has 4/);

    const signed = file('signed.alipay', 'POST Local\nservice = single_trade_query\nsign = 0123\n');
    const r2 = await run('send', signed, ...base());
    assert.equal(r2.code, 2);
    assert.match(r2.err, /Request 1 cannot be sent: Line 3: "sign" is computed when the request is sent/);

    const r3 = await run('send', requests, '--var', `partner=${partner}`, '--key-file', md5KeyFile);
    assert.equal(r3.code, 2);
    assert.match(r3.err, /"Local" is the emulator: give its URL with --gateway/);

    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const r4 = await run('send', requests, '--request', '2', '--gateway', `http://127.0.0.1:${port}/gateway.do`, '--var', `partner=${partner}`, '--key-file', md5KeyFile);
    assert.equal(r4.code, 2);
    assert.match(r4.err, /Connection refused by 127\.0\.0\.1/);
    assert.equal(r4.err.trim().split('\n').length, 1);

    const r5 = await run('send', requests, '--request', '2', '--gateway', 'http://example.com/gateway.do', '--var', `partner=${partner}`, '--key-file', md5KeyFile);
    assert.equal(r5.code, 2);
    assert.match(r5.err, /must use https/);
  });

  it('answers in Chinese', async () => {
    const p = spawn(process.execPath, [cli, 'send', requests, '--request', '9', ...base()], { env: { ...process.env, ALIPAY_TOOLKIT_LANG: 'zh_CN' } });
    let err = '';
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => p.on('close', r));
    assert.equal(code, 2);
    assert.match(err, /没有第 9 个请求/);
  });
});
