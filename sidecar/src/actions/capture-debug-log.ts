/**
 * capture_debug_log: log the incident's integration at debug level for a bounded time
 * (`logger/integration_log_level`, not persisted), keep what it logged meanwhile — redacted —
 * as the incident's evidence, then set the level back. The window ends like any temporary
 * change: when its time is up, also after the sidecar stopped or restarted meanwhile (then as
 * soon as it runs again); a restart of Home Assistant ends debug logging by itself.
 */
import type { ActionParams } from '@ha-llm-ops/contracts';
import { type LogMark, markLog, recordsSince, recordText } from '../ha/log-window.js';
import { integrationOf } from '../shared/attribution.js';
import { ActionRejected, type ActionContext, type ActionDefinition, onlyParams } from './action.js';
import { integrationLevel, levelRank } from './log-level.js';
import { duration, say } from './words.js';

/** The window's bounds and default, in seconds: long enough to catch a poll, never for hours. */
export const CAPTURE_MIN_S = 30;
export const CAPTURE_MAX_S = 600;
export const CAPTURE_DEFAULT_S = 120;
/** Records kept of one capture at most (the first ones); the rest are counted. */
export const CAPTURE_MAX_LINES = 400;
/** Characters kept of one record at most. */
const MAX_RECORD_CHARS = 4000;

/** The window's length from a parameter: a whole number of seconds within the bounds. */
export function captureSeconds(value: ActionParams[string] | undefined): number {
  if (value === undefined) return CAPTURE_DEFAULT_S;
  const s = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < CAPTURE_MIN_S || s > CAPTURE_MAX_S)
    throw new ActionRejected(
      `seconds must be a whole number from ${CAPTURE_MIN_S} to ${CAPTURE_MAX_S}`,
    );
  return s;
}

const isMark = (m: unknown): m is LogMark =>
  typeof m === 'object' &&
  m !== null &&
  (((m as { source?: unknown }).source === 'file' &&
    typeof (m as { offset?: unknown }).offset === 'number') ||
    (m as { source?: unknown }).source === 'supervisor');

/**
 * Read what the integration logged since the window opened, redact it and keep it with the
 * incident; says what was kept.
 */
async function capture(
  ctx: ActionContext,
  domain: string,
  mark: LogMark,
  startedAt: string,
): Promise<string> {
  const redact = ctx.redact;
  if (!redact) throw new Error('no redaction available, so nothing is kept');
  const records = (
    await recordsSince({ http: ctx.haHttp, supervisor: ctx.supervisor }, mark)
  ).filter(
    (r) =>
      integrationOf({
        logger: r.logger,
        message: r.message,
        libraryLoggers: ctx.inventory.libraryLoggers,
      }) === domain,
  );
  const lines = records
    .slice(0, CAPTURE_MAX_LINES)
    .map((r) => redact(recordText(r).slice(0, MAX_RECORD_CHARS)));
  const kept = ctx.journal.captures.save(ctx.incident.id, {
    id: `${domain}@${startedAt}`,
    integration: domain,
    started_at: startedAt,
    ended_at: ctx.now().toISOString(),
    lines,
    dropped: records.length - lines.length,
  });
  if (!kept) return `${lines.length} lines captured, but the incident is gone, so none were kept`;
  const more =
    records.length > lines.length ? ` (${records.length - lines.length} more left out)` : '';
  return `${lines.length} lines of ${domain} captured into the evidence${more}`;
}

export const captureDebugLog: ActionDefinition = {
  id: 'capture_debug_log',
  label: 'Capture the integration’s debug log',
  guide:
    'when the evidence is too thin to tell the cause: log the incident’s integration at debug level for a while (seconds, 30–600, default 120) and keep what it logs, redacted, as evidence; its level is set back afterwards.',
  params: {
    integration: "The incident's integration domain",
    seconds: `How long to capture: ${CAPTURE_MIN_S} to ${CAPTURE_MAX_S} (default ${CAPTURE_DEFAULT_S})`,
  },
  risk: 'low',
  fixes: false,
  temporary: true,
  lastsS: (p) => captureSeconds(p.seconds),
  async resolve(ctx, params) {
    onlyParams(params, ['integration', 'seconds']);
    const integration = params.integration ?? ctx.incident.integration;
    if (typeof integration !== 'string' || integration !== ctx.incident.integration)
      throw new ActionRejected(
        `integration must be the incident's integration (${ctx.incident.integration ?? 'none'})`,
      );
    const seconds = captureSeconds(params.seconds);
    if (!ctx.redact || (!ctx.haHttp && !ctx.supervisor))
      throw new ActionRejected(
        'Home Assistant’s log cannot be read here, so nothing could be captured',
      );
    return { integration, seconds };
  },
  target: (p) => `capture_debug_log:${String(p.integration)}`,
  verification: (ctx, p) => [
    {
      kind: 'log_level_set',
      description: say(ctx, 'preview.capture_debug_log.verify', {
        integration: String(p.integration),
      }),
      timeout_s: 10,
    },
  ],
  preview(ctx, p) {
    const time = duration(captureSeconds(p.seconds));
    return {
      summary: say(ctx, 'preview.capture_debug_log.summary', {
        integration: String(p.integration),
        time,
      }),
      precondition: say(ctx, 'preview.capture_debug_log.precondition'),
      backup: null,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.capture_debug_log.rollback', {
        integration: String(p.integration),
        time,
      }),
    };
  },
  async apply(ctx, p) {
    const domain = String(p.integration);
    const previous = await integrationLevel(ctx.conn, domain);
    if (previous === 'debug') throw new ActionRejected(`${domain} already logs at debug`);
    // Where the log stands before debug lines start, so the capture holds only the window.
    const mark = await markLog({ http: ctx.haHttp, supervisor: ctx.supervisor });
    const startedAt = ctx.now().toISOString();
    await ctx.conn.sendMessagePromise({
      type: 'logger/integration_log_level',
      integration: domain,
      level: 'DEBUG',
      persistence: 'none',
    });
    return { previous, mark, started_at: startedAt };
  },
  async rollback(ctx, p, applied) {
    const { previous, mark, started_at: startedAt } = applied;
    // No recorded level means the change never happened: setting one now would be a change.
    if (typeof previous !== 'string' || (previous !== 'notset' && levelRank(previous) < 0))
      return { attempted: false, succeeded: true, detail: 'the level was never changed' };
    const domain = String(p.integration);
    let captured: string;
    try {
      captured =
        isMark(mark) && typeof startedAt === 'string'
          ? await capture(ctx, domain, mark, startedAt)
          : 'nothing captured (the window was not recorded)';
    } catch (err) {
      // The level goes back regardless: a capture that cannot be read must not leave debug on.
      captured = `the log could not be captured: ${err instanceof Error ? err.message : String(err)}`;
    }
    await ctx.conn.sendMessagePromise({
      type: 'logger/integration_log_level',
      integration: domain,
      level: previous.toUpperCase(),
      persistence: 'none',
    });
    const now = await integrationLevel(ctx.conn, domain);
    return now === previous
      ? {
          attempted: true,
          succeeded: true,
          detail: `${captured}; ${domain} logs at ${previous} again`,
        }
      : {
          attempted: true,
          succeeded: false,
          detail: `${captured}; ${domain} should log at ${previous} again, but Home Assistant reports ${now}`,
        };
  },
};
