// (test/node: runs openssl and python3 as oracles and starts two emulators on 127.0.0.1, port 0.)
// The verdict table: one row per message variant, one column per front end,
// for {valid, tampered, wrong key}. Columns: the core verification (used by the
// preview and the hover), CLI `verify`, CLI `decode`, and the gateway emulator
// over real HTTP where it takes part:
//   - requests the gateway verifies (MAPI MD5/RSA/RSA2/DSA, UTF-8 and GBK) are
//     sent to it; its answer is the verdict (accepted, or ILLEGAL_SIGN);
//   - what Alipay signs and the emulator produces (MAPI notifications and
//     return URLs) is made by it: a signed message (valid), its tampered copy,
//     and one made by a second emulator holding other Alipay keys (wrong key);
//     every other column must agree.
// The other vectors are made here by independent oracles: the `openssl`
// command line (RSA, RSA2, DSA, and the WAP 2.0 notify_data encryption) and
// Python's hashlib (MD5, including a GBK one and a WAP 2.0 one). The signed
// content of each vector is written out literally from protocol.md, not built
// by the code under test.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { main } from '../../src/cli';
import { encode, percentEncode, type Charset } from '../../src/core/charset';
import { parseInput, serializeQuery, type Param } from '../../src/core/params';
import type { VariantId } from '../../src/core/protocol';
import { detectVariant } from '../../src/core/resolve';
import { verifyMessage } from '../../src/core/response/signature';
import { signParams, type SigningKey } from '../../src/core/sign';
import { startGateway, type GatewayConfig, type RunningGateway } from '../../src/emulator';
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
const otherDsaPrivate = openssl(['genpkey', '-paramfile', otherDsaParams]).toString();
fs.writeFileSync(otherDsa, openssl(['pkey', '-pubout'], otherDsaPrivate));
const EMU_FIX = path.join(__dirname, '..', 'fixtures', 'emulator');
const emuKey = (f: string) => fs.readFileSync(path.join(EMU_FIX, f), 'utf8');

/** Python hashlib: md5 over the content's bytes in `charset`, the key appended (protocol.md rule 4). */
function pyMd5(content: string, charset: 'utf-8' | 'gbk'): string {
  const script = 'import sys,hashlib; c=sys.stdin.buffer.read().decode("utf-8"); print(hashlib.md5((c+sys.argv[2]).encode(sys.argv[1])).hexdigest())';
  return execFileSync('python3', ['-c', script, charset, MD5_KEY], { input: Buffer.from(content, 'utf8') }).toString().trim();
}

/** The content's bytes in `charset`, encoded by Python (not by the code under test). */
function pyBytes(content: string, charset: 'utf-8' | 'gbk'): Buffer {
  if (charset === 'utf-8') return Buffer.from(content, 'utf8');
  const script = 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(sys.argv[1]))';
  return execFileSync('python3', ['-c', script, charset], { input: Buffer.from(content, 'utf8') });
}

