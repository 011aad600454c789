// The browser half of webview tests: a small HTTP API on 127.0.0.1 that the
// suite (inside the extension host, which cannot see the browser) calls through
// test/integration/probe.ts. Answers by evaluating in the workbench page's
// frames via Playwright. Used by scripts/test-integration.js and test-electron.js.
//
//   GET  /frames[?webview=1][&globals=a,b][&html=1]  → [{url,name,webview,text,globals,html?}]
//   POST /click   {"selector": "css"}                → clicks it in the first webview frame having it
//   POST /screenshot?name=x                          → saves test-results/x.png, returns {path}
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const PAGE_WAIT_MS = 15000;

const isWebviewUrl = (url) => url.includes('/webview/browser/pre/') || url.startsWith('vscode-webview:');

function safeName(name) {
  return String(name || 'screenshot').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'screenshot';
}

async function saveScreenshot(page, name) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${safeName(name)}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** What /frames reports for one frame; frames that navigate away mid-read are skipped. */
async function describeFrame(frame, globals, html) {
  const info = await frame.evaluate(([names, withHtml]) => {
    const g = {};
    for (const n of names) {
      const v = window[n];
      try {
        g[n] = v === undefined ? undefined : JSON.parse(JSON.stringify(v));
      } catch {
        g[n] = String(v); // not JSON-able (cycles, DOM nodes)
      }
    }
    return {
      text: document.body ? document.body.innerText : '',
      globals: g,
      html: withHtml ? document.documentElement.outerHTML : undefined,
    };
  }, [globals, html]);
  return { url: frame.url(), name: frame.name(), webview: isWebviewUrl(frame.url()), ...info };
}

/** The page, waiting a bounded time for the runner to have one (test-electron attaches late). */
async function waitForPage(getPage) {
  const deadline = Date.now() + PAGE_WAIT_MS;
  let page = getPage();
  while (!page && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    page = getPage();
  }
  return page;
}

/** The probe's HTTP API over the current page (`getPage()` returns it once the browser is up). */
function startProbe(getPage) {
  const readBody = (req) => new Promise((resolve, reject) => {
    let s = '';
    req.on('data', (d) => { s += d; });
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
  const server = http.createServer(async (req, res) => {
    const send = (status, obj) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(obj));
    };
    try {
      const page = await waitForPage(getPage);
      if (!page) return send(503, { error: 'the browser page is not available' });
      const url = new URL(req.url, 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname === '/frames') {
        const webviewOnly = url.searchParams.get('webview') === '1';
        const globals = (url.searchParams.get('globals') || '').split(',').filter(Boolean);
        const html = url.searchParams.get('html') === '1';
        const frames = page.frames().filter((f) => !webviewOnly || isWebviewUrl(f.url()));
        const out = [];
        for (const f of frames) {
          try {
            out.push(await describeFrame(f, globals, html));
          } catch {
            /* detached or navigating frame: not there any more */
          }
        }
        return send(200, out);
      }
      if (req.method === 'POST' && url.pathname === '/click') {
        const { selector } = JSON.parse((await readBody(req)) || '{}');
        if (!selector) return send(400, { error: 'body must be {"selector": "<css>"}' });
        for (const f of page.frames().filter((fr) => isWebviewUrl(fr.url()))) {
          const el = await f.$(selector).catch(() => null);
          if (el) {
            await el.click();
            return send(200, { clicked: selector, url: f.url() });
          }
        }
        return send(404, { error: `no webview frame has an element matching ${selector}` });
      }
      if (req.method === 'POST' && url.pathname === '/screenshot') {
        const file = await saveScreenshot(page, url.searchParams.get('name'));
        process.stdout.write(`Screenshot: ${path.relative(ROOT, file)}\n`);
        return send(200, { path: file });
      }
      return send(404, { error: `unknown probe endpoint ${req.method} ${url.pathname}` });
    } catch (e) {
      return send(500, { error: String(e && e.message ? e.message : e) });
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { startProbe, saveScreenshot, isWebviewUrl, RESULTS_DIR };
