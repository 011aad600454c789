// Bad input to the resolver, checked on the built CLI as a process: conflicting
// charsets, contradictory or half variant markers, an order string with a
// missing quote. Each gets exit 2, nothing on stdout and one line on stderr
// naming the parameter and what to do, in English and in Chinese.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
let dir: string;
let cli: string;

function run(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', ALIPAY_TOOLKIT_LANG: '', ALIPAY_MD5_KEY: 'resolveerrorskey0123456789abcdef' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// [command, input, English line, Chinese line]
const CASES: Array<[string, string, RegExp, RegExp]> = [
  ['sign', '_input_charset=gbk&charset=utf-8&service=x', /_input_charset=gbk and charset=utf-8 disagree: keep one/, /_input_charset=gbk 与 charset=utf-8 不一致/],
  ['verify', 'service=x&_input_charset=utf-8&charset=gbk&sign=abc', /_input_charset=utf-8 and charset=gbk disagree/, /_input_charset=utf-8 与 charset=gbk 不一致/],
  ['sign', 'app_id=2021000000000001&service=single_trade_query', /"app_id" \(OpenAPI\) and "service" \(MAPI\) are both present: remove the one that does not belong/, /同时出现 "app_id"（OpenAPI）和 "service"（MAPI）：请删除/],
  ['sign', 'method=alipay.trade.query&biz_content={}', /"method" \(alipay\.trade\.query\) names an OpenAPI call but "app_id" is missing: add app_id=/, /缺少 "app_id"：请加上 app_id=/],
  ['verify', 'service=alipay.wap.trade.create.direct&v=1.0&notify_data=x&sign=abc', /"notify_data" is a WAP 2\.0 notification's but "sec_id" is missing: add sec_id=MD5/, /缺少 "sec_id"/],
  ['verify', 'sec_id=MD5&v=1.0&notify_data=x&sign=abc', /"sec_id" is WAP 2\.0's but "service" is missing/, /缺少 "service"/],
  ['verify', 'service=alipay.wap.x&sec_id=MD5&app_id=1&sign=abc', /"sec_id" \(WAP 2\.0\) and "app_id" \(OpenAPI\) are both present/, /"sec_id"（WAP 2\.0）和 "app_id"（OpenAPI）/],
  ['sign', 'partner="2088101122136241"&subject="a b&total_fee="1"', /Order string: the value of "subject" has no closing quote: write subject="…"/, /订单串："subject" 的值缺少结尾的引号/],
  ['verify', 'partner=2088101122136241"&total_fee="1"&sign="abc"&sign_type="RSA"', /Order string: the value of "partner" has no opening quote: write partner="…"/, /订单串："partner" 的值缺少开头的引号/],
];

describe('bad input to the resolver: exit 2, one line naming the parameter (built CLI, en and zh)', function () {
  this.timeout(120000);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-resolve-errors-'));
    cli = path.join(dir, 'cli.js');
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src/cli.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [command, input, en, zh] of CASES) {
    it(`${command} ${input.slice(0, 70)}`, () => {
      for (const [lang, want] of [['en', en], ['zh', zh]] as const) {
        const r = run([command, input, '--lang', lang]);
        assert.equal(r.code, 2, `${lang}: ${r.err}`);
        assert.equal(r.out, '', lang);
        const lines = r.err.trimEnd().split('\n');
        assert.equal(lines.length, 1, `${lang}: ${r.err}`);
        assert.match(lines[0], /^alipay-toolkit: /);
        assert.match(lines[0], want);
      }
    });
  }

  it('decode refuses the same markers in the same one line (a message file), exit 2', () => {
    const inputs: Array<[string, RegExp, RegExp]> = [
      ['app_id=2021000000000001&service=x&notify_id=1&sign=abc', /"app_id" \(OpenAPI\) and "service" \(MAPI\) are both present/, /同时出现 "app_id"（OpenAPI）和 "service"（MAPI）/],
      ['service=alipay.wap.trade.create.direct&v=1.0&notify_data=x&sign=abc', /"sec_id" is missing: add sec_id=MD5/, /缺少 "sec_id"/],
      ['notify_id=1&charset=gbk&_input_charset=utf-8&sign=abc', /_input_charset=utf-8 and charset=gbk disagree/, /_input_charset=utf-8 与 charset=gbk 不一致/],
    ];
    inputs.forEach(([text, en, zh], i) => {
      const file = path.join(dir, `message-${i}.txt`);
      fs.writeFileSync(file, text);
      for (const [lang, want] of [['en', en], ['zh', zh]] as const) {
        const r = run(['decode', file, '--lang', lang]);
        assert.equal(r.code, 2, `${lang} ${text}: ${r.out}${r.err}`);
        assert.equal(r.out, '');
        assert.equal(r.err.trimEnd().split('\n').length, 1, r.err);
        assert.match(r.err, want);
      }
    });
  });

  it('the same inputs with the markers fixed are accepted (exit 0)', () => {
    for (const input of ['_input_charset=gbk&charset=gbk&service=x', 'service=single_trade_query&partner=2088101122136241', 'partner=2088101122136241&subject=a%22b']) {
      const r = run(['sign', input, '--output', 'presign']);
      assert.equal(r.code, 0, `${input}: ${r.err}`);
    }
  });
});
