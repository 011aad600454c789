// notify-test against the project's own `alipay-notify` snippets: the snippet
// code is the handler (expanded, compiled and run in its language by
// test/snippets/languages.ts); a thin HTTP bridge plays the web framework,
// handing each POST body to the running snippet and answering what it returns.
// The snippets are utf-8 merchants, so the GBK case is a warning, not a failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../src/cli/io';
import { command } from '../../src/cli/notifyTest';
import { startGateway, type RunningGateway, type Scorecard } from '../../src/emulator';
import { prepareLanguage, type Language, type TaskSession } from '../snippets/languages';
import { requireToolchain } from '../snippets/toolchains';

const PARTNER = '2088101122139999';
const MD5_KEY = 'snippetnotifykey0123456789abcdef';
const KEYS = path.join(__dirname, '..', 'fixtures', 'keys');

/** The framework glue: POST body in, the snippet's answer out (text/plain), 500 when it threw. */
async function bridge(session: TaskSession): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void session.ask(Buffer.concat(chunks).toString('latin1')).then((line) => {
        const [answer] = line.split('\t');
        res.writeHead(answer === 'ERROR' ? 500 : 200, { 'content-type': 'text/plain' });
        res.end(answer === 'ERROR' ? line : answer);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('notify-test against the alipay-notify snippets (the snippet is the handler)', function () {
  this.timeout(300_000);
  let gw: RunningGateway;
  let tmp: string;
  let keyFile: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-snippets-'));
    keyFile = path.join(tmp, 'md5.txt');
    fs.writeFileSync(keyFile, MD5_KEY, { mode: 0o600 });
    gw = await startGateway({ config: { alipay: { privateKey: fs.readFileSync(path.join(KEYS, 'alipay-side-rsa2048-private.pem'), 'utf8') }, merchants: [{ partner: PARTNER, md5Key: MD5_KEY }] }, notifySchedule: [] });
  });
  after(async () => {
    await gw?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  // PHP is left out: its WebAssembly build reads all of standard input before running, so it cannot answer line by line.
  for (const language of ['typescript', 'python'] as Language[]) {
    it(`${language}: every required case passes (GBK warns: the snippet is a utf-8 merchant), exit 0`, async () => {
      requireToolchain(language);
      const lang = prepareLanguage(language, path.join(tmp, language), [{ id: 'nt', values: { 1: PARTNER, 2: 'MD5', 3: gw.url } }]);
      const session = lang.session('nt', 'notify', { ALIPAY_MD5_KEY: MD5_KEY });
      const h = await bridge(session);
      try {
        const json: string[] = [];
        const err: string[] = [];
        const io: CliIO = { stdout: () => undefined, stderr: (l) => err.push(l), data: (t) => json.push(t), readStdin: async () => Buffer.alloc(0), env: {}, lang: 'en' };
        const code = await command.run([h.url, '--key-file', keyFile, '--partner', PARTNER, '--gateway', gw.url, '--json'], io);
        assert.equal(json.length, 1, err.join('\n'));
        const card = JSON.parse(json[0]) as Scorecard;
        const verdicts = Object.fromEntries(card.cases.map((c) => [c.id, c.verdict]));
        assert.deepEqual(verdicts, {
          valid: 'pass', retry: 'pass', 'tampered-amount': 'pass', 'sign-removed': 'pass', 'other-key': 'pass', 'wrong-sign-type': 'pass',
          'finished-first': 'pass', 'success-after-finished': 'pass', gbk: 'warn', 'unknown-notify-id': 'pass', 'notify-verify-called': 'pass',
        }, JSON.stringify(card.cases.map((c) => [c.id, c.status, c.answer]), null, 1));
        assert.equal(code, 0);
      } finally {
        await h.close();
        await session.close();
      }
    });
  }
});
