// (test/node: runs openssl and python3 as oracles; the verifications themselves are in-process calls.)
// Every message variant × {valid, tampered, wrong key}: the core verification
// (used by the preview and the hover), CLI `verify` and CLI `decode` must give
// the same verdict. Vectors are made here by independent oracles: the `openssl`
// command line (RSA, RSA2, DSA, and the WAP 2.0 notify_data encryption) and
// Python's hashlib (MD5, including a GBK one and a WAP 2.0 one). The signed
// content of each vector is written out literally from protocol.md, not built
// by the code under test.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli';
import { encode, percentEncode } from '../../src/core/charset';
import { parseInput } from '../../src/core/params';
import type { VariantId } from '../../src/core/protocol';
import { detectVariant } from '../../src/core/resolve';
import { verifyMessage } from '../../src/core/response/signature';
import { keyPath, openssl, pemFileForBase64, readKey, tempDir } from '../unit/support/signing';

const dir = tempDir('alipay-variants-');
const MD5_KEY = 'variantsmd5key0123456789abcdefgh';
const WRONG_MD5 = 'wrongmd5key0123456789abcdefghijk';
fs.writeFileSync(path.join(dir, 'md5.key'), MD5_KEY);
fs.writeFileSync(path.join(dir, 'wrong-md5.key'), WRONG_MD5);
const merchant1024 = pemFileForBase64('rsa1024-pkcs8.base64.txt', dir);
// A second DSA key (made by openssl) for the DSA wrong-key case.
const otherDsaParams = path.join(dir, 'dsa-params.pem');
const otherDsa = path.join(dir, 'other-dsa-public.pem');
openssl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024', '-out', otherDsaParams]);
fs.writeFileSync(otherDsa, openssl(['pkey', '-pubout'], openssl(['genpkey', '-paramfile', otherDsaParams])));

/** Python hashlib: md5 over the content's bytes in `charset`, the key appended (protocol.md rule 4). */
function pyMd5(content: string, charset: 'utf-8' | 'gbk'): string {
  const script = 'import sys,hashlib; c=sys.stdin.buffer.read().decode("utf-8"); print(hashlib.md5((c+sys.argv[2]).encode(sys.argv[1])).hexdigest())';
  return execFileSync('python3', ['-c', script, charset, MD5_KEY], { input: Buffer.from(content, 'utf8') }).toString().trim();
}

/** openssl dgst: SHA1withRSA / SHA256withRSA / SHA1withDSA over the UTF-8 bytes, base64. */
function osslSign(content: string, keyFile: string, digest: 'sha1' | 'sha256'): string {
  return openssl(['dgst', `-${digest}`, '-sign', keyFile], Buffer.from(content, 'utf8')).toString('base64');
}

/** openssl pkeyutl: RSA PKCS#1 v1.5 encryption with the merchant's public key, 117-byte chunks (1024-bit). */
function osslEncrypt(text: string, publicKeyFile: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 117) {
    out.push(openssl(['pkeyutl', '-encrypt', '-pubin', '-inkey', publicKeyFile, '-pkeyopt', 'rsa_padding_mode:pkcs1'], bytes.subarray(i, i + 117)));
  }
  return Buffer.concat(out).toString('base64');
}

const q = (pairs: Array<[string, string]>, charset: 'utf-8' | 'gbk' = 'utf-8') => pairs.map(([n, v]) => `${n}=${percentEncode(v, charset)}`).join('&');

interface Case {
  variant: VariantId;
  name: string;
  /** The message as it arrives (text; written to a file in `charset`). */
  message: string;
  tampered: string;
  charset: 'utf-8' | 'gbk';
  /** CLI key options for the right key and the wrong one. */
  keys: string[];
  wrongKeys: string[];
  /** The core verification's keys. */
  core: { md5Key?: string; publicKey?: string; merchantPrivateKey?: string };
  wrongCore: { md5Key?: string; publicKey?: string; merchantPrivateKey?: string };
}

