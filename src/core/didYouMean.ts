// Names the catalog knows (error codes, enumeration values, services, field
// names), for the CLI's `explain`: a token typed in the wrong case finds its
// entry, and an unknown one gets the closest known names ("did you mean").
import { allEnums, allErrors, allFields, allServices } from './catalog';

let cache: Map<string, string> | undefined;

/** Lower-cased name → the catalog's spelling. */
function names(): Map<string, string> {
  if (cache) return cache;
  cache = new Map();
  const add = (n: string): void => {
    if (n.length >= 2 && !/^\d+$/.test(n) && !cache!.has(n.toLowerCase())) cache!.set(n.toLowerCase(), n);
  };
  for (const e of allErrors()) add(e.code);
  for (const s of allServices()) add(s.name);
  for (const d of allEnums()) for (const v of d.values) add(v.value);
  for (const f of allFields()) add(f.name);
  return cache;
}

/** The catalog's spelling of `token` when it differs only in case. */
export function catalogSpelling(token: string): string | undefined {
  return names().get(token.trim().toLowerCase());
}

/** Edit distance with transpositions (optimal string alignment), stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

/** Up to `limit` known names closest to `token` (case-insensitive), nearest first; none when nothing is close. */
export function suggestNames(token: string, limit = 3): string[] {
  const t = token.trim().toLowerCase();
  if (t.length < 3) return [];
  const max = Math.max(1, Math.min(3, Math.floor(t.length / 4)));
  const hits: Array<[number, string]> = [];
  for (const [lower, name] of names()) {
    const dist = distance(t, lower, max);
    if (dist <= max) hits.push([dist, name]);
  }
  hits.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return hits.slice(0, limit).map(([, n]) => n);
}