/** openssl dgst: SHA1withRSA / SHA256withRSA / SHA1withDSA over the content's bytes in `charset`, base64. */
function osslSign(content: string, keyFile: string, digest: 'sha1' | 'sha256', charset: 'utf-8' | 'gbk' = 'utf-8'): string {
  return openssl(['dgst', `-${digest}`, '-sign', keyFile], pyBytes(content, charset)).toString('base64');
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

/** The emulator's part in a row: it checks the request, it made the message, or none. */
type EmulatorRole = 'verifies' | 'signs' | 'none';

interface Case {
  variant: VariantId;
  name: string;
  /** The message as it arrives (text; written to a file in `charset`). */
  message: string;
  tampered: string;
  /** A message signed with another key, checked with the right one (emulator-made rows); else `message` is checked with the wrong keys. */
  wrongKeyMessage?: string;
  charset: 'utf-8' | 'gbk';
  /** The message names its charset (`charset=gbk`): no --charset flag, the front ends must read it. */
  charsetDeclared?: boolean;
  emulator: EmulatorRole;
  /** What the emulator answers every mode of this row with, when it refuses before checking the signature. */
  emulatorRefuses?: string;
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
    cases.push({ variant: 'mapi.request', name: 'MAPI request, MD5, GBK, a trailing space kept', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'subject' ? 'foobar' : v])), charset: 'gbk', emulator: 'verifies', ...md5Keys });
  }
  // MAPI request without _input_charset, MD5 over GBK bytes (hashlib): the gateway reads it as GBK by default;
  // the other front ends are told --charset gbk.
  {
    const pairs: Array<[string, string]> = [['service', 'single_trade_query'], ['partner', '2088101122136241'], ['out_trade_no', '默认-GBK-1']];
    const content = 'out_trade_no=默认-GBK-1&partner=2088101122136241&service=single_trade_query';
    const sign = pyMd5(content, 'gbk');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign], ['sign_type', 'MD5']], 'gbk');
    cases.push({ variant: 'mapi.request', name: 'MAPI request, MD5, no _input_charset (gateway default GBK)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'out_trade_no' ? '默认-GBK-2' : v])), charset: 'gbk', emulator: 'verifies', ...md5Keys });
  }
  // MAPI request, DSA (openssl SHA1withDSA), merchant-signed: verified with the merchant's public key.
  {
    const pairs: Array<[string, string]> = [['service', 'single_trade_query'], ['partner', '2088101122136241'], ['_input_charset', 'utf-8'], ['out_trade_no', 'T-DSA-1'], ['body', '']];
    const content = '_input_charset=utf-8&out_trade_no=T-DSA-1&partner=2088101122136241&service=single_trade_query';
    const sign = osslSign(content, keyPath('dsa1024.pem'), 'sha1');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign_type', 'DSA'], ['sign', sign]]);
    cases.push({
      variant: 'mapi.request', name: 'MAPI request, DSA, empty value dropped', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'out_trade_no' ? 'T-DSA-2' : v])), charset: 'utf-8', emulator: 'verifies',
      keys: ['--public-key-file', keyPath('dsa1024-public.pem')], wrongKeys: ['--public-key-file', otherDsa],
      core: { publicKey: readKey('dsa1024-public.pem') }, wrongCore: { publicKey: fs.readFileSync(otherDsa, 'utf8') },
    });
  }
  // MAPI request, RSA (openssl SHA1withRSA over the GBK bytes Python made), merchant-signed.
  {
    const pairs: Array<[string, string]> = [['service', 'single_trade_query'], ['partner', '2088101122136241'], ['_input_charset', 'gbk'], ['out_trade_no', '订单-RSA-1']];
    const content = '_input_charset=gbk&out_trade_no=订单-RSA-1&partner=2088101122136241&service=single_trade_query';
    const sign = osslSign(content, keyPath('rsa2048-pkcs1.pem'), 'sha1', 'gbk');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign], ['sign_type', 'RSA']], 'gbk');
    cases.push({ variant: 'mapi.request', name: 'MAPI request, RSA, GBK', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'out_trade_no' ? '订单-RSA-2' : v])), charset: 'gbk', emulator: 'verifies', ...merchantRsa2048 });
  }
  // MAPI request, RSA2 (openssl SHA256withRSA, UTF-8): the toolkit signs and verifies it when asked, but
  // Alipay's MAPI gateway does not take RSA2, so the emulator refuses it before any signature check.
  {
    const pairs: Array<[string, string]> = [['service', 'single_trade_query'], ['partner', '2088101122136241'], ['_input_charset', 'utf-8'], ['out_trade_no', '订单-RSA2']];
    const content = '_input_charset=utf-8&out_trade_no=订单-RSA2&partner=2088101122136241&service=single_trade_query';
    const sign = osslSign(content, keyPath('rsa2048-pkcs1.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign], ['sign_type', 'RSA2']]);
    cases.push({
      variant: 'mapi.request', name: 'MAPI request, RSA2, UTF-8', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'out_trade_no' ? '订单-RSA3' : v])), charset: 'utf-8',
      emulator: 'verifies', emulatorRefuses: 'ILLEGAL_SIGN_TYPE', ...merchantRsa2048,
    });
  }
  // MAPI notification, RSA by "Alipay" (openssl SHA1withRSA), an empty value dropped.
  {
    const pairs: Array<[string, string]> = [['notify_time', '2024-05-01 12:00:00'], ['notify_type', 'trade_status_sync'], ['notify_id', 'abc123'], ['out_trade_no', 'T1'], ['trade_status', 'TRADE_SUCCESS'], ['total_fee', '0.01'], ['body', '']];
    const content = 'notify_id=abc123&notify_time=2024-05-01 12:00:00&notify_type=trade_status_sync&out_trade_no=T1&total_fee=0.01&trade_status=TRADE_SUCCESS';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha1');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign_type', 'RSA'], ['sign', sign]]);
    cases.push({ variant: 'mapi.notification', name: 'MAPI notification, RSA (openssl)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'total_fee' ? '100.00' : v])), charset: 'utf-8', emulator: 'none', ...alipayRsa });
  }
  // MAPI return URL, MD5 (hashlib, UTF-8).
  {
    const pairs: Array<[string, string]> = [['is_success', 'T'], ['notify_id', 'RqPnCoPT3K9'], ['notify_type', 'trade_status_sync'], ['out_trade_no', 'T2'], ['subject', '测试'], ['trade_status', 'TRADE_SUCCESS']];
    const content = 'is_success=T&notify_id=RqPnCoPT3K9&notify_type=trade_status_sync&out_trade_no=T2&subject=测试&trade_status=TRADE_SUCCESS';
    const sign = pyMd5(content, 'utf-8');
    const msg = (p: Array<[string, string]>) => 'https://shop.example/return?' + q([...p, ['sign', sign], ['sign_type', 'MD5']]);
    cases.push({ variant: 'mapi.return', name: 'MAPI return URL, MD5 (hashlib)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'subject' ? '测试2' : v])), charset: 'utf-8', emulator: 'none', ...md5Keys });
  }
  // OpenAPI request, RSA2, sign_type signed (merchant key).
  {
    const pairs: Array<[string, string]> = [['app_id', '2021000000000001'], ['method', 'alipay.trade.query'], ['charset', 'utf-8'], ['sign_type', 'RSA2'], ['timestamp', '2024-05-01 12:00:00'], ['version', '1.0'], ['biz_content', '{"out_trade_no":"T3"}']];
    const content = 'app_id=2021000000000001&biz_content={"out_trade_no":"T3"}&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2024-05-01 12:00:00&version=1.0';
    const sign = osslSign(content, keyPath('rsa2048-pkcs1.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign]]);
    cases.push({ variant: 'openapi.request', name: 'OpenAPI request, RSA2 (sign_type signed)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'biz_content' ? '{"out_trade_no":"T4"}' : v])), charset: 'utf-8', emulator: 'none', ...merchantRsa2048 });
  }
  // OpenAPI return URL: signed without sign and sign_type, the empty value KEPT (rsaCheckV1).
  {
    const pairs: Array<[string, string]> = [['charset', 'utf-8'], ['out_trade_no', 'T5'], ['method', 'alipay.trade.page.pay.return'], ['total_amount', '9.00'], ['sign_type', 'RSA2'], ['trade_no', '2024050122001'], ['auth_app_id', '2021000000000001'], ['app_id', '2021000000000001'], ['passback_params', ''], ['version', '1.0'], ['seller_id', '2088101122136241'], ['timestamp', '2024-05-01 12:00:01']];
    const content = 'app_id=2021000000000001&auth_app_id=2021000000000001&charset=utf-8&method=alipay.trade.page.pay.return&out_trade_no=T5&passback_params=&seller_id=2088101122136241&timestamp=2024-05-01 12:00:01&total_amount=9.00&trade_no=2024050122001&version=1.0';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => 'https://shop.example/return?' + q([...p, ['sign', sign]]);
    cases.push({ variant: 'openapi.return', name: 'OpenAPI return URL, RSA2, rsaCheckV1, empty value kept', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'total_amount' ? '0.01' : v])), charset: 'utf-8', emulator: 'none', ...alipayRsa });
  }
  // OpenAPI notification signed with sign_type kept (rsaCheckV2 style).
  {
    const pairs: Array<[string, string]> = [['gmt_create', '2024-05-01 12:00:00'], ['charset', 'utf-8'], ['notify_type', 'trade_status_sync'], ['notify_id', 'n-1'], ['trade_status', 'TRADE_SUCCESS'], ['app_id', '2021000000000001'], ['sign_type', 'RSA2'], ['out_trade_no', 'T6'], ['total_amount', '1.00'], ['version', '1.0']];
    const content = 'app_id=2021000000000001&charset=utf-8&gmt_create=2024-05-01 12:00:00&notify_id=n-1&notify_type=trade_status_sync&out_trade_no=T6&sign_type=RSA2&total_amount=1.00&trade_status=TRADE_SUCCESS&version=1.0';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha256');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign]]);
    cases.push({ variant: 'openapi.notification', name: 'OpenAPI notification, RSA2, sign_type kept (rsaCheckV2)', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'total_amount' ? '100.00' : v])), charset: 'utf-8', emulator: 'none', ...alipayRsa });
  }
  // OpenAPI notification in GBK, declared only by OpenAPI's `charset` (no flag given): RSA2 by openssl over
  // the GBK bytes Python made, rsaCheckV1 content (without sign and sign_type).
  {
    const pairs: Array<[string, string]> = [['notify_id', 'n-gbk'], ['charset', 'gbk'], ['app_id', '2021000000000001'], ['subject', '测试商品'], ['sign_type', 'RSA2'], ['total_amount', '2.00'], ['notify_type', 'trade_status_sync']];
    const content = 'app_id=2021000000000001&charset=gbk&notify_id=n-gbk&notify_type=trade_status_sync&subject=测试商品&total_amount=2.00';
    const sign = osslSign(content, keyPath('alipay-side-rsa2048-private.pem'), 'sha256', 'gbk');
    const msg = (p: Array<[string, string]>) => q([...p, ['sign', sign]], 'gbk');
    cases.push({ variant: 'openapi.notification', name: 'OpenAPI notification, RSA2, GBK named by charset', message: msg(pairs), tampered: msg(pairs.map(([n, v]) => [n, n === 'subject' ? '测试商品2' : v])), charset: 'gbk', charsetDeclared: true, emulator: 'none', ...alipayRsa });
  }
  // WAP 2.0 notification, MD5 (hashlib): service, v, sec_id, notify_data in that fixed order, not sorted.
  {
    const data = '<notify><trade_status>TRADE_FINISHED</trade_status><out_trade_no>W1</out_trade_no><total_fee>0.01</total_fee></notify>';
    const content = `service=alipay.wap.trade.create.direct&v=1.0&sec_id=MD5&notify_data=${data}`;
    const sign = pyMd5(content, 'utf-8');
    const msg = (d: string) => q([['notify_data', d], ['sec_id', 'MD5'], ['service', 'alipay.wap.trade.create.direct'], ['v', '1.0'], ['sign', sign]]);
    cases.push({ variant: 'wap.notification', name: 'WAP 2.0 notification, MD5, fixed order', message: msg(data), tampered: msg(data.replace('0.01', '9.99')), charset: 'utf-8', emulator: 'none', ...md5Keys });
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
      variant: 'wap.notification', name: 'WAP 2.0 notification, 0001, notify_data decrypted first', message: msg('1.0'), tampered: msg('2.0'), charset: 'utf-8', emulator: 'none',
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
      variant: 'securitypay.order', name: 'mobile.securitypay order string, RSA', message: msg('0.01'), tampered: msg('0.02'), charset: 'utf-8', emulator: 'none',
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

// ---- The emulators: "right" holds the keys the table verifies with; "other" holds other keys
// (other Alipay keys for what it signs, other merchant keys for the requests it checks).
const PARTNER = '2088101122136241';
interface Side {
  config: GatewayConfig;
  /** The merchant's keys for the requests that create its trades. */
  merchantKeys: Record<'MD5' | 'RSA' | 'DSA', SigningKey>;
}
const RIGHT: Side = {
  config: {
    alipay: { privateKey: readKey('alipay-side-rsa2048-private.pem'), dsaPrivateKey: emuKey('alipay_dsa_private_key.pem') },
    merchants: [{ partner: PARTNER, sellerEmail: 'seller@example.com', md5Key: MD5_KEY, publicKey: readKey('rsa2048-public.pem'), dsaPublicKey: readKey('dsa1024-public.pem') }],
  },
  merchantKeys: { MD5: { md5Key: MD5_KEY }, RSA: { privateKey: readKey('rsa2048-pkcs1.pem') }, DSA: { privateKey: readKey('dsa1024.pem') } },
};
const OTHER: Side = {
  config: {
    alipay: { privateKey: emuKey('alipay_private_key.pem'), dsaPrivateKey: otherDsaPrivate },
    merchants: [{ partner: PARTNER, sellerEmail: 'seller@example.com', md5Key: WRONG_MD5, publicKey: readKey('alipay-side-rsa2048-public.pem'), dsaPublicKey: fs.readFileSync(otherDsa, 'utf8') }],
  },
  merchantKeys: { MD5: { md5Key: WRONG_MD5 }, RSA: { privateKey: readKey('alipay-side-rsa2048-private.pem') }, DSA: { privateKey: otherDsaPrivate } },
};

/** The keys that verify what the "right" emulator signs as Alipay. */
const alipayKeysOfRight: Record<'MD5' | 'RSA' | 'DSA', Pick<Case, 'keys' | 'wrongKeys' | 'core' | 'wrongCore'>> = {
  MD5: md5Keys,
  RSA: alipayRsa,
  DSA: {
    keys: ['--public-key-file', path.join(EMU_FIX, 'alipay_dsa_public_key.pem')],
    wrongKeys: ['--public-key-file', otherDsa],
    core: { publicKey: emuKey('alipay_dsa_public_key.pem') },
    wrongCore: { publicKey: fs.readFileSync(otherDsa, 'utf8') },
  },
};

function httpRequest(url: string, method = 'GET', body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A merchant's notify_url on 127.0.0.1: keeps every body exactly as POSTed and answers `success`. */
class Receiver {
  readonly bodies: string[] = [];
  url = '';
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.bodies.push(Buffer.concat(chunks).toString('latin1'));
      res.end('success');
    });
  });
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notify`;
  }
  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/**
 * The emulator's verdict on a request: `valid` when its signature check passed (an answer, or a
 * business error such as TRADE_NOT_EXIST), `invalid` on ILLEGAL_SIGN, `refused: CODE` for a refusal
 * made before the signature is checked.
 */
async function emulatorVerdict(gw: RunningGateway, query: string): Promise<string> {
  const text = await httpRequest(`${gw.url}?${query}`);
  const error = /<error>([A-Z_]+)<\/error>/.exec(text)?.[1];
  if (error === 'ILLEGAL_SIGN') return 'invalid';
  if (error === undefined) return /<is_success>T<\/is_success>/.test(text) ? 'valid' : `unexpected answer: ${text.slice(0, 200)}`;
  const beforeSignature = ['ILLEGAL_SERVICE', 'ILLEGAL_PARTNER', 'ILLEGAL_SIGN_TYPE', 'ILLEGAL_SECURITY_PROFILE', 'ILLEGAL_CHARSET', 'ILLEGAL_ARGUMENT'];
  return beforeSignature.includes(error) ? `refused: ${error}` : 'valid';
}

interface Made {
  notification: string;
  tamperedNotification: string;
  returnUrl: string;
}

/** A paid trade on `gw`: the notification it POSTs, the tampered copy it sends on request, and the signed return URL. */
async function makeTrade(gw: RunningGateway, side: Side, receiver: Receiver, signType: 'MD5' | 'RSA' | 'DSA', charset: Charset, out: string): Promise<Made> {
  const params: Param[] = [
    ['service', 'create_direct_pay_by_user'], ['partner', PARTNER], ['_input_charset', charset], ['out_trade_no', out], ['subject', '测试商品 A&B'],
    ['total_fee', '1.00'], ['payment_type', '1'], ['seller_id', PARTNER], ['notify_url', receiver.url], ['return_url', 'https://shop.example/return'],
  ].map(([name, value]) => ({ name, value }));
  const page = await httpRequest(`${gw.url}?${serializeQuery(signParams(params, signType, side.merchantKeys[signType], charset).params, charset)}`);
  const tradeNo = /name="trade_no" value="(\d+)"/.exec(page)?.[1];
  assert.ok(tradeNo, `the emulator made no trade for ${out}: ${page.slice(0, 200)}`);
  const { returnUrl } = await gw.pay(tradeNo);
  await gw.idle();
  const mine = (b: string) => b.includes(`out_trade_no=${out}&`) || b.endsWith(`out_trade_no=${out}`);
  const notification = receiver.bodies.filter(mine)[0];
  assert.ok(notification, `no notification for ${out}`);
  const notifyId = gw.notifications().find((x) => x.tradeNo === tradeNo)!.notifyId;
  await gw.sendTamperedNotification(notifyId, 'amount');
  const tamperedNotification = receiver.bodies.filter(mine)[1];
  assert.ok(tamperedNotification && tamperedNotification !== notification, `no tampered copy for ${out}`);
  return { notification, tamperedNotification, returnUrl };
}

/** The rows the emulator signs, filled in by `before` (mocha names the tests first). */
const EMULATOR_MADE: Array<{ signType: 'MD5' | 'RSA' | 'DSA'; charset: 'utf-8' | 'gbk' }> = [
  { signType: 'MD5', charset: 'gbk' },
  { signType: 'RSA', charset: 'utf-8' },
  { signType: 'DSA', charset: 'utf-8' },
];
const madeName = (what: 'notification' | 'return URL', m: { signType: string; charset: string }) => `MAPI ${what}, ${m.signType}, ${m.charset.toUpperCase()}, made by the emulator`;

async function emulatorRows(right: RunningGateway, other: RunningGateway, rightReceiver: Receiver, otherReceiver: Receiver): Promise<Case[]> {
  const rows: Case[] = [];
  for (const m of EMULATOR_MADE) {
    const out = `EMU-${m.signType}-${m.charset}`;
    const made = await makeTrade(right, RIGHT, rightReceiver, m.signType, m.charset, out);
    const otherMade = await makeTrade(other, OTHER, otherReceiver, m.signType, m.charset, out);
    const keys = alipayKeysOfRight[m.signType];
    // A tampered return URL: the amount changed in the URL, as a buyer could.
    const tamperedUrl = made.returnUrl.replace(/([?&]total_fee=)[^&]*/, '$1100.00');
    assert.notEqual(tamperedUrl, made.returnUrl);
    rows.push({ variant: 'mapi.notification', name: madeName('notification', m), message: made.notification, tampered: made.tamperedNotification, wrongKeyMessage: otherMade.notification, charset: m.charset, emulator: 'signs', ...keys });
    rows.push({ variant: 'mapi.return', name: madeName('return URL', m), message: made.returnUrl, tampered: tamperedUrl, wrongKeyMessage: otherMade.returnUrl, charset: m.charset, emulator: 'signs', ...keys });
  }
  return rows;
}

type Mode = 'valid' | 'tampered' | 'wrong key';
/** One row of the table: each front end's verdict. */
interface Row {
  core: string;
  verify: string;
  decode: string;
  emulator: string;
}

describe('every variant gets one verdict: core (preview, hover), CLI verify, CLI decode, the emulator', function () {
  this.timeout(60000);
  const cases = build();
  const made = new Map<string, Case>();
  let right: RunningGateway;
  let other: RunningGateway;
  const receivers = [new Receiver(), new Receiver()];

  before(async () => {
    await Promise.all(receivers.map((r) => r.start()));
    right = await startGateway({ config: RIGHT.config, port: 0, host: '127.0.0.1' });
    other = await startGateway({ config: OTHER.config, port: 0, host: '127.0.0.1' });
    for (const c of await emulatorRows(right, other, receivers[0], receivers[1])) made.set(c.name, c);
  });
  after(async () => {
    await Promise.all([right?.close(), other?.close(), ...receivers.map((r) => r.close())]);
  });

  it('covers every variant the protocol lists, and the emulator verifies or makes the MAPI ones', () => {
    const all = [...cases, ...made.values()];
    const covered = new Set(all.map((c) => c.variant));
    for (const v of ['mapi.request', 'mapi.notification', 'mapi.return', 'openapi.request', 'openapi.return', 'openapi.notification', 'wap.notification', 'securitypay.order'] as VariantId[]) {
      assert.ok(covered.has(v), v);
    }
    const emu = (v: VariantId, role: EmulatorRole) => all.filter((c) => c.variant === v && c.emulator === role).length;
    assert.ok(emu('mapi.request', 'verifies') >= 4 && emu('mapi.notification', 'signs') >= 3 && emu('mapi.return', 'signs') >= 3);
    const requestSignTypes = new Set(cases.filter((c) => c.emulator === 'verifies').map((c) => /sign_type=(\w+)/.exec(c.message)?.[1]));
    assert.deepEqual([...requestSignTypes].sort(), ['DSA', 'MD5', 'RSA', 'RSA2']);
  });

  /** Every front end's verdict on one cell of the table. */
  async function row(c: Case, mode: Mode): Promise<{ got: Row; want: Row; why: string[] }> {
    const text = mode === 'tampered' ? c.tampered : mode === 'wrong key' && c.wrongKeyMessage !== undefined ? c.wrongKeyMessage : c.message;
    const useWrongKeys = mode === 'wrong key' && c.wrongKeyMessage === undefined;
    const want = mode === 'valid' ? 'valid' : 'invalid';
    const flag = c.charset === 'gbk' && !c.charsetDeclared;
    const gbk = flag ? ['--charset', 'gbk'] : [];
    const parsed = parseInput(text, flag ? { charset: 'gbk' } : {});
    assert.equal(detectVariant(parsed.params, parsed.kind).value, c.variant, 'the resolver names the variant');
    const core = verifyMessage({ params: parsed.params, charset: parsed.charset, keys: useWrongKeys ? c.wrongCore : c.core, returnUrl: parsed.kind === 'url', variant: parsed.kind === 'order' ? 'securitypay.order' : undefined });
    const f = file(text, c.charset);
    const keys = useWrongKeys ? c.wrongKeys : c.keys;
    const verify = await cli(['verify', `@${f}`, ...keys, ...gbk]);
    const decode = await cli(['decode', f, '--json', ...keys, ...gbk]);
    let decodeVerdict = `exit ${decode.code}`;
    try {
      const v = (JSON.parse(decode.out.join('\n')) as { signature: { verdict: string } }).signature.verdict;
      decodeVerdict = (v === 'valid') === (decode.code === 0) ? v : `${v}, exit ${decode.code}`;
    } catch {
      // not JSON: the exit code and stderr say why
    }
    const verifyVerdict = verify.out[0] === 'VALID' && verify.code === 0 ? 'valid' : verify.out[0] === 'INVALID' && verify.code === 1 ? 'invalid' : `${verify.out[0] ?? ''} exit ${verify.code}`;
    // The emulator: requests go over HTTP (the wrong-key request to the emulator holding other merchant keys);
    // what it made is the source of the row (its cell says how it was made).
    let emulator = '—';
    let wantEmulator = '—';
    if (c.emulator === 'verifies') {
      emulator = await emulatorVerdict(mode === 'wrong key' ? other : right, text);
      wantEmulator = c.emulatorRefuses ? `refused: ${c.emulatorRefuses}` : want;
    } else if (c.emulator === 'signs') {
      emulator = wantEmulator = { valid: 'signed', tampered: 'tampered copy', 'wrong key': 'other Alipay key' }[mode];
    }
    return {
      got: { core: core.verdict, verify: verifyVerdict, decode: decodeVerdict, emulator },
      want: { core: want, verify: want, decode: want, emulator: wantEmulator },
      why: [`core: ${core.reason?.en ?? ''}`, `verify: ${[...verify.out, ...verify.err].join(' | ')}`, `decode: ${decode.err.join(' | ')}`],
    };
  }

  const names = [...cases.map((c) => c.name), ...EMULATOR_MADE.flatMap((m) => [madeName('notification', m), madeName('return URL', m)])];
  for (const name of names) {
    for (const mode of ['valid', 'tampered', 'wrong key'] as const) {
      it(`${name}: ${mode}`, async () => {
        const c = cases.find((x) => x.name === name) ?? made.get(name);
        assert.ok(c, name);
        const { got, want, why } = await row(c, mode);
        assert.deepEqual(got, want, why.join('\n'));
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
