// The last requests and answers, in the extension's global storage. What is
// stored passes through the redactor first: no `sign` value, no key, no
// secret this session knows. A stored request is a `.alipay` block, so it can
// be read, re-opened and re-sent.
import * as vscode from 'vscode';
import { writeLineValue, type Param } from '../../core/params';
import { isSignatureParam } from '../../core/protocol';
import { REDACTED } from '../../core/redact';
import { redactText } from '../shared';

export const HISTORY_FILE = 'request-history.json';
const MAX_ENTRIES = 50;

export interface HistoryEntry {
  id: string;
  /** ISO time of sending. */
  time: string;
  file?: string;
  index: number;
  name?: string;
  service?: string;
  profile: string;
  gateway: string;
  method: 'GET' | 'POST';
  signType: string;
  /** The request as a `.alipay` block (resolved values; sign never included). */
  request: string;
  status?: number;
  kind?: string;
  success?: boolean;
  /** The gateway's error code when it refused (e.g. ILLEGAL_SIGN). */
  errorCode?: string;
  /** The answer as received, redacted. */
  response?: string;
  /** The failure message, when sending failed. */
  error?: string;
}

/** A resolved request written back as a block (sign left out: it is computed at send time). */
export function requestBlock(e: { name?: string; method: string; profile: string; signType: string }, params: readonly Param[]): string {
  const lines = [`### ${e.name ?? ''}`.trimEnd(), `# @sign-type ${e.signType}`, `${e.method} ${e.profile}`];
  for (const p of params) if (!isSignatureParam(p.name)) lines.push(`${p.name} = ${writeLineValue(p.value)}`);
  return lines.join('\n') + '\n';
}

const changed = new vscode.EventEmitter<readonly HistoryEntry[]>();
/** Fires with the whole list (newest first) after each entry is stored: the History view refreshes from it. */
export const onDidChangeHistory = changed.event;

export class History {
  private entries: HistoryEntry[] | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dir: vscode.Uri) {}

  get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, HISTORY_FILE);
  }

  async list(): Promise<HistoryEntry[]> {
    if (!this.entries) {
      try {
        const raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file))) as unknown;
        this.entries = Array.isArray(raw) ? (raw.filter((e) => e && typeof e === 'object' && typeof (e as HistoryEntry).id === 'string') as HistoryEntry[]) : [];
      } catch {
        this.entries = []; // none yet, or unreadable: start afresh
      }
    }
    return this.entries;
  }

  /** Adds an entry (redacted here, whatever the caller passed) and writes the file. */
  async add(entry: HistoryEntry): Promise<HistoryEntry> {
    const safe: HistoryEntry = {
      ...entry,
      request: redactText(entry.request),
      response: entry.response === undefined ? undefined : redactText(entry.response),
      error: entry.error === undefined ? undefined : redactText(entry.error),
    };
    const list = await this.list();
    list.unshift(safe);
    list.splice(MAX_ENTRIES);
    const data = new TextEncoder().encode(JSON.stringify(list, null, 1));
    this.writing = this.writing.then(async () => {
      await vscode.workspace.fs.createDirectory(this.dir);
      await vscode.workspace.fs.writeFile(this.file, data);
    });
    await this.writing;
    changed.fire(list);
    return safe;
  }

  async get(id: string): Promise<HistoryEntry | undefined> {
    return (await this.list()).find((e) => e.id === id);
  }
}

/** True when redaction took a value out of the request (it cannot be re-sent as stored). */
export function lostSecret(entry: HistoryEntry): boolean {
  return entry.request.includes(REDACTED);
}
