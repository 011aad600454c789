// The unit stage stays in-process and fast (< 60 s on 2 cores): no child
// processes, sockets, toolchains or large generated files here. Tests that need
// them belong in test/node/ (npm run test:node), the editor in test/integration/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const UNIT = __dirname;

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from ['"](node:)?child_process['"]|require\(['"](node:)?child_process['"]\)/, 'starts child processes'],
  [/from ['"](node:)?(net|http|https|http2|tls|dgram)['"]/, 'opens sockets'],
  [/\bstartGateway\b|\bfetch\(/, 'talks to a server'],
  [/\bopenssl\(|toolchains['"]/, 'runs a toolchain'],
  [/logGen['"]/, 'generates large files'],
];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('test stages', () => {
  // support/signing.ts keeps the shared openssl helper for test/node; unit tests may not call it.
  const files = filesUnder(UNIT).filter((f) => path.relative(UNIT, f) !== path.join('support', 'signing.ts') && f !== __filename);

  for (const file of files) {
    it(`test/unit/${path.relative(UNIT, file)} stays in-process`, () => {
      const src = fs.readFileSync(file, 'utf8');
      const broken = FORBIDDEN.filter(([re]) => re.test(src)).map(([, why]) => why);
      assert.deepEqual(broken, [], `test/unit/${path.relative(UNIT, file)} ${broken.join(', ')}: move it to test/node/`);
    });
  }
});
