/** reload_config_entry: `homeassistant.reload_config_entry`; idempotent, nothing to roll back. */
import { type ActionDefinition, callHaService, CONFIG_BACKUP, nothingToUndo } from './action.js';
import { incidentEntry } from './entry.js';
import { say } from './words.js';

const VERIFY_S = 60;

export const reloadConfigEntry: ActionDefinition = {
  id: 'reload_config_entry',
  label: 'Reload the integration entry',
  guide:
    'reload the incident’s config entry (entry_id). Helps once the device or service answers again, or after the user fixed the configuration.',
  params: { entry_id: 'Config entry id' },
  risk: 'low',
  fixes: true,
  async resolve(ctx, params) {
    return { entry_id: incidentEntry(ctx, params).entry_id };
  },
  target: (p) => `reload_config_entry:${String(p.entry_id)}`,
  verification: (ctx, p) => [
    {
      kind: 'config_entry_loaded',
      description: say(ctx, 'preview.reload_config_entry.verify_loaded', {
        entry: ctx.inventory.entry(String(p.entry_id))?.title ?? String(p.entry_id),
        seconds: VERIFY_S,
      }),
      timeout_s: VERIFY_S,
    },
    // Loaded is not enough when the incident was about entities: they must come back too.
    {
      kind: 'entities_available',
      description: say(ctx, 'preview.reload_config_entry.verify_entities'),
      timeout_s: VERIFY_S,
    },
  ],
  preview(ctx, p) {
    const entry = ctx.inventory.entry(String(p.entry_id));
    const name = entry ? `${entry.title} (${entry.domain})` : String(p.entry_id);
    const waiting = ['setup_retry', 'network_unreachable', 'device_unavailable'].includes(
      ctx.incident.category,
    );
    return {
      summary: say(ctx, 'preview.reload_config_entry.summary', { name }),
      precondition: waiting
        ? say(ctx, 'preview.reload_config_entry.precondition_waiting')
        : say(ctx, 'preview.reload_config_entry.precondition'),
      backup: CONFIG_BACKUP,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.reload_config_entry.rollback'),
    };
  },
  async apply(ctx, p) {
    await callHaService(ctx.conn, 'homeassistant', 'reload_config_entry', { entry_id: p.entry_id });
    return {};
  },
  rollback: () => nothingToUndo('nothing to undo: a reload changes no configuration'),
};
