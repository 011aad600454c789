// OpenAPI JSON responses (`{"alipay_trade_query_response":{…},"sign":"…"}`)
// → ResponseModel. The signature covers the node's raw text exactly as
// received, so the node is located in the text, never re-serialised.
import { errorByCode, openApiField } from '../catalog';
import { localize, Text, ToolkitError } from '../i18n';
import { aesDecrypt, parseAesKey } from '../openapi/aes';
import { buildTable, errorView, FieldView, labelField, ResponseModel, TableView, TEXTS } from './model';
import { ALIPAY_CERT_SN_PARAM, keysForCert, verifyOpenApi, VerifyKeys, withCertPick } from './signature';

const MAX_JSON_DEPTH = 64;

function bad(reason: string): ToolkitError {
  return new ToolkitError('BAD_JSON', { en: 'The input is not valid JSON: {reason}', zh: '输入不是合法的 JSON：{reason}' }, { reason });
}

/** End index (exclusive) of the JSON string starting at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++; // backslash: skip the escaped char
    else if (c === 34) return j + 1;
  }
  throw bad('unterminated string');
}

/** End index (exclusive) of the JSON value starting at `i`. */
function valueEnd(text: string, i: number): number {
  if (text[i] === '"') return stringEnd(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    const m = /^[^,}\]\s]+/.exec(text.slice(i, i + 64));
    return i + (m ? m[0].length : 0);
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') j = stringEnd(text, j) - 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return j + 1;
    }
  }
  throw bad('unbalanced brackets');
}

/** Raw text of each top-level member's value, by key (the object at `text`'s start). */
export function topLevelRaw(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = text.indexOf('{') + 1;
  const ws = /\s/;
  for (;;) {
    while (i < text.length && (ws.test(text[i]) || text[i] === ',')) i++;
    if (i >= text.length || text[i] === '}') return out;
    if (text[i] !== '"') throw bad(`expected a key at character ${i + 1}`);
    const kEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, kEnd)) as string;
    i = kEnd;
    while (i < text.length && ws.test(text[i])) i++;
    if (text[i] !== ':') throw bad(`expected ":" at character ${i + 1}`);
    i++;
    while (i < text.length && ws.test(text[i])) i++;
    const vEnd = valueEnd(text, i);
    out.set(key, text.slice(i, vEnd));
    i = vEnd;
  }
}

function scalar(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function walk(obj: Record<string, unknown>, path: string, depth: number, fields: FieldView[], tables: TableView[]): void {
  for (const [k, v] of Object.entries(obj)) {
    const here = path ? `${path}/${k}` : k;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      const recs = v.map((x) => Object.entries(x as Record<string, unknown>).map(([ck, cv]) => [ck, scalar(cv)] as [string, string]));
      tables.push(buildTable(k, here, recs, openApiField));
    } else if (v && typeof v === 'object' && !Array.isArray(v) && depth < MAX_JSON_DEPTH) {
      walk(v as Record<string, unknown>, here, depth + 1, fields, tables);
    } else {
      const f = labelField(k, scalar(v), path || undefined, openApiField);
      // code / sub_code: the value's meaning is the catalog's code entry (10000, ACQ.TRADE_NOT_EXIST…).
      const entry = !path && (k === 'code' || k === 'sub_code') ? errorByCode(f.raw) : undefined;
      if (entry) {
        f.meaning = entry.meaning;
        if (entry.source === 'inferred') f.inferred = true;
      }
      fields.push(f);
    }
  }
}

const ENCRYPTED_NO_KEY: Text = {
  en: 'Encrypted response (encrypt_type=AES): give the AES key to read it (decode --aes-key-file, or the profile\'s AES key)',
  zh: '加密的响应（encrypt_type=AES）：需要 AES 密钥才能读取（decode --aes-key-file，或在配置中设置 AES 密钥）',
};
const DECRYPTED: Text = {
  en: 'Decrypted with the AES key (encrypt_type=AES); the signature was checked over the ciphertext.',
  zh: '已用 AES 密钥解密（encrypt_type=AES）；签名按密文验证。',
};

