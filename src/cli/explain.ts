// `alipay-toolkit explain TOKEN [--field NAME] [--lang zh|en] [--json]`:
// what an error code, enum value, service or field name means.
import type { Subcommand } from './subcommand';
import { catalogSpelling, familiesOf, suggestNames } from '../core/didYouMean';
import { Entry, explain } from '../core/explain';
import { Lang, Text } from '../core/i18n';
import { parseArgs } from './args';
import { printUsage } from './help';
import { CliIO, EXIT, UsageError, printData } from './io';

const USAGE: Text = {
  en: 'usage: alipay-toolkit explain TOKEN [--field NAME] [--lang zh|en] [--json]',
  zh: '用法：alipay-toolkit explain TOKEN [--field 字段名] [--lang zh|en] [--json]',
};

interface Options {
  token: string;
  field?: string;
  json: boolean;
}

// `--lang` is taken by the dispatcher for every command (it sets io.lang).
function readOptions(args: string[]): Options | 'help' {
  const parsed = parseArgs(args, { field: 'value', json: 'flag', help: 'flag' }, 1);
  if (parsed.flags.has('help')) return 'help';
  const token = parsed.positionals[0];
  if (token === undefined || token.trim() === '') throw new UsageError(`Missing TOKEN. ${USAGE.en}`, `缺少 TOKEN。${USAGE.zh}`);
  return { token, field: parsed.options.get('field'), json: parsed.flags.has('json') };
}

function other(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** Plain-text lines: meaning in `lang`, the other language beneath, then level, facts and checks. */
export function renderEntry(e: Entry, lang: Lang, indent = ''): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const out: string[] = [];
  const head = e.enumTitle && e.kind === 'enum' ? ` (${e.enumTitle[lang]})` : '';
  out.push(`${indent}${e.token}${head}: ${e.title[lang]}`);
  out.push(`${indent}  ${e.title[other(lang)]}`);
  if (e.detail) out.push(`${indent}  ${e.detail[lang]}`);
  if (e.levelText) out.push(`${indent}  ${L('级别', 'Level')}: ${e.levelText[lang]}`);
  for (const f of e.facts ?? []) out.push(`${indent}  ${f[lang]}`);
  if (e.check?.length) {
    out.push(`${indent}  ${L('检查', 'Check')}:`);
    for (const c of e.check) out.push(`${indent}   - ${c[lang]}`);
  }
  for (const item of e.items ?? []) out.push(...renderEntry(item, lang, indent + '  '));
  return out;
}

export const command: Subcommand = {
  summary: { en: 'explain an error code, enum value, service or field (zh/en)', zh: '解释错误码、枚举值、接口名或字段名（中英文）' },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = readOptions(args);
    if (opts === 'help') return printUsage(io, USAGE);
    const lang = io.lang;
    // Exact first; then the catalog's spelling when only the case differs (illegal_sign).
    let entry = explain(opts.token, { field: opts.field, explicit: true });
    const spelled = catalogSpelling(opts.token);
    if ((!entry || entry.unknownValue) && spelled && spelled !== opts.token.trim()) {
      const again = explain(spelled, { field: opts.field, explicit: true });
      if (again && !again.unknownValue) entry = again;
    }
    const known = !!entry && !entry.unknownValue;
    // With --field the field's family decides which names are offered (a MAPI field's value is not an OpenAPI name).
    const fieldFamilies = opts.field ? familiesOf(opts.field) : [];
    const suggestions = known ? [] : suggestNames(opts.token, { family: fieldFamilies.length === 1 ? fieldFamilies[0] : undefined });
    if (opts.json) {
      printData(io, JSON.stringify({ token: opts.token, field: opts.field ?? null, known, entry: entry ?? null, ...(known ? {} : { suggestions }) }, null, 2));
      return known ? EXIT.ok : EXIT.fail;
    }
    if (!entry) {
      const hint = /^\d+$/.test(opts.token.trim()) && !opts.field
        ? (lang === 'zh' ? '；数字需用 --field 指明字段，如 --field payment_type' : '; numbers need their field, e.g. --field payment_type')
        : suggestions.length
          ? (lang === 'zh' ? `；您是否要找 ${suggestions.join('、')}？` : `; did you mean ${suggestions.join(', ')}?`)
          : '';
      io.stderr(lang === 'zh' ? `alipay-toolkit: 未知的 "${opts.token}"${hint}` : `alipay-toolkit: "${opts.token}" is not in the catalog${hint}`);
      return EXIT.fail;
    }
    for (const line of renderEntry(entry, lang)) io.stdout(line);
    return known ? EXIT.ok : EXIT.fail;
  },
};
