// What the editor's "Compare with my request" needs from core around
// presignDiff: which texts can be the request ("my request" must be a signed
// OpenAPI request: a send kept in history, a selection, the clipboard), and
// the two pre-sign strings laid out one parameter per line for a diff editor.
import type { Lang } from '../i18n';
import { type Param, parseInput } from '../params';
import { carriedSign, isSignTypeParam } from '../protocol';
import { parseRequestFile } from '../requestFile';
import { isOpenApiRequest } from '../sign';
import { type PresignDiff, splitPresign, VERIFY_STRING_MARKER } from './presignDiff';

/** Cheap test for hovers and the preview: does this text carry the gateway's verify string? */
export function hasVerifyString(text: string): boolean {
  return text.includes(VERIFY_STRING_MARKER);
}

/**
 * The answer on one line of a log or a text file: the JSON object the line
 * carries (`… resp={"error_response":{…}}`), else the line itself (the string
 * then runs to the end of the line, not into the lines after it).
 */
export function answerInLine(line: string): string {
  const start = line.indexOf('{');
  const end = line.lastIndexOf('}');
  if (start >= 0 && end > start) {
    const json = line.slice(start, end + 1);
    try {
      JSON.parse(json);
      if (hasVerifyString(json)) return json;
    } catch {
      // not JSON: the line as it is
    }
  }
  return line;
}

/**
 * The parameters of a signed OpenAPI request written as a URL, query string,
 * form body or name=value lines; undefined when the text is not one (no
 * `sign`, not `app_id` + `method`, or not parseable).
 */
export function signedRequestIn(text: string): Param[] | undefined {
  if (text.trim() === '' || hasVerifyString(text)) return undefined;
  let params: Param[];
  try {
    params = parseInput(text).params;
  } catch {
    return undefined;
  }
  return carriedSign(params) !== undefined && isOpenApiRequest(params) ? params : undefined;
}

/**
 * The parameters of a sent request kept in history (a `.alipay` block, sign
 * and sign_type left out: they are computed at send time). OpenAPI signs
 * `sign_type`, so it is put back from the block's `# @sign-type`.
 * Undefined unless the block is an OpenAPI request.
 */
export function requestFromHistoryBlock(block: string, signType?: string): Param[] | undefined {
  const req = parseRequestFile(block).requests[0];
  if (!req) return undefined;
  const params: Param[] = req.params.map((p) => ({ name: p.name, value: p.value }));
  if (!isOpenApiRequest(params)) return undefined;
  const type = req.signType ?? signType;
  if (type && !params.some((p) => isSignTypeParam(p.name))) params.push({ name: 'sign_type', value: type });
  return params;
}

/**
 * A pre-sign string one parameter per line (`name=value&`), so a diff editor
 * lines the parameters up; removing the line breaks gives the string back
 * byte for byte. A string that does not split is returned as it is.
 */
export function presignLines(text: string, names: ReadonlySet<string>): string {
  const parts = splitPresign(text, names);
  const lines = parts.map((p) => `${p.name}=${p.value}`);
  return lines.join('&') === text ? lines.join('&\n') : text;
}

/** Both sides of a diff laid out for a diff editor (split with the same names, so they line up). */
export function diffSides(d: PresignDiff, request: readonly Param[]): { ours: string; gateway: string } {
  const names = new Set(request.map((p) => p.name));
  return { ours: presignLines(d.ours, names), gateway: presignLines(d.gateway, names) };
}

/** One line per difference: `name: cause` in the given language. */
export function causeLines(d: PresignDiff, lang: Lang): string[] {
  return d.differences.map((x) => `${x.name}: ${x.cause[lang]}`);
}
