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
  'i8x16.splat': [0xfd, 0x0f], 'i8x16.eq': [0xfd, 0x23], 'i8x16.le_u': [0xfd, 0x2a], 'i8x16.sub': [0xfd, 0x71], 'v128.and': [0xfd, 0x4e], 'v128.or': [0xfd, 0x50], 'i8x16.bitmask': [0xfd, 0x64],
};

/** Memory instructions: opcode and natural alignment (log2), followed by `offset=N` optionally. */
const MEMORY: Record<string, [number[], number]> = {
  'i32.load': [[0x28], 2], 'i32.load8_u': [[0x2d], 0], 'i32.store': [[0x36], 2], 'i32.store8': [[0x3a], 0], 'v128.load': [[0xfd, 0x00], 4],
};

/** Appends n as unsigned LEB128. */
function uleb(out: number[], n: number): void {
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
}

/** Appends n as signed LEB128. */
function sleb(out: number[], n: number): void {
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

function name(out: number[], s: string): void {
  uleb(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/** Appends a section: id, byte length, body. */
function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  for (const b of body) out.push(b);
}

/** `5`, `-1`, `0x7f`, or a character in quotes (`'_'`). */
function constant(tok: string, where: string): number {
  if (tok.length === 3 && tok[0] === "'" && tok[2] === "'") return tok.charCodeAt(1);
  const n = Number(tok);
  if (!Number.isInteger(n)) throw new Error(`${where}: bad constant ${tok}`);
  return n | 0;
}

/** Appends the function's code entry (size, locals, instructions). */
function assembleBody(out: number[], f: WatFunc, funcIndex: ReadonlyMap<string, number>): void {
  const locals = new Map<string, number>();
  for (const [n] of f.params) locals.set('$' + n, locals.size);
  for (const [n] of f.locals) locals.set('$' + n, locals.size);
  const index = (map: ReadonlyMap<string, number>, tok: string, what: string): number => {
    const i = map.get(tok);
    if (i === undefined) throw new Error(`${f.name}: unknown ${what} ${tok}`);
    return i;
  };
  const code: number[] = [];
  // Locals one per group, in declaration order (their indices follow the params').
  uleb(code, f.locals.length);
  for (const [, t] of f.locals) code.push(1, VAL[t]);
  const labels: string[] = [];
  const toks = f.body.replace(/;;[^\n]*/g, '').split(/\s+/).filter(Boolean);
  for (let k = 0; k < toks.length; k++) {
    const op = toks[k];
    const operand = (): string => {
      if (k + 1 >= toks.length) throw new Error(`${f.name}: ${op} needs an operand`);
      return toks[++k];
    };
    const plain = PLAIN[op];
    const memory = MEMORY[op];
    if (plain) {
      for (const b of plain) code.push(b);
    } else if (op === 'local.get' || op === 'local.set' || op === 'local.tee') {
      code.push(op === 'local.get' ? 0x20 : op === 'local.set' ? 0x21 : 0x22);
      uleb(code, index(locals, operand(), 'local'));
    } else if (op === 'i32.const') {
      code.push(0x41);
      sleb(code, constant(operand(), f.name));
    } else if (memory) {
      for (const b of memory[0]) code.push(b);
      const offset = toks[k + 1]?.startsWith('offset=') ? constant(operand().slice(7), f.name) : 0;
      uleb(code, memory[1]);
      uleb(code, offset);
    } else if (op === 'block' || op === 'loop' || op === 'if') {
      code.push(op === 'block' ? 0x02 : op === 'loop' ? 0x03 : 0x04, 0x40);
      labels.push(toks[k + 1]?.startsWith('$') ? operand() : '');
    } else if (op === 'end') {
      code.push(0x0b);
      labels.pop();
    } else if (op === 'br' || op === 'br_if') {
      const label = operand();
      const at = labels.lastIndexOf(label);
      if (at < 0) throw new Error(`${f.name}: unknown label ${label}`);
      code.push(op === 'br' ? 0x0c : 0x0d);
      uleb(code, labels.length - 1 - at);
    } else if (op === 'call') {
      code.push(0x10);
      uleb(code, index(funcIndex, operand(), 'function'));
    } else {
      throw new Error(`${f.name}: unknown instruction ${op}`);
    }
  }
  if (labels.length) throw new Error(`${f.name}: ${labels.length} block(s) not closed`);
  code.push(0x0b);
  uleb(out, code.length);
  for (const b of code) out.push(b);
}

/** A module importing one memory as env.mem (at least `pages` 64 KiB pages) and exporting the functions marked so. */
export function assemble(funcs: readonly WatFunc[], pages: number): Uint8Array<ArrayBuffer> {
  const sig = (f: WatFunc): string => f.params.map(([, t]) => t).join() + '->' + (f.result ?? '');
  const sigs = [...new Set(funcs.map(sig))];
  const funcIndex = new Map(funcs.map((f, i) => ['$' + f.name, i]));
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  uleb(types, sigs.length);
  for (const s of sigs) {
    const f = funcs.find((g) => sig(g) === s)!;
    types.push(0x60);
    uleb(types, f.params.length);
    for (const [, t] of f.params) types.push(VAL[t]);
    if (f.result) types.push(1, VAL[f.result]);
    else types.push(0);
  }
  section(out, 1, types);
  const imports: number[] = [1];
  name(imports, 'env');
  name(imports, 'mem');
  imports.push(0x02, 0x00);
  uleb(imports, pages);
  section(out, 2, imports);
  const decls: number[] = [];
  uleb(decls, funcs.length);
  for (const f of funcs) uleb(decls, sigs.indexOf(sig(f)));
  section(out, 3, decls);
  const exported = funcs.filter((f) => f.export);
  const exports: number[] = [];
  uleb(exports, exported.length);
  for (const f of exported) {
    name(exports, f.name);
    exports.push(0x00);
    uleb(exports, funcs.indexOf(f));
  }
  section(out, 7, exports);
  const bodies: number[] = [];
  uleb(bodies, funcs.length);
  for (const f of funcs) assembleBody(bodies, f, funcIndex);
  section(out, 10, bodies);
  return Uint8Array.from(out);
}