// 10003 (alipay.trade.pay): neither paid nor failed yet; the answer is to query, then cancel.
const PENDING: Text = {
  en: 'Payment in progress (code 10003): the buyer has not confirmed yet; query the trade, cancel it if it stays unpaid',
  zh: '支付处理中（code 10003）：用户尚未确认付款；请查询交易，仍未支付则撤销',
};

export function isOpenApiJson(text: string): boolean {
  return /^\{\s*"[A-Za-z0-9_.]+_response"\s*:/.test(text) || /"[A-Za-z0-9_.]+_response"\s*:\s*\{/.test(text.slice(0, 4096));
}

export function fromOpenApi(text: string, keys: VerifyKeys): ResponseModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw bad((e as Error).message);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw bad('expected an object');
  const top = doc as Record<string, unknown>;
  const node = Object.keys(top).find((k) => k.endsWith('_response'));
  if (!node) {
    throw new ToolkitError('NOT_OPENAPI', {
      en: 'This JSON has no "…_response" member: it is not an OpenAPI gateway response',
      zh: '该 JSON 没有 "…_response" 成员：不是 OpenAPI 网关响应',
    });
  }
  const raw = topLevelRaw(text).get(node) ?? '';
  let body = top[node];
  // encrypt_type=AES: the node is the ciphertext string. The signature (over the ciphertext) is checked first.
  let encryption: Text | undefined;
  if (typeof body === 'string') {
    if (!keys.aesKey) encryption = ENCRYPTED_NO_KEY;
    else {
      const key = Buffer.isBuffer(keys.aesKey) ? keys.aesKey : parseAesKey(keys.aesKey);
      const plain = aesDecrypt(body, key, `${node} (encrypt_type=AES)`);
      try {
        body = JSON.parse(plain);
      } catch (e) {
        throw bad(`${node} decrypted to text that is not JSON (${(e as Error).message})`);
      }
      encryption = DECRYPTED;
    }
  }
  const fields: FieldView[] = [];
  const tables: TableView[] = [];
  if (body && typeof body === 'object' && !Array.isArray(body)) walk(body as Record<string, unknown>, '', 0, fields, tables);
  const b = (body ?? {}) as Record<string, unknown>;
  const code = scalar(b.code);
  const success = code === '10000';
  const errCode = scalar(b.sub_code) || code;
  const error = !success && errCode ? errorView(errCode, scalar(b.sub_msg) || scalar(b.msg) || undefined) : undefined;
  if (error && !error.entry && b.sub_code && code) {
    const parent = errorView(code);
    if (parent.entry) error.entry = parent.entry;
  }
  const pending = code === '10003' && !b.sub_code;
  const title = success
    ? TEXTS.openapiOk
    : pending
    ? PENDING
    : { en: localize(TEXTS.openapiFail, 'en', { code: errCode || '?' }), zh: localize(TEXTS.openapiFail, 'zh', { code: errCode || '?' }) };
  const picked = keysForCert(keys, scalar(top[ALIPAY_CERT_SN_PARAM]) || undefined);
  const signature = withCertPick(verifyOpenApi(node, raw, scalar(top.sign) || undefined, scalar(top.sign_type) || undefined, picked.keys), picked);
  return {
    kind: 'openapi',
    success: encryption === ENCRYPTED_NO_KEY || pending ? undefined : success,
    status: {
      success: encryption === ENCRYPTED_NO_KEY || pending ? undefined : success,
      title: encryption === ENCRYPTED_NO_KEY ? ENCRYPTED_NO_KEY : title,
      detail: encryption ?? error?.entry?.meaning ?? (error?.message ? { en: error.message, zh: error.message } : undefined),
    },
    error,
    service: node.replace(/_response$/, '').replace(/_/g, '.'),
    charset: 'utf-8',
    request: [],
    businessNode: node,
    fields,
    tables,
    signature,
    raw: text,
  };
}
