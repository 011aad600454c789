// Expands a VS Code snippet body the way the editor inserts it, with chosen
// values for its tab stops: $N, ${N}, ${N:default} (defaults may nest), ${N|a,b|}
// and the escapes \$ \} \\ (and \, \| inside choices). A later $N mirrors the
// value of tab stop N. Variables ($NAME, ${NAME}) are rejected: our snippets use
// none, so one appearing means a `$` of the code was left unescaped.
// The integration test checks this expander against the real editor's insertion.

/** Values by tab stop number; unset stops get their default (a choice: its first option). */
export type TabStopValues = Readonly<Record<number, string>>;

type Stop = { kind: 'stop'; index: number; children?: Node[]; choices?: string[] };
type Node = { kind: 'text'; value: string } | Stop;

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.nodes(false);
    if (this.pos < this.src.length) throw this.error('unexpected "}"');
    return nodes;
  }

  private error(what: string): Error {
    return new Error(`snippet body, character ${this.pos}: ${what} near ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 30), this.pos + 30))}`);
  }

  /** Text and tab stops up to the end, or (inside a placeholder) up to its closing `}`. */
  private nodes(inPlaceholder: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const stop = this.tabStop();
        if (stop) {
          flush();
          out.push(stop);
        } else {
          text += c; // a lone `$` (end of text, `$ `, `$-`) is literal in VS Code
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private tabStop(): Node | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'stop', index: Number(m[1]) };
    }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'stop', index: Number(m[1]) };
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const children = this.nodes(true);
      if (this.src[this.pos] !== '}') throw this.error(`placeholder \${${m[1]}: is not closed`);
      this.pos++;
      return { kind: 'stop', index: Number(m[1]), children };
    }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const choices: string[] = [];
      let cur = '';
      for (;;) {
        const c = this.src[this.pos];
        if (c === undefined) throw this.error('choice is not closed');
        if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
          cur += this.src[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          choices.push(cur);
          cur = '';
          this.pos++;
        } else if (c === '|' && this.src[this.pos + 1] === '}') {
          choices.push(cur);
          this.pos += 2;
          return { kind: 'stop', index: Number(m[1]), choices };
        } else {
          cur += c;
          this.pos++;
        }
      }
    }
    if (/^\$(\{)?[_a-zA-Z]/.test(rest)) throw this.error('snippet variable (an unescaped "$" in the code?)');
    return undefined;
  }
}

function collectDefaults(nodes: Node[], defaults: Map<number, Stop>): void {
  for (const n of nodes) {
    if (n.kind !== 'stop') continue;
    if ((n.children || n.choices) && !defaults.has(n.index)) defaults.set(n.index, n);
    if (n.children) collectDefaults(n.children, defaults);
  }
}

function render(nodes: Node[], values: TabStopValues, defaults: Map<number, Stop>, depth = 0): string {
  if (depth > 20) throw new Error('snippet placeholders nest too deeply');
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') {
      out += n.value;
      continue;
    }
    if (n.index === 0) continue;
    if (values[n.index] !== undefined) {
      out += values[n.index];
      continue;
    }
    const def = defaults.get(n.index);
    if (def?.choices) out += def.choices[0];
    else if (def?.children) out += render(def.children, values, defaults, depth + 1);
  }
  return out;
}

/** Parses a body (the JSON `body`, lines joined with \n) into its tab stops, for tests that inspect them. */
export function tabStops(body: string | string[]): Map<number, { default?: string; choices?: string[] }> {
  const nodes = new Parser(Array.isArray(body) ? body.join('\n') : body).parse();
  const defaults = new Map<number, Stop>();
  collectDefaults(nodes, defaults);
  const all = new Map<number, { default?: string; choices?: string[] }>();
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.kind !== 'stop') continue;
      const d = defaults.get(n.index);
      all.set(n.index, d?.choices ? { choices: d.choices } : d?.children ? { default: render(d.children, {}, defaults) } : {});
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  return all;
}

/** The text the editor inserts for `body` when the tab stops are given `values`. */
export function expandSnippet(body: string | string[], values: TabStopValues = {}): string {
  const nodes = new Parser(Array.isArray(body) ? body.join('\n') : body).parse();
  const defaults = new Map<number, Stop>();
  collectDefaults(nodes, defaults);
  return render(nodes, values, defaults);
}
