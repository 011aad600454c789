// A small reverse proxy on 127.0.0.1 that serves a target under a path prefix,
// the way code-server serves a port at /proxy/<port>/: the prefix is stripped
// on the way in, the Host header is kept, and anything outside the prefix gets
// the proxy's own 404 (so an absolute link that escapes the prefix fails).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PrefixProxy {
  /** e.g. http://127.0.0.1:PORT/proxy/8787/ */
  base: string;
  /** Paths requested outside the prefix (what a broken absolute link would hit). */
  escaped: string[];
  close(): Promise<void>;
}

export async function startPrefixProxy(targetOrigin: string, prefix = '/proxy/8787/'): Promise<PrefixProxy> {
  const target = new URL(targetOrigin);
  const escaped: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(prefix)) {
      escaped.push(`${req.method} ${url}`);
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Unsupported method ${req.method}\n`);
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: '/' + url.slice(prefix.length), headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}${prefix}`,
    escaped,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The `action` of the form holding a button named `button`, and its hidden fields, from an emulator page. */
export function formOf(html: string, button: string): { action: string; body: string } {
  for (const m of html.matchAll(/<form method="post" action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!m[2].includes(`name="${button}"`)) continue;
    const fields = [...m[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((f) => `${encodeURIComponent(f[1])}=${encodeURIComponent(f[2])}`);
    return { action: m[1].replace(/&amp;/g, '&'), body: fields.join('&') };
  }
  throw new Error(`no form with a "${button}" button in the page`);
}
