// A tiny assembler for the WebAssembly text instructions the log scanner's
// kernel uses (./logscanWasm.ts), so its source is readable text in the repo
// and no toolchain (wabt, clang) is needed to build it. Flat instruction
// syntax only: `local.get $x  i32.const 5  i32.add`, `block $b … end`,
// `br_if $b`, `i32.load8_u offset=256`. Blocks take no values.

export type ValType = 'i32' | 'v128';

export interface WatFunc {
  name: string;
  params: Array<[string, ValType]>;
  result?: ValType;
  locals: Array<[string, ValType]>;
  /** Instructions, whitespace separated; `;;` starts a comment. */
  body: string;
  export?: boolean;
}

const VAL: Record<ValType, number> = { i32: 0x7f, v128: 0x7b };

/** Instructions without immediates. */
const PLAIN: Record<string, number[]> = {
  unreachable: [0x00], return: [0x0f], else: [0x05], drop: [0x1a], select: [0x1b],
  'i32.eqz': [0x45], 'i32.eq': [0x46], 'i32.ne': [0x47], 'i32.lt_s': [0x48], 'i32.lt_u': [0x49], 'i32.gt_s': [0x4a], 'i32.gt_u': [0x4b],
  'i32.le_s': [0x4c], 'i32.le_u': [0x4d], 'i32.ge_s': [0x4e], 'i32.ge_u': [0x4f],
  'i32.clz': [0x67], 'i32.ctz': [0x68], 'i32.popcnt': [0x69], 'i32.add': [0x6a], 'i32.sub': [0x6b], 'i32.mul': [0x6c],
  'i32.and': [0x71], 'i32.or': [0x72], 'i32.xor': [0x73], 'i32.shl': [0x74], 'i32.shr_s': [0x75], 'i32.shr_u': [0x76],
  'i8x16.splat': [0xfd, 0x0f], 'i8x16.eq': [0xfd, 0x23], 'v128.and': [0xfd, 0x4e], 'v128.or': [0xfd, 0x50], 'i8x16.bitmask': [0xfd, 0x64],
};

/** Memory instructions: opcode and natural alignment (log2), followed by `offset=N` optionally. */
const MEMORY: Record<string, [number[], number]> = {
  'i32.load': [[0x28], 2], 'i32.load8_u': [[0x2d], 0], 'i32.store': [[0x36], 2], 'i32.store8': [[0x3a], 0], 'v128.load': [[0xfd, 0x00], 4],
};

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const bytes = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, 'latin1')];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** `5`, `-1`, `0x7f`, or a character in quotes (`'_'`). */
function constant(tok: string, where: string): number {
  if (/^'.'$/.test(tok)) return tok.charCodeAt(1);
  const n = Number(tok);
  if (!Number.isInteger(n)) throw new Error(`${where}: bad constant ${tok}`);
  return n | 0;
}

function assembleBody(f: WatFunc, funcs: readonly WatFunc[]): number[] {
  const names = [...f.params, ...f.locals].map(([n]) => n);
  const local = (tok: string): number => {
    const i = names.indexOf(tok.replace(/^\$/, ''));
    if (i < 0) throw new Error(`${f.name}: unknown local ${tok}`);
    return i;
  };
  const labels: string[] = [];
  const code: number[] = [];
  const toks = f.body.replace(/;;[^\n]*/g, '').split(/\s+/).filter(Boolean);
  for (let k = 0; k < toks.length; k++) {
    const op = toks[k];
    const next = (): string => {
      if (k + 1 >= toks.length) throw new Error(`${f.name}: ${op} needs an operand`);
      return toks[++k];
    };
    if (op === 'block' || op === 'loop' || op === 'if') {
      code.push(op === 'block' ? 0x02 : op === 'loop' ? 0x03 : 0x04, 0x40);
      labels.push(toks[k + 1]?.startsWith('$') ? next() : '');
    } else if (op === 'end') {
      code.push(0x0b);
      labels.pop();
    } else if (op === 'br' || op === 'br_if') {
      const label = next();
      const depth = labels.length - 1 - labels.lastIndexOf(label);
      if (depth >= labels.length) throw new Error(`${f.name}: unknown label ${label}`);
      code.push(op === 'br' ? 0x0c : 0x0d, ...uleb(depth));
    } else if (op === 'local.get' || op === 'local.set' || op === 'local.tee') {
      code.push(op === 'local.get' ? 0x20 : op === 'local.set' ? 0x21 : 0x22, ...uleb(local(next())));
    } else if (op === 'i32.const') {
      code.push(0x41, ...sleb(constant(next(), f.name)));
    } else if (op === 'call') {
      const target = next().replace(/^\$/, '');
      const i = funcs.findIndex((g) => g.name === target);
      if (i < 0) throw new Error(`${f.name}: unknown function ${target}`);
      code.push(0x10, ...uleb(i));
    } else if (MEMORY[op]) {
      const [opcode, align] = MEMORY[op];
      let offset = 0;
      if (toks[k + 1]?.startsWith('offset=')) offset = constant(next().slice(7), f.name);
      code.push(...opcode, ...uleb(align), ...uleb(offset));
    } else if (PLAIN[op]) {
      code.push(...PLAIN[op]);
    } else {
      throw new Error(`${f.name}: unknown instruction ${op}`);
    }
  }
  if (labels.length) throw new Error(`${f.name}: ${labels.length} block(s) not closed`);
  // Locals grouped per type, in declaration order (their indices follow the params').
  const groups = f.locals.map(([, t]) => [1, VAL[t]]);
  return [...vec(groups), ...code, 0x0b];
}

/** A module importing one memory as env.mem (at least `pages` 64 KiB pages) and exporting the functions marked so. */
export function assemble(funcs: readonly WatFunc[], pages: number): Uint8Array<ArrayBuffer> {
  const sig = (f: WatFunc): string => JSON.stringify([f.params.map(([, t]) => t), f.result ?? null]);
  const sigs = [...new Set(funcs.map(sig))];
  const types = sigs.map((s) => {
    const [params, result] = JSON.parse(s) as [ValType[], ValType | null];
    return [0x60, ...vec(params.map((t) => [VAL[t]])), ...vec(result ? [[VAL[result]]] : [])];
  });
  const imports = [[...bytes('env'), ...bytes('mem'), 0x02, 0x00, ...uleb(pages)]];
  const exports = funcs.flatMap((f, i) => (f.export ? [[...bytes(f.name), 0x00, ...uleb(i)]] : []));
  const bodies = funcs.map((f) => {
    const body = assembleBody(f, funcs);
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcs.map((f) => uleb(sigs.indexOf(sig(f)))))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
