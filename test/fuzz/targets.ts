// The fuzz targets shared by the unit-stage properties (fixed seed, fixed runs)
// and `npm run fuzz` (time budgets, ≥ 100,000 inputs each). A target feeds one
// hostile input to a parser; what it may do is: return, or throw a
// ToolkitError whose message is one line with no raw control or bidi
// character. Anything else (another exception, a multi-line message, raw
// control characters in what a person would read) is a finding.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { hoverInfoAt } from '../../src/core/hoverInfo';
import { isToolkitError, localize } from '../../src/core/i18n';
import { loadAnyKey, loadPublicKey } from '../../src/core/keys';
import { parseInput } from '../../src/core/params';
import { parseRequestFile } from '../../src/core/requestFile';
import { decodeResponse } from '../../src/core/response';
import { parseXml } from '../../src/core/response/xml';
import { hoverText } from '../../src/core/terminal';

// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export class Finding extends Error {}

/** Checks one line a person would read. */
export function checkShown(text: string, where: string): void {
  if (text.includes('\n') || text.includes('\r')) throw new Finding(`${where}: multi-line message ${JSON.stringify(text.slice(0, 200))}`);
  if (RAW_CONTROL.test(text)) throw new Finding(`${where}: raw control character in ${JSON.stringify(text.slice(0, 200))}`);
}

/** Runs `f`; a ToolkitError is fine when its messages are clean; anything else is a Finding. */
export function guarded(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof Finding) throw e;
    if (!isToolkitError(e)) throw new Finding(`uncaught ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    checkShown(e.localized('en'), 'error (en)');
    checkShown(e.localized('zh'), 'error (zh)');
  }
}

// Pieces hostile inputs are made of: syntax of each format, escapes, controls, bidi, CJK.
const HOSTILE = ['&', '=', '%', '%0A', '%1B', '%E2%80%AE', '%ZZ', '+', '?', '#', '\n', '\r\n', '\x1b[2J', '\x07', '\u202e', '\u2066', '\x85', '\u0000', '测', '“', '{', '}', '"', ':', ',', '[', ']', '<', '>', '/', '\\', '$', '(', ')', '`', '*', '_', '!', '-', 'sign', 'sign_type', '_input_charset', 'gbk', 'utf-8', 'service', 'https://', 'http://127.0.0.1/gateway.do?'];

function hostileString(maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength }).map((xs) => xs.join(''));
}

const XML_PIECES = ['<alipay>', '</alipay>', '<is_success>T</is_success>', '<is_success>F</is_success>', '<error>', '</error>', '<response>', '</response>', '<trade>', '</trade>', '<list>', '</list>', '<R>', '</R>', '<a>', '</a>', '<c1>', '<c2 x="1">', '</c2>', '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE a [<!ENTITY e "x">]>', '&amp;', '&#x202E;', '&#27;', '&#0;', '&e;', '<?xml version="1.0" encoding="GBK"?>', '<?xml version="1.0" encoding="utf-8"?>', '<sign>', '</sign>', '<sign_type>MD5</sign_type>', 'total_fee', '\x1b]0;x\x07', '\u202e', '\n'];

function xmlString(): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...XML_PIECES), fc.string({ maxLength: 5 })), { maxLength: 40 }).map((xs) => xs.join(''));
}

const REQ_PIECES = ['###', '### name', 'GET ', 'POST ', 'Local', 'Sandbox', 'Production', '@v = ', '{{v}}', '{{$outTradeNo}}', '{{', '}}', 'service = ', 'partner = ', 'sign = x', 'sign_type = MD5', '# comment', ' = ', '=', '\n', '\r\n', '\x1b[2J', '\u202e', '测试'];

function requestFileString(): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...REQ_PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((xs) => xs.join(''));
}

const FIX = path.resolve(__dirname, '../fixtures/keys');
const KEY_DERS = ['dsa1024-public.pem', 'rsa2048-public.pem', 'dsa1024.pem', 'rsa1024-public.pem'].map((f) => {
  const text = fs.readFileSync(path.join(FIX, f));
  const k = /PRIVATE/.test(text.toString()) ? crypto.createPrivateKey(text) : crypto.createPublicKey(text);
  return (k.type === 'private' ? k.export({ type: 'pkcs8', format: 'der' }) : k.export({ type: 'spki', format: 'der' })) as Buffer;
});

/** A real key's DER with a few bytes changed (the probe's corrupted DSA key is one of these), in one of the forms users paste. */
function mutatedKey(): fc.Arbitrary<string | Buffer> {
  return fc
    .record({
      which: fc.nat(KEY_DERS.length - 1),
      edits: fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 3 }),
      form: fc.constantFrom('der', 'pem', 'base64'),
    })
    .map(({ which, edits, form }) => {
      const der = Buffer.from(KEY_DERS[which]);
      for (const e of edits) der[e.at % der.length] = e.byte;
      if (form === 'der') return der;
      if (form === 'base64') return der.toString('base64');
      return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;
    });
}

export interface Target<T> {
  name: string;
  input: fc.Arbitrary<T>;
  run(input: T): void;
}

function target<T>(name: string, input: fc.Arbitrary<T>, run: (input: T) => void): Target<unknown> {
  return { name, input, run } as Target<unknown>;
}

export const TARGETS: Array<Target<unknown>> = [
  target('parameter parser (core/params)', hostileString(30), (s) => guarded(() => parseInput(s))),
  target('XML reader + response model (core/response)', xmlString(), (s) =>
    guarded(() => {
      try {
        parseXml(s);
      } catch (e) {
        if (!isToolkitError(e)) throw e;
      }
      const m = decodeResponse(Buffer.from(s, 'latin1'));
      for (const w of m.warnings ?? []) {
        checkShown(w.en, 'warning');
        checkShown(w.zh, 'warning');
      }
    }),
  ),
  target('request-file parser (core/requestFile)', requestFileString(), (s) =>
    guarded(() => {
      const f = parseRequestFile(s);
      for (const p of f.problems) {
        checkShown(localize(p.text, 'en', p.args), `problem ${p.code} (en)`);
        checkShown(localize(p.text, 'zh', p.args), `problem ${p.code} (zh)`);
      }
    }),
  ),
  target('key loading (core/keys)', mutatedKey(), (k) =>
    guarded(() => {
      try {
        loadPublicKey(k as string | Buffer, 'key');
      } finally {
        loadAnyKey(k as string | Buffer, 'key');
      }
    }),
  ),
  target('hover text (core/hoverInfo)', fc.tuple(hostileString(20), fc.nat(80)), (x) => {
    const [tail, col] = x as [string, number];
    const line = `GET https://openapi.alipay.com/gateway.do?service=${tail} ILLEGAL_SIGN`;
    guarded(() => {
      const info = hoverInfoAt(line, col % line.length);
      for (const p of info?.query?.params ?? []) {
        checkShown(hoverText(p.name, 60), 'hover name');
        checkShown(hoverText(p.value, 120), 'hover value');
      }
      if (info?.query?.error) checkShown(info.query.error.en, 'hover error');
    });
  }),
];
