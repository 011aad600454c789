// Every string a person sees exists in English and Simplified Chinese. The core
// carries both and lets each front end pick (the extension: vscode.env.language;
// the CLI: --lang, else LANG/LC_ALL).

import { escapeText, hasUnsafeChars } from './terminal';

export type Lang = 'en' | 'zh';

/** A user-visible text in both languages. `{name}` placeholders are filled by `format`. */
export interface Text {
  en: string;
  zh: string;
}

export type Args = Record<string, string | number>;

export function format(template: string, args: Args = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

/** A text in one language with its arguments filled in; arguments are shown escaped (see shownArgs). */
export function localize(text: Text, lang: Lang, args?: Args): string {
  return format(text[lang], args && shownArgs(args));
}

/** Maps a locale tag (`zh-cn`, `zh_CN.UTF-8`, `en-US`) to a Lang. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}

/**
 * The one error type the core throws. `message` is English (for logs and
 * stack-less CLI output); `localized(lang)` gives the user's language. Front
 * ends catch it and show one line; anything else escaping is a bug.
 */
export class ToolkitError extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
    readonly args: Args = {},
  ) {
    super(format(text.en, shownArgs(args)));
    this.name = 'ToolkitError';
  }

  localized(lang: Lang): string {
    return localize(this.text, lang, shownArgs(this.args));
  }
}

/**
 * Error arguments are often the input itself (a parameter name, an XML
 * element): shown with control and bidi characters escaped, so every error
 * message is one line that cannot drive a terminal (core/terminal).
 */
function shownArgs(args: Args): Args {
  let out: Args | undefined;
  for (const k in args) {
    const v = args[k];
    if (typeof v === 'string' && hasUnsafeChars(v)) (out ??= { ...args })[k] = escapeText(v);
  }
  return out ?? args;
}

export function isToolkitError(e: unknown): e is ToolkitError {
  return e instanceof ToolkitError;
}
