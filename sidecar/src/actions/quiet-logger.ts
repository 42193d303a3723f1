/**
 * quiet_logger: a logger flooding Home Assistant's log (HA's own "Module … is logging too
 * frequently", or one line repeated hundreds of times) is raised to a higher level with
 * `logger.set_level` for a while, then set back to the level Home Assistant reported for its
 * integration before (`logger/log_info`; HA reads no other logger's level). The logger comes only
 * from the incident's evidence and must belong to the incident's integration; the level is
 * only ever raised. Not persisted by HA: a restart of Home Assistant also ends it.
 */
import type { ActionParams } from '@ha-llm-ops/contracts';
import type { SignalRecord } from '../journal/journal.js';
import {
  ActionRejected,
  type ActionContext,
  type ActionDefinition,
  callHaService,
  onlyParams,
} from './action.js';
import { integrationLevel, levelRank, type LogLevel } from './log-level.js';
import { duration, say } from './words.js';

/** Home Assistant's own warning about a logger writing too much (homeassistant.util.logging). */
export const TOO_FREQUENT = /Module ([A-Za-z_][\w.]*) is logging too frequently\b/;
/** Lines of one logger within an incident that make it a flood (HA's own count, per 5 min). */
export const FLOOD_LINES = 200;
/** The levels a logger may be raised to: never critical, so its errors still get through. */
const TARGETS: readonly LogLevel[] = ['warning', 'error'];
/** Loggers never quieted: HA's own framework, and the flood warning itself. */
const NEVER =
  /^(?:homeassistant|custom_components|homeassistant\.components|homeassistant\.util\.logging)$/;
const COMPONENT = /^(?:homeassistant\.components|custom_components)\.([a-z0-9_]+)(?:\.|$)/;

/** A logger the evidence shows flooding, and the highest level its lines were logged at. */
export interface FloodingLogger {
  logger: string;
  /** Its lines were logged at this level, so it logs at this level or lower now. */
  seenLevel: LogLevel;
  lines: number;
}

/** The loggers an incident's signals show flooding, most lines first. */
export function floodingLoggers(
  signals: readonly Pick<SignalRecord, 'kind' | 'message' | 'count' | 'data'>[],
): FloodingLogger[] {
  const found = new Map<string, FloodingLogger & { named: boolean }>();
  const take = (logger: string, level: LogLevel, lines: number, named: boolean) => {
    const f = found.get(logger) ?? { logger, seenLevel: level, lines: 0, named };
    if (levelRank(level) > levelRank(f.seenLevel)) f.seenLevel = level;
    f.lines += lines;
    f.named ||= named;
    found.set(logger, f);
  };
  for (const s of signals) {
    const named = TOO_FREQUENT.exec(s.message)?.[1];
    // HA counts lines at INFO and above: the flood is at least INFO.
    if (named) take(named, 'info', 0, true);
    const logger = s.data.logger;
    const level = String(s.data.level ?? '').toLowerCase();
    if (s.kind === 'log_record' && typeof logger === 'string' && levelRank(level) >= 0)
      take(logger, level as LogLevel, s.count, false);
  }
  return [...found.values()]
    .filter((f) => (f.named || f.lines >= FLOOD_LINES) && !NEVER.test(f.logger))
    .sort((a, b) => b.lines - a.lines)
    .map(({ logger, seenLevel, lines }) => ({ logger, seenLevel, lines }));
}

/** Whether `logger` is the integration's own (its package or a library its manifest declares). */
function belongsTo(ctx: ActionContext, logger: string, domain: string): boolean {
  const own = COMPONENT.exec(logger)?.[1];
  if (own !== undefined) return own === domain;
  for (let name = logger; name; name = name.slice(0, Math.max(name.lastIndexOf('.'), 0))) {
    const owner = ctx.inventory.libraryLoggers.get(name);
    if (owner !== undefined) return owner === domain;
  }
  return false;
}

