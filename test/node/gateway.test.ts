// The gateway client against local servers on 127.0.0.1 only: each failure a
// developer meets (refused, DNS, timeout, TLS, 5xx, not XML) gets its own error.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { buildHttpRequest, GatewayError, sendToGateway } from '../../src/core/gateway';

type Handler = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: string; seen: Array<{ method: string; url: string; body: string; headers: http.IncomingHttpHeaders }>; close: () => Promise<void> }> {
  const seen: Array<{ method: string; url: string; body: string; headers: http.IncomingHttpHeaders }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', body: body.toString('latin1'), headers: req.headers });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/gateway.do`,
    seen,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

const params = [
  { name: 'service', value: 'single_trade_query' },
  { name: '_input_charset', value: 'gbk' },
  { name: 'subject', value: '贝尔金 护腕' },
  { name: 'sign', value: 'a+b/c=' },
  { name: 'sign_type', value: 'RSA' },
];

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GatewayError, `expected a GatewayError, got ${String(e)}`);
    return e;
  }
  assert.fail('the send succeeded but should have failed');
}

describe('gateway client', () => {
  it('POSTs a form in the request charset with _input_charset also in the query string', async () => {
    const s = await serve((_q, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=GBK' });
      res.end(iconv.encode('<?xml version="1.0" encoding="GBK"?><alipay><is_success>T</is_success><error>交易</error></alipay>', 'gbk'));
    });
    try {
      const r = await sendToGateway({ gateway: s.url, method: 'POST', params, charset: 'gbk' });
      assert.strictEqual(s.seen[0].method, 'POST');
      assert.strictEqual(s.seen[0].url, '/gateway.do?_input_charset=gbk');
      assert.strictEqual(s.seen[0].body, 'service=single_trade_query&_input_charset=gbk&subject=%B1%B4%B6%FB%BD%F0+%BB%A4%CD%F3&sign=a%2Bb%2Fc%3D&sign_type=RSA');
      assert.match(String(s.seen[0].headers['content-type']), /application\/x-www-form-urlencoded/);
      assert.strictEqual(r.kind, 'xml');
      assert.strictEqual(r.charsetFrom, 'content-type');
      assert.match(r.body, /<error>交易<\/error>/);
    } finally {
      await s.close();
    }
  });

  it('GETs with every parameter in the query and decodes by the XML declaration when Content-Type has no charset', async () => {
    const s = await serve((_q, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(iconv.encode('<?xml version="1.0" encoding="gbk"?><alipay><is_success>F</is_success><error>中文</error></alipay>', 'gbk'));
    });
    try {
      const r = await sendToGateway({ gateway: s.url, method: 'GET', params, charset: 'utf-8' });
      assert.match(s.seen[0].url, /^\/gateway\.do\?service=single_trade_query&_input_charset=gbk&subject=%E8%B4%9D/);
      assert.strictEqual(r.charsetFrom, 'xml-declaration');
      assert.match(r.body, /中文/);
    } finally {
      await s.close();
    }
  });

  it('reports a plain true/false answer (notify_verify) as text, decoded in the request charset', async () => {
    const s = await serve((_q, _b, res) => res.end('true'));
    try {
      const r = await sendToGateway({ gateway: s.url, method: 'GET', params: params.slice(0, 2), charset: 'gbk' });
      assert.deepStrictEqual([r.kind, r.body, r.charsetFrom], ['text', 'true', 'request']);
    } finally {
      await s.close();
    }
  });

  it('does not repeat a parameter already in the gateway URL', () => {
    const b = buildHttpRequest('http://127.0.0.1:1/gateway.do?_input_charset=utf-8', 'POST', [{ name: '_input_charset', value: 'utf-8' }], 'utf-8');
    assert.strictEqual(b.url, 'http://127.0.0.1:1/gateway.do?_input_charset=utf-8');
  });

  it('refuses plain http to anything but this computer, without sending', async () => {
    const e = await failure(sendToGateway({ gateway: 'http://mapi.alipay.com/gateway.do', method: 'GET', params, charset: 'utf-8' }));
    assert.strictEqual(e.kind, 'BAD_GATEWAY');
    assert.match(e.message, /https/);
    assert.match(e.localized('zh'), /https/);
  });

  it('says "connection refused" when nothing listens', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const e = await failure(sendToGateway({ gateway: `http://127.0.0.1:${port}/gateway.do`, method: 'GET', params, charset: 'utf-8' }));
    assert.strictEqual(e.kind, 'REFUSED');
    assert.match(e.message, /Connection refused by 127\.0\.0\.1/);
    assert.match(e.localized('zh'), /拒绝连接/);
  });

  it('says the name cannot be resolved for an unknown host (DNS)', async () => {
    const e = await failure(sendToGateway({ gateway: 'https://nonexistent.invalid/gateway.do', method: 'GET', params, charset: 'utf-8', timeoutMs: 15000 }));
    assert.strictEqual(e.kind, 'DNS');
    assert.match(e.message, /nonexistent\.invalid cannot be resolved/);
    assert.match(e.localized('zh'), /DNS/);
  });

  it('gives up after the timeout when the server never answers, and can be cancelled', async () => {
    const s = await serve(() => undefined); // reads the request, never answers
    try {
      const e = await failure(sendToGateway({ gateway: s.url, method: 'GET', params, charset: 'utf-8', timeoutMs: 200 }));
      assert.strictEqual(e.kind, 'TIMEOUT');
      assert.match(e.message, /within 0\.2 s/);
      const ac = new AbortController();
      const p = sendToGateway({ gateway: s.url, method: 'GET', params, charset: 'utf-8', signal: ac.signal });
      ac.abort();
      assert.strictEqual((await failure(p)).kind, 'CANCELLED');
    } finally {
      await s.close();
    }
  });

  it('reports HTTP 5xx and a body that is not XML, each with its own message', async () => {
    const s = await serve((req, _b, res) => {
      if (req.url?.includes('five')) {
        res.writeHead(502);
        res.end('bad gateway');
      } else {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end('\u0000garbage{not xml');
      }
    });
    try {
      const e5 = await failure(sendToGateway({ gateway: s.url + '?five=1', method: 'GET', params, charset: 'utf-8' }));
      assert.strictEqual(e5.kind, 'HTTP_5XX');
      assert.match(e5.message, /HTTP 502/);
      const eg = await failure(sendToGateway({ gateway: s.url, method: 'GET', params, charset: 'utf-8' }));
      assert.strictEqual(eg.kind, 'NOT_XML');
      assert.match(eg.message, /not XML \(application\/octet-stream\)/);
      assert.notStrictEqual(e5.message, eg.message);
    } finally {
      await s.close();
    }
  });

  it('reports an untrusted certificate as a TLS failure (self-signed server on 127.0.0.1)', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      const cert = fs.readFileSync(path.join(dir, 'c.pem'));
      const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'k.pem')), cert }, (_q, res) => res.end('<alipay><is_success>T</is_success></alipay>'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/gateway.do`;
      try {
        const e = await failure(sendToGateway({ gateway: url, method: 'GET', params, charset: 'utf-8' }));
        assert.strictEqual(e.kind, 'TLS');
        assert.match(e.message, /TLS: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED)/);
        // The same server is fine once its certificate is trusted: the failure was the certificate.
        const ok = await sendToGateway({ gateway: url, method: 'GET', params, charset: 'utf-8', ca: cert });
        assert.strictEqual(ok.kind, 'xml');
      } finally {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
