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
  if (looksLikeKeyMaterial(file)) {
    // `--key-file "$(cat md5.key)"`: the argument is the secret itself; echoing it would print the key.
    return new ToolkitError(
      code,
      {
        en: `The ${what.en} file argument is not a file name: it looks like key material ({n} characters, not shown). Give the path of the file that holds it.`,
        zh: `${what.zh}文件参数不是文件名：它看起来像密钥内容（{n} 个字符，不予显示）。请给出保存密钥的文件路径。`,
      },
      { n: file.length },
    );
  }
  const errno = (e as NodeJS.ErrnoException)?.code ?? 'error';
  const reason = REASONS[errno] ?? { en: `cannot be read (${errno})`, zh: `无法读取 (${errno})` };
  return new ToolkitError(code, { en: `The ${what.en} file "{file}" ${reason.en}.`, zh: `${what.zh}文件 "{file}" ${reason.zh}。` }, { file });
}

/**
 * True when a "file name" is more likely a key pasted in its place: a PEM
 * block, a line break, or a long run of key characters (an MD5 key is 32
 * letters and digits, an RSA key hundreds of base64 characters) with no
 * path separator or extension.
 */
export function looksLikeKeyMaterial(arg: string): boolean {
  if (/-----BEGIN|[\r\n]/.test(arg)) return true;
  return arg.length >= 24 && /^[A-Za-z0-9+/=_-]+$/.test(arg) && !/[/\\.]/.test(arg);
}
