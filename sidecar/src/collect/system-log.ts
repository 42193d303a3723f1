/**
 * The system log: `system_log/list` at start and after every reconnect, each
 * `system_log_event` as it happens (HA fires them with `system_log: fire_event:
 * true`), and a poll of the list as a safety net. A cursor per record makes
 * every occurrence count exactly once, across reconnects and sidecar restarts.
 * A failing integration logs the same line many times a second; its first
 * occurrence is signalled at once, its repeats once a second with their count.
 */
import type { Severity, Signal } from '@ha-llm-ops/contracts';
import { hash } from 'node:crypto';
import { guarded } from '../log.js';
import { messageTemplate } from '../shared/fingerprint.js';
import { integrationOf } from '../shared/attribution.js';
import { holdRecent } from '../shared/recent.js';
import { onEveryConnect, type Collector, type CollectorContext } from './collector.js';

/** A record of HA's system log (list entries and event data share this shape). */
export interface SystemLogRecord {
  name: string;
  message: string[];
  level: string;
  source: [string, number];
  /** Epoch seconds of the latest occurrence. */
  timestamp: number;
  exception: string;
  count: number;
  first_occurred: number;
}

interface RecordCursor {
  /** Latest occurrence already turned into a signal (epoch seconds). */
  ts: number;
  count: number;
}

const LEVEL_SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  ERROR: 'error',
  WARNING: 'warning',
};
const ENTRY_TITLE = /^Config entry '(.+?)' for [a-z0-9_]+ integration/;
const ITEM_LOGGER = /^homeassistant\.components\.(automation|script)\.([a-z0-9_]+)$/;

/** The key system_log itself de-duplicates by: logger, source line and message template. */
export function recordKey(r: Pick<SystemLogRecord, 'name' | 'source' | 'message'>): string {
  return `${r.name}|${r.source.join(':')}|${messageTemplate(r.message[0] ?? '')}`;
}

/** Turn a system log record into a signal standing for `count` new occurrences. */
export function recordSignal(
  ctx: Pick<CollectorContext, 'inventory'>,
  r: SystemLogRecord,
  count: number,
): Signal | null {
  const severity = LEVEL_SEVERITY[r.level.toUpperCase()];
  if (!severity) return null;
  const message = r.message[0] ?? '';
  const integration = integrationOf({
    logger: r.name,
    path: r.source[0],
    message,
    libraryLoggers: ctx.inventory.libraryLoggers,
    frames: r.exception ? r.exception.split('\n') : null,
  });
  const title = ENTRY_TITLE.exec(message)?.[1] ?? null;
  const entry = integration ? ctx.inventory.entryFor(integration, title) : undefined;
  const item = ITEM_LOGGER.exec(r.name);
  return {
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    observed_at: new Date(r.timestamp * 1000).toISOString(),
    integration,
    entry_id: entry?.entry_id ?? null,
    subject: item ? `${item[1]}.${item[2]}` : null,
    severity,
    message,
    count,
    data: {
      logger: r.name,
      level: r.level,
      source: r.source,
      messages: r.message,
      exception: r.exception || null,
      first_occurred: new Date(r.first_occurred * 1000).toISOString(),
    },
    sensitive: [],
  };
}

/**
 * Repeats of a record within this long of its last signal wait and are signalled together:
 * what they change is an incident's count and last sight, which need not be news at once.
 */
export const REPEAT_FOLD_MS = 1000;

/** Records whose cursor name and last signal are remembered (the few that repeat). */
const MAX_REMEMBERED = 1000;
/** Longest record key remembered as it is: a longer one is digested each time it comes. */
const MAX_REMEMBERED_KEY = 1024;

/** Repeats of one record waiting to be signalled: the latest, how many, the cursor once taken. */
interface Fold {
  record: SystemLogRecord;
  count: number;
  cursor: RecordCursor;
  /** The journal's dropped writes when they began to wait (`CollectorContext.dropped`). */
  dropped: number;
}

/** How often the list is read while events arrive (a safety net only). */
export const SAFETY_NET_POLL_MS = 5 * 60 * 1000;