export const quietLogger: ActionDefinition = {
  id: 'quiet_logger',
  label: 'Quiet the flooding logger for a while',
  guide:
    'for a log flood: raise the level of the logger the evidence shows flooding (logger, level) so its lines stop filling the log; set back by itself after a while.',
  params: {
    logger: 'The flooding logger, as the evidence names it',
    level: 'warning or error: above the level of its flooding lines',
  },
  risk: 'low',
  fixes: false,
  temporary: true,
  async resolve(ctx, params) {
    onlyParams(params, ['logger', 'level']);
    const domain = ctx.incident.integration;
    if (domain === null)
      throw new ActionRejected('the incident names no integration, so no logger belongs to it');
    const floods = floodingLoggers(ctx.journal.signalsOf(ctx.incident.id, 500));
    const wanted = params.logger ?? floods[0]?.logger;
    const flood = floods.find((f) => f.logger === wanted);
    if (typeof wanted !== 'string' || !flood) {
      const known = floods.map((f) => f.logger).join(', ') || 'none';
      throw new ActionRejected(
        `logger must be one the incident's evidence shows flooding (${known})`,
      );
    }
    if (!belongsTo(ctx, flood.logger, domain))
      throw new ActionRejected(`logger ${flood.logger} does not belong to ${domain}`);
    // Never lower: above the flooding lines and above what HA reports for the integration now.
    const current = await integrationLevel(ctx.conn, domain);
    const floor = Math.max(levelRank(flood.seenLevel), levelRank(current));
    const least = TARGETS.find((l) => levelRank(l) > floor);
    const level = String(params.level ?? least ?? '').toLowerCase();
    if (!(TARGETS as readonly string[]).includes(level))
      throw new ActionRejected(
        least
          ? `level must be ${TARGETS.filter((l) => levelRank(l) > floor).join(' or ')}`
          : `${flood.logger} already logs only ${flood.seenLevel} and above; raising it further would hide errors`,
      );
    if (levelRank(level) <= floor)
      throw new ActionRejected(
        `level ${level} would not quiet ${flood.logger} (its lines are ${flood.seenLevel}, the integration logs at ${current}); it must be higher`,
      );
    return { logger: flood.logger, level };
  },
  target: (p) => `quiet_logger:${String(p.logger)}`,
  verification: (ctx, p) => [
    {
      kind: 'no_new_matching_errors',
      description: say(ctx, 'preview.quiet_logger.verify', {
        logger: String(p.logger),
        level: String(p.level),
      }),
      timeout_s: 60,
    },
  ],
  preview(ctx, p) {
    const time = duration(ctx.revertAfterS);
    return {
      summary: say(ctx, 'preview.quiet_logger.summary', {
        logger: String(p.logger),
        level: String(p.level),
        time,
      }),
      precondition: say(ctx, 'preview.quiet_logger.precondition'),
      backup: null,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.quiet_logger.rollback', { logger: String(p.logger), time }),
    };
  },
  async apply(ctx, p) {
    const previous = await integrationLevel(ctx.conn, String(ctx.incident.integration));
    if (levelRank(previous) >= levelRank(String(p.level)))
      throw new ActionRejected(`${String(p.logger)} already logs at ${previous} or above`);
    await callHaService(ctx.conn, 'logger', 'set_level', levelData(p, String(p.level)));
    return { previous };
  },
  async rollback(ctx, p, applied) {
    // No recorded level means the change never happened: setting one now would be a change.
    const previous = applied.previous;
    if (typeof previous !== 'string' || (previous !== 'notset' && levelRank(previous) < 0))
      return { attempted: false, succeeded: true, detail: 'the level was never changed' };
    await callHaService(ctx.conn, 'logger', 'set_level', levelData(p, previous));
    return { attempted: true, succeeded: true, detail: `${p.logger} logs at ${previous} again` };
  },
};

function levelData(p: ActionParams, level: string): Record<string, string> {
  return { [String(p.logger)]: level.toUpperCase() };
}
