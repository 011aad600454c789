// The order a request's parameters sign in depends only on their names, and a
// merchant's server signs the same dozen names on every request: what the names
// decide is worked out once per list of names and remembered (a few short lists).
import { Param } from './params';
import { isSignParam, isSignatureParam } from './protocol';

/** What a list of names decides for signing. */
export interface PresignOrder {
  /** Input positions in pre-sign order (byte order of names, stable), signature parameters left out. */
  readonly order: readonly number[];
  /** For each position of `order`: `name=`, and `&name=` (one piece each, as the content is built from them). */
  readonly heads: readonly string[];
  readonly links: readonly string[];
  /** Whether the list holds `sign` or `sign_type` under any spelling. */
  readonly hasSignatureParam: boolean;
  /** The list is an OpenAPI request (see isOpenApiRequest). */
  readonly openApi: boolean;
}

interface Remembered extends PresignOrder {
  readonly names: readonly string[];
  readonly keepSignType: boolean;
}

/** Longer lists (bulk posts, decoded statements) and long names are worked out every time rather than remembered. */
const MAX_REMEMBERED_LENGTH = 40;
const MAX_REMEMBERED_CHARS = 2048;
const SLOTS = 8;
const remembered: Remembered[] = [];
let next = 0;

/**
 * OpenAPI requests (`app_id` and `method`, openapi.alipay.com) sign `sign_type`
 * too; MAPI requests never do (protocol.md, "Variants"). The one place that tells them apart.
 */
export function isOpenApiRequest(params: readonly Param[]): boolean {
  let app = false;
  let method = false;
  for (const p of params) {
    if (p.name === 'app_id') app = true;
    else if (p.name === 'method') method = true;
  }
  return app && method;
}

function work(params: readonly Param[], keepSignType: boolean, toRemember: boolean): Remembered {
  const names = params.map((p) => p.name);
  const order: number[] = [];
  let hasSignatureParam = false;
  for (let i = 0; i < names.length; i++) {
    if (isSignatureParam(names[i])) {
      hasSignatureParam = true;
      // sign_type stays in the content when the caller keeps it; sign never does.
      if (!keepSignType || isSignParam(names[i])) continue;
    }
    order.push(i);
  }
  // Array#sort is stable: repeated names keep their input order.
  order.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  // A remembered piece is made flat once (join makes flat strings): hashing flattens
  // the content at a cost per piece, and would walk inside each `&name=` on every call.
  const piece = toRemember ? (a: string, b: string, c = '') => [a, b, c].join('') : (a: string, b: string, c = '') => a + b + c;
  return {
    names,
    keepSignType,
    order,
    heads: order.map((i) => piece(names[i], '=')),
    links: order.map((i) => piece('&', names[i], '=')),
    hasSignatureParam,
    openApi: isOpenApiRequest(params),
  };
}

function sameNames(names: readonly string[], params: readonly Param[]): boolean {
  for (let i = 0; i < names.length; i++) if (names[i] !== params[i].name) return false;
  return true;
}

function namesLength(params: readonly Param[]): number {
  let total = 0;
  for (let i = 0; i < params.length; i++) total += params[i].name.length;
  return total;
}

/** What `params`' names decide for signing (remembered for short lists). */
export function presignOrder(params: readonly Param[], keepSignType: boolean): PresignOrder {
  const n = params.length;
  if (n > MAX_REMEMBERED_LENGTH) return work(params, keepSignType, false);
  for (let s = 0; s < remembered.length; s++) {
    const r = remembered[s];
    if (r.names.length === n && r.keepSignType === keepSignType && sameNames(r.names, params)) return r;
  }
  if (namesLength(params) > MAX_REMEMBERED_CHARS) return work(params, keepSignType, false);
  const r = work(params, keepSignType, true);
  remembered[next] = r;
  next = (next + 1) % SLOTS;
  return r;
}
