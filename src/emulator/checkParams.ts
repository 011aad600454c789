// Business-parameter checks of a request, read from the catalog's service
// specs (src/core/catalog): required, one-of groups, lengths, amounts, ids.
// A failure is the gateway's ILLEGAL_ARGUMENT; `why` says which parameter (logged).
import { service } from '../core/catalog';
import type { ParamSpec } from '../core/catalog';
import type { Param } from '../core/params';
import { MAPI_CHARSET_PARAM, SIGN_PARAM, SIGN_TYPE_PARAM } from '../core/protocol';

// Checked before the business parameters: service and partner by the gateway, the
// charset and sign type by core/resolve's gateway rules, the signature by core/sign.
const COMMON = new Set(['service', 'partner', MAPI_CHARSET_PARAM, SIGN_PARAM, SIGN_TYPE_PARAM]);
const AMOUNT_RE = /^\d{1,10}(\.\d{1,2})?$/;

function checkValue(spec: ParamSpec, value: string): string | undefined {
  if (spec.maxLength !== undefined && value.length > spec.maxLength) return `${spec.name} longer than ${spec.maxLength}`;
  if (spec.minLength !== undefined && value.length < spec.minLength) return `${spec.name} shorter than ${spec.minLength}`;
  switch (spec.type) {
    case 'amount': {
      if (!AMOUNT_RE.test(value)) return `${spec.name} is not an amount with at most two decimals`;
      const n = Number(value);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return `${spec.name} out of range`;
      return undefined;
    }
    case 'int': {
      if (!/^\d{1,9}$/.test(value)) return `${spec.name} is not a whole number`;
      const n = Number(value);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return `${spec.name} out of range`;
      return undefined;
    }
    case 'partnerId':
      return /^2088\d{12}$/.test(value) ? undefined : `${spec.name} is not 16 digits starting with 2088`;
    case 'url':
      // Raw whitespace or control characters would end up in a Location header.
      // eslint-disable-next-line no-control-regex
      if (/[\s\u0000-\u001f\u007f]/.test(value)) return `${spec.name} contains whitespace or control characters`;
      try {
        const u = new URL(value);
        return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : `${spec.name} is not an http(s) URL`;
      } catch {
        return `${spec.name} is not a URL`;
      }
    case 'email':
      return value.includes('@') ? undefined : `${spec.name} is not an email address`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? undefined : `${spec.name} is not yyyy-MM-dd HH:mm:ss`;
    default:
      return undefined;
  }
}

/** Returns what is wrong with the business parameters, or undefined when they pass. */
export function checkBusinessParams(serviceName: string, params: readonly Param[]): string | undefined {
  const def = service(serviceName);
  if (!def) return undefined;
  // One pass, no intermediate arrays (every request runs this); later duplicates win, as before.
  const values = new Map<string, string>();
  for (const p of params) if (p.value !== '') values.set(p.name, p.value);
  const groups = new Set<string>();
  for (const spec of def.params) {
    if (COMMON.has(spec.name)) continue;
    const v = values.get(spec.name);
    if (v === undefined) {
      if (spec.oneOf) groups.add(spec.oneOf);
      else if (spec.required) return `${spec.name} is missing`;
      continue;
    }
    const bad = checkValue(spec, v);
    if (bad) return bad;
  }
  for (const g of groups) {
    const names = g.split('|');
    if (!names.some((n) => values.has(n))) return `one of ${names.join(', ')} is required`;
  }
  return undefined;
}
