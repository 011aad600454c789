// `.alipay` request files in the real editor: completion, diagnostics and
// quick fixes, hovers, CodeLens; then sending over real HTTP to the local
// gateway emulator (create → cashier → pay → query in the preview, shipment
// confirmation), the production gate, redacted history and every network
// failure with its own message. Everything talks to 127.0.0.1 only.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startGateway, type RunningGateway } from '../../src/emulator';
import type { SendOutcome } from '../../src/extension/requestFile/commands';
import { probeAvailable, waitForWebviewText } from './probe';
import { activateExtension, closeAll, exec } from './shell-helpers';

/** Resolves when `check` holds for the document's Alipay diagnostics (event-driven, no sleeps). */
function diagnosticsWhere(uri: vscode.Uri, check: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const mine = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'alipay');
  if (check(mine())) return Promise.resolve(mine());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics never matched; last: ${JSON.stringify(mine().map((d) => [d.code, d.message]))}`));
    }, 10000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (check(mine())) {
        clearTimeout(timer);
        sub.dispose();
        resolve(mine());
      }
    });
  });
}

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

function httpPostForm(url: string, form: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = new URLSearchParams(form).toString();
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

async function stop(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

describe('Request files (.alipay)', function () {
  this.timeout(60000);
  let gw: RunningGateway;
  let dir: string;
  let md5Key: string;
  let partner: string;
  let counted = 0;
  let counting: http.Server;

  const write = async (name: string, text: string): Promise<vscode.TextEditor> => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.strictEqual(doc.languageId, 'alipay', '*.alipay files get the alipay language');
    return vscode.window.showTextDocument(doc, { preview: false });
  };

  before(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-reqfile-'));
    gw = await startGateway({ port: 0, keyDir: path.join(dir, 'emulator') });
    partner = gw.merchants[0].partner;
    md5Key = fs.readFileSync(gw.merchants[0].keyFiles.md5Key as string, 'utf8').trim();
    counting = http.createServer((_q, res) => {
      counted++;
      res.end('<alipay><is_success>T</is_success></alipay>');
    });
    const countingPort = await listen(counting);
    await vscode.workspace.getConfiguration('alipay').update(
      'profiles',
      [
        { name: 'Local', gateway: gw.url, partner, signType: 'MD5', charset: 'utf-8' },
        // The built-in Production profile pointed at a counting server: still "production" by name.
        { name: 'Production', gateway: `http://127.0.0.1:${countingPort}/gateway.do`, partner, signType: 'MD5' },
      ],
      vscode.ConfigurationTarget.Global,
    );
    for (const profile of ['Local', 'Production']) {
      const r = await exec<{ fingerprint: string } | undefined>('alipay.setMd5Key', { profile, value: md5Key });
      assert.ok(r?.fingerprint, `MD5 key stored for ${profile}`);
    }
    assert.strictEqual(await exec<string>('alipay.switchProfile', { profile: 'Local' }), 'Local');
  });

  after(async () => {
    // Leave the workbench as found: save the temp files this suite edited, then close every tab.
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath.startsWith(dir)) await d.save();
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
    await closeAll();
    await vscode.workspace.getConfiguration('alipay').update('profiles', undefined, vscode.ConfigurationTarget.Global);
    await exec('alipay.switchProfile', { profile: 'Sandbox' });
    await gw?.close();
    if (counting) await stop(counting);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completes service names, the chosen service\'s parameters with docs, and enum values', async () => {
    const ed = await write('complete.alipay', '### q\nPOST Local\nservice = \n');
    const at = async (line: number, ch: number): Promise<vscode.CompletionItem[]> =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', ed.document.uri, new vscode.Position(line, ch))).items;
    const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

    const services = await at(2, 10);
    assert.ok(services.some((i) => label(i) === 'single_trade_query'), 'service names offered');
    assert.ok(services.some((i) => label(i) === 'send_goods_confirm_by_platform'));

    await ed.edit((b) => b.replace(new vscode.Range(2, 0, 2, 10), 'service = send_goods_confirm_by_platform\n'));
    const params = await at(3, 0);
    const tradeNo = params.find((i) => label(i) === 'trade_no');
    assert.ok(tradeNo, `trade_no offered, got ${params.map(label).join(',')}`);
    const doc = tradeNo.documentation instanceof vscode.MarkdownString ? tradeNo.documentation.value : String(tradeNo.documentation);
    assert.match(doc, /required|必填/, 'parameter docs from the catalog');
    assert.ok(!params.some((i) => label(i) === 'sign' || label(i) === 'sign_type' || label(i) === 'service'), 'no sign, sign_type or present params');

    await ed.edit((b) => b.insert(new vscode.Position(3, 0), 'transport_type = '));
    const values = await at(3, 17);
    assert.deepStrictEqual(values.map(label).sort(), ['EMS', 'EXPRESS', 'POST']);
  });

  it('shows diagnostics from the catalog and quick fixes that add the missing parameters', async () => {
    const ed = await write('diag.alipay', ['### ship', 'POST Local', 'service = send_goods_confirm_by_platform', 'partner = {{partner}}', 'sign = deadbeef', 'partner = 2088', ''].join('\n'));
    const uri = ed.document.uri;
    const diags = await diagnosticsWhere(uri, (d) => d.some((x) => x.code === 'MISSING_REQUIRED'));
    const codes = diags.map((d) => String(d.code));
    assert.ok(codes.includes('HAND_SIGN'), codes.join());
    assert.ok(codes.includes('DUPLICATE'), codes.join());
    assert.ok(codes.includes('BAD_VALUE'), codes.join());
    const missing = diags.find((d) => d.code === 'MISSING_REQUIRED')!;
    assert.match(missing.message, /trade_no/);
    assert.strictEqual(missing.range.start.line, 1);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => /missing parameters|缺少的参数/.test(a.title));
    assert.ok(add?.edit, `a quick fix for the missing parameters, got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    const text = ed.document.getText();
    assert.match(text, /^_input_charset = utf-8$/m);
    assert.match(text, /^trade_no = $/m);
    assert.match(text, /^logistics_name = $/m);
    await diagnosticsWhere(uri, (d) => !d.some((x) => x.code === 'MISSING_REQUIRED'));

    const signDiag = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'HAND_SIGN')!;
    const removes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, signDiag.range, vscode.CodeActionKind.QuickFix.value);
    const remove = removes.find((a) => /hand-written sign|手写的 sign/.test(a.title));
    assert.ok(remove?.edit);
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    assert.doesNotMatch(ed.document.getText(), /^sign = /m);
  });

  it('explains parameters and values on hover', async () => {
    const ed = await write('hover.alipay', '### ship\nPOST Local\nservice = send_goods_confirm_by_platform\ntransport_type = EXPRESS\npartner = {{partner}}\n');
    const hover = async (line: number, ch: number): Promise<string> => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ed.document.uri, new vscode.Position(line, ch));
      // Markdown as VS Code escapes it (`\_`, `&nbsp;`), turned back into plain text.
      return hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    };
    assert.match(await hover(3, 3), /transport_type/);
    assert.match(await hover(3, 20), /Express|快递/);
    assert.match(await hover(2, 15), /Confirm shipment|确认发货/);
    assert.match(await hover(4, 13), new RegExp(partner));
  });

  it('puts Send, Copy signed URL, Show pre-sign string on every request, and Open in browser on page services', async () => {
    const ed = await write('lens.alipay', '### a\nGET Local\nservice = create_direct_pay_by_user\n\n### b\nPOST Local\nservice = single_trade_query\n\n### c\nPOST\nservice = send_goods_confirm_by_platform\n');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ed.document.uri, 10);
    const byLine = new Map<number, string[]>();
    for (const l of lenses) byLine.set(l.range.start.line, [...(byLine.get(l.range.start.line) ?? []), l.command?.command ?? '']);
    assert.deepStrictEqual([...byLine.keys()].sort((a, b) => a - b), [1, 5, 9]);
    for (const [, cmds] of byLine) {
      for (const c of ['alipay.sendRequest', 'alipay.copySignedUrl', 'alipay.showRequestPresign']) assert.ok(cmds.includes(c), `${c} in ${cmds.join()}`);
    }
    assert.ok(byLine.get(1)!.includes('alipay.openRequestInBrowser'));
    assert.ok(!byLine.get(5)!.includes('alipay.openRequestInBrowser'));
  });

  it('creates a trade whose signed URL opens the emulator cashier, pays, and shows the new status in the preview', async () => {
    const order = `IT${Date.now()}`;
    const ed = await write(
      'trade.alipay',
      [
        '@order = ' + order,
        '### Create',
        'GET Local',
        'service = create_direct_pay_by_user',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'out_trade_no = {{order}}',
        'subject = 测试商品',
        'payment_type = 1',
        'total_fee = 0.01',
        'seller_email = ' + gw.merchants[0].sellerEmail,
        '',
        '### Query',
        'POST Local',
        'service = single_trade_query',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        'out_trade_no = {{order}}',
        '',
      ].join('\n'),
    );
    const uri = ed.document.uri.toString();
    const copied = await exec<{ copied: boolean }>('alipay.copySignedUrl', { uri, index: 1 });
    assert.strictEqual(copied.copied, true);
    const url = await vscode.env.clipboard.readText();
    assert.ok(url.startsWith(gw.url + '?service=create_direct_pay_by_user&'), url);
    assert.match(url, /&sign=[0-9a-f]{32}&sign_type=MD5$/);
    const cashier = await httpGet(url);
    assert.strictEqual(cashier.status, 200);
    assert.match(cashier.body, /Alipay cashier/);
    const tradeNo = /name="trade_no" value="(\d+)"/.exec(cashier.body)?.[1];
    assert.ok(tradeNo, 'the cashier shows the new trade');
    assert.strictEqual(gw.trade(tradeNo)?.outTradeNo, order);

    const paid = await httpPostForm(`${gw.origin}/__emulator/cashier/pay`, { trade_no: tradeNo });
    assert.ok(paid < 400, `pay answered HTTP ${paid}`);
    assert.strictEqual(gw.trade(tradeNo)?.status, 'TRADE_SUCCESS');

    const outcome = await exec<SendOutcome>('alipay.sendRequest', { uri, index: 2 });
    assert.strictEqual(outcome.sent, true, outcome.message);
    assert.strictEqual(outcome.success, true);
    assert.ok(outcome.preview?.rendered, 'the answer opened in the preview');
    assert.strictEqual(outcome.preview?.success, true);
    if (probeAvailable()) await waitForWebviewText('TRADE_SUCCESS', 15000);

    const presign = await exec<{ presign?: string }>('alipay.showRequestPresign', { uri, index: 2 });
    assert.strictEqual(presign.presign, `_input_charset=utf-8&out_trade_no=${order}&partner=${partner}&service=single_trade_query`);
  });

  it('confirms shipment of a paid escrow trade (send_goods_confirm_by_platform)', async () => {
    const order = `ES${Date.now()}`;
    const ed = await write(
      'escrow.alipay',
      [
        '### Escrow trade',
        'GET Local',
        'service = create_partner_trade_by_buyer',
        'partner = {{partner}}',
        '_input_charset = utf-8',
        `out_trade_no = ${order}`,
        'subject = escrow',
        'payment_type = 1',
        'logistics_type = EXPRESS',
        'logistics_fee = 0.00',
        'logistics_payment = SELLER_PAY',
        'price = 0.01',
        'quantity = 1',
        'seller_email = ' + gw.merchants[0].sellerEmail,
        '',
      ].join('\n'),
    );
    const uri = ed.document.uri.toString();
    const created = await exec<SendOutcome>('alipay.sendRequest', { uri, index: 1 });
    assert.strictEqual(created.sent, true, created.message);
    assert.strictEqual(created.kind, 'html', 'a page service answers with a page');
    const trade = gw.trades().find((t) => t.outTradeNo === order);
    assert.ok(trade);
    await gw.pay(trade.tradeNo);
    assert.strictEqual(gw.trade(trade.tradeNo)?.status, 'WAIT_SELLER_SEND_GOODS');

    await ed.edit((b) =>
      b.insert(ed.document.lineAt(ed.document.lineCount - 1).range.end, ['### Ship', 'POST Local', 'service = send_goods_confirm_by_platform', 'partner = {{partner}}', '_input_charset = utf-8', `trade_no = ${trade.tradeNo}`, 'logistics_name = SF Express', 'transport_type = EXPRESS', ''].join('\n')),
    );
    const shipped = await exec<SendOutcome>('alipay.sendRequest', { uri, index: 2 });
    assert.strictEqual(shipped.sent, true, shipped.message);
    assert.strictEqual(shipped.success, true);
    assert.strictEqual(gw.trade(trade.tradeNo)?.status, 'WAIT_BUYER_CONFIRM_GOODS');
    if (probeAvailable()) await waitForWebviewText('WAIT_BUYER_CONFIRM_GOODS', 15000);
  });

  it('asks before anything goes to production; declining leaves the server untouched', async () => {
    const ed = await write('prod.alipay', '### careful\nPOST Production\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_no = 1\n');
    const before = counted;
    const r = await exec<SendOutcome>('alipay.sendRequest', { uri: ed.document.uri.toString(), index: 1, declineProduction: true });
    assert.deepStrictEqual([r.sent, r.reason], [false, 'declined']);
    const b = await exec<{ opened: boolean }>('alipay.openRequestInBrowser', { uri: ed.document.uri.toString(), index: 1, declineProduction: true });
    assert.strictEqual(b.opened, false);
    assert.strictEqual(counted, before, 'no request reached the production server');
  });

  it('keeps history without any sign value or key, and re-opens an answer from it', async () => {
    const ed = await write('hist.alipay', '### q\nPOST Local\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_no = NONE\n');
    const r = await exec<SendOutcome>('alipay.sendRequest', { uri: ed.document.uri.toString(), index: 1 });
    assert.strictEqual(r.sent, true, r.message);
    assert.strictEqual(r.success, false);
    assert.strictEqual(r.errorCode, 'TRADE_NOT_EXIST');
    assert.ok(r.historyFile && fs.existsSync(r.historyFile));
    const text = fs.readFileSync(r.historyFile, 'utf8');
    assert.ok(text.includes('single_trade_query'));
    assert.ok(!text.includes(md5Key), 'no MD5 key in history');
    assert.doesNotMatch(text, /<sign>(?!\[REDACTED\])[^<]+<\/sign>/, 'no sign value from answers');
    assert.doesNotMatch(text, /\bsign\s*=\s*(?!\[REDACTED\])[0-9a-f]/i, 'no sign value from requests');
    assert.doesNotMatch(text, /PRIVATE KEY/);
    const reopened = await exec<{ preview?: { rendered: boolean } }>('alipay.showHistory', { id: r.historyId, action: 'open' });
    assert.ok(reopened.preview?.rendered);
    const again = await exec<{ outcome?: SendOutcome }>('alipay.showHistory', { id: r.historyId, action: 'resend' });
    assert.strictEqual(again.outcome?.errorCode, 'TRADE_NOT_EXIST', 'the stored request re-sends as it was');
  });

  it('names each network failure: refused, DNS, timeout, TLS, HTTP 5xx, not XML', async () => {
    const closed = net.createServer();
    const closedPort = await listen(closed);
    await new Promise<void>((r) => closed.close(() => r()));
    const bad = http.createServer((req, res) => {
      if (req.url?.startsWith('/hang')) return; // never answers
      if (req.url?.startsWith('/five')) {
        res.writeHead(503);
        res.end('busy');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end('garbage, not xml');
    });
    const badPort = await listen(bad);
    const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alipay-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(certDir, 'k.pem'), '-out', path.join(certDir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tls = https.createServer({ key: fs.readFileSync(path.join(certDir, 'k.pem')), cert: fs.readFileSync(path.join(certDir, 'c.pem')) }, (_q, res) => res.end('<alipay/>'));
    const tlsPort = await listen(tls);
    try {
      const cases: Array<[string, string, RegExp, number?]> = [
        ['REFUSED', `http://127.0.0.1:${closedPort}/gateway.do`, /refused|拒绝连接/],
        ['DNS', 'https://nonexistent.invalid/gateway.do', /cannot be resolved|无法解析/],
        ['TIMEOUT', `http://127.0.0.1:${badPort}/hang`, /timeout|超时/, 300],
        ['TLS', `https://127.0.0.1:${tlsPort}/gateway.do`, /TLS/],
        ['HTTP_5XX', `http://127.0.0.1:${badPort}/five`, /HTTP 503/],
        ['NOT_XML', `http://127.0.0.1:${badPort}/garbage`, /not XML|不是 XML/],
      ];
      const messages = new Set<string>();
      for (const [kind, url, message, timeoutMs] of cases) {
        const ed = await write(`fail-${kind}.alipay`, `POST ${url}\nservice = single_trade_query\npartner = {{partner}}\n_input_charset = utf-8\nout_trade_no = 1\n`);
        const r = await exec<SendOutcome>('alipay.sendRequest', { uri: ed.document.uri.toString(), index: 1, timeoutMs });
        assert.strictEqual(r.sent, false);
        assert.strictEqual(r.failure, kind, `${url}: ${r.message}`);
        assert.match(r.message ?? '', message);
        messages.add(r.message ?? '');
      }
      assert.strictEqual(messages.size, cases.length, 'each failure has its own message');
    } finally {
      await stop(bad);
      tls.closeAllConnections();
      await new Promise<void>((r) => tls.close(() => r()));
      fs.rmSync(certDir, { recursive: true, force: true });
    }
  });

  it('writes a New Request block with the service\'s required parameters', async () => {
    const ed = await write('new.alipay', '');
    const r = await exec<{ inserted: boolean }>('alipay.newRequest', { service: 'single_trade_query', uri: ed.document.uri.toString() });
    assert.strictEqual(r.inserted, true);
    const text = ed.document.getText();
    assert.match(text, /^### single_trade_query\nPOST Local\nservice = single_trade_query\npartner = \{\{partner\}\}\n_input_charset = utf-8\n/);
    assert.match(text, /^trade_no = $/m, 'one of the trade_no / out_trade_no group');
  });
});