const md5Keys = { keys: ['--key-file', path.join(dir, 'md5.key')], wrongKeys: ['--key-file', path.join(dir, 'wrong-md5.key')], core: { md5Key: MD5_KEY }, wrongCore: { md5Key: WRONG_MD5 } };
const alipayRsa = {
  keys: ['--public-key-file', keyPath('alipay-side-rsa2048-public.pem')],
  wrongKeys: ['--public-key-file', keyPath('rsa2048-public.pem')],
  core: { publicKey: readKey('alipay-side-rsa2048-public.pem') },
  wrongCore: { publicKey: readKey('rsa2048-public.pem') },
};
const merchantRsa2048 = {
  keys: ['--public-key-file', keyPath('rsa2048-public.pem')],
  wrongKeys: ['--public-key-file', keyPath('alipay-side-rsa2048-public.pem')],
  core: { publicKey: readKey('rsa2048-public.pem') },
  wrongCore: { publicKey: readKey('alipay-side-rsa2048-public.pem') },
};

function build(): Case[] {
  const cases: Case[] = [];

  // MAPI request, MD5 over GBK bytes (hashlib encodes the content as GBK).
  {
    const pairs: Array<[string, string]> = [['service', 'single_trade_query'], ['partner', '2088101122136241'], ['_input_charset', 'gbk'], ['out_trade_no', '测试123'], ['subject', 'foobar ']];
    const content = '_input_charset=gbk&out_trade_no=测试123&partner=2088101122136241&service=single_trade_query&subject=foobar ';
    const sign = pyMd5(content, 'gbk');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign], ['sign_type', 'MD5']], 'gbk');
    cases.push({ variant: 'mapi.request', name: 'MAPI request, MD5, GBK, a trailing space kept', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'subject' ? 'foobar' : v])), charset: 'gbk', ...md5Keys });
  }
  // MAPI request, DSA (openssl SHA1withDSA), merchant-signed: verified with the merchant's public key.
  {
    const pairs: Array<[string, string]> = [['service', 'single_trade_query'], ['partner', '2088101122136241'], ['_input_charset', 'utf-8'], ['out_trade_no', 'T-DSA-1'], ['body', '']];
    const content = '_input_charset=utf-8&out_trade_no=T-DSA-1&partner=2088101122136241&service=single_trade_query';
    const sign = osslSign(content, keyPath('dsa1024.pem'), 'sha1');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign_type', 'DSA'], ['sign', sign]]);
    cases.push({
      variant: 'mapi.request', name: 'MAPI request, DSA, empty value dropped', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'out_trade_no' ? 'T-DSA-2' : v])), charset: 'utf-8',
      keys: ['--public-key-file', keyPath('dsa1024-public.pem')], wrongKeys: ['--public-key-file', otherDsa],
      core: { publicKey: readKey('dsa1024-public.pem') }, wrongCore: { publicKey: fs.readFileSync(otherDsa, 'utf8') },
    });
  }
  // MAPI notification, RSA by "Alipay" (openssl SHA1withRSA), an empty value dropped.
  {
    const pairs: Array<[string, string]> = [['notify_time', '2024-05-01 12:00:00'], ['notify_type', 'trade_status_sync'], ['notify_id', 'abc123'], ['out_trade_no', 'T1'], ['trade_status', 'TRADE_SUCCESS'], ['total_fee', '0.01'], ['body', '']];
    const content = 'notify_id=abc123&notify_time=2024-05-01 12:00:00&notify_type=trade_status_sync&out_trade_no=T1&total_fee=0.01&trade_status=TRADE_SUCCESS';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha1');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign_type', 'RSA'], ['sign', sign]]);
    cases.push({ variant: 'mapi.notification', name: 'MAPI notification, RSA', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'total_fee' ? '100.00' : v])), charset: 'utf-8', ...alipayRsa });
  }
  // MAPI return URL, MD5 (hashlib, UTF-8).
  {
    const pairs: Array<[string, string]> = [['is_success', 'T'], ['notify_id', 'RqPnCoPT3K9'], ['notify_type', 'trade_status_sync'], ['out_trade_no', 'T2'], ['subject', '测试'], ['trade_status', 'TRADE_SUCCESS']];
    const content = 'is_success=T&notify_id=RqPnCoPT3K9&notify_type=trade_status_sync&out_trade_no=T2&subject=测试&trade_status=TRADE_SUCCESS';
    const sign = pyMd5(content, 'utf-8');
    const msg = (p: Array<[string, string]>) => 'https://shop.example/return?' + q([...p, ['sign', sign], ['sign_type', 'MD5']]);
    cases.push({ variant: 'mapi.return', name: 'MAPI return URL, MD5', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'subject' ? '测试2' : v])), charset: 'utf-8', ...md5Keys });
  }
  // OpenAPI request, RSA2, sign_type signed (merchant key).
  {
    const pairs: Array<[string, string]> = [['app_id', '2021000000000001'], ['method', 'alipay.trade.query'], ['charset', 'utf-8'], ['sign_type', 'RSA2'], ['timestamp', '2024-05-01 12:00:00'], ['version', '1.0'], ['biz_content', '{"out_trade_no":"T3"}']];
    const content = 'app_id=2021000000000001&biz_content={"out_trade_no":"T3"}&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2024-05-01 12:00:00&version=1.0';
    const sign = osslSign(content, keyPath('rsa2048-pkcs1.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign]]);
    cases.push({ variant: 'openapi.request', name: 'OpenAPI request, RSA2 (sign_type signed)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'biz_content' ? '{"out_trade_no":"T4"}' : v])), charset: 'utf-8', ...merchantRsa2048 });
  }
  // OpenAPI return URL: signed without sign and sign_type, the empty value KEPT (rsaCheckV1).
  {
    const pairs: Array<[string, string]> = [['charset', 'utf-8'], ['out_trade_no', 'T5'], ['method', 'alipay.trade.page.pay.return'], ['total_amount', '9.00'], ['sign_type', 'RSA2'], ['trade_no', '2024050122001'], ['auth_app_id', '2021000000000001'], ['app_id', '2021000000000001'], ['passback_params', ''], ['version', '1.0'], ['seller_id', '2088101122136241'], ['timestamp', '2024-05-01 12:00:01']];
    const content = 'app_id=2021000000000001&auth_app_id=2021000000000001&charset=utf-8&method=alipay.trade.page.pay.return&out_trade_no=T5&passback_params=&seller_id=2088101122136241&timestamp=2024-05-01 12:00:01&total_amount=9.00&trade_no=2024050122001&version=1.0';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => 'https://shop.example/return?' + q([...p, ['sign', sign]]);
    cases.push({ variant: 'openapi.return', name: 'OpenAPI return URL, RSA2, rsaCheckV1, empty value kept', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'total_amount' ? '0.01' : v])), charset: 'utf-8', ...alipayRsa });
  }
  // OpenAPI notification signed with sign_type kept (rsaCheckV2 style).
  {
    const pairs: Array<[string, string]> = [['gmt_create', '2024-05-01 12:00:00'], ['charset', 'utf-8'], ['notify_type', 'trade_status_sync'], ['notify_id', 'n-1'], ['trade_status', 'TRADE_SUCCESS'], ['app_id', '2021000000000001'], ['sign_type', 'RSA2'], ['out_trade_no', 'T6'], ['total_amount', '1.00'], ['version', '1.0']];
    const content = 'app_id=2021000000000001&charset=utf-8&gmt_create=2024-05-01 12:00:00&notify_id=n-1&notify_type=trade_status_sync&out_trade_no=T6&sign_type=RSA2&total_amount=1.00&trade_status=TRADE_SUCCESS&version=1.0';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign]]);
    cases.push({ variant: 'openapi.notification', name: 'OpenAPI notification, RSA2, sign_type kept (rsaCheckV2)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'total_amount' ? '100.00' : v])), charset: 'utf-8', ...alipayRsa });
  }
  // WAP 2.0 notification, MD5 (hashlib): service, v, sec_id, notify_data in that fixed order, not sorted.
  {
    const data = '<notify><trade_status>TRADE_FINISHED</trade_status><out_trade_no>W1</out_trade_no><total_fee>0.01</total_fee></notify>';
    const content = `service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=${data}`;
    const sign = pyMd5(content, 'utf-8');
    const msg = (d: string) => q([['notify_data', d], ['sec_id', 'MD5'], ['service', 'alipay.wap.trade.create.direct'], ['v', '1.0'], ['sign', sign]]);
    cases.push({ variant: 'wap.notification', name: 'WAP 2.0 notification, MD5, fixed order', message: msg(data), tampered: msg(data.replace('0.01', '9.99')), charset: 'utf-8', ...md5Keys });
  }
  // WAP 2.0 notification, sec_id=0001: notify_data RSA-encrypted with the merchant's public key (openssl),
  // signed by "Alipay" over the decrypted text (openssl SHA1withRSA).
  {
    const data = '<notify><payment_type>1</payment_type><subject>测试商品</subject><trade_no>2024050100001</trade_no><buyer_email>buyer@example.com</buyer_email><gmt_create>2024-05-01 12:00:00</gmt_create><out_trade_no>W2</out_trade_no><total_fee>0.01</total_fee><trade_status>TRADE_FINISHED</trade_status></notify>';
    const content = `service=alipay.wap.trade.create.direct&v=1.0&sec_id=0001&notify_data=${data}`;
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha1');
    const encrypted = osslEncrypt(data, keyPath('rsa1024-public.pem'));
    assert.ok(Buffer.from(encrypted, 'base64').length > 128, 'more than one 128-byte block');
    const msg = (v: string) => q([['service', 'alipay.wap.trade.create.direct'], ['sign', sign], ['sec_id', '0001'], ['v', v], ['notify_data', encrypted]]);
    cases.push({
      variant: 'wap.notification', name: 'WAP 2.0 notification, 0001, notify_data decrypted first', message: msg('1.0'), tampered: msg('2.0'), charset: 'utf-8',
      keys: [...alipayRsa.keys, '--private-key-file', merchant1024], wrongKeys: [...alipayRsa.wrongKeys, '--private-key-file', merchant1024],
      core: { ...alipayRsa.core, merchantPrivateKey: readKey('rsa1024-pkcs8.base64.txt') }, wrongCore: { ...alipayRsa.wrongCore, merchantPrivateKey: readKey('rsa1024-pkcs8.base64.txt') },
    });
  }
  // mobile.securitypay.pay order string, RSA by the merchant: the quoted string as written, sign URL-encoded in quotes.
  {
    const content = (fee: string) =>
      `partner="2088101122136241"&seller_id="seller@example.com"&out_trade_no="S1"&subject="测试"&body="a b"&total_fee="${fee}"&notify_url="http%3A%2F%2Fshop.example%2Fnotify"&service="mobile.securitypay.pay"&payment_type="1"&_input_charset="utf-8"&it_b_pay="30m"`;
    const sign = osslSign(content('0.01'), merchant1024, 'sha1');
    const msg = (fee: string) => `${content(fee)}&sign="${encodeURIComponent(sign)}"&sign_type="RSA"`;
    cases.push({
      variant: 'securitypay.order', name: 'mobile.securitypay order string, RSA', message: msg('0.01'), tampered: msg('0.02'), charset: 'utf-8',
      keys: ['--public-key-file', keyPath('rsa1024-public.pem')], wrongKeys: ['--public-key-file', keyPath('rsa2048-public.pem')],
      core: { publicKey: readKey('rsa1024-public.pem') }, wrongCore: { publicKey: readKey('rsa2048-public.pem') },
    });
  }
  return cases;
}

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => Buffer.alloc(0), env: {}, lang: 'en' });
  return { code, out, err };
}

