// What a log scan counts, derived from the catalog: each code and status with
// its kind and its meaning (the title `explain` gives it). esbuild.js evaluates
// this module when it bundles, so a scan's bundles hold the ~150 rows instead of
// the catalog (evaluating that cost every scan ~15 ms before it could start);
// run from source (tests, scripts) it is computed here on load.
import { allEnums, allErrors } from './catalog';
import { explain } from './explain';
import type { Text } from './i18n';
import type { ScanKind } from './logscanJs';

export type ScanRow = readonly [token: string, kind: ScanKind, title: Text | null];

// OpenAPI numeric codes (40004…) are not counted: a bare number in a log is
// ambiguous, and the sub-code beside it (ACQ.…, isv.…) is what says what failed.
function rows(): ScanRow[] {
  const m = new Map<string, ScanKind>();
  for (const e of allErrors()) if (!/^\d+$/.test(e.code)) m.set(e.code, 'error');
  for (const name of ['trade_status', 'refund_status']) {
    for (const v of allEnums().find((d) => d.name === name)!.values) if (!m.has(v.value)) m.set(v.value, 'status');
  }
  return [...m].map(([token, kind]) => [token, kind, explain(token)?.title ?? null]);
}

export const SCAN_ROWS: readonly ScanRow[] = rows();
