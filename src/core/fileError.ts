// One wording for "this file cannot be read", shared by the CLI and the log scanner.
import { Text, ToolkitError } from './i18n';

const REASONS: Record<string, Text> = {
  ENOENT: { en: 'does not exist', zh: '不存在' },
  EACCES: { en: 'cannot be read (permission denied)', zh: '无读取权限' },
  EISDIR: { en: 'is a folder, not a file', zh: '是文件夹而不是文件' },
};

/**
 * `what` names the file's role ("input", "log"): "The log file "x" does not exist."
 * The file's contents never appear in the message, only its name.
 */
export function fileError(code: string, file: string, what: Text, e: unknown): ToolkitError {
  const errno = (e as NodeJS.ErrnoException)?.code ?? 'error';
  const reason = REASONS[errno] ?? { en: `cannot be read (${errno})`, zh: `无法读取 (${errno})` };
  return new ToolkitError(code, { en: `The ${what.en} file "{file}" ${reason.en}.`, zh: `${what.zh}文件 "{file}" ${reason.zh}。` }, { file });
}