let n = 0;
function file(text: string, charset: 'utf-8' | 'gbk'): string {
  const f = path.join(dir, `msg-${n++}.txt`);
  fs.writeFileSync(f, charset === 'utf-8' ? Buffer.from(text, 'utf8') : encode(text, charset));
  return f;
}

describe('every variant gets one verdict: core (preview, hover), CLI verify, CLI decode', function () {
  this.timeout(60000);
  const cases = build();

  it('covers every variant the protocol lists', () => {
    const covered = new Set(cases.map((c) => c.variant));
    for (const v of ['mapi.request', 'mapi.notification', 'mapi.return', 'openapi.request', 'openapi.return', 'openapi.notification', 'wap.notification', 'securitypay.order'] as VariantId[]) {
      assert.ok(covered.has(v), v);
    }
  });

  for (const c of cases) {
    for (const mode of ['valid', 'tampered', 'wrong key'] as const) {
      it(`${c.name}: ${mode}`, async () => {
        const text = mode === 'tampered' ? c.tampered : c.message;
        const want = mode === 'valid' ? 'valid' : 'invalid';
        const parsed = parseInput(text);
        assert.equal(detectVariant(parsed.params, parsed.kind).value, c.variant, 'the resolver names the variant');
        const core = verifyMessage({ params: parsed.params, charset: parsed.charset, keys: mode === 'wrong key' ? c.wrongCore : c.core, returnUrl: parsed.kind === 'url', variant: parsed.kind === 'order' ? 'securitypay.order' : undefined });
        assert.equal(core.verdict, want, `core: ${core.reason?.en ?? ''}`);
        const f = file(text, c.charset);
        const keys = mode === 'wrong key' ? c.wrongKeys : c.keys;
        const verify = await cli(['verify', `@${f}`, ...keys, ...(c.charset === 'gbk' ? ['--charset', 'gbk'] : [])]);
        assert.equal(verify.out[0], want === 'valid' ? 'VALID' : 'INVALID', `verify: ${[...verify.out, ...verify.err].join(' | ')}`);
        assert.equal(verify.code, want === 'valid' ? 0 : 1);
        const decode = await cli(['decode', f, '--json', ...keys]);
        assert.equal(decode.code, want === 'valid' ? 0 : 1, `decode: ${decode.err.join(' | ')}`);
        assert.equal((JSON.parse(decode.out.join('\n')) as { signature: { verdict: string } }).signature.verdict, want);
      });
    }
  }

  it('says which OpenAPI content matched (rsaCheckV1 without sign_type, rsaCheckV2 with it)', () => {
    const byVariant = (v: VariantId) => cases.find((c) => c.variant === v)!;
    for (const [v, matched] of [['openapi.return', 'rsaCheckV1'], ['openapi.notification', 'rsaCheckV2']] as const) {
      const c = byVariant(v);
      const parsed = parseInput(c.message);
      const view = verifyMessage({ params: parsed.params, charset: parsed.charset, keys: c.core });
      assert.equal(view.verdict, 'valid');
      assert.match(view.note!.en, new RegExp(`Matched .*\\(${matched}\\)`));
    }
  });

  it('a WAP 2.0 0001 notification without the merchant private key is not checked, and says which key to give', async () => {
    const c = cases.find((x) => x.name.includes('0001'))!;
    const parsed = parseInput(c.message);
    const view = verifyMessage({ params: parsed.params, charset: parsed.charset, keys: { publicKey: c.core.publicKey } });
    assert.equal(view.verdict, 'noKey');
    assert.match(view.reason!.en, /merchant private key/);
    const r = await cli(['verify', `@${file(c.message, 'utf-8')}`, ...alipayRsa.keys]);
    assert.equal(r.code, 2);
    assert.equal(r.err.length, 1);
    assert.match(r.err[0], /notify_data/);
  });
});
