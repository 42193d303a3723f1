/**
 * Reading what Home Assistant logged between two moments, from its log as it is written: the
 * log file over REST (`/api/error_log`, read from a byte offset) or, under Supervisor, the core
 * log (where HA OS keeps it), after the last line seen when the window opened. Only whole log
 * records come back; the caller picks and redacts them.
 */
import { type LogRecord, parseLog } from '../logs/parse.js';
import type { SupervisorClient } from '../supervisor/client.js';

/** Where HA's REST API is, and with which token. */
export interface HaHttp {
  baseUrl: string;
  token: string;
}

/** Where the log stood when a window opened. */
export type LogMark =
  { source: 'file'; offset: number } | { source: 'supervisor'; anchor: string | null };

export interface LogSources {
  http?: HaHttp | undefined;
  supervisor: SupervisorClient | null;
}

const TIMEOUT_MS = 15_000;
/** Lines of the core log read under Supervisor at most (the window's lines must be among them). */
const SUPERVISOR_LINES = 20_000;

async function errorLog(http: HaHttp, range: string): Promise<Response> {
  const res = await fetch(`${http.baseUrl}/error_log`, {
    headers: {
      authorization: `Bearer ${http.token}`,
      range,
      // A byte range of the file itself, not of a compressed copy.
      'accept-encoding': 'identity',
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok && res.status !== 416)
    throw new Error(`Home Assistant's log could not be read (HTTP ${res.status})`);
  return res;
}

/** The log file's size now, from a one-byte range (or the whole file, when ranges are refused). */
async function fileSize(http: HaHttp): Promise<number> {
  const res = await errorLog(http, 'bytes=0-0');
  const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
  if (res.status === 206 && total !== undefined) {
    await res.body?.cancel();
    return Number(total);
  }
  if (res.status === 416) return 0;
  return (await res.arrayBuffer()).byteLength;
}

function lastLine(text: string): string | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.at(-1) ?? null;
}

/** Remember where the log stands now. */
export async function markLog(sources: LogSources): Promise<LogMark> {
  if (sources.supervisor)
    return {
      source: 'supervisor',
      anchor: lastLine(await sources.supervisor.logs('/core/logs', 20)),
    };
  if (!sources.http) throw new Error('Home Assistant’s log cannot be reached');
  return { source: 'file', offset: await fileSize(sources.http) };
}

/** What the log gained since `mark`, as text. */
async function textSince(sources: LogSources, mark: LogMark): Promise<string> {
  if (mark.source === 'supervisor') {
    if (!sources.supervisor) throw new Error('the Supervisor is no longer reachable');
    const text = await sources.supervisor.logs('/core/logs', SUPERVISOR_LINES);
    if (mark.anchor === null) return text;
    const at = text.lastIndexOf(mark.anchor);
    return at < 0 ? text : text.slice(at + mark.anchor.length);
  }
  if (!sources.http) throw new Error('Home Assistant’s log cannot be reached');
  const res = await errorLog(sources.http, `bytes=${mark.offset}-`);
  if (res.status === 206) return res.text();
  if (res.status === 416) {
    // Nothing past the mark; or the file is shorter: Home Assistant restarted with a new log.
    await res.body?.cancel();
    if ((await fileSize(sources.http)) >= mark.offset) return '';
    const all = await errorLog(sources.http, 'bytes=0-');
    return all.status === 416 ? '' : all.text();
  }
  // Ranges refused: the whole file came, the window is what follows the mark.
  const whole = Buffer.from(await res.arrayBuffer());
  return whole.subarray(whole.length >= mark.offset ? mark.offset : 0).toString('utf8');
}

/** The whole log records written since `mark`. */
export async function recordsSince(sources: LogSources, mark: LogMark): Promise<LogRecord[]> {
  return parseLog(await textSince(sources, mark));
}

/** A record as one text: the line as the log has it, then its continuation lines. */
export function recordText(r: LogRecord): string {
  const head = [r.timestamp, r.level, r.logger && `[${r.logger}]`, r.message]
    .filter(Boolean)
    .join(' ');
  return [head, ...(r.traceback ?? [])].join('\n');
}
