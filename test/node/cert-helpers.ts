// Certificates made with openssl, and the independent SN oracle (openssl's
// RFC 2253 issuer, already reversed, + the decimal serial, MD5 by Python's
// hashlib): shared by the certificate-mode tests.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openssl } from '../unit/support/signing';

/** md5(issuer RFC2253 + decimal serial), computed by openssl + Python, not by our code. */
export function oracleSn(certFile: string): string {
  const out = openssl(['x509', '-in', certFile, '-noout', '-issuer', '-serial', '-nameopt', 'RFC2253,-esc_msb']).toString('utf8');
  const issuer = /^issuer=(.*)$/m.exec(out)![1];
  const serial = /^serial=([0-9A-Fa-f]+)$/m.exec(out)![1];
  return execFileSync('python3', ['-c', 'import hashlib,sys; print(hashlib.md5((sys.argv[1] + str(int(sys.argv[2], 16))).encode("utf-8")).hexdigest())', issuer, serial]).toString().trim();
}

export function selfSigned(dir: string, name: string, keyArgs: string[], subject: string, digest: string, serial: string): string {
  const key = path.join(dir, `${name}.key`);
  const crt = path.join(dir, `${name}.crt`);
  openssl([...keyArgs, '-out', key]);
  openssl(['req', '-x509', '-key', key, '-out', crt, '-days', '30', '-subj', subject, `-${digest}`, '-set_serial', serial, '-utf8']);
  return crt;
}

/** A leaf issued by `caName` (so issuer != subject, as for a real app certificate). */
export function issued(dir: string, name: string, caName: string, subject: string, serial: string): string {
  const f = (n: string): string => path.join(dir, n);
  const key = f(`${name}.key`);
  const csr = f(`${name}.csr`);
  const crt = f(`${name}.crt`);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key]);
  openssl(['req', '-new', '-key', key, '-subj', subject, '-out', csr, '-utf8']);
  openssl(['x509', '-req', '-in', csr, '-CA', f(`${caName}.crt`), '-CAkey', f(`${caName}.key`), '-set_serial', serial, '-days', '30', '-sha256', '-out', crt]);
  return crt;
}

/** A self-signed certificate valid only 2020-01-01 → 2021-01-01 (expired), made with `openssl ca` from `keyFile`. */
export function expiredCert(dir: string, name: string, keyFile: string, subject: string): string {
  const f = (n: string): string => path.join(dir, `${name}-${n}`);
  fs.writeFileSync(
    f('ca.cnf'),
    '[ ca ]\ndefault_ca = d\n[ d ]\ndatabase = ' + f('index.txt') + '\nnew_certs_dir = ' + dir + '\nserial = ' + f('serial') + '\ndefault_md = sha256\npolicy = p\nunique_subject = no\npreserve = yes\n[ p ]\ncountryName = optional\norganizationName = optional\ncommonName = supplied\n[ req ]\ndistinguished_name = dn\n[ dn ]\n',
  );
  fs.writeFileSync(f('index.txt'), '');
  fs.writeFileSync(f('serial'), '0A1B\n');
  openssl(['req', '-new', '-key', keyFile, '-subj', subject, '-out', f('csr'), '-config', f('ca.cnf')]);
  const crt = path.join(dir, `${name}.crt`);
  openssl(['ca', '-batch', '-config', f('ca.cnf'), '-selfsign', '-keyfile', keyFile, '-in', f('csr'), '-out', crt, '-startdate', '20200101000000Z', '-enddate', '20210101000000Z', '-notext']);
  return crt;
}
