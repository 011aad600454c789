// `alipay-toolkit notify-test --family openapi` against two OpenAPI notify_url
// handlers written here, on loopback: a correct one (RSA2 over the V1 content
// — every parameter but sign and sign_type, sorted — with Alipay's public key,
// its own app_id only) and a lax one that answers "success" to everything.
// The handlers use node:crypto and iconv-lite, not src/core.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { command } from '../../src/cli/notifyTest';
import type { CliIO } from '../../src/cli/io';
import { startGateway, type RunningGateway, type Scorecard, type Verdict } from '../../src/emulator';

const PARTNER = '2088101122136241';
const APP_ID = '2021000122671234';
const alipay = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });

function decodeForm(body: Buffer, charset: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.toString('latin1').split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split('=');
    const bytes = (s: string) => Buffer.from(s.replace(/\+/g, ' ').replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    out[iconv.decode(bytes(k), charset)] = iconv.decode(bytes(v), charset);
  }
  return out;
}

/** rsaCheckV1: drop sign and sign_type, sort, join; SHA256withRSA with Alipay's public key. */
function rsa2Valid(form: Record<string, string>, charset: string): boolean {
  if (form.sign_type !== 'RSA2' || !form.sign) return false;
  const content = Object.keys(form)
    .filter((k) => k !== 'sign' && k !== 'sign_type')
    .sort()
    .map((k) => `${k}=${form[k]}`)
    .join('&');
  return crypto.createVerify('RSA-SHA256').update(iconv.encode(content, charset)).verify(alipay.publicKey, form.sign, 'base64');
}

async function handler(kind: 'correct' | 'lax'): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (kind === 'lax') return res.end('success');
      const charset = /charset=([\w-]+)/i.exec(String(req.headers['content-type']))?.[1]?.toLowerCase() ?? 'utf-8';
      const form = decodeForm(Buffer.concat(chunks), charset);
      if (!rsa2Valid(form, charset) || form.app_id !== APP_ID || form.notify_type !== 'trade_status_sync') return res.end('fail');
      res.end('success'); // idempotent: a repeat answers success again
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, close: () => new Promise((r) => server.close(() => r())) };
}

function captureIO(): CliIO & { out: string[]; err: string[]; json: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const json: string[] = [];
  return { out, err, json, stdout: (l) => out.push(l), stderr: (l) => err.push(l), data: (t) => json.push(t), readStdin: async () => Buffer.alloc(0), env: {}, lang: 'en' };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-test-openapi-'));
const keyFile = path.join(dir, 'alipay.private.pem');
fs.writeFileSync(keyFile, alipay.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const verdicts = (card: Scorecard): Record<string, Verdict> => Object.fromEntries(card.cases.map((c) => [c.id, c.verdict]));

describe('alipay-toolkit notify-test --family openapi (two handlers on loopback)', () => {
  let gw: RunningGateway;
  before(async () => {
    gw = await startGateway({ config: { alipay: { privateKey: alipay.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, merchants: [{ partner: PARTNER, md5Key: 'k'.repeat(32) }] }, notifySchedule: [] });
  });
  after(() => gw.close());

  async function score(url: string): Promise<{ code: number; card: Scorecard }> {
    const io = captureIO();
    const code = await command.run([url, '--family', 'openapi', '--alipay-private-key-file', keyFile, '--partner', PARTNER, '--app-id', APP_ID, '--gateway', gw.url, '--json'], io);
    assert.equal(io.json.length, 1, io.err.join('\n'));
    return { code, card: JSON.parse(io.json[0]) as Scorecard };
  }

  it('a correct OpenAPI handler passes every case, exit 0 (no notify_verify cases: OpenAPI has none)', async () => {
    const h = await handler('correct');
    try {
      const { code, card } = await score(h.url);
      assert.equal(card.family, 'openapi');
      assert.deepEqual(verdicts(card), {
        valid: 'pass', retry: 'pass', 'tampered-amount': 'pass', 'sign-removed': 'pass', 'other-key': 'pass', 'wrong-sign-type': 'pass',
        'finished-first': 'pass', 'success-after-finished': 'pass', gbk: 'pass',
      });
      assert.equal(code, 0);
      const tampered = card.cases.find((c) => c.id === 'tampered-amount')!;
      assert.match(tampered.sent, /total_amount=100\.01/);
      assert.equal(tampered.answer, 'fail');
      assert.match(card.cases.find((c) => c.id === 'valid')!.sent, /sign_type=RSA2/);
    } finally {
      await h.close();
    }
  });

  it('a lax handler (success to everything) fails every forgery, exit 1', async () => {
    const h = await handler('lax');
    try {
      const { code, card } = await score(h.url);
      assert.deepEqual(verdicts(card), {
        valid: 'pass', retry: 'pass', 'tampered-amount': 'fail', 'sign-removed': 'fail', 'other-key': 'fail', 'wrong-sign-type': 'fail',
        'finished-first': 'pass', 'success-after-finished': 'pass', gbk: 'pass',
      });
      assert.equal(code, 1);
      assert.deepEqual(card.summary, { pass: 5, warn: 0, fail: 4 });
    } finally {
      await h.close();
    }
  });
});
