// One label per key format (core/keys KEY_FORMAT_NAMES): `keys inspect` and the
// doctor's key-format hint name an OpenSSL traditional DSA key the same way
// (the editor's Inspect Key reads the same table). The key is made by openssl.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describeFinding, diagnose } from '../../src/core/doctor';
import { KEY_FORMAT_NAMES } from '../../src/core/keys';
import { parseInput } from '../../src/core/params';
import { runCli } from '../unit/support/cliRun';
import { keyPath, openssl } from '../unit/support/signing';

describe('key format labels: one name from core for the CLI, the editor and the doctor', () => {
  const traditional = openssl(['pkey', '-in', keyPath('dsa1024.pem'), '-traditional']).toString();

  it('openssl made a traditional DSA key', () => assert.match(traditional, /^-----BEGIN DSA PRIVATE KEY-----/));

  it('keys inspect and the doctor say "OpenSSL traditional DSA (BEGIN DSA PRIVATE KEY)"', async () => {
    const name = KEY_FORMAT_NAMES['openssl-dsa'];
    assert.equal(name, 'OpenSSL traditional DSA (BEGIN DSA PRIVATE KEY)');
    const r = await runCli(['keys', 'inspect', '-'], { stdin: traditional });
    assert.equal(r.code, 0, r.err.join(' | '));
    assert.match(r.out.join('\n'), new RegExp(`^format: ${name.replace(/[()]/g, '\\$&')}$`, 'm'));
    const params = parseInput('service=x&partner=2088&sign_type=DSA&sign=AAAA').params;
    const d = diagnose({ params, signType: 'DSA', charset: 'utf-8', key: { publicKey: fs.readFileSync(keyPath('dsa1024-public.pem'), 'utf8') }, merchantPrivateKey: traditional });
    const hint = d.hints.find((h) => h.id === 'pkcs-format');
    assert.ok(hint, JSON.stringify(d.hints));
    assert.ok(describeFinding(hint, 'en').includes(`The merchant private key given is ${name} (PEM).`), describeFinding(hint, 'en'));
  });
});
