/**
 * restart_core: the last resort. Never automatic unless the policy says so
 * explicitly. With the Supervisor, `POST /core/check` and then `POST
 * /core/restart` (works even when Core hangs, but would not check the
 * configuration by itself); otherwise `homeassistant.restart`, which checks it
 * first. A configuration that fails the check is never restarted into.
 */
import type { Category } from '@ha-llm-ops/contracts';
import { SupervisorError } from '../supervisor/client.js';
import {
  ActionRejected,
  type ActionDefinition,
  callHaService,
  CONFIG_BACKUP,
  nothingToUndo,
  onlyParams,
} from './action.js';
import { say } from './words.js';

/** Failures a restart of Home Assistant cannot fix: what is wrong is outside it. */
const NOT_FIXED_BY_RESTART: ReadonlySet<Category> = new Set<Category>([
  'device_unavailable',
  'network_unreachable',
  'auth_expired',
  'rate_limited',
  'security_login',
  'proxy_misconfig',
  'addon_crash',
  'automation_error',
  'log_flood',
]);

export const restartCore: ActionDefinition = {
  id: 'restart_core',
  label: 'Restart Home Assistant',
  guide:
    'restart Home Assistant Core. Last resort (e.g. after updating a custom integration); never for a device that is offline.',
  params: {},
  risk: 'high',
  fixes: true,
  async resolve(ctx, params) {
    onlyParams(params, []);
    // Tied to the incident: a restart is never proposed for what it cannot fix.
    const { category } = ctx.incident;
    if (NOT_FIXED_BY_RESTART.has(category))
      throw new ActionRejected(
        `restarting Home Assistant does not fix a ${category.replaceAll('_', ' ')} incident`,
      );
    return {};
  },
  target: () => 'restart_core',
  verification: (ctx) => [
    {
      kind: 'core_running',
      description: say(ctx, 'preview.restart_core.verify'),
      timeout_s: 300,
    },
  ],
  preview(ctx) {
    return {
      summary: say(ctx, 'preview.restart_core.summary'),
      precondition: say(ctx, 'preview.restart_core.precondition'),
      backup: CONFIG_BACKUP,
      verification: this.verification(ctx, {}),
      rollback: say(ctx, 'preview.restart_core.rollback'),
    };
  },
  async apply(ctx) {
    if (ctx.supervisor) {
      try {
        await ctx.supervisor.call('POST', '/core/check');
      } catch (err) {
        if (!(err instanceof SupervisorError) || err.status === 0) throw err;
        throw new Error(
          `Home Assistant's configuration check failed, so it was not restarted: ${err.message}`,
          { cause: err },
        );
      }
      await ctx.supervisor.call('POST', '/core/restart');
    } else await callHaService(ctx.conn, 'homeassistant', 'restart');
    return { restarted_at: ctx.now().toISOString() };
  },
  rollback: () => nothingToUndo('not applicable: a restart has nothing to undo'),
};