export const systemLogCollector: Collector = {
  source: 'system_log',
  enabled: () => true,

  async start(ctx) {
    const { conn, cursors, sink, log } = ctx;
    let eventsSeen = 0;
    /** Events on the current connection, and when the list was last read (ms). */
    let eventsOnConnection = 0;
    let listedAt = 0;
    let droppedAtList = 0;
    let pollFinds = 0;
    let warnedNoEvents = false;

    /** Cursor names by the record's own key (a repeat skips the template and the digest). */
    const names = new Map<string, string>();
    /** When each record was last signalled (ms). */
    const signalledAt = new Map<string, number>();
    const folds = new Map<string, Fold>();
    let foldTimer: NodeJS.Timeout | undefined;
    let stopped = false;

    const cursorName = (r: SystemLogRecord): string => {
      const own = `${r.name}|${r.source.join(':')}|${r.message[0] ?? ''}`;
      let name = names.get(own);
      // A digest, not the key: the message template can hold a secret, and the
      // journal keeps only redacted text.
      name ??= `system_log:${hash('sha256', recordKey(r), 'base64url')}`;
      if (own.length <= MAX_REMEMBERED_KEY) holdRecent(names, own, name, MAX_REMEMBERED);
      return name;
    };

    /** Signal `count` occurrences of `r`, its cursor moved on with them. */
    const signal = (name: string, r: SystemLogRecord, count: number, cursor: RecordCursor) => {
      cursors.setCursor(name, cursor);
      holdRecent(signalledAt, name, ctx.now().getTime(), MAX_REMEMBERED);
      const s = recordSignal(ctx, r, count);
      if (s) sink.emit(s);
    };

    /**
     * The repeats waiting for `name`, unless the journal dropped writes since they began to
     * wait: they were counted on from a cursor that is gone, so they are forgotten and the
     * next read of HA's log (which a drop brings about) counts them from the cursor kept.
     */
    const waitingFor = (name: string): Fold | undefined => {
      const fold = folds.get(name);
      if (fold?.dropped === ctx.dropped()) return fold;
      folds.delete(name);
      return undefined;
    };

    const signalFolds = () => {
      clearTimeout(foldTimer);
      foldTimer = undefined;
      const waiting = [...folds].filter(([name]) => waitingFor(name));
      folds.clear();
      const one = guarded(log, 'a system log record', ([name, f]: [string, Fold]) =>
        signal(name, f.record, f.count, f.cursor),
      );
      for (const fold of waiting) one(fold);
    };

    /** Signal the occurrences of `r` not yet seen; `fromEvent` is one new occurrence. */
    const take = (r: SystemLogRecord, fromEvent: boolean): boolean => {
      const name = cursorName(r);
      // Repeats waiting to be signalled have been taken: their cursor is the latest.
      const waiting = waitingFor(name);
      const cursor = waiting?.cursor ?? cursors.getCursor<RecordCursor>(name);
      // Nothing newer, unless the list counts more than we took: an occurrence whose
      // event was seen but could not be saved (a full disk) is taken from the list.
      if (cursor && r.timestamp <= cursor.ts && (fromEvent || r.count <= cursor.count))
        return false;
      let count: number;
      // The record's total as far as we have counted it. An event carries the one new
      // occurrence (HA fires it with the new entry, count 1), not the stored record's
      // total: the total seen grows by one, or the next resync would count again
      // every occurrence taken from events.
      let seen: number;
      if (fromEvent) {
        count = 1;
        seen = (cursor?.count ?? 0) + 1;
      } else if (!cursor || r.first_occurred > cursor.ts) {
        count = r.count; // new since we last looked (or HA restarted)
        seen = r.count;
      } else {
        count = Math.max(1, r.count - cursor.count);
        seen = r.count;
      }
      const next: RecordCursor = { ts: r.timestamp, count: seen };
      const last = signalledAt.get(name);
      const repeat =
        waiting !== undefined ||
        (last !== undefined && ctx.now().getTime() - last < REPEAT_FOLD_MS);
      if (fromEvent && !stopped && repeat) {
        // The cursor moves when they are signalled, so a crash loses both together.
        folds.set(name, {
          record: r,
          count: (waiting?.count ?? 0) + count,
          cursor: next,
          dropped: ctx.dropped(),
        });
        foldTimer ??= setTimeout(signalFolds, REPEAT_FOLD_MS);
        return true;
      }
      folds.delete(name);
      signal(name, r, count + (waiting?.count ?? 0), next);
      return true;
    };

    const resync = async () => {
      listedAt = ctx.now().getTime();
      droppedAtList = ctx.dropped();
      const records = await conn.sendMessagePromise<SystemLogRecord[]>({ type: 'system_log/list' });
      // The list is newest first; replay oldest first so incidents open in order.
      // One record that cannot be taken must not hide the others.
      let found = 0;
      const takeOne = guarded(log, 'a system log record', (r: SystemLogRecord) => {
        if (take(r, false)) found++;
      });
      for (const r of [...records].reverse()) takeOne(r);
      return found;
    };

    const unsubEvents = await conn.subscribeEvents<{ data: SystemLogRecord }>(
      guarded(log, 'a system log event', (ev) => {
        eventsSeen++;
        eventsOnConnection++;
        take(ev.data, true);
      }),
      'system_log_event',
    );
    const stopResync = await onEveryConnect(
      conn,
      async () => {
        eventsOnConnection = 0;
        await resync();
      },
      log,
      'system log',
    );

    // Safety net, and the only source when fire_event is off.
    // Once events arrive on this connection each brings its record, and the list (which HA
    // serializes whole for every read) is a safety net for an occurrence whose event could not
    // be saved: read every few seconds after the journal dropped writes, else now and then.
    const poll = setInterval(() => {
      if (
        eventsOnConnection > 0 &&
        ctx.dropped() === droppedAtList &&
        ctx.now().getTime() - listedAt < SAFETY_NET_POLL_MS
      )
        return;
      resync()
        .then((found) => {
          if (found === 0 || eventsSeen > 0) return;
          if (++pollFinds >= 2 && !warnedNoEvents) {
            warnedNoEvents = true;
            ctx.flags.systemLogEvents = false;
            log.warning(
              'HA fires no system_log_event; polling the system log instead. Add `system_log: fire_event: true` to configuration.yaml for instant detection.',
            );
          }
        })
        .catch((err: unknown) => log.debug(`system log poll failed: ${String(err)}`));
    }, ctx.thresholds.logPollS * 1000);

    return async () => {
      // What waits is signalled now: nothing taken is lost to the stop.
      stopped = true;
      signalFolds();
      clearInterval(poll);
      stopResync();
      await unsubEvents();
    };
  },
};
