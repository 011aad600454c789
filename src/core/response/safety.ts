// What a reader must know before trusting a decoded response: values holding
// control or bidi characters (`1.00‮00.0001` is shown as `1.00\u202e00.0001`
// and flagged), tables with columns left out, a charset that does not match
// the bytes. One pass over the model, linear in its size.
import type { Text } from '../i18n';
import { escapeText, hasUnsafeChars } from '../terminal';
import type { FieldView, ResponseModel, TableView } from './model';

const T = (en: string, zh: string): Text => ({ en, zh });

export const SAFETY_TEXTS = {
  unsafe: T(
    'Control or bidirectional characters in {names}: shown escaped (e.g. \\u202e), since they can make a value look different from what it is',
    '{names} 中含有控制字符或双向文本控制字符：已转义显示（如 \\u202e），因为它们会让值看起来与实际不同',
  ),
  columnsOmitted: T(
    'List {name}: {n} more distinct columns not shown (over {max}); see the raw view',
    '列表 {name}：另有 {n} 个不同的列未显示（超过 {max} 列）；请查看原文',
  ),
} satisfies Record<string, Text>;

function fill(t: Text, args: Record<string, string | number>): Text {
  const f = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
  return { en: f(t.en), zh: f(t.zh) };
}

const MAX_NAMED = 5;

/** Adds the warnings (and the `unsafe` flags) a model needs; returns the same model. */
export function addSafetyWarnings(model: ResponseModel, maxColumns: number): ResponseModel {
  const names: string[] = [];
  const note = (n: string) => {
    if (names.length < MAX_NAMED + 1 && !names.includes(n)) names.push(n);
  };
  const scanFields = (list: FieldView[]) => {
    for (const f of list) if (f.unsafe) note(escapeText(f.group ? `${f.group}/${f.name}` : f.name));
  };
  scanFields(model.request);
  scanFields(model.fields);
  if (model.error && (hasUnsafeChars(model.error.code) || (model.error.message !== undefined && hasUnsafeChars(model.error.message)))) note('error');
  if (model.service && hasUnsafeChars(model.service)) note('service');
  if (model.signature.content !== undefined && hasUnsafeChars(model.signature.content.replace(/[\r\n\t]/g, ''))) note('sign content');
  const warnings: Text[] = [...(model.warnings ?? [])];
  for (const t of model.tables) {
    if (t.columns.some((c) => hasUnsafeChars(c.name)) || t.rows.some((r) => r.some(hasUnsafeChars))) note(escapeText(t.name));
    if (t.omittedColumns) warnings.push(fill(SAFETY_TEXTS.columnsOmitted, { name: escapeText(t.name), n: t.omittedColumns, max: maxColumns }));
  }
  if (names.length) {
    const shown = names.slice(0, MAX_NAMED).join(', ') + (names.length > MAX_NAMED ? ', …' : '');
    warnings.unshift(fill(SAFETY_TEXTS.unsafe, { names: shown }));
  }
  if (warnings.length) model.warnings = warnings;
  return model;
}

function escapeField(f: FieldView): FieldView {
  return f.unsafe ? { ...f, name: escapeText(f.name), raw: escapeText(f.raw), group: f.group === undefined ? undefined : escapeText(f.group) } : f;
}

function escapeTable(t: TableView): TableView {
  const dirty = t.columns.some((c) => hasUnsafeChars(c.name)) || t.rows.some((r) => r.some(hasUnsafeChars));
  if (!dirty) return t;
  return { ...t, name: escapeText(t.name), columns: t.columns.map((c) => ({ ...c, name: escapeText(c.name) })), rows: t.rows.map((r) => r.map(escapeText)) };
}

/**
 * The model as a screen shows it (the preview): every untrusted string with
 * control and bidi characters escaped the way the CLI prints them. Copies only
 * what changes.
 */
export function escapedForDisplay(model: ResponseModel): ResponseModel {
  const esc = (s: string | undefined) => (s === undefined ? undefined : escapeText(s));
  return {
    ...model,
    service: esc(model.service),
    request: model.request.map(escapeField),
    fields: model.fields.map(escapeField),
    tables: model.tables.map(escapeTable),
    error: model.error ? { ...model.error, code: escapeText(model.error.code), message: esc(model.error.message) } : undefined,
    signature: { ...model.signature, content: model.signature.content === undefined ? undefined : model.signature.content.split('\n').map(escapeText).join('\n') },
  };
}
