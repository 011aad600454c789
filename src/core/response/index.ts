// decodeResponse: whatever the gateway (or Alipay's notifier) sent — XML,
// a notification body, a return URL, a plain-text answer or OpenAPI JSON —
// into one ResponseModel. Throws only ToolkitError.
import { Charset, normalizeCharset } from '../charset';
import { isToolkitError, Lang, Text, ToolkitError } from '../i18n';
import { fromForm } from './fromForm';
import { fromOpenApi } from './fromOpenApi';
import { fromXml } from './fromXml';
import { MAX_TABLE_COLUMNS, ResponseKind, ResponseModel, TEXTS } from './model';
import { profileCharset, type ProfileContext } from '../resolve';
import { addSafetyWarnings } from './safety';
import type { VerifyKeys } from './signature';
import { decodeResponseBytes, MAX_RESPONSE_BYTES, tooLarge } from './xml';

export * from './model';
export { escapedForDisplay } from './safety';
export type { VerifyKeys } from './signature';
export { MAX_RESPONSE_BYTES, MAX_XML_DEPTH } from './xml';

export interface DecodeOptions extends VerifyKeys {
  /** Accepted like other core calls; the model always carries both languages (Text). */
  lang?: Lang;
  /** Charset of a form body or plain text given as bytes (XML declares its own). */
  charset?: string;
  /**
   * The profile whose keys verify (the editor's): a notification or return URL that
   * declares no charset is read in its charset, as Verify Signature reads it; else UTF-8.
   */
  profile?: ProfileContext;
}

/** Which shape the text is (after a BOM and surrounding whitespace). */
export function detectResponseKind(text: string): ResponseKind | undefined {
  const t = text.trimStart();
  if (t.startsWith('<')) return 'xml';
  if (t.startsWith('{')) return 'openapi';
  const word = t.trimEnd().toLowerCase();
  if (word === 'true' || word === 'false' || word === 'success' || word === 'fail') return 'text';
  if (/^https?:\/\//i.test(t)) return 'returnUrl';
  if (/^\??[^\s=&]+=/.test(t)) return 'notification';
  return undefined;
}

function fromText(word: string): ResponseModel {
  const w = word.trim().toLowerCase();
  const table = {
    true: [true, TEXTS.textTrue, TEXTS.textTrueDetail],
    false: [false, TEXTS.textFalse, TEXTS.textFalseDetail],
    success: [true, TEXTS.textSuccess, TEXTS.textSuccessDetail],
    fail: [false, TEXTS.textFail, TEXTS.textFailDetail],
  } as const;
  const [success, title, detail] = table[w as keyof typeof table];
  return {
    kind: 'text',
    success,
    status: { success, title, detail },
    charset: 'utf-8',
    request: [],
    fields: [],
    tables: [],
    signature: {
      present: false,
      charset: 'utf-8',
      inferred: false,
      verdict: 'unsigned',
      reason: { en: 'Plain-text answers are not signed.', zh: '纯文本应答没有签名。' },
    },
    raw: word,
  };
}

/** XML after leading blank lines (pasted text often has them), with error lines counted in the original text. */
function xmlWithLines(text: string, keys: VerifyKeys, bytesCharset: Charset | undefined): ResponseModel {
  const body = text.trimStart();
  try {
    return fromXml(body.trimEnd(), keys, bytesCharset);
  } catch (e) {
    const removed = text.slice(0, text.length - body.length).split('\n').length - 1;
    if (removed > 0 && isToolkitError(e) && typeof e.args.line === 'number') {
      throw new ToolkitError(e.code, e.text, { ...e.args, line: e.args.line + removed });
    }
    throw e;
  }
}

/** Decodes any response shape into the model. Bad input → ToolkitError naming what and where. */
export function decodeResponse(input: string | Buffer, options: DecodeOptions = {}): ResponseModel {
  try {
    const override: Charset | undefined = options.charset ? normalizeCharset(options.charset, '--charset') : undefined;
    let text: string;
    let bytesCharset: Charset | undefined;
    let warning: Text | undefined;
    if (typeof input === 'string') {
      if (input.length > MAX_RESPONSE_BYTES) throw tooLarge(input.length);
      text = input.replace(/^\uFEFF/, '');
    } else {
      const d = decodeResponseBytes(input, override);
      text = d.text;
      warning = d.warning;
      // Only XML carries its own charset; for a form body the parameters decide.
      if (detectResponseKind(text) === 'xml') bytesCharset = d.charset;
    }
    const keys: VerifyKeys = { md5Key: options.md5Key, publicKey: options.publicKey, aesKey: options.aesKey, merchantPrivateKey: options.merchantPrivateKey, alipayCerts: options.alipayCerts, alipayCertProblem: options.alipayCertProblem };
    const undeclared = options.profile && profileCharset(options.profile);
    const model = decodeText(text, keys, bytesCharset, override, undeclared);
    if (warning) model.warnings = [warning, ...(model.warnings ?? [])];
    return addSafetyWarnings(model, MAX_TABLE_COLUMNS);
  } catch (e) {
    if (isToolkitError(e)) throw e;
    // A bug or an unforeseen input: still one clear, typed error for the front end.
    throw new ToolkitError(
      'DECODE_FAILED',
      { en: 'The response could not be decoded: {reason}', zh: '无法解析该响应：{reason}' },
      { reason: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) },
    );
  }
}

function decodeText(text: string, keys: VerifyKeys, bytesCharset: Charset | undefined, override: Charset | undefined, undeclared: Charset | undefined): ResponseModel {
  const kind = detectResponseKind(text);
  switch (kind) {
    case 'xml':
      return xmlWithLines(text, keys, bytesCharset);
    case 'openapi':
      return fromOpenApi(text.trim(), keys);
    case 'text':
      return fromText(text);
    case 'returnUrl':
    case 'notification':
      return fromForm(text.trim(), keys, override, undeclared);
    default:
      throw new ToolkitError('UNKNOWN_RESPONSE', {
        en: 'Not a gateway response: expected XML (<alipay>…), a notification body (name=value&…), a return URL, OpenAPI JSON, or the text true/false/success',
        zh: '不是网关响应：应为 XML（<alipay>…）、通知内容（name=value&…）、return_url、OpenAPI JSON，或纯文本 true/false/success',
      });
  }
}
export { responseToJson } from './json';
export type { ResponseJson } from './json';
