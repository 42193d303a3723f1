/**
 * set_integration_log_level: raise an integration's log level to collect
 * evidence (`logger/integration_log_level`, not persisted), set back to the
 * level it had before when verification fails, and when its time is up: debug
 * logging left on floods the log.
 */
import { ActionRejected, type ActionContext, type ActionDefinition, onlyParams } from './action.js';
import { duration, say } from './words.js';

/** Python's log levels, lowest first, as HA's logger integration names them (lower case). */
export const LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;
export type LogLevel = (typeof LEVELS)[number];

interface LoggerInfo {
  domain: string;
  level: number;
}

const NUMERIC: Record<number, LogLevel> = {
  10: 'debug',
  20: 'info',
  30: 'warning',
  40: 'error',
  50: 'critical',
};

/** A level's rank (0 debug … 4 critical); -1 for anything else (NOTSET, unknown). */
export const levelRank = (level: string): number =>
  (LEVELS as readonly string[]).indexOf(level.toLowerCase());

/**
 * The level HA reports an integration's logger (`homeassistant.components.<domain>`)
 * effectively logs at, from `logger/log_info`; 'notset' when HA lists none.
 */
export async function integrationLevel(
  conn: ActionContext['conn'],
  domain: string,
): Promise<LogLevel | 'notset'> {
  const info = await conn.sendMessagePromise<LoggerInfo[]>({ type: 'logger/log_info' });
  const entry = info.find((i) => i.domain === domain);
  return entry ? (NUMERIC[entry.level] ?? 'notset') : 'notset';
}

export const setIntegrationLogLevel: ActionDefinition = {
  id: 'set_integration_log_level',
  label: 'Raise the integration’s log level',
  guide:
    'turn on debug logging of an integration to collect evidence (integration, level); restored afterwards.',
  params: { integration: 'Integration domain', level: 'Log level such as debug' },
  risk: 'low',
  fixes: false,
  temporary: true,
  async resolve(ctx, params) {
    onlyParams(params, ['integration', 'level']);
    const integration = params.integration ?? ctx.incident.integration;
    if (typeof integration !== 'string' || integration !== ctx.incident.integration) {
      throw new ActionRejected(
        `integration must be the incident's integration (${ctx.incident.integration ?? 'none'})`,
      );
    }
    const level = String(params.level ?? 'debug').toLowerCase();
    if (!(LEVELS as readonly string[]).includes(level))
      throw new ActionRejected(`level must be one of ${LEVELS.join(', ')}`);
    return { integration, level };
  },
  target: (p) => `set_integration_log_level:${String(p.integration)}`,
  verification: (ctx, p) => [
    {
      kind: 'log_level_set',
      description: say(ctx, 'preview.set_integration_log_level.verify', {
        integration: String(p.integration),
        level: String(p.level),
      }),
      timeout_s: 10,
    },
  ],
  preview(ctx, p) {
    return {
      summary: say(ctx, 'preview.set_integration_log_level.summary', {
        integration: String(p.integration),
        level: String(p.level),
        time: duration(ctx.revertAfterS),
      }),
      precondition: say(ctx, 'preview.set_integration_log_level.precondition'),
      backup: null,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.set_integration_log_level.rollback', {
        integration: String(p.integration),
      }),
    };
  },
  async apply(ctx, p) {
    const previous = await integrationLevel(ctx.conn, String(p.integration));
    // Without a level to go back to, a rollback could only set NOTSET, which is a change of its
    // own (the stored setting dropped, the loggers left to inherit): refuse before changing.
    if (previous === 'notset')
      throw new ActionRejected(
        `Home Assistant reports no log level for ${p.integration}; nothing to restore it to later`,
      );
    await ctx.conn.sendMessagePromise({
      type: 'logger/integration_log_level',
      integration: p.integration,
      level: String(p.level).toUpperCase(),
      persistence: 'none',
    });
    return { previous };
  },
  async rollback(ctx, p, applied) {
    // No recorded level means the change never happened: setting NOTSET would be a change.
    if (typeof applied.previous !== 'string')
      return { attempted: false, succeeded: true, detail: 'the level was never changed' };
    const previous = applied.previous;
    // Only ever back to a real level, never NOTSET (see apply).
    if (levelRank(previous) < 0)
      return {
        attempted: false,
        succeeded: false,
        detail: `the previous level of ${p.integration} (${previous}) is not one to restore; set it in Home Assistant by hand`,
      };
    await ctx.conn.sendMessagePromise({
      type: 'logger/integration_log_level',
      integration: p.integration,
      level: previous.toUpperCase(),
      persistence: 'none',
    });
    // Succeeded only when HA reports the level again (no entry: back to the default).
    const now = await integrationLevel(ctx.conn, String(p.integration));
    return now === previous
      ? { attempted: true, succeeded: true, detail: `${p.integration} logs at ${previous} again` }
      : {
          attempted: true,
          succeeded: false,
          detail: `${p.integration} should log at ${previous} again, but Home Assistant reports ${now}`,
        };
  },
};
