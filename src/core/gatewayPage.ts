// What a page service's answer says: the cashier (accepted) or the gateway's
// error page (refused: ILLEGAL_SIGN, ILLEGAL_PARTNER…). Both come back as
// HTTP 200 HTML, so a CI check has to read the page to tell them apart.

const CODE = '([A-Z][A-Z0-9_.]{2,63})';
// "错误代码: ILLEGAL_SIGN", "Error code: <code id="error-code">ILLEGAL_SIGN</code>", "error_code=ILLEGAL_SIGN"
const PATTERNS = [
  new RegExp(`id=["']error-code["'][^>]*>\\s*${CODE}`),
  new RegExp(`(?:错误代码|错误码|Error code|error_code)\\s*(?:<[^>]*>\\s*)*[:：=]?\\s*(?:<[^>]*>\\s*)*${CODE}`, 'i'),
];

/** The error code of a gateway error page (or error redirect), else undefined: the page is not an error page. */
export function pageErrorCode(body: string, location?: string): string | undefined {
  if (location) {
    const m = /[?&](?:error_code|errorCode|code)=([A-Z][A-Z0-9_.]{2,63})/.exec(location);
    if (m) return m[1];
    if (/\/error(?:\.htm|\.html|\b)/i.test(location)) return 'ERROR_PAGE';
  }
  const head = body.slice(0, 64 * 1024);
  for (const re of PATTERNS) {
    const m = re.exec(head);
    if (m) return m[1].toUpperCase() === m[1] ? m[1] : undefined;
  }
  return undefined;
}
