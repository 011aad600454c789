// The preview's message protocol, in plain Node: what a restored panel may
// carry (the serializer re-opens only validated state), what the webview may
// send, and which documents get the editor-title preview button.
import * as assert from 'node:assert/strict';
import { isFromWebview, looksLikeResponse, MAX_RESTORED_TEXT, validState } from '../../src/extension/preview/protocol';

describe('preview protocol', () => {
  it('restores a document or a bounded text source, and nothing else', () => {
    assert.deepEqual(validState({ version: 1, source: { type: 'document', uri: 'file:///w/a.xml' } }), {
      version: 1,
      source: { type: 'document', uri: 'file:///w/a.xml' },
    });
    assert.deepEqual(validState({ version: 1, source: { type: 'text', text: 'true', origin: 'clipboard', extra: 1 } }), {
      version: 1,
      source: { type: 'text', text: 'true', origin: 'clipboard' },
    });
    for (const bad of [
      undefined,
      null,
      'x',
      { version: 2, source: { type: 'document', uri: 'file:///a' } },
      { version: 1, source: { type: 'document', uri: 'not a uri' } },
      { version: 1, source: { type: 'document', uri: 42 } },
      { version: 1, source: { type: 'text', text: 'x', origin: 'elsewhere' } },
      { version: 1, source: { type: 'text', text: 'x'.repeat(MAX_RESTORED_TEXT + 1), origin: 'selection' } },
      { version: 1, source: { type: 'script', text: 'x' } },
    ]) {
      assert.equal(validState(bad), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
  });

  it('accepts only the messages the webview is meant to send', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'copyJson' }));
    assert.ok(isFromWebview({ type: 'rendered', renderId: 3, sections: ['status'], rows: 0 }));
    assert.ok(!isFromWebview({ type: 'rendered', renderId: '3', sections: [], rows: 0 }));
    assert.ok(!isFromWebview({ type: 'runCommand', command: 'workbench.action.terminal.new' }));
    assert.ok(!isFromWebview(null));
  });

  it('offers the preview button for gateway response XML only', () => {
    assert.ok(looksLikeResponse('<?xml version="1.0" encoding="utf-8"?>\n<alipay>\n<is_success>T</is_success>'));
    assert.ok(!looksLikeResponse('<?xml version="1.0"?><project><modelVersion>4.0.0</modelVersion>'));
    assert.ok(!looksLikeResponse('<alipayConfig><key>x</key></alipayConfig>'));
  });
});
