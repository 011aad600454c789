// `alipay-toolkit decode` run as a real process from a fresh bundle: what a
// developer reads in the terminal, the --json shape scripts rely on, keys from
// a file or ALIPAY_MD5_KEY, and exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const FIX = path.join(root, 'test', 'fixtures', 'responses');
const MD5_KEY = '0123456789abcdefghijklmnopqrstuv'; // test key of the fixtures
let dir: string;
let cli: string;
let keyFile: string;

function run(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, 'decode', ...args], {
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '', ALIPAY_MD5_KEY: '', ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const fx = (name: string) => path.join(FIX, name);

describe('alipay-toolkit decode (built CLI process)', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-decode-'));
    cli = path.join(dir, 'cli.js');
    keyFile = path.join(dir, 'md5.key');
    fs.writeFileSync(keyFile, MD5_KEY + '\n', { mode: 0o600 });
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(root, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints status, labelled fields with meanings and "no key" without a key (exit 0)', () => {
    const r = run([fx('seed003_single_trade_query.xml')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Synchronous XML response · single_trade_query · utf-8/);
    assert.match(r.out, /✔ Request processed \(is_success=T\)/);
    assert.match(r.out, /trade_status \(Trade status\): TRADE_FINISHED — Trade finished successfully/);
    assert.match(r.out, /Signature: MD5 not checked: no key configured \(inferred rule\)/);
    assert.match(r.out, /signed content \[utf-8\]: body=hello&buyer_email=/);
  });

  it('verifies with --key-file and reads Chinese from a GBK file', () => {
    const r = run([fx('gbk_single_trade_query.xml'), '--key-file', keyFile], { env: { ALIPAY_TOOLKIT_LANG: 'zh' } });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /签名: MD5 有效/);
    assert.match(r.out, /subject \(商品名称\): 测试商品（GBK）/);
    assert.match(r.out, /trade_status \(交易状态\): TRADE_SUCCESS — 支付成功/);
  });

  it('takes the MD5 key from ALIPAY_MD5_KEY and exits 1 on a tampered notification from stdin', () => {
    const body = fs.readFileSync(fx('notify_trade_status_sync.txt'), 'utf8');
    const ok = run(['-'], { input: body, env: { ALIPAY_MD5_KEY: MD5_KEY } });
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Signature: MD5 VALID/);
    const bad = run([], { input: body.replace('total_fee=0.01', 'total_fee=9.99'), env: { ALIPAY_MD5_KEY: MD5_KEY } });
    assert.equal(bad.code, 1);
    assert.match(bad.out, /Signature: MD5 INVALID/);
    assert.equal(bad.out.includes(MD5_KEY), false, 'the key never appears in output');
  });

  it('decodes a message given on the command line (as sign and verify take one) when no file has that name', () => {
    const body = fs.readFileSync(fx('notify_trade_status_sync.txt'), 'utf8').trim();
    const ok = run([body, '--key-file', keyFile]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^Asynchronous notification/);
    assert.match(ok.out, /Signature: MD5 VALID/);
    const bad = run([body.replace('total_fee=0.01', 'total_fee=9.99'), '--key-file', keyFile]);
    assert.equal(bad.code, 1);
    const xml = run(['<alipay><is_success>T</is_success></alipay>']);
    assert.equal(xml.code, 0, xml.err);
    assert.match(xml.out, /^Synchronous XML response/);
    // A missing file is still a missing file; an existing one is read, whatever its name.
    const missing = run(['responses/missing.xml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^alipay-toolkit: The response file "responses\/missing\.xml" does not exist\.\n$/);
    const named = path.join(dir, 'a=1&b=2');
    fs.copyFileSync(fx('notify_trade_status_sync.txt'), named);
    assert.match(run([named, '--key-file', keyFile]).out, /Signature: MD5 VALID/);
  });

  it('prints the documented JSON shape with --json', () => {
    const r = run([fx('seed002_error_trade_not_exist.xml'), '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.version, 1);
    assert.equal(j.kind, 'xml');
    assert.equal(j.success, false);
    assert.equal(j.error.code, 'TRADE_NOT_EXIST');
    assert.match(j.error.entry.meaning.zh, /交易不存在/);
    assert.equal(j.signature.verdict, 'unsigned');
    assert.deepEqual(Object.keys(j).sort(), ['charset', 'error', 'fields', 'kind', 'request', 'signature', 'status', 'success', 'tables', 'version']);
    const s = JSON.parse(run([fx('seed003_single_trade_query.xml'), '--json']).out);
    const ts = s.fields.find((f: { name: string }) => f.name === 'trade_status');
    assert.deepEqual(ts.label, { en: 'Trade status', zh: '交易状态' });
    assert.equal(ts.meaning.en, 'Trade finished successfully');
    assert.equal(s.signature.inferred, true);
  });

  it('explains error responses with what to check', () => {
    const r = run([fx('seed003_error_illegal_sign.xml')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /✘ Request failed: ILLEGAL_SIGN/);
    assert.match(r.out, /check: /);
  });

  it('rejects hostile and bad input in one line, exit 2', () => {
    const b = run([fx('billion_laughs.xml')]);
    assert.equal(b.code, 2);
    assert.equal(b.err.trim().split('\n').length, 1);
    assert.match(b.err, /Line 2, column 1: the XML has a DOCTYPE/);
    const d = run([fx('deep_nesting.xml')]);
    assert.equal(d.code, 2);
    assert.match(d.err, /nested deeper than 64/);
    const missing = run([path.join(dir, 'nope.xml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.xml" does not exist/);
    const both = run([fx('seed003_single_trade_query.xml'), '--key-file', keyFile, '--public-key-file', keyFile]);
    assert.equal(both.code, 2);
    assert.match(both.err, /not both/);
    // Content that is no gateway answer: one line naming the file.
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'meeting notes\nnothing here\n');
    const other = run([notes]);
    assert.equal(other.code, 2);
    assert.equal(other.err.trim().split('\n').length, 1);
    assert.match(other.err, /"[^"]*notes\.txt": Not a gateway response/);
    assert.equal(other.out, '');
  });
});
