// Hovers in the real editor, through vscode.executeHoverProvider, in .log,
// .java, .xml and .json documents; and Alipay: Analyze Log File on a log.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, exec, hoverText } from './shell-helpers';

let dir: string;

function write(name: string, text: string): vscode.Uri {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** All hover text at the first character of `marker` (plus `offset`). */
async function hoverAt(uri: vscode.Uri, marker: string, offset = 0): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const idx = doc.getText().indexOf(marker);
  assert.ok(idx >= 0, `marker ${marker}`);
  return hoverText(uri, idx + offset);
}

describe('Hovers', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-hover-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains an error code in a .log file in both languages, with level and what to check', async () => {
    const uri = write('pay.log', '2026-01-01 12:00:00 ERROR [pool-1] c.e.pay.Client - pay failed: ILLEGAL_SIGN\n');
    const text = await hoverAt(uri, 'ILLEGAL_SIGN', 3);
    assert.match(text, /ILLEGAL_SIGN/);
    assert.match(text, /Illegal signature/);
    assert.match(text, /签名不正确/);
    assert.match(text, /gateway error|网关错误/);
    assert.match(text, /What to check|检查要点/);
    assert.match(text, /_input_charset/);
  });

  it('decodes a gateway URL in a log into a labelled parameter table and reports the sign check', async () => {
    const url = 'https://mapi.alipay.com/gateway.do?service=single_trade_query&partner=2088101122136241&_input_charset=utf-8&out_trade_no=T1&subject=%E6%B5%8B%E8%AF%95&sign_type=MD5&sign=0123456789abcdef0123456789abcdef';
    const uri = write('gateway.log', `2026-01-01 12:00:01 DEBUG GET ${url} 200\n`);
    const text = await hoverAt(uri, 'mapi.alipay', 2);
    assert.match(text, /Parameters \(7, utf-8\)|参数（7 个，utf-8）/);
    assert.match(text, /partner/);
    assert.match(text, /合作者身份ID/);
    assert.match(text, /测试/, 'percent-encoded values are decoded');
    assert.match(text, /sign (verifies|does NOT verify)|sign not checked|no key for this sign_type|sign 已用配置|sign 无法用配置|未验证 sign/);
  });

  it("reads a notification that declares no charset in its profile's charset (GBK here) and verifies its sign, as Verify Signature does", async () => {
    const profile = 'GBK Shop';
    const key = 'gbkshopmd5key0123456789abcdefghi';
    await vscode.workspace.getConfiguration('alipay').update('profiles', [{ name: profile, gateway: 'https://mapi.alipay.com/gateway.do', partner: '2088101122136241', signType: 'MD5', charset: 'gbk' }], vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual(await exec<string>('alipay.switchProfile', { profile }), profile);
      assert.ok(await exec('alipay.setMd5Key', { profile, value: key }));
      // 测试 in GBK is B2 E2 CA D4: the bytes are signed as the gateway signs them, with the test's own MD5.
      const content = Buffer.concat([Buffer.from('notify_id=n1&notify_type=trade_status_sync&subject=', 'ascii'), Buffer.from('b2e2cad4', 'hex'), Buffer.from(`&trade_status=TRADE_SUCCESS${key}`, 'ascii')]);
      const sign = crypto.createHash('md5').update(content).digest('hex');
      const uri = write('notify-gbk.log', `2026-11-30 12:00:02 INFO notify: notify_type=trade_status_sync&notify_id=n1&subject=%B2%E2%CA%D4&trade_status=TRADE_SUCCESS&sign_type=MD5&sign=${sign}\n`);
      const text = await hoverAt(uri, 'notify_id', 2);
      assert.match(text, /gbk/);
      assert.match(text, /测试/, 'the GBK bytes are decoded');
      assert.match(text, /sign verifies with the key of profile "GBK Shop"|sign 已用配置 "GBK Shop" 的密钥验证通过/);
      // One byte changed: the same hover says it does not verify (the check can fail).
      const tampered = write('notify-gbk-tampered.log', `notify: notify_type=trade_status_sync&notify_id=n2&subject=%B2%E2%CA%D4&trade_status=TRADE_SUCCESS&sign_type=MD5&sign=${sign}\n`);
      assert.match(await hoverAt(tampered, 'notify_id', 2), /sign does NOT verify|sign 无法用配置/);
    } finally {
      await exec('alipay.clearSecret', { profile, kind: 'all' });
      await exec('alipay.switchProfile', { profile: 'Sandbox' });
      await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('explains a numeric value in a .java file only where its field is known', async () => {
    const uri = write('Pay.java', 'class Pay {\n  void build(Map<String, String> params) {\n    params.put("payment_type", "1");\n    int retries = 1;\n  }\n}\n');
    const withField = await hoverAt(uri, '"1"', 1);
    assert.match(withField, /Goods purchase/);
    assert.match(withField, /商品购买/);
    const bare = await hoverAt(uri, 'retries = 1', 10);
    assert.doesNotMatch(bare, /Goods purchase|商品购买/);
  });

  it('explains enum values and field names in an .xml response', async () => {
    const uri = write('query.xml', '<?xml version="1.0" encoding="utf-8"?>\n<alipay><response><trade>\n<gathering_type>1</gathering_type>\n<trade_status>TRADE_FINISHED</trade_status>\n<buyer_actions>[REFUND,CONFIRM_GOODS]</buyer_actions>\n</trade></response></alipay>\n');
    assert.match(await hoverAt(uri, '>1<', 1), /商品购买/);
    const status = await hoverAt(uri, 'TRADE_FINISHED', 2);
    assert.match(status, /Trade finished successfully/);
    assert.match(status, /交易成功结束/);
    assert.match(await hoverAt(uri, 'CONFIRM_GOODS', 1), /Confirm receipt of goods/);
    assert.match(await hoverAt(uri, '<trade_status>', 3), /交易状态/);
  });

  it('explains OpenAPI codes in a .json file: a number with its field, a sub-code anywhere', async () => {
    const uri = write('resp.json', '{\n  "alipay_trade_query_response": {\n    "code": "40004",\n    "msg": "Business Failed",\n    "sub_code": "ACQ.TRADE_NOT_EXIST",\n    "retry": "40004 is a number here"\n  }\n}\n');
    const code = await hoverAt(uri, '"40004"', 2);
    assert.match(code, /Business failed/);
    assert.match(code, /业务处理失败/);
    assert.match(await hoverAt(uri, 'ACQ.TRADE_NOT_EXIST', 6), /交易不存在/);
    assert.doesNotMatch(await hoverAt(uri, '40004 is', 1), /Business failed|业务处理失败/);
  });

  it('works on a very long line (only a window of it is read)', async () => {
    const uri = write('long.log', `${'x'.repeat(60_000)} trade_status=WAIT_BUYER_PAY ${'y'.repeat(60_000)}\n`);
    assert.match(await hoverAt(uri, 'WAIT_BUYER_PAY', 4), /Waiting for the buyer to pay/);
  });
});

describe('Alipay: Analyze Log File', function () {
  this.timeout(60_000);

  it('streams a log and returns counts with first and last lines', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-analyze-'));
    try {
      const lines: string[] = [];
      for (let i = 1; i <= 5000; i++) {
        lines.push(i % 100 === 7 ? `line ${i} ERROR <error>ILLEGAL_SIGN</error>` : i % 250 === 3 ? `line ${i} notify trade_status=TRADE_SUCCESS` : `line ${i} INFO nothing here`);
      }
      const file = path.join(tmp, 'app.log');
      fs.writeFileSync(file, lines.join('\n') + '\n');
      const result = await vscode.commands.executeCommand<{ summary: { lines: number; stats: Array<{ token: string; count: number; first: { line: number }; last: { line: number } }> } }>('alipay.analyzeLogFile', vscode.Uri.file(file));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.ok(result, 'the command returns the summary');
      assert.strictEqual(result.summary.lines, 5000);
      const sign = result.summary.stats.find((s) => s.token === 'ILLEGAL_SIGN')!;
      assert.deepStrictEqual([sign.count, sign.first.line, sign.last.line], [50, 7, 4907]);
      const ok = result.summary.stats.find((s) => s.token === 'TRADE_SUCCESS')!;
      assert.deepStrictEqual([ok.count, ok.first.line, ok.last.line], [20, 3, 4753]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
