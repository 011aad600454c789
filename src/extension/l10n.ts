/**
 * How this extension speaks English and Simplified Chinese.
 *
 * - Strings in extension code: `vscode.l10n.t('English text {0}', arg)` with a
 *   LITERAL English string (test/unit/l10n.test.ts scans `src/` for
 *   `l10n.t('…')` and fails when l10n/bundle.l10n.zh-cn.json lacks the key).
 *   Add the Chinese as `"English text {0}": "中文 {0}"` to that bundle.
 * - Manifest strings (package.json titles, descriptions, settings): `%key%`
 *   with the English in package.nls.json and the Chinese in
 *   package.nls.zh-cn.json (the same test checks both files hold every key).
 * - Core texts (`Text` / `ToolkitError` from src/core/i18n.ts) already carry
 *   both languages: show them with `localize(text, userLang())` or
 *   `errorText(e)` from ./log (which also redacts secrets).
 *
 * API: userLang(): 'en' | 'zh' — the editor's display language as a core Lang.
 */
import * as vscode from 'vscode';
import { Lang, langFromLocale } from '../core/i18n';

export function userLang(): Lang {
  return langFromLocale(vscode.env.language);
}
