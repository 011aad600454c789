/**
 * Webview probe: lets a suite (running in the extension host, which cannot see
 * the browser) read what a webview rendered.
 *
 * How it works: scripts/test-integration.js serves a small HTTP API on
 * 127.0.0.1 and puts its URL in ALIPAY_TEST_PROBE, which code-server's
 * extension host inherits. The runner answers by evaluating in every frame of
 * the workbench page via Playwright (`page.frames()`); a webview's content is a
 * frame whose URL holds `/webview/browser/pre/` (or `vscode-webview:`).
 *
 * API (all async; each throws a clear Error if the probe is not available):
 *   webviewFrames(opts?)            → FrameInfo[] of webview frames right now
 *   allFrames(opts?)                → FrameInfo[] of every frame (workbench included)
 *   waitForWebviewText(s, ms, opts?)→ the first webview frame whose text contains s;
 *                                     polls until found or ms passes, then throws
 *                                     showing what the webviews did contain
 *   clickInWebview(selector)        → clicks the first element matching the CSS
 *                                     selector in any webview frame
 *   screenshot(name)                → saves test-results/<name>.png, returns its path
 *   probeAvailable()                → whether ALIPAY_TEST_PROBE is set
 *   log(...args)                    → a line in the runner's output (plain console.log
 *                                     lines are hidden among the workbench's log)
 * opts: { globals?: string[] } reads window[name] in each frame (JSON values) —
 * e.g. a marker your page script sets; { html?: true } adds the frame's outerHTML.
 *
 * Example:
 *   const f = await waitForWebviewText('TRADE_FINISHED', 10000, { globals: ['__ready'] });
 *   assert.strictEqual(f.globals.__ready, true);
 *
 * Under `npm run test:electron` the runner tries to provide the same API over
 * the desktop window's DevTools port; see scripts/test-electron.js.
 */

import { format } from 'util';

export interface FrameInfo {
  url: string;
  name: string;
  /** Whether this frame holds webview content. */
  webview: boolean;
  /** document.body.innerText ('' if the frame has no body yet). */
  text: string;
  /** window[name] for each name asked for in opts.globals (undefined if unset). */
  globals: Record<string, unknown>;
  /** document.documentElement.outerHTML when opts.html is true. */
  html?: string;
}

export interface FrameQuery {
  globals?: string[];
  html?: boolean;
}

const POLL_MS = 100;

export function log(...args: unknown[]): void {
  console.log((process.env.ALIPAY_TEST_CONSOLE_MARK ?? '') + format(...args));
}

export function probeAvailable(): boolean {
  return !!process.env.ALIPAY_TEST_PROBE;
}

function probeUrl(pathAndQuery: string): string {
  const base = process.env.ALIPAY_TEST_PROBE;
  if (!base) {
    throw new Error('Webview probe unavailable: ALIPAY_TEST_PROBE is not set (run the suite with npm run test:integration)');
  }
  return base.replace(/\/$/, '') + pathAndQuery;
}

async function call<T>(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<T> {
  const res = await fetch(probeUrl(pathAndQuery), {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Webview probe ${method} ${pathAndQuery} failed (${res.status}): ${text}`);
  return JSON.parse(text) as T;
}

function frameQuery(webviewOnly: boolean, opts: FrameQuery): string {
  const q = new URLSearchParams();
  if (webviewOnly) q.set('webview', '1');
  if (opts.globals?.length) q.set('globals', opts.globals.join(','));
  if (opts.html) q.set('html', '1');
  return `/frames?${q.toString()}`;
}

export function allFrames(opts: FrameQuery = {}): Promise<FrameInfo[]> {
  return call<FrameInfo[]>('GET', frameQuery(false, opts));
}

export function webviewFrames(opts: FrameQuery = {}): Promise<FrameInfo[]> {
  return call<FrameInfo[]>('GET', frameQuery(true, opts));
}

export async function waitForWebviewText(substring: string, timeoutMs = 10000, opts: FrameQuery = {}): Promise<FrameInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await webviewFrames(opts);
    const hit = seen.find((f) => f.text.includes(substring));
    if (hit) return hit;
    if (Date.now() >= deadline) throw new Error(noTextMessage(substring, timeoutMs, seen));
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function noTextMessage(substring: string, timeoutMs: number, seen: FrameInfo[]): string {
  const shown = seen.map((f) => `  ${f.url.slice(0, 100)}: ${JSON.stringify(f.text.slice(0, 300))}`).join('\n') || '  (no webview frames)';
  return `No webview showed ${JSON.stringify(substring)} within ${timeoutMs} ms. Webview frames:\n${shown}`;
}

export async function clickInWebview(selector: string): Promise<void> {
  await call<{ clicked: string }>('POST', '/click', { selector });
}

export async function screenshot(name: string): Promise<string> {
  const r = await call<{ path: string }>('POST', `/screenshot?name=${encodeURIComponent(name)}`);
  return r.path;
}
