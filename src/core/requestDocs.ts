// What a parameter of a service is, in both languages, from the catalog: the
// text completion items and hovers show in `.alipay` files.
import { enumByName, field, type ParamSpec, type ServiceDef } from './catalog';
import type { Text } from './i18n';
import { isSignatureParam } from './protocol';

const T = (en: string, zh: string): Text => ({ en, zh });

const TYPE: Record<ParamSpec['type'], Text> = {
  string: T('text', '文本'),
  amount: T('amount in yuan, 2 decimals at most', '金额（元），最多两位小数'),
  date: T('date yyyy-MM-dd HH:mm:ss', '时间 yyyy-MM-dd HH:mm:ss'),
  enum: T('one of the listed values', '取值见下'),
  partnerId: T('partner id: 16 digits starting with 2088', '合作伙伴 ID：以 2088 开头的 16 位数字'),
  int: T('whole number', '整数'),
  url: T('full http(s) URL', '完整的 http(s) URL'),
  email: T('email address', '邮箱地址'),
};

export interface ParamDoc {
  /** `name — label` */
  title: Text;
  meaning?: Text;
  facts: Text[];
  /** Enum values with their meanings. */
  values: Array<{ value: string; meaning: Text }>;
}

export function paramDoc(spec: ParamSpec, svc?: ServiceDef): ParamDoc {
  const f = field(spec.name);
  const facts: Text[] = [];
  const req = spec.required ? T('required', '必填') : spec.oneOf ? T(`one of ${spec.oneOf.split('|').join(', ')} is required`, `${spec.oneOf.split('|').join('、')} 至少填一个`) : T('optional', '可选');
  facts.push(T(`${req.en} · ${TYPE[spec.type].en}`, `${req.zh} · ${TYPE[spec.type].zh}`));
  if (spec.minLength !== undefined || spec.maxLength !== undefined) {
    const en = spec.minLength === spec.maxLength ? `exactly ${spec.maxLength} characters` : `${spec.minLength !== undefined ? `at least ${spec.minLength}` : ''}${spec.minLength !== undefined && spec.maxLength !== undefined ? ', ' : ''}${spec.maxLength !== undefined ? `at most ${spec.maxLength}` : ''} characters`;
    const zh = spec.minLength === spec.maxLength ? `固定 ${spec.maxLength} 个字符` : `${spec.minLength !== undefined ? `至少 ${spec.minLength} 个字符` : ''}${spec.minLength !== undefined && spec.maxLength !== undefined ? '，' : ''}${spec.maxLength !== undefined ? `最多 ${spec.maxLength} 个字符` : ''}`;
    facts.push(T(en, zh));
  }
  if (spec.min !== undefined || spec.max !== undefined) facts.push(T(`from ${spec.min ?? 0} to ${spec.max ?? '∞'}`, `范围 ${spec.min ?? 0} ~ ${spec.max ?? '∞'}`));
  if (spec.format) facts.push(spec.format);
  if (spec.example) facts.push(T(`example: ${spec.example}`, `示例：${spec.example}`));
  if (isSignatureParam(spec.name)) facts.push(T('computed when the request is sent: never write it', '发送时自动计算，不要手写'));
  const def = spec.enum ? enumByName(spec.enum) : undefined;
  const values = def ? def.values.map((v) => ({ value: v.value, meaning: v.meaning })) : [];
  const label = f?.label;
  return {
    title: label ? T(`${spec.name} — ${label.en}`, `${spec.name} — ${label.zh}`) : T(spec.name, spec.name),
    meaning: f?.meaning ?? (svc ? undefined : undefined),
    facts,
    values,
  };
}
