// What counts as a notification handler's "I got it": the body must be the
// plain text `success` (protocol.md, "Verifying what comes back"). The real
// gateway keeps re-sending on anything else — a UTF-8 BOM, an HTML page,
// `SUCCESS`. Surrounding ASCII whitespace (PHP's trailing newline) is
// tolerated but worth a note. One rule, used by the emulator and notify-test.

export type AnswerKind =
  /** Exactly `success`. */
  | 'exact'
  /** `success` with ASCII whitespace around it: accepted, noted. */
  | 'whitespace'
  /** `success` after a UTF-8 byte-order mark: refused. */
  | 'bom'
  /** HTML, another word, another case, empty: refused. */
  | 'other';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function classifyNotifyAnswer(body: Buffer): AnswerKind {
  const ascii = body.toString('latin1');
  if (ascii === 'success') return 'exact';
  if (body.subarray(0, 3).equals(BOM)) return 'bom';
  // Only ASCII whitespace: String#trim would also drop U+FEFF and NBSP, which the gateway does not.
  if (ascii.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '') === 'success') return 'whitespace';
  return 'other';
}

/** True when the gateway takes the answer as received (and stops re-sending). */
export function acceptsNotifyAnswer(status: number, body: Buffer): boolean {
  if (status !== 200) return false;
  const k = classifyNotifyAnswer(body);
  return k === 'exact' || k === 'whitespace';
}
