// core/terminal: the one terminal-safe writer. Control characters (C0, DEL,
// C1) and bidi controls are shown as escapes, every human line stays one
// line, and machine output (--output presign, --json) stays byte-exact.
// Reproduces issue #12 defect 4: ESC in an XML error, %0A in a parameter name.
import * as assert from 'node:assert/strict';
import { main } from '../../src/cli';
import type { CliIO } from '../../src/cli/io';
import { escapeBlock, escapeText, hasUnsafeChars, terminalWriter } from '../../src/core/terminal';
import { formatLogEntry } from '../../src/emulator/log';

const KEY = '0123456789abcdefghijklmnopqrstuv';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string[]; err: string[]; data: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const data: string[] = [];
  const io: CliIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    data: (t) => data.push(t),
    readStdin: async () => Buffer.from(stdin),
    env: { ALIPAY_MD5_KEY: KEY },
    lang: 'en',
  };
  const code = await main(args, io);
  return { code, out, err, data };
}

function assertSafe(lines: string[]): void {
  for (const l of lines) {
    assert.ok(!RAW_CONTROL.test(l), `raw control character in ${JSON.stringify(l)}`);
    assert.ok(!l.includes('\n'), `multi-line message ${JSON.stringify(l)}`);
  }
}

describe('core/terminal escapeText', () => {
  it('escapes C0, DEL, C1 and bidi controls visibly and leaves other text alone', () => {
    assert.equal(escapeText('a\x1b]0;pwned\x07b'), 'a\\x1b]0;pwned\\x07b');
    assert.equal(escapeText('x\ny\r\tz'), 'x\\ny\\r\\tz');
    assert.equal(escapeText('\x7f\x85\x9b'), '\\x7f\\x85\\x9b');
    assert.equal(escapeText('1.00\u202e00.0001'), '1.00\\u202e00.0001');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c']) {
      assert.equal(escapeText(c), `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    assert.equal(escapeText('支付宝 total_fee=1.00 ✔'), '支付宝 total_fee=1.00 ✔');
  });

  it('escapeBlock keeps line breaks and tabs (the raw view) and escapes the rest', () => {
    assert.equal(escapeBlock('<a>\r\n\t1.00\u202e00\x1b[2J\r</a>\n'), '<a>\n\t1.00\\u202e00\\x1b[2J\\r</a>\n');
  });

  it('is idempotent, so wrapping a writer twice changes nothing', () => {
    const s = 'a\x1b[2Jb\u202ec\n';
    assert.equal(escapeText(escapeText(s)), escapeText(s));
    assert.ok(hasUnsafeChars(s));
    assert.ok(!hasUnsafeChars(escapeText(s)));
  });

  it('terminalWriter: line() escapes into exactly one line, raw() passes bytes through', () => {
    const chunks: string[] = [];
    const w = terminalWriter((c) => chunks.push(c));
    w.line('x\nalipay-toolkit: forged');
    w.raw('a\tb');
    assert.deepEqual(chunks, ['x\\nalipay-toolkit: forged\n', 'a\tb\n']);
  });
});

describe('CLI output through the terminal-safe writer (issue #12, defect 4)', () => {
  it('decode: an ESC sequence inside an XML error is shown escaped, not obeyed', async () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><alipay><is_success>F</is_success><error>ILLEGAL_SIGN\x1b]0;pwned\x07\x1b[2J</error></alipay>';
    const r = await run(['decode', '-'], xml);
    assert.equal(r.code, 0, r.err.join('\n'));
    assertSafe([...r.out, ...r.err]);
    assert.ok(r.out.some((l) => l.includes('\\x1b]0;pwned\\x07\\x1b[2J')), r.out.join('\n'));
  });

  it('decode: XML errors naming a hostile element stay on one line', async () => {
    const r = await run(['decode', '-'], '<alipay><is_success>T</is_success><a\x1b[2J>');
    assert.equal(r.code, 2);
    assertSafe(r.err);
    assert.equal(r.err.length, 1);
  });

  it('verify: %0A in a parameter name cannot forge an "alipay-toolkit:" line; presign output stays byte-exact', async () => {
    const input = 'a%0Aalipay-toolkit%3A+forged=1&b=2&sign_type=MD5&sign=00000000000000000000000000000000';
    const r = await run(['verify', input, '--sign-type', 'MD5']);
    assert.equal(r.code, 1);
    assertSafe([...r.out, ...r.err]);
    assert.ok(r.out.some((l) => l.includes('a\\nalipay-toolkit: forged=1')), r.out.join('\n'));
    // Machine output is not escaped: the pre-sign string is exactly what is signed.
    const p = await run(['sign', 'a%0Ab=1&c=%1B', '--output', 'presign', '--sign-type', 'MD5']);
    assert.equal(p.code, 0, p.err.join('\n'));
    assert.deepEqual(p.data, ['a\nb=1&c=\x1b']);
    assert.deepEqual(p.out, []);
  });

  it('unknown command names are escaped, and the hint stays on the same line', async () => {
    const r = await run(['x\x1b[2J\ny']);
    assert.equal(r.code, 2);
    assert.equal(r.err.length, 1);
    assertSafe(r.err);
    assert.match(r.err[0], /--help/);
  });
});

describe('emulator log lines', () => {
  it('formatLogEntry escapes request data: a forged line stays inside one entry', () => {
    const line = formatLogEntry(
      { time: '2026-01-01T00:00:00.000Z', kind: 'request', text: { en: 'service {s}', zh: '接口 {s}' }, args: { s: 'x\n2026-01-01T00:00:01.000Z [trade] paid\x1b[2J\u202e' } },
      'en',
    );
    assert.equal(line, '2026-01-01T00:00:00.000Z [request] service x\\n2026-01-01T00:00:01.000Z [trade] paid\\x1b[2J\\u202e');
  });
});

describe('secrets are not echoed (issue #12, defect 7)', () => {
  it('--key-file "$(cat md5.key)" says the argument looks like key material, with its length only', async () => {
    for (const cmd of [['verify', 'a=1&sign_type=MD5&sign=00'], ['sign', 'a=1'], ['decode', '-']]) {
      const r = await run([...cmd, '--key-file', KEY]);
      assert.equal(r.code, 2, cmd.join(' '));
      assert.equal(r.err.length, 1);
      assert.ok(!r.err[0].includes(KEY), r.err[0]);
      assert.match(r.err[0], /looks like key material \(32 characters, not shown\)/);
    }
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----';
    const r = await run(['sign', 'a=1', '--sign-type', 'RSA2', '--private-key-file', pem]);
    assert.equal(r.code, 2);
    assert.ok(!r.err[0].includes('MIIBVQ'), r.err[0]);
    // An ordinary missing file is still named.
    const f = await run(['verify', 'a=1&sign_type=MD5&sign=00', '--key-file', 'keys/md5.key']);
    assert.match(f.err[0], /"keys\/md5\.key" does not exist/);
  });
});

describe('usage errors go to stderr (issue #12, defect 8)', () => {
  it('no arguments, keys, keys "": one line on stderr, nothing on stdout, exit 2', async () => {
    for (const args of [[], ['keys'], ['keys', '']]) {
      const r = await run(args);
      assert.equal(r.code, 2, JSON.stringify(args));
      assert.deepEqual(r.out, [], JSON.stringify(args));
      assert.equal(r.err.length, 1, JSON.stringify(args));
      assert.match(r.err[0], /^alipay-toolkit: .*--help/);
    }
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.ok(help.out.length > 3);
  });
});
