// The log scanner's hot loop as WebAssembly (SIMD): 16 bytes at a time it
// counts newlines and finds the three bytes every counted token holds — `_`
// (MAPI codes, statuses, ACQ. sub-codes), `.` (isv./isp./aop. sub-codes) and
// `:` (http(s):// gateway URLs) — and only at those checks the neighbours,
// widens to the whole token and looks it up in a hash table, all in linear
// memory without a string. It writes each hit (token id or gateway, start,
// end, newlines before it) to an output area that ./logscanner.ts reads.
// It decides exactly what ./logscanJs.ts decides (the same rules, tested
// against each other); that one runs where WebAssembly is unavailable.
import { assemble, type WatFunc } from './wat';
import type { TokenTable } from './logscanJs';

/** Byte classes as bit flags in the first 256 bytes of memory. */
export const C_WORD = 1; // [A-Za-z0-9_]
export const C_HOST = 2; // [A-Za-z0-9.-]
export const C_PATH = 4; // [A-Za-z0-9_./-]
export const C_UPPER = 8;
export const C_LOWER = 16;
export const C_DIGIT = 32;
export const C_SUBCODE = 64; // [A-Za-z0-9_-]

export function byteClasses(): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    const alnum = upper || lower || digit;
    t[c] = (alnum || c === 95 ? C_WORD : 0) | (alnum || c === 46 || c === 45 ? C_HOST : 0) | (alnum || c === 95 || c === 46 || c === 47 || c === 45 ? C_PATH : 0)
      | (upper ? C_UPPER : 0) | (lower ? C_LOWER : 0) | (digit ? C_DIGIT : 0) | (alnum || c === 95 || c === 45 ? C_SUBCODE : 0);
  }
  return t;
}

