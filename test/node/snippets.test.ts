// The integration snippets (snippets/<language>.json) are run, not just read:
// each is expanded with sample tab stop values, compiled and run in its own
// language against the published vectors (../shared/vectors), the openssl CLI
// and the local gateway emulator. See test/snippets/ for the expander, the
// per-language harnesses and the emulator set-up.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getParam, parseInput, parseQuery } from '../../src/core/params';
import { presignString, verifyParams } from '../../src/core/sign';
import { expandSnippet, tabStops } from '../snippets/expand';
import { MERCHANT_PRIVATE, MERCHANT_PUBLIC, SUBJECT, SnippetSignType, TestGateway, startTestGateway } from '../snippets/gateway';
import { LANGUAGES, Language, PreparedLanguage, Variant, loadSnippets, prepareLanguage } from '../snippets/languages';
import { requireToolchain } from '../snippets/toolchains';

const ROOT = path.join(__dirname, '..', '..');
const SHARED_VECTORS = path.join(ROOT, '..', 'shared', 'vectors');
const PREFIXES = ['alipay-notify', 'alipay-query', 'alipay-send-goods', 'alipay-sign', 'alipay-sns-link'];
const PRODUCTION = 'https://mapi.alipay.com/gateway.do';

interface Vector {
  id: string;
  sign_type: string;
  md5_key?: string;
  private_key_file?: string;
  params?: Record<string, string>;
  url?: string;
  presign: string;
  sign: string;
}

function loadVectors(): Vector[] {
  const file = path.join(SHARED_VECTORS, 'mapi-public.json');
  assert.ok(fs.existsSync(file), `the published vectors are missing: ${file} (../shared beside the project)`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { vectors: Vector[] }).vectors;
}

const form = (pairs: Array<[string, string]>) => new URLSearchParams(pairs).toString();
const vectorPairs = (v: Vector): Array<[string, string]> =>
  v.params ? Object.entries(v.params) : parseInput(v.url ?? '').params.map((p) => [p.name, p.value]);
/** The raw (still percent-encoded) name=value pairs of a URL's query, sorted: encoding compared byte for byte, order not. */
const rawPairs = (url: string) => url.slice(url.indexOf('?') + 1).split('&').sort();

