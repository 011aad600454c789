// Business-parameter checks of a request, read from the catalog's service
// specs (src/core/catalog): required, one-of groups, lengths, amounts, ids.
// A failure is the gateway's ILLEGAL_ARGUMENT; `why` says which parameter (logged).
import { service } from '../core/catalog';
import type { ParamSpec, ServiceDef } from '../core/catalog';
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

/** A service's business parameters (the common ones left out) and its one-of groups split, made once per service. */
interface Plan {
  specs: readonly ParamSpec[];
  groups: ReadonlyMap<string, readonly string[]>;
}
const PLANS = new WeakMap<ServiceDef, Plan>();
function planOf(def: ServiceDef): Plan {
  let plan = PLANS.get(def);
  if (!plan) {
    const specs = def.params.filter((spec) => !COMMON.has(spec.name));
    const groups = new Map<string, string[]>();
    for (const spec of specs) if (spec.oneOf && !groups.has(spec.oneOf)) groups.set(spec.oneOf, spec.oneOf.split('|'));
    PLANS.set(def, (plan = { specs, groups }));
  }
  return plan;
}

/**
 * Returns what is wrong with the business parameters, or undefined when they pass.
 * `values`: the request's parameters by name (the gateway's; an empty value counts as absent).
 */
export function checkBusinessParams(serviceName: string, values: ParamValues): string | undefined {
  const def = service(serviceName);
  if (!def) return undefined;
  const plan = planOf(def);
  // One-of groups with a member missing, in the order first seen (every request runs this: no Set).
  let open: string[] | undefined;
  for (const spec of plan.specs) {
    const v = values.get(spec.name);
    if (v === undefined || v === '') {
      if (spec.oneOf) {
        if (!open) open = [spec.oneOf];
        else if (!open.includes(spec.oneOf)) open.push(spec.oneOf);
      } else if (spec.required) return `${spec.name} is missing`;
      continue;
    }
    const bad = checkValue(spec, v);
    if (bad) return bad;
  }
  if (open) {
    for (const g of open) {
      const names = plan.groups.get(g) as readonly string[];
      let any = false;
      for (const n of names) if (values.get(n)) any = true;
      if (!any) return `one of ${names.join(', ')} is required`;
    }
  }
  return undefined;
}
