import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ToolkitError } from '../../src/core/i18n';
import { REDACTED, isSecretParam, redact, redactedErrorText, redactParams } from '../../src/core/redact';
import { redactParams as emulatorRedactParams } from '../../src/emulator/log';

const KEYS = path.join(__dirname, '..', 'fixtures', 'keys');
const pkcs1 = fs.readFileSync(path.join(KEYS, 'rsa2048-pkcs1.pem'), 'utf8');
const pkcs8 = crypto.createPrivateKey(pkcs1).export({ type: 'pkcs8', format: 'pem' }) as string;
const publicPem = fs.readFileSync(path.join(KEYS, 'rsa1024-public.pem'), 'utf8');
const bare = (pem: string): string => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
const RSA_SIGN = 'TaVXdP/0ia5NxIv9T76v6vGOrtgoaFrwnchKIWP9PQeX1UkUVxaq6ejDFmXFrFR+Plk+E/XzfV2DYJSVt0Am0qJRSgeg+PuvK+yWGCGm9GJgUJlS4Eyta3g+8DWwRWTjUyh5yzlf9JoSnbNjYpBolnMRD7B/u1JLkTMJuMx2TVM=';

describe('redact', () => {
  it('hides sign in a URL but keeps sign_type and the other parameters', () => {
    const url = 'https://mapi.alipay.com/gateway.do?service=create_forex_trade&partner=1000000000000000&sign_type=MD5&sign=f24fd4d76acabf860263a40805138380';
    const out = redact(url);
    assert.ok(!out.includes('f24fd4d76acabf860263a40805138380'), out);
    assert.ok(out.includes('sign_type=MD5'));
    assert.ok(out.includes('service=create_forex_trade&partner=1000000000000000'));
    assert.ok(out.endsWith(`sign=${REDACTED}`));
  });

  it('hides a percent-encoded RSA sign in a form body and the SNS key parameter', () => {
    const body = `key=a1b2c3d4e5&service=sns.trade.operate.by.action&sign=${encodeURIComponent(RSA_SIGN)}&sign_type=RSA`;
    const out = redact(body);
    assert.strictEqual(out, `key=${REDACTED}&service=sns.trade.operate.by.action&sign=${REDACTED}&sign_type=RSA`);
  });

  it('hides sign in JSON, XML, name = value lines and quoted order strings', () => {
    assert.strictEqual(redact('{"sign": "abc\\"def", "sign_type":"RSA"}'), `{"sign": "${REDACTED}", "sign_type":"RSA"}`);
    assert.strictEqual(redact('<alipay><sign>abcdef</sign><sign_type>MD5</sign_type></alipay>'),
      `<alipay><sign>${REDACTED}</sign><sign_type>MD5</sign_type></alipay>`);
    assert.strictEqual(redact('service = test\nsign = 0123abcd\nkey=zzz'), `service = test\nsign = ${REDACTED}\nkey=${REDACTED}`);
    assert.strictEqual(redact('partner="2088"&sign="a%2Bb"'), `partner="2088"&sign="${REDACTED}"`);
    assert.strictEqual(redact('{"md5Key":"q","privateKey":"p"}'), `{"md5Key":"${REDACTED}","privateKey":"${REDACTED}"}`);
  });

  it('hides PEM private keys in PKCS#8 and PKCS#1, and bare base64 private keys', () => {
    for (const key of [pkcs8, pkcs1]) {
      const out = redact(`loaded key:\n${key}\ndone`);
      assert.ok(!out.includes(bare(key).slice(40, 100)), out);
      assert.ok(out.includes('done'));
    }
    const out = redact(`merchant_private_key=${bare(pkcs8)} and more`);
    assert.ok(!out.includes(bare(pkcs8).slice(100, 160)));
    const escaped = pkcs1.replace(/-----[A-Z ]+-----/g, '').trim().replace(/\n/g, '\\n');
    assert.ok(!redact(`"${escaped}"`).includes(bare(pkcs1).slice(100, 160)), 'literal \\n-joined base64 is still one run');
  });

  it('keeps public keys and signatures outside sign=… readable', () => {
    assert.ok(redact(publicPem).includes(bare(publicPem).slice(0, 60)));
    const pub2048 = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    assert.strictEqual(redact(pub2048), pub2048);
  });

  it('hides values shaped like an Alipay MD5 key, but not MD5 digests or trade numbers', () => {
    const key = 'k3j5h8g2l1m0n9b8v7c6x5z4a3s2d1f0';
    assert.strictEqual(redact(`using ${key} now`), `using ${REDACTED} now`);
    assert.strictEqual(redact('digest 682ad02280fca7d4c0fd22678fdddeef'), 'digest 682ad02280fca7d4c0fd22678fdddeef');
    assert.strictEqual(redact('trade_no=2015012800001000090001234567'), 'trade_no=2015012800001000090001234567');
  });

  it('hides known secrets wherever they occur, also percent-encoded', () => {
    const secret = '10000000000000000000000000000000';
    assert.strictEqual(redact(`md5 of content+${secret}`, [secret]), `md5 of content+${REDACTED}`);
    assert.strictEqual(redact('x=ab%2Fcd%2Bef', ['ab/cd+ef']), `x=${REDACTED}`);
    assert.strictEqual(redact('abc', ['ab']), 'abc', 'too-short known values are ignored');
  });

  it('is idempotent and total', () => {
    const once = redact(`sign=abc&${pkcs8}`);
    assert.strictEqual(redact(once), once);
    assert.strictEqual(redact(''), '');
    assert.strictEqual(redact(undefined as unknown as string), '');
  });

  it('one parameter rule for the log channel, history, CLI errors and the emulator log (case-insensitive)', () => {
    for (const n of ['sign', 'SIGN', 'Sign', 'key', 'md5_key', 'privateKey', 'PASSWORD']) assert.strictEqual(isSecretParam(n), true, n);
    for (const n of ['sign_type', 'signature_x', 'partner', 'keyword']) assert.strictEqual(isSecretParam(n), false, n);
    const params = [{ name: 'service', value: 'x' }, { name: 'SIGN', value: 'c2lnbmF0dXJl' }, { name: 'sign_type', value: 'MD5' }, { name: 'memo', value: 'key=abcdefghijklmnopqrstuvwxyz012345' }];
    const line = redactParams(params);
    assert.strictEqual(line, `service=x&SIGN=${REDACTED}&sign_type=MD5&memo=key=${REDACTED}`);
    assert.strictEqual(emulatorRedactParams(params), line, 'the emulator logs through core/redact');
  });

  it('error lines: the tool\'s own wording stays, the input it quotes is redacted', () => {
    const e = new ToolkitError('X', { en: 'use --var-file key=FILE, not {arg}', zh: '请用 --var-file key=FILE，而不是 {arg}' }, { arg: 'key=s3cr3tValue' });
    assert.strictEqual(redactedErrorText(e, 'en'), `use --var-file key=FILE, not key=${REDACTED}`);
    assert.strictEqual(redactedErrorText(e, 'zh'), `请用 --var-file key=FILE，而不是 key=${REDACTED}`);
    assert.strictEqual(redactedErrorText(new Error('bad sign=abc123'), 'en'), `bad sign=${REDACTED}`);
  });
});