describe('Integration snippets', () => {
  describe('sources and metadata', () => {
    it('snippets/*.json are exactly what scripts/build-snippets.js makes of snippets/source/', () => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-snippets.js'), '--check'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });

    it('package.json contributes each language file to its language', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets?: Array<{ language: string; path: string }> } };
      const ours = (pkg.contributes.snippets ?? []).filter((s) => s.path.startsWith('./snippets/'));
      assert.deepEqual(ours.map((s) => [s.language, s.path]).sort(), [
        ['go', './snippets/go.json'], ['java', './snippets/java.json'], ['javascript', './snippets/javascript.json'], ['php', './snippets/php.json'],
        ['python', './snippets/python.json'], ['typescript', './snippets/typescript.json'],
      ]);
    });

    for (const language of LANGUAGES) {
      it(`${language}: alipay- prefixes, a description, fill-in tab stops, no secrets inline, https gateways`, () => {
        const snippets = Object.values(loadSnippets(language));
        assert.deepEqual(snippets.map((s) => s.prefix).sort(), PREFIXES);
        for (const s of snippets) {
          assert.match(s.description, /^Alipay MAPI\b.{40,}/, `${s.prefix}: description`);
          const stops = tabStops(s.body);
          assert.equal(stops.get(1)?.default, '2088XXXXXXXXXXXX', `${s.prefix}: partner is tab stop 1`);
          assert.deepEqual(stops.get(2)?.choices, ['MD5', 'RSA'], `${s.prefix}: sign type is tab stop 2`);
          assert.deepEqual(stops.get(3)?.choices, ['https://mapi.alipaydev.com/gateway.do', PRODUCTION], `${s.prefix}: gateway is tab stop 3, the sandbox offered first`);
          // Keys only by name: environment variables for the MD5 key and the key files.
          assert.equal(stops.get(4)?.default, 'ALIPAY_MD5_KEY', `${s.prefix}: MD5 key variable`);
          if (s.prefix !== 'alipay-notify') assert.equal(stops.get(5)?.default, 'ALIPAY_PRIVATE_KEY_FILE', `${s.prefix}: private key file variable`);
          if (!['alipay-sign', 'alipay-sns-link'].includes(s.prefix)) assert.equal(stops.get(6)?.default, 'ALIPAY_PUBLIC_KEY_FILE', `${s.prefix}: Alipay public key file variable`);
          const text = expandSnippet(s.body);
          assert.doesNotMatch(text, /BEGIN [A-Z ]*PRIVATE KEY|[A-Za-z0-9+/]{60,}|\b[0-9a-z]{32}\b/, `${s.prefix}: something key-like is inline`);
          assert.doesNotMatch(text, /http:\/\/(?!127\.0\.0\.1|apache\.org\/xml\/features\/)/, `${s.prefix}: a plain-http URL`);
        }
      });
    }
  });

  describe('snippet expander (checked against the real editor by the integration suite)', () => {
    it('expands defaults, choices, mirrors and nested placeholders; drops $0', () => {
      assert.equal(expandSnippet(['a ${1:one} $1 ${2|x,y|} ${3:p ${4:q}} $0.']), 'a one one x p q .');
      assert.equal(expandSnippet('${1:one}-$1-${2|x,y|}', { 1: 'ONE', 2: 'y' }), 'ONE-ONE-y');
    });

    it('unescapes \\$, \\} and \\\\, and rejects snippet variables (an unescaped $ of the code)', () => {
      assert.equal(expandSnippet('\\$x = "\\\\n" \\} ${1:a\\}b}'), '$x = "\\n" } a}b');
      assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
      assert.throws(() => expandSnippet('$params'), /snippet variable/);
      assert.throws(() => expandSnippet('${name}'), /snippet variable/);
    });
  });

  describe('run in their language', function () {
    this.timeout(600_000);
    let gw: TestGateway;
    let tmp: string;
    let vectors: Vector[];

    before(async () => {
      vectors = loadVectors();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-snippets-'));
      gw = await startTestGateway();
    });
    after(async () => {
      await gw?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    for (const language of LANGUAGES) {
      describe(language, () => {
        let lang: PreparedLanguage;
        const run = (variant: string, task: string, lines: string[], env: Record<string, string>) => lang.task(variant, task, lines, env);

        before(function () {
          this.timeout(600_000); // javac and a cold Go build cache take a while
          requireToolchain(language);
          // PHP's notification claims live in files: a fresh folder per variant (tab stop 9 of its notify snippet).
          const store = (id: string): Record<number, string> => (language === 'php' ? { 9: path.join(tmp, `php-notify-${id}`) } : {});
          const variants: Variant[] = [
            { id: 'vec', values: { 1: '1000000000000000', 2: 'MD5', 3: PRODUCTION } },
            { id: 'vecrsa', values: { 1: '1000000000000000', 2: 'RSA', 3: PRODUCTION } },
            { id: 'gwmd5', values: { 1: gw.partner, 2: 'MD5', 3: gw.url, ...store('gwmd5') } },
            { id: 'gwrsa', values: { 1: gw.partner, 2: 'RSA', 3: gw.url, ...store('gwrsa') } },
            { id: 'insecure', values: { 1: '1000000000000000', 2: 'MD5', 3: 'http://mapi.alipay.com/gateway.do' } },
          ];
          lang = prepareLanguage(language as Language, path.join(tmp, language), variants);
        });

        it('signs every published MD5 vector (raw values; sign, sign_type and empty values dropped; byte order)', async () => {
          const md5 = vectors.filter((v) => v.sign_type === 'MD5');
          assert.ok(md5.length >= 5);
          for (const key of new Set(md5.map((v) => v.md5_key ?? ''))) {
            const group = md5.filter((v) => v.md5_key === key);
            const got = await run('vec', 'sign', group.map((v) => form(vectorPairs(v))), { ALIPAY_MD5_KEY: key });
            assert.deepEqual(got, group.map((v) => v.sign), group.map((v) => v.id).join(', '));
          }
        });

        it('builds the published gateway URLs: https, every value percent-encoded exactly as published', async () => {
          const withUrl = vectors.filter((v) => v.url && v.sign_type === 'MD5');
          assert.ok(withUrl.length >= 3);
          for (const v of withUrl) {
            const params = parseInput(v.url ?? '').params;
            const business = params.filter((p) => !['service', '_input_charset', 'partner', 'sign', 'sign_type'].includes(p.name));
            assert.equal(getParam(params, 'partner'), '1000000000000000');
            const [url] = await run('vec', 'url', [form([['service', getParam(params, 'service') ?? ''], ...business.map((p): [string, string] => [p.name, p.value])])], { ALIPAY_MD5_KEY: v.md5_key ?? '' });
            assert.ok(url.startsWith(`${PRODUCTION}?`), url);
            assert.deepEqual(rawPairs(url), rawPairs(v.url ?? ''), v.id);
          }
        });

        it('refuses a plain-http gateway that is not this machine', async () => {
          const [out] = await run('insecure', 'url', ['service=single_trade_query&trade_no=1'], { ALIPAY_MD5_KEY: 'k' });
          assert.match(out, /^ERROR\t.*https/i);
        });

        it('signs the published RSA vector with its PKCS#8 key, as PEM and as bare base64', async () => {
          const v = vectors.find((x) => x.id === 'rsa-sha1-pkcs8');
          assert.ok(v?.private_key_file);
          const pem = path.join(SHARED_VECTORS, v.private_key_file);
          const bare = path.join(tmp, `${language}-bare.txt`);
          fs.writeFileSync(bare, fs.readFileSync(pem, 'utf8').split('\n').filter((l) => l && !l.startsWith('-----')).join(''));
          for (const file of [pem, bare]) {
            assert.deepEqual(await run('vecrsa', 'sign', [form(vectorPairs(v))], { ALIPAY_PRIVATE_KEY_FILE: file }), [v.sign], file);
          }
        });

        it('RSA with the project key: openssl verifies the sign, and + / = reach the URL as %2B %2F %3D', async () => {
          const business: Array<[string, string]> = [['out_trade_no', 'A 1+1/2=3'], ['subject', SUBJECT], ['body', 'a&b=c%d'], ['empty', '']];
          // Several lines: with random-looking base64, some signature holds each of + / =.
          const lines = Array.from({ length: 6 }, (_, i) => form([['service', 'create_direct_pay_by_user'], ...business, ['total_fee', `${i + 1}.00`]]));
          const urls = await run('vecrsa', 'url', lines, { ALIPAY_PRIVATE_KEY_FILE: MERCHANT_PRIVATE });
          const encodedSigns = urls.map((u) => /[?&]sign=([^&]*)/.exec(u)?.[1] ?? '');
          assert.ok(encodedSigns.some((s) => /%2B|%2F/.test(s)) && encodedSigns.every((s) => s.endsWith('%3D') && !/[+/=]/.test(s)), encodedSigns.join('\n'));
          for (const [i, url] of urls.entries()) {
            assert.ok(url.startsWith(`${PRODUCTION}?`));
            const { params } = parseQuery(url.slice(url.indexOf('?')));
            // What was sent decodes back to the values given (the empty one is not sent).
            for (const [name, value] of business) assert.equal(getParam(params, name), value === '' ? undefined : value, name);
            assert.equal(getParam(params, 'sign_type'), 'RSA');
            const data = path.join(tmp, `${language}-presign-${i}`);
            const sig = path.join(tmp, `${language}-sig-${i}`);
            fs.writeFileSync(data, presignString(params), 'utf8');
            fs.writeFileSync(sig, Buffer.from(getParam(params, 'sign') ?? '', 'base64'));
            const r = spawnSync('openssl', ['dgst', '-sha1', '-verify', MERCHANT_PUBLIC, '-signature', sig, data], { encoding: 'utf8' });
            assert.equal(r.stdout.trim(), 'Verified OK', `openssl: ${r.stdout}${r.stderr}`);
          }
        });

        it('sns.trade.operate.by.action: a signed https link with the SNS user key signed (seed 000)', async () => {
          const seed: Array<[string, string]> = [['sns_user_id', 'douban_buyer'], ['key', '2011062143A2BD6F1DD043F8999AD2923D5D19AE'], ['order_no', '201107010000946451'], ['trade_action', 'payAction']];
          const md5Key = 'snippet-test-md5-key';
          const [link] = await run('vec', 'sns', [form(seed)], { ALIPAY_MD5_KEY: md5Key });
          assert.ok(link.startsWith(`${PRODUCTION}?`), link);
          const { params } = parseInput(link);
          assert.equal(getParam(params, 'service'), 'sns.trade.operate.by.action');
          assert.equal(getParam(params, '_input_charset'), 'utf-8');
          assert.match(presignString(params), /&key=2011062143A2BD6F1DD043F8999AD2923D5D19AE&/);
          assert.equal(verifyParams(params, 'MD5', { md5Key }, 'utf-8').valid, true);
        });

        for (const signType of ['MD5', 'RSA'] as SnippetSignType[]) {
          const variant = signType === 'MD5' ? 'gwmd5' : 'gwrsa';

          it(`${signType}: the SNS link opens the trade's cashier on the emulator`, async () => {
            const t = await gw.trade(signType, { pay: false });
            const [link] = await run(variant, 'sns', [form([['sns_user_id', gw.snsUser.id], ['key', gw.snsUser.key], ['order_no', t.outTradeNo], ['trade_action', 'payAction']])], gw.env(signType));
            const page = await (await fetch(link)).text();
            assert.ok(page.includes('/__emulator/cashier/pay') && page.includes(t.tradeNo), page.slice(0, 400));
          });

          it(`${signType}: the notification handler verifies, confirms with notify_verify, fulfils once, refuses the forged copy`, async () => {
            const n = await gw.notification(signType);
            const answers = await run(variant, 'notify', [n.tampered, n.body, n.body], gw.env(signType));
            assert.deepEqual(answers, ['fail\t0', 'success\t1', 'success\t1']);
          });

          if (signType === 'RSA') {
            it('RSA: the notification handler refuses a notification checked against the merchant\'s own public key', async () => {
              const n = await gw.notification('RSA');
              const answers = await run(variant, 'notify', [n.body], { ...gw.env('RSA'), ALIPAY_PUBLIC_KEY_FILE: MERCHANT_PUBLIC });
              assert.deepEqual(answers, ['fail\t0']);
            });
          }

          it(`${signType}: single_trade_query reads is_success, error and trade_status, and refuses a corrupted answer`, async () => {
            const t = await gw.trade(signType);
            const bad = await gw.trade(signType);
            gw.corrupt(bad.tradeNo);
            const answers = await run(variant, 'query', [
              form([['trade_no', t.tradeNo]]),
              form([['out_trade_no', t.outTradeNo]]),
              form([['trade_no', '2026010100000000000000000000']]),
              form([['trade_no', bad.tradeNo]]),
            ], gw.env(signType));
            assert.equal(answers[0], `T\t-\tWAIT_SELLER_SEND_GOODS\t${SUBJECT}`);
            assert.equal(answers[1], answers[0]);
            assert.equal(answers[2], 'F\tTRADE_NOT_EXIST\t-\t-');
            assert.match(answers[3], /^ERROR\t.*signature/);
          });

          it(`${signType}: send_goods_confirm_by_platform ships once; a repeat gets is_success=F with a code`, async () => {
            const t = await gw.trade(signType);
            const ship = form([['trade_no', t.tradeNo], ['logistics_name', '顺丰速运 SF'], ['invoice_no', 'SF 1234+5678'], ['transport_type', 'EXPRESS']]);
            const answers = await run(variant, 'sendgoods', [ship, ship], gw.env(signType));
            assert.match(answers[0], /^T\t-\tWAIT_BUYER_CONFIRM_GOODS\t/);
            assert.match(answers[1], /^F\t[A-Z_]+\t-\t/);
            const [after] = await run(variant, 'query', [form([['trade_no', t.tradeNo]])], gw.env(signType));
            assert.match(after, /^T\t-\tWAIT_BUYER_CONFIRM_GOODS\t/);
          });
        }
      });
    }
  });
});
