// Synchronous MAPI XML (`<alipay><is_success>…`) → ResponseModel.
import type { Charset } from '../charset';
import { normalizeCharset } from '../charset';
import { localize } from '../i18n';
import type { Param } from '../params';
import { buildTable, errorView, FieldView, labelField, ResponseModel, TableView, TEXTS } from './model';
import { verifyXml, VerifyKeys } from './signature';
import { ATTR, TEXT, XmlElement, XmlValue, declaredEncoding, parseXml } from './xml';

/** Text content of a parsed element (`<a x="1">t</a>` parses as an object). */
function textOf(v: XmlValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return textOf(v[0]);
  const t = v[TEXT];
  return typeof t === 'string' ? t : '';
}

function isElementKey(k: string): boolean {
  return k !== TEXT && !k.startsWith(ATTR);
}

function isLeaf(v: XmlValue): boolean {
  if (typeof v === 'string') return true;
  if (Array.isArray(v)) return false;
  return Object.keys(v).every((k) => !isElementKey(k));
}

/** Leaf children of an element as name/value records (a table row). */
function recordOf(v: XmlValue): Array<[string, string]> {
  if (typeof v === 'string' || Array.isArray(v)) return [['value', textOf(v)]];
  const out: Array<[string, string]> = [];
  for (const [k, c] of Object.entries(v)) {
    if (!isElementKey(k)) continue;
    if (Array.isArray(c)) c.forEach((x) => out.push([k, isLeaf(x) ? textOf(x) : JSON.stringify(x)]));
    else out.push([k, isLeaf(c) ? textOf(c) : JSON.stringify(c)]);
  }
  return out;
}

/** Lists are repeated elements, or a `…_list`/`…List` wrapper holding a single element. */
function isListWrapper(name: string): boolean {
  return /(_list|List|s)$/.test(name);
}

interface Walked {
  fields: FieldView[];
  tables: TableView[];
}

/** Business node content: leaf fields (grouped by path when nested) and lists as tables. Depth is bounded by the parser. */
function walk(el: XmlElement, path: string, out: Walked): void {
  for (const [name, v] of Object.entries(el)) {
    if (!isElementKey(name)) continue;
    const here = path ? `${path}/${name}` : name;
    if (Array.isArray(v)) {
      out.tables.push(buildTable(name, here, v.map(recordOf)));
    } else if (isLeaf(v)) {
      out.fields.push(labelField(name, textOf(v), path || undefined));
    } else {
      const el = v as XmlElement; // not a string (leaf) nor an array
      const kids = Object.keys(el).filter(isElementKey);
      const only = kids.length === 1 ? el[kids[0]] : undefined;
      if (only !== undefined && typeof only === 'object' && isListWrapper(name) && !Array.isArray(only) && !isLeaf(only) && Object.values(only).every((x) => isLeaf(x))) {
        // A list wrapper with a single row.
        out.tables.push(buildTable(kids[0], `${here}/${kids[0]}`, [recordOf(only)]));
      } else {
        walk(el, here, out);
      }
    }
  }
}

export function fromXml(text: string, keys: VerifyKeys, bytesCharset?: Charset): ResponseModel {
  const doc = parseXml(text);
  const rootName = Object.keys(doc).find(isElementKey);
  const root = rootName ? doc[rootName] : undefined;
  const alipay: XmlElement = root && typeof root === 'object' && !Array.isArray(root) ? root : {};

  const request: FieldView[] = [];
  const reqEl = alipay.request;
  if (reqEl && typeof reqEl === 'object' && !Array.isArray(reqEl)) {
    const ps = reqEl.param;
    for (const p of ps === undefined ? [] : Array.isArray(ps) ? ps : [ps]) {
      const name = typeof p === 'object' && !Array.isArray(p) ? p[`${ATTR}name`] : undefined;
      if (typeof name === 'string') request.push(labelField(name, textOf(p)));
    }
  }
  const service = request.find((p) => p.name === 'service')?.raw;
  const inputCharset = request.find((p) => p.name === '_input_charset')?.raw;

  // The charset the signed bytes were in: the bytes' own, the declaration, else _input_charset.
  let charset: Charset = bytesCharset ?? 'utf-8';
  if (!bytesCharset) {
    for (const c of [declaredEncoding(text), inputCharset]) {
      if (!c) continue;
      try {
        charset = normalizeCharset(c);
        break;
      } catch {
        /* an odd declaration does not block reading the response */
      }
    }
  }

  const isSuccess = textOf(alipay.is_success);
  const errorCode = textOf(alipay.error);
  const error = errorCode ? errorView(errorCode) : undefined;

  const walked: Walked = { fields: [], tables: [] };
  const leaves: Param[] = [];
  let businessNode: string | undefined;
  let hasNested = false;
  const resp = alipay.response;
  if (resp && typeof resp === 'object' && !Array.isArray(resp)) {
    businessNode = Object.keys(resp).find(isElementKey);
    const node = businessNode ? resp[businessNode] : undefined;
    if (node !== undefined && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (!isElementKey(k)) continue;
        if (isLeaf(v)) leaves.push({ name: k, value: textOf(v) });
        else hasNested = true;
      }
    }
    walk(resp, '', walked);
    // Fields directly in the business node are its own; don't repeat its name as a group.
    for (const f of walked.fields) {
      if (f.group === businessNode) delete f.group;
      else if (businessNode && f.group?.startsWith(`${businessNode}/`)) f.group = f.group.slice(businessNode.length + 1);
    }
  }

  const signature = verifyXml(leaves, hasNested, textOf(alipay.sign) || undefined, textOf(alipay.sign_type) || undefined, charset, keys, isSuccess === 'F');
  let status: ResponseModel['status'];
  let success: boolean | undefined;
  if (isSuccess === 'T') {
    success = true;
    status = { success, title: TEXTS.xmlOk, detail: TEXTS.xmlOkDetail };
  } else if (isSuccess === 'F' || errorCode) {
    success = false;
    const code = errorCode || '?';
    status = {
      success,
      title: { en: localize(TEXTS.xmlFail, 'en', { code }), zh: localize(TEXTS.xmlFail, 'zh', { code }) },
      detail: error?.entry?.meaning ?? TEXTS.unknownCode,
    };
  } else {
    status = { title: TEXTS.xmlNoStatus };
  }
  return {
    kind: 'xml',
    success,
    status,
    error,
    service,
    charset,
    request,
    businessNode,
    fields: walked.fields,
    tables: walked.tables,
    signature,
    raw: text,
  };
}
