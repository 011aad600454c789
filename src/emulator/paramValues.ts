// A request's parameters by name, as the gateway checks and the services read them.
import type { Param } from '../core/params';

/** Up to this many parameters a scan beats building a Map (a request has a dozen or so). */
const SCAN_MAX = 16;

/**
 * Read-only lookup by name; the later of two same-named parameters wins (the gateway's
 * parser refuses duplicates anyway). Built per request: a scan for the usual dozen costs
 * less than hashing every name into a Map; a long list (up to the parser's 1,000) gets one.
 */
export class ParamValues {
  private readonly map: Map<string, string> | undefined;

  constructor(private readonly params: readonly Param[]) {
    if (params.length > SCAN_MAX) {
      this.map = new Map();
      for (const p of params) this.map.set(p.name, p.value);
    }
  }

  get(name: string): string | undefined {
    if (this.map) return this.map.get(name);
    const params = this.params;
    for (let i = params.length - 1; i >= 0; i--) if (params[i].name === name) return params[i].value;
    return undefined;
  }
}
