// The one rule for putting untrusted text in front of a person: control
// characters (C0, DEL, C1) and bidirectional overrides/isolates/marks are
// shown as visible escapes (`\x1b`, `\u202e`) instead of being obeyed, so a
// response, a parameter name or a log entry can neither drive the terminal
// (set its title, clear the screen), forge extra lines, nor reorder what is
// displayed (`1.00‮00.0001`). Used by the CLI, the emulator log, the preview
// and hovers. Machine outputs (--json, --output presign …) never pass here.

// C0 (incl. tab, CR, LF), DEL, C1; LRM/RLM, ALM; LRE/RLE/PDF/LRO/RLO; LRI/RLI/FSI/PDI;
// and the line/paragraph separators, which some terminals and editors break on.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** True when the text holds a character that `escapeText` would rewrite. */
export function hasUnsafeChars(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** The text with every control and bidi character escaped visibly; always one line. */
export function escapeText(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/** The names of the kinds of unsafe characters in a text, for a warning ("control", "bidi"). */
export function unsafeKinds(text: string): { control: boolean; bidi: boolean } {
  let control = false;
  let bidi = false;
  for (const m of text.matchAll(UNSAFE)) {
    const code = m[0].charCodeAt(0);
    if (code <= 0x9f) control = true;
    else bidi = true;
    if (control && bidi) break;
  }
  return { control, bidi };
}

/**
 * A writer that prints human-readable messages safely: each call is exactly
 * one line, escaped. `raw` passes machine output (JSON, pre-sign strings,
 * URLs) through byte-exact.
 */
export interface TerminalWriter {
  line(text: string): void;
  raw(text: string): void;
}

export function terminalWriter(write: (chunk: string) => void): TerminalWriter {
  return {
    line: (text) => write(escapeText(text) + '\n'),
    raw: (text) => write(text + '\n'),
  };
}

/**
 * Untrusted text as a hover shows it: escaped as above (so always one line),
 * cut to `max` characters. The caller still adds it with
 * MarkdownString.appendText, never inside link, table or code syntax.
 */
export function hoverText(s: string, max = 200): string {
  const t = escapeText(s);
  return t.length > max ? t.slice(0, max) + '…' : t;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Multi-line text (the preview's raw view): line breaks (LF, CRLF) and tabs kept, every other control and bidi character escaped. */
export function escapeBlock(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE_IN_BLOCK, escapeOne);
}