/** Hash of a token's length and first, middle and last bytes; the kernel computes the same. */
export function tokenHash(len: number, first: number, mid: number, last: number): number {
  return (Math.imul(len, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(mid, 0xc2b2ae35) ^ Math.imul(last, 0x27d4eb2f)) >>> 7;
}

/** One hit in the output area: four i32s. `id` is the token's index in the table, or -1 for a gateway URL [start, end). */
export const HIT_WORDS = 4;
const OUT_CAP = 4096;

export interface Layout {
  state: number; // pos, newlines, hits (i32 each)
  literals: number; // "gateway.do" then "rest.htm" 16 bytes later
  slots: number;
  mask: number;
  tokInfo: number; // per token: byte address, length
  tokBytes: number;
  out: number;
  outCap: number;
  minLen: number;
  maxLen: number;
  /** First byte of the input regions. */
  input: number;
}

function layout(table: TokenTable): Layout {
  let size = 16;
  while (size < table.length * 4) size <<= 1;
  const slots = 512;
  const tokInfo = slots + size * 4;
  const tokBytes = tokInfo + table.length * 8;
  const textBytes = table.reduce((n, [t]) => n + t.length, 0);
  const out = (tokBytes + textBytes + 15) & ~15;
  const lens = table.map(([t]) => t.length);
  const input = (out + OUT_CAP * HIT_WORDS * 4 + 0xffff) & ~0xffff;
  return { state: 256, literals: 272, slots, mask: size - 1, tokInfo, tokBytes, out, outCap: OUT_CAP, minLen: Math.min(...lens), maxLen: Math.max(...lens), input };
}

/** Writes the byte classes, literals and the token hash table into memory. */
function fill(mem: Uint8Array, table: TokenTable, l: Layout): void {
  mem.set(byteClasses(), 0);
  mem.set(Buffer.from('gateway.do', 'latin1'), l.literals);
  mem.set(Buffer.from('rest.htm', 'latin1'), l.literals + 16);
  const view = new DataView(mem.buffer, mem.byteOffset);
  let at = l.tokBytes;
  table.forEach(([t], id) => {
    const b = Buffer.from(t, 'latin1');
    mem.set(b, at);
    view.setInt32(l.tokInfo + id * 8, at, true);
    view.setInt32(l.tokInfo + id * 8 + 4, b.length, true);
    at += b.length;
    let slot = tokenHash(b.length, b[0], b[b.length >> 1], b[b.length - 1]) & l.mask;
    while (view.getInt32(l.slots + slot * 4, true) !== 0) slot = (slot + 1) & l.mask;
    view.setInt32(l.slots + slot * 4, id + 1, true);
  });
}

const word = (c: number): string => String(c);
const u32 = (s: string): number => s.split('').reduce((n, ch, i) => n | (ch.charCodeAt(0) << (8 * i)), 0);

/**
 * Advances local `ptr` while it is below local `limit` and the byte there is in
 * the character class `cls` (looked up in the byte-class table at address 0).
 */
const skipWhile = (ptr: string, limit: string, cls: number, label: string): string => `
  block $${label}_end
    loop $${label}
      local.get $${ptr}  local.get $${limit}  i32.ge_u  br_if $${label}_end
      local.get $${ptr}  i32.load8_u  i32.load8_u  i32.const ${cls}  i32.and  i32.eqz  br_if $${label}_end
      local.get $${ptr}  i32.const 1  i32.add  local.set $${ptr}
      br $${label}
    end
  end`;

/**
 * In gatewayEnd, with the byte at $q on the stack: when it is `first` and the `n`
 * bytes at $q (ending by $r) equal the literal at address `at`, returns their end.
 */
const endsAtLiteral = (first: string, n: number, at: number): string => `
  i32.const '${first}'  i32.eq
  if
    local.get $q  i32.const ${n}  i32.add  local.get $r  i32.le_u
    if
      local.get $q  i32.const ${at}  i32.const ${n}  call $eq
      if  local.get $q  i32.const ${n}  i32.add  return  end
    end
  end`;

function kernel(l: Layout): WatFunc[] {
  const eq: WatFunc = {
    name: 'eq',
    params: [['p', 'i32'], ['q', 'i32'], ['n', 'i32']],
    result: 'i32',
    locals: [['m', 'i32']],
    // 1 when the n bytes at p and q are equal: 16 at a time (reading up to 15 bytes past both, which
    // stay in memory: the token bytes are followed by the output area, the input by its margin).
    body: `
      loop $next
        local.get $p  v128.load  local.get $q  v128.load  i8x16.eq  i8x16.bitmask  i32.const 0xffff  i32.xor  local.set $m
        local.get $n  i32.const 16  i32.lt_s
        if
          local.get $m  i32.const 1  local.get $n  i32.shl  i32.const 1  i32.sub  i32.and  i32.eqz  return
        end
        local.get $m  if  i32.const 0  return  end
        local.get $p  i32.const 16  i32.add  local.set $p
        local.get $q  i32.const 16  i32.add  local.set $q
        local.get $n  i32.const 16  i32.sub  local.tee $n
        i32.eqz  if  i32.const 1  return  end
        br $next
      end
      unreachable`,
  };
  const lookup: WatFunc = {
    name: 'lookup',
    params: [['s', 'i32'], ['e', 'i32']],
    result: 'i32',
    locals: [['len', 'i32'], ['slot', 'i32'], ['id', 'i32']],
    // Index of the token bytes [s, e) in the table, or -1.
    body: `
      local.get $e  local.get $s  i32.sub  local.tee $len
      i32.const ${l.minLen}  i32.lt_u
      local.get $len  i32.const ${l.maxLen}  i32.gt_u
      i32.or
      if  i32.const -1  return  end
      local.get $len  i32.const ${0x9e3779b1 | 0}  i32.mul
      local.get $s  i32.load8_u  i32.const ${0x85ebca6b | 0}  i32.mul  i32.xor
      local.get $s  local.get $len  i32.const 1  i32.shr_u  i32.add  i32.load8_u  i32.const ${0xc2b2ae35 | 0}  i32.mul  i32.xor
      local.get $e  i32.const 1  i32.sub  i32.load8_u  i32.const ${0x27d4eb2f | 0}  i32.mul  i32.xor
      i32.const 7  i32.shr_u  i32.const ${l.mask}  i32.and  local.set $slot
      loop $probe
        local.get $slot  i32.const 2  i32.shl  i32.load offset=${l.slots}  local.tee $id
        i32.eqz
        if  i32.const -1  return  end
        local.get $id  i32.const 1  i32.sub  local.set $id
        local.get $id  i32.const 3  i32.shl  i32.load offset=${l.tokInfo + 4}  local.get $len  i32.eq
        if
          local.get $id  i32.const 3  i32.shl  i32.load offset=${l.tokInfo}  local.get $s  local.get $len  call $eq
          if  local.get $id  return  end
        end
        local.get $slot  i32.const 1  i32.add  i32.const ${l.mask}  i32.and  local.set $slot
        br $probe
      end
      unreachable`,
  };
  const gatewayEnd: WatFunc = {
    name: 'gatewayEnd',
    params: [['slash', 'i32'], ['cut', 'i32']],
    result: 'i32',
    locals: [['limit', 'i32'], ['p', 'i32'], ['q', 'i32'], ['r', 'i32'], ['c', 'i32']],
    // End of a gateway URL whose "//" ends at slash, or -1: host, optional :port, then the
    // shortest path reaching gateway.do / rest.htm, all within 300 bytes (logscanJs gatewayEnd).
    body: `
      local.get $slash  i32.const 300  i32.add  local.tee $limit
      local.get $cut  local.get $limit  local.get $cut  i32.lt_u  select  local.set $limit
      local.get $slash  local.set $p
      ${skipWhile('p', 'limit', C_HOST, 'host')}
      local.get $p  local.get $slash  i32.eq
      if  i32.const -1  return  end
      local.get $p  local.get $limit  i32.lt_u
      if
        local.get $p  i32.load8_u  i32.const ${word(58)}  i32.eq
        if
          local.get $p  i32.const 1  i32.add  local.set $q
          ${skipWhile('q', 'limit', C_DIGIT, 'port')}
          local.get $q  local.get $p  i32.const 1  i32.add  i32.eq
          if  i32.const -1  return  end
          local.get $q  local.set $p
        end
      end
      local.get $p  local.get $limit  i32.ge_u
      if  i32.const -1  return  end
      local.get $p  i32.load8_u  i32.const '/'  i32.ne
      if  i32.const -1  return  end
      local.get $p  i32.const 1  i32.add  local.set $r
      ${skipWhile('r', 'limit', C_PATH, 'path')}
      local.get $p  i32.const 1  i32.add  local.set $q
      loop $find
        local.get $q  local.get $r  i32.ge_u
        if  i32.const -1  return  end
        local.get $q  i32.load8_u  local.tee $c  ${endsAtLiteral('g', 10, l.literals)}
        local.get $c  ${endsAtLiteral('r', 8, l.literals + 16)}
        local.get $q  i32.const 1  i32.add  local.set $q
        br $find
      end
      unreachable`,
  };
  // The 16 bytes at blk + off: pushes their newline mask, then their trigger mask.
  const half = (off: number): string => `
          local.get $blk  v128.load offset=${off}  local.tee $v  local.get $vnl  i8x16.eq  i8x16.bitmask
          local.get $blk  v128.load offset=${off + 1}  local.set $vn
          local.get $blk  i32.const 1  i32.sub  v128.load offset=${off}  local.set $vp
          local.get $v  local.get $vus  i8x16.eq
          local.get $vn  local.get $vA  i8x16.sub  local.get $v25  i8x16.le_u  v128.and
          local.get $v  local.get $vcolon  i8x16.eq
          local.get $vn  local.get $vslash  i8x16.eq  v128.and  v128.or
          local.get $v  local.get $vdot  i8x16.eq
          local.get $vp  local.get $vv  i8x16.eq  local.get $vp  local.get $vpp  i8x16.eq  v128.or  v128.and  v128.or
          i8x16.bitmask`;
  // scan(base, blk, cut): continues the region [base, cut) from block blk with the state in
  // memory (pos: candidates before it are consumed; newlines counted before blk; hits written);
  // returns where it stopped: cut or beyond when done, or a block start when the output is full.
  const scan: WatFunc = {
    name: 'scan',
    export: true,
    params: [['base', 'i32'], ['blk', 'i32'], ['cut', 'i32']],
    result: 'i32',
    locals: [
      ['pos', 'i32'], ['nl', 'i32'], ['out', 'i32'], ['nlm', 'i32'], ['tm', 'i32'], ['bit', 'i32'], ['t', 'i32'], ['i', 'i32'], ['c', 'i32'],
      ['start', 'i32'], ['end', 'i32'], ['id', 'i32'], ['keep', 'i32'], ['lower', 'i32'],
      ['v', 'v128'], ['vnl', 'v128'], ['vus', 'v128'], ['vdot', 'v128'], ['vcolon', 'v128'],
      ['vn', 'v128'], ['vp', 'v128'], ['vA', 'v128'], ['v25', 'v128'], ['vslash', 'v128'], ['vv', 'v128'], ['vpp', 'v128'],
    ],
    body: `
      i32.const 0  i32.load offset=${l.state}  local.set $pos
      i32.const 0  i32.load offset=${l.state + 4}  local.set $nl
      i32.const 0  i32.load offset=${l.state + 8}  local.set $out
      i32.const 10  i8x16.splat  local.set $vnl
      i32.const '_'  i8x16.splat  local.set $vus
      i32.const '.'  i8x16.splat  local.set $vdot
      i32.const ${word(58)}  i8x16.splat  local.set $vcolon
      i32.const 'A'  i8x16.splat  local.set $vA
      i32.const 25  i8x16.splat  local.set $v25
      i32.const '/'  i8x16.splat  local.set $vslash
      i32.const 'v'  i8x16.splat  local.set $vv
      i32.const 'p'  i8x16.splat  local.set $vpp
      block $stop
        loop $blocks
          local.get $blk  local.get $cut  i32.ge_u  br_if $stop
          local.get $out  i32.const ${l.outCap - 32}  i32.gt_u  br_if $stop
          ;; 32 bytes a round: newlines, and triggers whose neighbour passes the first check below
          ;; (a log's _ . : are mostly in words, numbers and times): _ before [A-Z], : before /, . after v or p.
          ${half(0)}  local.set $tm  local.set $nlm
          ${half(16)}
          i32.const 16  i32.shl  local.get $tm  i32.or  local.set $tm
          i32.const 16  i32.shl  local.get $nlm  i32.or  local.set $nlm
          ;; bytes at or past the cut do not count
          local.get $cut  local.get $blk  i32.sub  local.tee $keep  i32.const 32  i32.lt_u
          if
            i32.const 1  local.get $keep  i32.shl  i32.const 1  i32.sub  local.set $keep
            local.get $nlm  local.get $keep  i32.and  local.set $nlm
            local.get $tm  local.get $keep  i32.and  local.set $tm
          end
          block $triggers_done
            loop $triggers
              local.get $tm  i32.eqz  br_if $triggers_done
              local.get $blk  local.get $tm  i32.ctz  local.tee $bit  i32.add  local.set $t
              local.get $tm  local.get $tm  i32.const 1  i32.sub  i32.and  local.set $tm
              local.get $t  i32.load8_u  local.set $c
              i32.const 0  local.set $lower
              block $word
                local.get $c  i32.const '_'  i32.eq
                if
                  ;; [A-Z]_[A-Z] starting at i = t - 1
                  local.get $t  i32.const 1  i32.sub  local.tee $i  local.get $pos  i32.lt_u  br_if $triggers
                  local.get $t  i32.const 1  i32.add  local.get $cut  i32.ge_u  br_if $triggers
                  local.get $i  i32.load8_u  i32.load8_u  i32.const ${C_UPPER}  i32.and  i32.eqz  br_if $triggers
                  local.get $t  i32.load8_u offset=1  i32.load8_u  i32.const ${C_UPPER}  i32.and  i32.eqz  br_if $triggers
                  br $word
                end
                local.get $c  i32.const '.'  i32.eq
                if
                  ;; isv. isp. aop. then [a-z], starting at i = t - 3
                  local.get $t  i32.const 3  i32.sub  local.tee $i  local.get $pos  i32.lt_u  br_if $triggers
                  local.get $t  i32.const 1  i32.add  local.get $cut  i32.ge_u  br_if $triggers
                  local.get $t  i32.load8_u offset=1  i32.load8_u  i32.const ${C_LOWER}  i32.and  i32.eqz  br_if $triggers
                  local.get $i  i32.load  i32.const 0xffffff  i32.and  local.tee $c
                  i32.const ${u32('isv')}  i32.eq
                  local.get $c  i32.const ${u32('isp')}  i32.eq  i32.or
                  local.get $c  i32.const ${u32('aop')}  i32.eq  i32.or
                  i32.eqz  br_if $triggers
                  i32.const 1  local.set $lower
                  br $word
                end
                ;; ':' of http:// or https://
                local.get $t  i32.const 2  i32.add  local.get $cut  i32.ge_u  br_if $triggers
                local.get $t  i32.load8_u offset=1  i32.const '/'  i32.ne  br_if $triggers
                local.get $t  i32.load8_u offset=2  i32.const '/'  i32.ne  br_if $triggers
                block $scheme
                  local.get $t  i32.const 5  i32.sub  local.tee $i  local.get $pos  i32.ge_u
                  if
                    local.get $i  i32.load  i32.const ${u32('http')}  i32.eq
                    local.get $t  i32.const 1  i32.sub  i32.load8_u  i32.const 's'  i32.eq
                    i32.and  br_if $scheme
                  end
                  local.get $t  i32.const 4  i32.sub  local.tee $i  local.get $pos  i32.lt_u  br_if $triggers
                  local.get $i  i32.load  i32.const ${u32('http')}  i32.ne  br_if $triggers
                end
                local.get $t  i32.const 3  i32.add  local.tee $pos  local.get $cut  call $gatewayEnd  local.tee $end
                i32.const 0  i32.lt_s  br_if $triggers
                local.get $end  local.set $pos
                i32.const -1  local.set $id
                local.get $i  local.set $start
                ;; emit below
                local.get $out  i32.const 4  i32.shl  local.tee $c  local.get $id  i32.store offset=${l.out}
                local.get $c  local.get $start  i32.store offset=${l.out + 4}
                local.get $c  local.get $end  i32.store offset=${l.out + 8}
                local.get $c  local.get $nl  local.get $nlm  i32.const 1  local.get $bit  i32.shl  i32.const 1  i32.sub  i32.and  i32.popcnt  i32.add
                i32.store offset=${l.out + 12}
                local.get $out  i32.const 1  i32.add  local.set $out
                br $triggers
              end
              ;; A code, status or sub-code candidate at i: widen it to its whole identifier.
              local.get $i  local.set $start
              block $back_end
                loop $back
                  local.get $start  local.get $base  i32.le_u  br_if $back_end
                  local.get $start  i32.const 1  i32.sub  i32.load8_u  i32.load8_u  i32.const ${C_WORD}  i32.and  i32.eqz  br_if $back_end
                  local.get $start  i32.const 1  i32.sub  local.set $start
                  br $back
                end
              end
              local.get $lower
              if
                ;; sub-codes also take '-', but do not end with it
                local.get $i  i32.const 4  i32.add  local.set $end
                ${skipWhile('end', 'cut', C_SUBCODE, 'fwd')}
                block $trim_end
                  loop $trim
                    local.get $end  i32.const 1  i32.sub  i32.load8_u  i32.const '-'  i32.ne  br_if $trim_end
                    local.get $end  i32.const 1  i32.sub  local.set $end
                    br $trim
                  end
                end
              else
                local.get $i  i32.const 2  i32.add  local.set $end
                ${skipWhile('end', 'cut', C_WORD, 'fwd')}
                ;; ACQ.TRADE_NOT_EXIST is an OpenAPI sub-code, not the MAPI TRADE_NOT_EXIST (unless a word char precedes ACQ)
                local.get $start  local.get $base  i32.sub  i32.const 4  i32.ge_u
                if
                  local.get $start  i32.const 4  i32.sub  i32.load  i32.const ${u32('ACQ.')}  i32.eq
                  if
                    local.get $start  local.get $base  i32.sub  i32.const 5  i32.ge_u
                    if
                      local.get $start  i32.const 5  i32.sub  i32.load8_u  i32.load8_u  i32.const ${C_WORD}  i32.and  i32.eqz
                      local.set $c
                    else
                      i32.const 1  local.set $c
                    end
                    local.get $c
                    if  local.get $start  i32.const 4  i32.sub  local.set $start  end
                  end
                end
              end
              local.get $end  local.set $pos
              local.get $start  local.get $end  call $lookup  local.tee $id
              i32.const 0  i32.lt_s  br_if $triggers
              local.get $out  i32.const 4  i32.shl  local.tee $c  local.get $id  i32.store offset=${l.out}
              local.get $c  local.get $start  i32.store offset=${l.out + 4}
              local.get $c  local.get $end  i32.store offset=${l.out + 8}
              local.get $c  local.get $nl  local.get $nlm  i32.const 1  local.get $bit  i32.shl  i32.const 1  i32.sub  i32.and  i32.popcnt  i32.add
              i32.store offset=${l.out + 12}
              local.get $out  i32.const 1  i32.add  local.set $out
              br $triggers
            end
          end
          local.get $nl  local.get $nlm  i32.popcnt  i32.add  local.set $nl
          local.get $blk  i32.const 32  i32.add  local.set $blk
          br $blocks
        end
      end
      i32.const 0  local.get $pos  i32.store offset=${l.state}
      i32.const 0  local.get $nl  i32.store offset=${l.state + 4}
      i32.const 0  local.get $out  i32.store offset=${l.state + 8}
      local.get $blk`,
  };
  return [scan, eq, lookup, gatewayEnd];
}

export interface WasmKernel {
  layout: Layout;
  /** The whole linear memory as a Buffer (it never grows, so this view stays valid). */
  mem: Buffer;
  i32: Int32Array;
  scan: (base: number, blk: number, cut: number) => number;
}

const MODULES = new WeakMap<TokenTable, { module: WebAssembly.Module; layout: Layout }>();

/** True when this runtime runs WebAssembly with SIMD (not under --jitless, for one). */
export function wasmAvailable(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.Module === 'function';
}

function compiled(table: TokenTable): { module: WebAssembly.Module; layout: Layout } {
  let c = MODULES.get(table);
  if (!c) {
    const l = layout(table);
    c = { layout: l, module: new WebAssembly.Module(assemble(kernel(l), 1)) };
    MODULES.set(table, c);
  }
  return c;
}

/** The compiled kernel for `table` (compiled once per table), undefined where WebAssembly is unavailable: a worker thread takes it (useKernelModule) instead of compiling its own. */
export function kernelModule(table: TokenTable): WebAssembly.Module | undefined {
  return wasmAvailable() ? compiled(table).module : undefined;
}

/** Uses `module`, compiled by kernelModule for an equal table (in another thread), for `table`. */
export function useKernelModule(table: TokenTable, module: WebAssembly.Module): void {
  MODULES.set(table, { layout: layout(table), module });
}

/**
 * A kernel instance with its own memory: `inputBytes` for the input regions
 * after the tables and the output area (+64 so the last round's loads, 32
 * bytes and the byte after them, stay in memory). Throws when WebAssembly (or its SIMD) is unavailable.
 */
export function createKernel(table: TokenTable, inputBytes: number): WasmKernel {
  const { layout: l, module } = compiled(table);
  const pages = Math.ceil((l.input + inputBytes + 64) / 65536);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(module, { env: { mem: memory } });
  const mem = Buffer.from(memory.buffer);
  fill(mem, table, l);
  return { layout: l, mem, i32: new Int32Array(memory.buffer), scan: instance.exports.scan as WasmKernel['scan'] };
}
