// `alipay-toolkit notify-test` against three notify_url handlers written here,
// on loopback: a correct one, one that answers "success" to everything, one
// that answers with a UTF-8 BOM. Each scorecard is checked case by case. The
// handlers verify MD5 with node:crypto over the raw bytes they received (their
// own code, not src/core) and confirm notify_id with the gateway.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { command } from '../../src/cli/notifyTest';
import type { CliIO } from '../../src/cli/io';
import { startGateway, type RunningGateway, type Scorecard, type Verdict } from '../../src/emulator';

const PARTNER = '2088101122136241';
const MD5_KEY = 'notifytestkey0123456789abcdefghij';

/** Percent-decoding to bytes, then text in the body's charset: what a careful handler does. */
function decodeForm(body: Buffer, charset: string): Record<string, string> {
  const dec = new TextDecoder(charset === 'gbk' ? 'gbk' : 'utf-8');
  const out: Record<string, string> = {};
  for (const pair of body.toString('latin1').split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split('=');
    const bytes = (s: string) => Buffer.from(s.replace(/\+/g, ' ').replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    out[dec.decode(bytes(k))] = dec.decode(bytes(v));
  }
  return out;
}

function presignOf(form: Record<string, string>): string {
  return Object.keys(form)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && form[k] !== '')
    .sort()
    .map((k) => `${k}=${form[k]}`)
    .join('&');
}

const ALIPAY_PRIVATE_FILE = path.join(__dirname, '..', 'fixtures', 'keys', 'alipay-side-rsa2048-private.pem');
const ALIPAY_PUBLIC = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys', 'alipay-side-rsa2048-public.pem'), 'utf8');

/** SHA1withRSA with Alipay's public key over the utf-8 pre-sign string. */
function rsaValid(form: Record<string, string>): boolean {
  if (form.sign_type !== 'RSA' || !form.sign) return false;
  return crypto.verify('sha1', Buffer.from(presignOf(form), 'utf8'), ALIPAY_PUBLIC, Buffer.from(form.sign, 'base64'));
}

function md5Valid(form: Record<string, string>, charset: string): boolean {
  if (form.sign_type !== 'MD5' || !form.sign) return false;
  const content = Object.keys(form)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && form[k] !== '')
    .sort()
    .map((k) => `${k}=${form[k]}`)
    .join('&');
  const enc = (s: string) => (charset === 'gbk' ? Buffer.from(new TextEncoderGbk().encode(s)) : Buffer.from(s, 'utf8'));
  return crypto.createHash('md5').update(Buffer.concat([enc(content), Buffer.from(MD5_KEY)])).digest('hex') === form.sign;
}

/** GBK encoding without src/core: the characters this battery sends, via the reverse of TextDecoder. */
class TextEncoderGbk {
  private static table: Map<string, Buffer> | undefined;
  encode(s: string): Buffer {
    if (!TextEncoderGbk.table) {
      const t = new Map<string, Buffer>();
      const dec = new TextDecoder('gbk');
      for (let hi = 0x81; hi <= 0xfe; hi++) {
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue;
          const b = Buffer.from([hi, lo]);
          const ch = dec.decode(b);
          if (ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, b);
        }
      }
      TextEncoderGbk.table = t;
    }
    const table = TextEncoderGbk.table;
    return Buffer.concat([...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : (table.get(ch) ?? Buffer.from('?')))));
  }
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      const c: Buffer[] = [];
      res.on('data', (d: Buffer) => c.push(d));
      res.on('end', () => resolve(Buffer.concat(c).toString('utf8')));
    }).on('error', reject);
  });
}

type Kind = 'correct' | 'always-success' | 'bom' | 'correct-rsa';

/** A merchant's handler of the given kind; `gateway` is where it confirms notify_id. */
async function handler(kind: Kind, gateway: () => string): Promise<{ url: string; close: () => Promise<void> }> {
  const handled = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (kind === 'always-success') return res.end('success');
        const charset = /charset=([\w-]+)/i.exec(String(req.headers['content-type']))?.[1]?.toLowerCase() ?? 'utf-8';
        const form = decodeForm(Buffer.concat(chunks), charset);
        const ok = kind === 'bom' ? '\ufeffsuccess' : 'success';
        if (!(kind === 'correct-rsa' ? rsaValid(form) : md5Valid(form, charset))) return res.end('fail');
        const confirmed = await get(`${gateway()}?service=notify_verify&partner=${PARTNER}&notify_id=${encodeURIComponent(form.notify_id ?? '')}`);
        if (confirmed !== 'true') return res.end('fail');
        handled.add(`${form.trade_no}:${form.trade_status}`); // idempotent: a repeat answers success again
        res.end(ok);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, close: () => new Promise((r) => server.close(() => r())) };
}

