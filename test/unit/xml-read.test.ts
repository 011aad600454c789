// The one-pass XML reader (src/core/response/xml.ts) against an independent
// oracle: fast-xml-parser's validator and parser, configured as the reader
// documents. Same tree for every well-formed fixture; every malformed input
// refused with BAD_XML and the line where it goes wrong.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isToolkitError } from '../../src/core/i18n';
import { decodeEntities, MAX_XML_DEPTH, parseXml } from '../../src/core/response/xml';

const FIX = path.join(__dirname, '..', 'fixtures', 'responses');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS dev script shared with bench/
const { statementXml } = require('../../scripts/gen-statement.js') as { statementXml: (rows?: number) => string };

const oracle = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
  tagValueProcessor: (_n: string, v: string) => decodeEntities(v),
  attributeValueProcessor: (_n: string, v: string) => decodeEntities(v),
});

/** Key order is not part of the shape (consumers look names up). */
const canon = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

function badXmlLine(text: string): number {
  try {
    parseXml(text);
  } catch (e) {
    assert.ok(isToolkitError(e), String(e));
    assert.equal(e.code, 'BAD_XML', e.message);
    const m = /line (\d+), column (\d+)/.exec(e.message);
    assert.ok(m, e.message);
    return Number(m[1]);
  }
  assert.fail(`accepted malformed XML: ${JSON.stringify(text)}`);
}

describe('core/response/xml: one-pass reader', () => {
  it('reads every well-formed fixture and the statement into the same tree as fast-xml-parser', () => {
    const texts: Array<[string, string]> = [['statement', statementXml(300)]];
    for (const f of fs.readdirSync(FIX).filter((f) => f.endsWith('.xml') && !/billion|deep/.test(f))) {
      texts.push([f, fs.readFileSync(path.join(FIX, f), 'latin1')]);
    }
    for (const [name, text] of texts) {
      assert.equal(XMLValidator.validate(text), true, `${name} is well-formed`);
      assert.equal(canon(parseXml(text)), canon(oracle.parse(text)), name);
    }
  });

  it('keeps CDATA literal, decodes references in text and attributes, and never touches the prototype', () => {
    const doc = parseXml('<a b="x&gt;y" c=\'&amp;&#x41;\'>t &lt;<![CDATA[&amp;<b>]]></a>');
    assert.deepEqual(doc, { a: { '@_b': 'x>y', '@_c': '&A', '#text': 't <&amp;<b>' } });
    const odd = parseXml('<a><__proto__>x</__proto__><constructor>1</constructor><constructor>2</constructor></a>');
    const a = odd.a as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(a), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(a, '__proto__')?.value, 'x');
    assert.deepEqual(a.constructor, ['1', '2']);
  });

  it('refuses what the validator refuses, naming the line', () => {
    const cases: Array<[string, number]> = [
      ['<a>\n<b>X</bb>\n</a>', 2],
      ['<a>\n<b>x</b>', 1],
      ['x<a/>', 1],
      ['<a x=1/>', 1],
      ['<a>\n<b></a>', 2],
      ['<a></a>\n</a>', 2],
      ['<a>\na & b</a>', 2],
      ['<a><b x="1" x="2"/></a>', 1],
      ['<a>\n<1b/></a>', 2],
      ['<a>\n<!-- open', 2],
      ['<a>\n<![CDATA[x</a>', 2],
      ['<?xml version="1.0"?>', 1],
    ];
    for (const [text, line] of cases) {
      assert.notEqual(XMLValidator.validate(text), true, `the oracle also refuses ${JSON.stringify(text)}`);
      assert.equal(badXmlLine(text), line, JSON.stringify(text));
    }
    // Stricter than the validator, which lets these through: a document has one
    // root, and a declaration outside a DTD is not XML (nor ever in a response).
    assert.equal(badXmlLine('<a>x</a>\n<c/>'), 2);
    assert.equal(badXmlLine('<a>\n<!ENTITY x "y"></a>'), 2);
  });
});
