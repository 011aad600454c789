// `grep -c` as an independent oracle for the log scan: a generated log whose
// every line holds at most one counted token (so grep's matching-line count
// is the occurrence count) in tricky places — line start and end, CRLF, GBK
// bytes on either side (one whose trail byte is `_`, which glues), letters,
// dots, dashes and ACQ. prefixes glued on, lines longer than a read chunk,
// and a last line without a newline. Each token's count from `scan` must
// equal what `LC_ALL=C grep -c -E` finds with the token's word boundaries.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { scanFile } from '../../src/core/logscan';

const CODES = ['ILLEGAL_SIGN', 'ILLEGAL_SIGN_TYPE', 'TRADE_NOT_EXIST', 'SYSTEM_ERROR', 'TRADE_SUCCESS', 'WAIT_BUYER_PAY', 'REFUND_FAIL'];
const SUBCODES = ['ACQ.TRADE_NOT_EXIST', 'ACQ.SYSTEM_ERROR', 'isv.invalid-signature', 'isv.invalid-signature-type', 'isp.bill_not_exist', 'aop.invalid-app-auth-token'];
const GATEWAYS = ['https://mapi.alipay.com/gateway.do', 'https://openapi.alipay.com/gateway.do', 'http://localhost:8080/rest.htm'];
const GBK = iconv.encode('交易成功', 'gbk');
const FILLER = Buffer.alloc(1_500_000, 'lorem ipsum ');

/** [before, after] each token: the after part ends the line (or not: the file's last line). */
const PLACES: Array<[Buffer | string, Buffer | string]> = [
  ['', '\n'],
  ['<error>', '</error>\r\n'],
  ['trade_status=', '&x=1\n'],
  ['sub_code":"', '"}\n'],
  [Buffer.concat([GBK, Buffer.from(' ')]), Buffer.concat([GBK, Buffer.from('\n')])],
  [GBK, GBK.subarray(0, 2)],
  [Buffer.from([0xb0, 0x5f]), '\n'], // GBK character whose trail byte is '_': glued to the token
  [Buffer.from([0x81, 0x41]), '\r\n'], // trail byte 'A': glued too
  ['x', '\n'],
  ['', 'S\n'],
  ['', '-\n'],
  ['-', '--\r\n'],
  ['.', ' \n'],
  ['ACQ.', '\n'],
  ['xACQ.', '\n'],
  [Buffer.concat([FILLER, Buffer.from(' ')]), '\n'],
  ['', Buffer.concat([Buffer.from(' '), FILLER, Buffer.from('\n')])],
];

function grepCount(file: string, pattern: string, fixed = false): number {
  const r = spawnSync('grep', ['-c', fixed ? '-F' : '-E', pattern, file], { env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`grep failed (${r.status}): ${r.stderr}`);
  return Number(r.stdout.trim());
}

const esc = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = 'A-Za-z0-9_';

describe('log scan against grep -c', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-logscan-grep-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts each token as often as grep finds it within word boundaries, and as many lines', async () => {
    const file = path.join(dir, 'tricky.log');
    const parts: Buffer[] = [];
    const tokens = [...CODES, ...SUBCODES, ...GATEWAYS];
    let n = 0;
    for (const [before, after] of PLACES) {
      for (const t of tokens) {
        parts.push(Buffer.from(before), Buffer.from(t), Buffer.from(after));
        if (n++ % 3 === 0) parts.push(Buffer.from('noise HTTP_OK MAX_VALUE XTRADE_SUCCESS isv.invalid http://example.com/x\n'));
      }
    }
    parts.push(Buffer.from('last line without a newline: ILLEGAL_SIGN'));
    fs.writeFileSync(file, Buffer.concat(parts));

    const s = await scanFile(file, { threads: 2, chunkSize: 64 * 1024 });
    const got = new Map(s.stats.map((x) => [x.token, x.count]));
    const want = new Map<string, number>();
    // A MAPI code is a whole identifier; ACQ.<code> belongs to the sub-code, so those lines are taken off.
    const acq = (t: string): number => grepCount(file, `(^|[^${WORD}])ACQ\\.${esc(t)}($|[^${WORD}])`);
    for (const t of CODES) want.set(t, grepCount(file, `(^|[^${WORD}])${esc(t)}($|[^${WORD}])`) - acq(t));
    // Sub-codes also run on over '-', but a trailing dash is not theirs.
    for (const t of SUBCODES) want.set(t, grepCount(file, `(^|[^${WORD}])${esc(t)}-*($|[^${WORD}-])`));
    // A gateway URL has no left boundary and ends at the first gateway.do / rest.htm.
    for (const t of GATEWAYS) want.set(t, grepCount(file, t, true));
    for (const [t, count] of want) assert.equal(got.get(t) ?? 0, count, t);
    assert.deepEqual([...got.keys()].filter((t) => !want.has(t)), [], 'nothing else counted');
    assert.equal(s.lines, grepCount(file, ''));
    // The oracle is not trivially satisfied: glued places did not count, the others did.
    assert.ok(want.get('ILLEGAL_SIGN')! > 5 && want.get('ILLEGAL_SIGN')! < PLACES.length + 1);
  });
});
