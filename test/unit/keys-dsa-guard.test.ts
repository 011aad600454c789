// Issue #12 defect 1: a corrupted DSA public key used to abort the process
// (SIGABRT in Node 20's crypto, asymmetricKeyDetails on a key whose public
// value is not an INTEGER). core/dsaGuard checks the structure first, so every
// loader answers with one clear error instead. If the guard regressed, this
// test process itself would abort.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/io';
import { dsaDerIsSane } from '../../src/core/dsaGuard';
import { ToolkitError } from '../../src/core/i18n';
import { describeKey, keysMatch, loadAnyKey, loadPrivateKey, loadPublicKey } from '../../src/core/keys';

const FIX = path.resolve(__dirname, '../fixtures/keys');
const goodSpki = crypto.createPublicKey(fs.readFileSync(path.join(FIX, 'dsa1024-public.pem'))).export({ type: 'spki', format: 'der' });

/** The probe's input: the INTEGER y inside the BIT STRING gets a wrong length byte (0x81 → 0x40). */
function corruptedSpki(): Buffer {
  const der = Buffer.from(goodSpki);
  // SEQ{ SEQ{ OID, SEQ{p,q,g} }, BIT STRING{ 00, INTEGER y } }: find the BIT STRING after the algorithm.
  const algEnd = 4 + 4 + ((der[6] << 8) | der[7]);
  assert.equal(der[algEnd], 0x03, 'BIT STRING where expected');
  const intAt = algEnd + 3 + 1; // tag, 0x81, len, unused-bits byte
  assert.equal(der[intAt], 0x02);
  assert.equal(der[intAt + 1], 0x81);
  der[intAt + 1] = 0x40;
  return der;
}

const pemOf = (der: Buffer, label: string) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

function malformed(f: () => unknown): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof ToolkitError, `expected a ToolkitError, got ${String(e)}`);
    assert.equal(e.code, 'KEY_MALFORMED');
    assert.match(e.message, /DSA key is malformed/);
    assert.match(e.localized('zh'), /DSA 密钥已损坏/);
    assert.ok(!e.message.includes('\n'));
    return true;
  });
}

describe('DSA key guard (issue #12, defect 1)', () => {
  const bad = corruptedSpki();

  it('the corrupted key is still accepted by node:crypto itself (the platform bug the guard stands in front of)', () => {
    const k = crypto.createPublicKey({ key: bad, format: 'der', type: 'spki' });
    assert.equal(k.asymmetricKeyType, 'dsa');
    // asymmetricKeyDetails would abort here; the guard says no instead.
    assert.equal(dsaDerIsSane(k.export({ type: 'spki', format: 'der' }), 'public'), false);
  });

  it('every loader refuses it with one clear line: PEM, bare base64, DER', () => {
    for (const input of [pemOf(bad, 'PUBLIC KEY'), bad.toString('base64'), bad]) {
      malformed(() => loadPublicKey(input, 'public key'));
      malformed(() => describeKey(input, 'key'));
      malformed(() => loadAnyKey(input, 'key'));
      // A labelled PEM says "public key" first; bare base64 and DER are tried as both.
      if (typeof input !== 'string' || !input.startsWith('-----')) malformed(() => loadPrivateKey(input, 'private key'));
    }
    malformed(() => keysMatch(fs.readFileSync(path.join(FIX, 'dsa1024.pem')), pemOf(bad, 'PUBLIC KEY')));
  });

  it('well-formed DSA keys (public, PKCS#8, traditional) still load', () => {
    assert.equal(describeKey(fs.readFileSync(path.join(FIX, 'dsa1024-public.pem'))).bits, 1024);
    assert.equal(describeKey(fs.readFileSync(path.join(FIX, 'dsa1024.pem'))).algorithm, 'dsa');
    const p8 = crypto.createPrivateKey(fs.readFileSync(path.join(FIX, 'dsa1024.pem'))).export({ type: 'pkcs8', format: 'der' });
    assert.ok(dsaDerIsSane(p8, 'private'));
    assert.ok(dsaDerIsSane(goodSpki, 'public'));
  });

  it('dsaDerIsSane refuses truncation, trailing bytes, missing parameters and zero values', () => {
    assert.equal(dsaDerIsSane(goodSpki.subarray(0, goodSpki.length - 1), 'public'), false);
    assert.equal(dsaDerIsSane(Buffer.concat([goodSpki, Buffer.from([0])]), 'public'), false);
    assert.equal(dsaDerIsSane(Buffer.alloc(0), 'public'), false);
    assert.equal(dsaDerIsSane(Buffer.from([0x30, 0x00]), 'public'), false);
    assert.equal(dsaDerIsSane(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), 'public'), false);
    // y = 0
    const zero = Buffer.from(goodSpki);
    const algEnd = 8 + ((zero[6] << 8) | zero[7]);
    zero.fill(0, algEnd + 7);
    assert.equal(dsaDerIsSane(zero, 'public'), false);
  });

  it('CLI keys inspect / verify --public-key-file: exit 2 with one error line, no abort', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-dsa-'));
    try {
      const file = path.join(dir, 'bad-dsa.pem');
      fs.writeFileSync(file, pemOf(bad, 'PUBLIC KEY'));
      for (const args of [
        ['keys', 'inspect', file],
        ['verify', 'a=1&sign_type=DSA&sign=AAAA', '--public-key-file', file],
        ['decode', '--public-key-file', file, '-'],
      ]) {
        const err: string[] = [];
        const io: CliIO = { stdout: () => undefined, stderr: (l) => err.push(l), readStdin: async () => Buffer.from('is_success=T'), env: {}, lang: 'en' };
        assert.equal(await main(args, io), 2, args.join(' '));
        assert.equal(err.length, 1, err.join('\n'));
        assert.match(err[0], /bad-dsa\.pem.*DSA key is malformed/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
