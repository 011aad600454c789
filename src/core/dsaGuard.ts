// A DSA key whose public value is not a well-formed INTEGER is accepted by
// createPublicKey (OpenSSL 3 decodes it lazily), but reading its details
// (`asymmetricKeyDetails`) then hits a native assertion in Node 20 and aborts
// the whole process: the CLI, and the extension host with it. So before
// anything asks node:crypto about a DSA key, its structure is checked here,
// in plain JavaScript, on the DER node:crypto itself re-encodes.
import type { KeyObject } from 'node:crypto';

interface Tlv {
  tag: number;
  start: number; // first content byte
  end: number; // one past the last content byte
}

/** One DER element at `pos` inside [pos, limit), or undefined when malformed. */
function readTlv(der: Buffer, pos: number, limit: number): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = der[pos];
  let len = der[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i];
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The elements of a constructed value, exactly filling it; undefined when anything is left over or malformed. */
function children(der: Buffer, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let pos = parent.start; pos < parent.end; ) {
    const t = readTlv(der, pos, parent.end);
    if (!t) return undefined;
    out.push(t);
    pos = t.end;
  }
  return out;
}

/** Bits of a positive DER INTEGER, 0 when it is not one. */
function positiveBits(der: Buffer, t: Tlv | undefined): number {
  if (!t || t.tag !== 0x02 || t.end <= t.start || der[t.start] & 0x80) return 0;
  let i = t.start;
  while (i < t.end && der[i] === 0) i++;
  if (i === t.end) return 0;
  return (t.end - i - 1) * 8 + (32 - Math.clz32(der[i]));
}

/** Checks the domain parameters SEQUENCE { p, q, g }: sizes a DSA key can have. */
function saneParams(der: Buffer, seq: Tlv | undefined): number {
  if (!seq || seq.tag !== 0x30) return 0;
  const pqg = children(der, seq);
  if (!pqg || pqg.length !== 3) return 0;
  const [p, q, g] = pqg.map((x) => positiveBits(der, x));
  if (p < 512 || p > 16384 || q < 128 || q > 512 || g < 2 || g > p) return 0;
  return p;
}

/**
 * True when a DSA key's DER (SubjectPublicKeyInfo for a public key, PKCS#8
 * for a private one) is well formed: domain parameters present and sized like
 * DSA, and the key value a positive INTEGER filling its container.
 */
export function dsaDerIsSane(der: Buffer, kind: 'public' | 'private'): boolean {
  const top = readTlv(der, 0, der.length);
  if (!top || top.tag !== 0x30 || top.end !== der.length) return false;
  const parts = children(der, top);
  if (!parts) return false;
  // SPKI: SEQ { SEQ { OID, params }, BIT STRING { 00, INTEGER y } }
  // PKCS#8: SEQ { INTEGER 0, SEQ { OID, params }, OCTET STRING { INTEGER x } }
  const [alg, holder] = kind === 'public' ? [parts[0], parts[1]] : [parts[1], parts[2]];
  if (parts.length !== (kind === 'public' ? 2 : 3) || !alg || alg.tag !== 0x30 || !holder) return false;
  const algParts = children(der, alg);
  if (!algParts || algParts.length !== 2 || algParts[0].tag !== 0x06) return false;
  const pBits = saneParams(der, algParts[1]);
  if (!pBits) return false;
  let start = holder.start;
  if (kind === 'public') {
    if (holder.tag !== 0x03 || der[start] !== 0) return false;
    start++;
  } else if (holder.tag !== 0x04) return false;
  const value = readTlv(der, start, holder.end);
  if (!value || value.end !== holder.end) return false;
  const bits = positiveBits(der, value);
  return bits > 0 && bits <= pBits;
}

/** True when node:crypto can safely be asked about this key (always, unless it is a malformed DSA key). */
export function keyIsSafeToInspect(key: KeyObject): boolean {
  if (key.asymmetricKeyType !== 'dsa') return true;
  try {
    const der = key.type === 'private' ? key.export({ type: 'pkcs8', format: 'der' }) : key.export({ type: 'spki', format: 'der' });
    return dsaDerIsSane(der as Buffer, key.type === 'private' ? 'private' : 'public');
  } catch {
    return false;
  }
}
