// Business-parameter checks of a request, read from the catalog's service
// specs (src/core/catalog): required, one-of groups, lengths, amounts, ids.
// A failure is the gateway's ILLEGAL_ARGUMENT; `why` says which parameter (logged).
import { service } from '../core/catalog';
import type { ParamSpec } from '../core/catalog';
import type { ParamValues } from './paramValues';
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

/** The names of a one-of group ('trade_no|out_trade_no'), split once per group. */
const GROUP_NAMES = new Map<string, string[]>();
function groupNames(group: string): string[] {
  let names = GROUP_NAMES.get(group);
  if (names === undefined) GROUP_NAMES.set(group, (names = group.split('|')));
  return names;
}

/**
 * Returns what is wrong with the business parameters, or undefined when they pass.
 * `values`: the request's parameters by name (the gateway's; an empty value counts as absent).
 */
export function checkBusinessParams(serviceName: string, values: ParamValues): string | undefined {
  const def = service(serviceName);
  if (!def) return undefined;
  // The gateway's own lookup, no copy (every request runs this).
  let groups: Set<string> | undefined;
  for (const spec of def.params) {
    if (COMMON.has(spec.name)) continue;
    const v = values.get(spec.name);
    if (v === undefined || v === '') {
      if (spec.oneOf) (groups ??= new Set()).add(spec.oneOf);
      else if (spec.required) return `${spec.name} is missing`;
      continue;
    }
    const bad = checkValue(spec, v);
    if (bad) return bad;
  }
  if (groups) {
    for (const g of groups) {
      const names = groupNames(g);
      if (!names.some((n) => !!values.get(n))) return `one of ${names.join(', ')} is required`;
    }
  }
  return undefined;
}
