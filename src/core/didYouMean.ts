// Names the catalog knows (error codes, enumeration values, services, OpenAPI
// methods, field names), for the CLI's `explain`: a token typed in the wrong
// case finds its entry, and an unknown one gets the closest known names ("did
// you mean"), from one protocol family: the catalog holds hundreds of OpenAPI
// field names beside MAPI's, and a misspelt MAPI parameter must not be
// "corrected" to an OpenAPI field (or the reverse).
import { allEnums, allErrors, allFields, allOpenApiMethods, allServices, field, openApiField } from './catalog';
import { OPENAPI_FIELD_ROWS } from './catalog/openapi';
import { editDistance } from './editDistance';
import type { Family } from './protocol';

interface Known {
  name: string;
  families: Set<Family>;
}

let cache: Map<string, Known> | undefined;

let openApiNames: Set<string> | undefined;

/**
 * The families a field belongs to: OpenAPI when the OpenAPI table has it (its
 * 'request' means biz_content), MAPI when the MAPI table does (then `field`,
 * which prefers MAPI's entry, differs from `openApiField`). Both for trade_no, subject…
 */
function fieldFamilies(name: string): Family[] {
  openApiNames ??= new Set(OPENAPI_FIELD_ROWS.map((r) => r[0]));
  const inOpenApi = openApiNames.has(name);
  const general = field(name);
  const out: Family[] = [];
  if (general && (!inOpenApi || general !== openApiField(name))) out.push('mapi');
  if (inOpenApi) out.push('openapi');
  return out;
}

/** Lower-cased name → the catalog's spelling and the families it is a name of. */
function names(): Map<string, Known> {
  if (cache) return cache;
  const map = new Map<string, Known>();
  const add = (n: string, families: readonly Family[]): void => {
    if (n.length < 2 || /^\d+$/.test(n)) return;
    const key = n.toLowerCase();
    const known = map.get(key) ?? { name: n, families: new Set<Family>() };
    for (const f of families) known.families.add(f);
    map.set(key, known);
  };
  const BOTH: Family[] = ['mapi', 'openapi'];
  for (const e of allErrors()) add(e.code, [e.level.startsWith('openapi') ? 'openapi' : 'mapi']);
  for (const s of allServices()) add(s.name, ['mapi']);
  for (const m of allOpenApiMethods()) add(m.name, ['openapi']);
  for (const d of allEnums()) {
    // An enumeration belongs to the families of the fields it is the values of.
    const fams = [...new Set(d.fields.flatMap(fieldFamilies))];
    for (const v of d.values) add(v.value, fams.length ? fams : BOTH);
  }
  for (const f of allFields()) add(f.name, fieldFamilies(f.name));
  cache = map;
  return map;
}

/** The catalog's spelling of `token` when it differs only in case. */
export function catalogSpelling(token: string): string | undefined {
  return names().get(token.trim().toLowerCase())?.name;
}

/** The families a catalog name belongs to (empty when the catalog does not know it). */
export function familiesOf(name: string): Family[] {
  return [...(names().get(name.trim().toLowerCase())?.families ?? [])];
}

export interface SuggestOptions {
  /** At most this many names (default 3). */
  limit?: number;
  /**
   * The family the token belongs to, when the context says (a request's
   * family from core/resolve, a field's). Without it the nearest name decides:
   * only names of its family are offered beside it.
   */
  family?: Family;
}

/** Up to `limit` known names closest to `token` (case-insensitive), nearest first, all of one family; none when nothing is close. */
export function suggestNames(token: string, options: SuggestOptions = {}): string[] {
  const t = token.trim().toLowerCase();
  if (t.length < 3) return [];
  const max = Math.max(1, Math.min(3, Math.floor(t.length / 4)));
  const hits: Array<[number, Known]> = [];
  for (const [lower, known] of names()) {
    if (options.family && !known.families.has(options.family)) continue;
    const dist = editDistance(t, lower, max);
    if (dist <= max) hits.push([dist, known]);
  }
  if (hits.length === 0) return [];
  hits.sort((x, y) => x[0] - y[0] || x[1].name.localeCompare(y[1].name));
  // No family given: the nearest names (all those at the best distance) decide it.
  let families: Set<Family> | undefined = options.family ? new Set([options.family]) : undefined;
  if (!families) {
    families = new Set();
    for (const [dist, known] of hits) {
      if (dist !== hits[0][0]) break;
      for (const f of known.families) families.add(f);
    }
  }
  const same = hits.filter(([, known]) => known.families.size === 0 || [...known.families].some((f) => families.has(f)));
  return same.slice(0, options.limit ?? 3).map(([, k]) => k.name);
}
