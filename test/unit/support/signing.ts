// Shared by the signing tests: the project's own test keys, the openssl oracle
// and the published vectors (read from ../shared/vectors, never copied here).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const KEYS = path.join(ROOT, 'test', 'fixtures', 'keys');

export function keyPath(name: string): string {
  return path.join(KEYS, name);
}

export function readKey(name: string): string {
  return fs.readFileSync(keyPath(name), 'utf8');
}

/** A fresh temporary folder, removed after the run. */
export function tempDir(prefix = 'alipay-toolkit-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs openssl with the given stdin; throws with openssl's stderr on failure. */
export function openssl(args: string[], input?: Buffer | string): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The bare base64 PKCS#8 key as a PEM file openssl can read. */
export function pemFileForBase64(name: string, dir: string): string {
  const b64 = readKey(name).trim();
  const file = path.join(dir, name + '.pem');
  fs.writeFileSync(file, `-----BEGIN PRIVATE KEY-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`, { mode: 0o600 });
  return file;
}

export interface Vector {
  id: string;
  source: string;
  sign_type: string;
  md5_key?: string;
  params?: Record<string, string>;
  url?: string;
  private_key_file?: string;
  public_key_file?: string;
  presign: string;
  sign: string;
  valid?: boolean;
}

/** ../shared/vectors beside the clone; ALIPAY_TOOLKIT_VECTORS_DIR points elsewhere (or nowhere, to see the message). */
export const VECTORS_DIR = process.env.ALIPAY_TOOLKIT_VECTORS_DIR ?? path.resolve(ROOT, '..', 'shared', 'vectors');

/** The published vectors, or undefined when ../shared/vectors is not beside the clone. */
export function loadVectors(): Vector[] | undefined {
  const file = path.join(VECTORS_DIR, 'mapi-public.json');
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { vectors: Vector[] }).vectors;
}
