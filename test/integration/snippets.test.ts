// The contributed snippets in the real editor: each one is offered by
// completion in its language under its alipay- prefix, and inserting it gives
// exactly the text the unit tests compile and run (test/snippets/expand.ts),
// with its first tab stop (the partner) selected and mirrors kept in step.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { expandSnippet } from '../snippets/expand';

const EXTENSION_ID = 'alipay-toolkit.alipay-toolkit';
const LANGUAGES = ['typescript', 'javascript', 'java', 'php', 'python', 'go'];

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function snippetsOf(language: string): Record<string, Snippet> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'snippets', `${language}.json`), 'utf8')) as Record<string, Snippet>;
}

async function editorFor(language: string, content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  const editor = await vscode.window.showTextDocument(doc);
  // Go indents with tabs, the others with spaces: keep each body's own indentation on insertion.
  editor.options = { insertSpaces: language !== 'go', tabSize: 4 };
  return editor;
}

async function closeEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('Snippets in the editor', () => {
  before(async () => {
    const known = await vscode.languages.getLanguages();
    for (const language of LANGUAGES) assert.ok(known.includes(language), `the editor has no ${language} language`);
  });

  for (const language of LANGUAGES) {
    it(`${language}: each snippet inserts as the tests ran it, partner first, mirrors in step`, async function () {
      this.timeout(120_000); // five snippets; language services wake up on the first document
      for (const [name, s] of Object.entries(snippetsOf(language))) {
        const editor = await editorFor(language, '');
        try {
          await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name });
          assert.equal(editor.document.getText(), expandSnippet(s.body), `${name}: inserted text`);
          // Tab stop 1 (the partner) is selected first; typing replaces it.
          assert.equal(editor.document.getText(editor.selection), '2088XXXXXXXXXXXX', `${name}: first tab stop`);
          await vscode.commands.executeCommand('type', { text: '2088111122223333' });
          await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
          const at = editor.selection.active;
          assert.equal(editor.document.getText(editor.selection), 'MD5',
            `${name}: second tab stop is the sign type (selection at ${at.line}:${at.character} in "${editor.document.lineAt(at.line).text}")`);
          await vscode.commands.executeCommand('type', { text: 'RSA' });
          assert.equal(editor.document.getText(), expandSnippet(s.body, { 1: '2088111122223333', 2: 'RSA' }), `${name}: after filling in`);
        } finally {
          await vscode.commands.executeCommand('leaveSnippet');
          await closeEditor();
        }
      }
    });

    it(`${language}: completion offers every alipay- snippet with its description and body`, async function () {
      this.timeout(60_000);
      const snippets = Object.values(snippetsOf(language));
      // PHP: outside `<?php` the text is HTML, where PHP snippets are rightly not offered.
      const editor = await editorFor(language, language === 'php' ? '<?php\nalipay' : 'alipay');
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      try {
        // The editor reads a language's snippet files on first use: a request made while they load may come
        // back without them, so ask again (a bounded number of times) rather than wait for a fixed time.
        let offered: vscode.CompletionItem[] = [];
        for (let attempt = 0; attempt < 5 && offered.length < snippets.length; attempt++) {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider', editor.document.uri, end);
          offered = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('alipay-'));
        }
        assert.deepEqual(offered.map(labelOf).sort(), snippets.map((s) => s.prefix).sort());
        for (const s of snippets) {
          const item = offered.find((i) => labelOf(i) === s.prefix);
          assert.ok(item);
          const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
          assert.equal(insert, s.body.join('\n'), `${s.prefix}: body`);
          assert.ok(item.detail?.includes(s.description), `${s.prefix}: the description is not shown (detail: ${item.detail})`);
        }
      } finally {
        await closeEditor();
      }
    });
  }
});
