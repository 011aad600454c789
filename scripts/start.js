// npm start — VS Code (code-server) in your browser with this extension loaded
// from the working tree and a temp copy of samples/ as the workspace.
//
//   node scripts/start.js [--port <n>]
//
// Prints the URL to open (127.0.0.1 only; forward the port to reach it from
// another machine) and runs until Ctrl-C, which stops code-server. Rebuild
// with `npm run build` and reload the window (Developer: Reload Window) to
// pick up changes.
'use strict';

const fs = require('fs');
const host = require('./vscode-host');

function parseArgs(argv) {
  const opts = { port: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (expected --port <n>)`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port needs a port number');
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  host.build();
  const workspace = host.copySamples();
  const server = await host.startCodeServer({ port: opts.port || undefined });
  let stopped = false;
  const stop = (code) => {
    if (stopped) return;
    stopped = true;
    server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.onExit((code) => {
    process.stderr.write(`code-server exited (${code}); last output:\n${server.output().slice(-3000)}\n`);
    stop(1);
  });
  const url = host.workbenchUrl(server.origin, { folder: workspace, extensionDevelopmentPath: host.ROOT });
  process.stdout.write(`VS Code with Alipay Toolkit (workspace: ${workspace}):\n\n  ${url}\n\nPress Ctrl-C to stop.\n`);
}

main().catch((e) => {
  process.stderr.write(`npm start failed: ${e.message || e}\n`);
  process.exitCode = 1;
});