function captureIO(): CliIO & { out: string[]; err: string[]; data: (t: string) => void; json: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const json: string[] = [];
  return { out, err, json, stdout: (l) => out.push(l), stderr: (l) => err.push(l), data: (t) => json.push(t), readStdin: async () => Buffer.alloc(0), env: {}, lang: 'en' };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-test-'));
const keyFile = path.join(dir, 'md5.txt');
fs.writeFileSync(keyFile, MD5_KEY + '\n', { mode: 0o600 });
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function score(url: string, gw: RunningGateway, ...extra: string[]): Promise<{ code: number; card: Scorecard; io: ReturnType<typeof captureIO> }> {
  const io = captureIO();
  const code = await command.run([url, '--key-file', keyFile, '--partner', PARTNER, '--gateway', gw.url, '--json', ...extra], io);
  assert.equal(io.json.length, 1, io.err.join('\n'));
  return { code, card: JSON.parse(io.json[0]) as Scorecard, io };
}

const verdicts = (card: Scorecard): Record<string, Verdict> => Object.fromEntries(card.cases.map((c) => [c.id, c.verdict]));

describe('alipay-toolkit notify-test (three handlers on loopback)', () => {
  let gw: RunningGateway;
  before(async () => {
    gw = await startGateway({ config: { alipay: { privateKey: crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, merchants: [{ partner: PARTNER, md5Key: MD5_KEY }] }, notifySchedule: [] });
  });
  after(() => gw.close());

  it('a correct handler passes every case, exit 0; the text scorecard says so', async () => {
    const h = await handler('correct', () => gw.url);
    try {
      const { code, card } = await score(h.url, gw);
      assert.deepEqual(verdicts(card), {
        valid: 'pass', retry: 'pass', 'tampered-amount': 'pass', 'sign-removed': 'pass', 'other-key': 'pass', 'wrong-sign-type': 'pass',
        'finished-first': 'pass', 'success-after-finished': 'pass', gbk: 'pass', 'unknown-notify-id': 'pass', 'notify-verify-called': 'pass',
      });
      assert.equal(code, 0);
      assert.equal(card.exitCode, 0);
      assert.ok(card.notifyVerifyCalls >= 6, `notify_verify calls recorded: ${card.notifyVerifyCalls}`);
      const tampered = card.cases.find((c) => c.id === 'tampered-amount');
      assert.equal(tampered?.answer, 'fail');
      assert.match(tampered?.sent ?? '', /total_fee=100\.01/);
      const io = captureIO();
      assert.equal(await command.run([h.url, '--key-file', keyFile, '--partner', PARTNER, '--gateway', gw.url, '--lang', 'zh'].filter((a) => a !== '--lang' && a !== 'zh'), { ...io, lang: 'zh' }), 0);
      assert.match(io.out.join('\n'), /\[通过\] valid/);
      assert.match(io.out.join('\n'), /通过 11，警告 0，失败 0/);
    } finally {
      await h.close();
    }
  });

  it('a handler that answers "success" to everything fails every forgery; not calling notify_verify warns, and fails with --strict', async () => {
    const h = await handler('always-success', () => gw.url);
    try {
      const { code, card } = await score(h.url, gw);
      assert.deepEqual(verdicts(card), {
        valid: 'pass', retry: 'pass', 'tampered-amount': 'fail', 'sign-removed': 'fail', 'other-key': 'fail', 'wrong-sign-type': 'fail',
        'finished-first': 'pass', 'success-after-finished': 'pass', gbk: 'pass', 'unknown-notify-id': 'warn', 'notify-verify-called': 'warn',
      });
      assert.equal(code, 1);
      assert.match(card.cases.find((c) => c.id === 'tampered-amount')?.fix?.en ?? '', /snippet alipay-notify/);
      const strict = await score(h.url, gw, '--strict');
      assert.equal(verdicts(strict.card)['unknown-notify-id'], 'fail');
      assert.equal(verdicts(strict.card)['notify-verify-called'], 'fail');
      assert.equal(strict.code, 1);
    } finally {
      await h.close();
    }
  });

  it('a handler that answers with a BOM fails every valid notification (GBK only warns for a utf-8 merchant), and passes the forgeries', async () => {
    const h = await handler('bom', () => gw.url);
    try {
      const { code, card } = await score(h.url, gw);
      assert.deepEqual(verdicts(card), {
        valid: 'fail', retry: 'fail', 'tampered-amount': 'pass', 'sign-removed': 'pass', 'other-key': 'pass', 'wrong-sign-type': 'pass',
        'finished-first': 'fail', 'success-after-finished': 'fail', gbk: 'warn', 'unknown-notify-id': 'pass', 'notify-verify-called': 'pass',
      });
      assert.equal(code, 1);
      const valid = card.cases.find((c) => c.id === 'valid');
      assert.equal(valid?.answer, '\ufeffsuccess');
      assert.equal(valid?.answerShown, '"\\ufeffsuccess"', 'the BOM is shown, escaped');
      assert.match(valid?.why.en ?? '', /BOM/);
      assert.equal(verdicts((await score(h.url, gw, '--charset', 'gbk')).card).gbk, 'fail', 'required for a gbk merchant');
    } finally {
      await h.close();
    }
  });

  it('RSA: notifications signed with --alipay-private-key-file verify with Alipay\'s public key; a correct RSA handler passes (GBK warns: it verifies utf-8 only)', async () => {
    const h = await handler('correct-rsa', () => gw.url);
    try {
      const io = captureIO();
      const code = await command.run([h.url, '--alipay-private-key-file', ALIPAY_PRIVATE_FILE, '--partner', PARTNER, '--gateway', gw.url, '--json'], io);
      const card = JSON.parse(io.json[0]) as Scorecard;
      assert.equal(card.signType, 'RSA');
      assert.deepEqual(verdicts(card), {
        valid: 'pass', retry: 'pass', 'tampered-amount': 'pass', 'sign-removed': 'pass', 'other-key': 'pass', 'wrong-sign-type': 'pass',
        'finished-first': 'pass', 'success-after-finished': 'pass', gbk: 'warn', 'unknown-notify-id': 'pass', 'notify-verify-called': 'pass',
      });
      assert.equal(code, 0);
      assert.match(card.cases.find((c) => c.id === 'wrong-sign-type')?.sent ?? '', /sign_type=MD5/);
    } finally {
      await h.close();
    }
  });

  it('bad input and an unreachable URL exit 2 with one line', async () => {
    const io = captureIO();
    assert.equal(await command.run(['http://127.0.0.1:1/notify', '--key-file', keyFile, '--partner', PARTNER, '--gateway', gw.url], io), 2);
    assert.equal(io.err.length, 1);
    assert.match(io.err[0], /unreachable/);
    const bad = captureIO();
    assert.equal(await command.run(['not a url', '--key-file', keyFile, '--partner', PARTNER, '--gateway', gw.url], bad), 2);
    assert.match(bad.err[0], /not a valid URL/);
    await assert.rejects(command.run(['http://127.0.0.1:1/', '--sign-type', 'DSA'], captureIO()), /MD5 or RSA/);
    await assert.rejects(command.run(['http://127.0.0.1:1/', '--key-file', keyFile], captureIO()), /--partner is required/);
  });

  it('without --gateway it starts its own for the duration (a handler pointed at --port confirms there)', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const h = await handler('correct', () => `http://127.0.0.1:${port}/gateway.do`);
    try {
      const io = captureIO();
      const code = await command.run([h.url, '--key-file', keyFile, '--partner', PARTNER, '--port', String(port), '--json'], io);
      const card = JSON.parse(io.json[0]) as Scorecard;
      assert.equal(card.gateway, `http://127.0.0.1:${port}/gateway.do`);
      assert.equal(code, 0, JSON.stringify(verdicts(card)));
      // Stopped afterwards.
      await assert.rejects(get(card.gateway));
    } finally {
      await h.close();
    }
  });
});
