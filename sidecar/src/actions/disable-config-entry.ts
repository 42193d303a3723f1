/** disable_config_entry: stop a crash-looping integration (`config_entries/disable`); rolled back by re-enabling. */
import { type ActionDefinition, CONFIG_BACKUP, settled } from './action.js';
import { incidentEntry } from './entry.js';

export const disableConfigEntry: ActionDefinition = {
  id: 'disable_config_entry',
  label: 'Disable the integration entry',
  guide: 'disable a crash-looping config entry (entry_id) until the user fixes it.',
  params: { entry_id: 'Config entry id' },
  risk: 'medium',
  fixes: true,
  async resolve(ctx, params) {
    return { entry_id: incidentEntry(ctx, params).entry_id };
  },
  target: (p) => `disable_config_entry:${String(p.entry_id)}`,
  verification: (ctx, p) => [
    {
      kind: 'config_entry_disabled',
      description: `${ctx.inventory.entry(String(p.entry_id))?.title ?? p.entry_id} is disabled and stopped`,
      timeout_s: 30,
    },
  ],
  preview(ctx, p) {
    const entry = ctx.inventory.entry(String(p.entry_id));
    return {
      summary: `Disable ${entry?.title ?? p.entry_id} (${entry?.domain ?? 'integration'}) so it stops failing; its entities go away until re-enabled.`,
      precondition:
        'Only when the integration keeps crashing and harms the rest of Home Assistant.',
      backup: CONFIG_BACKUP,
      verification: this.verification(ctx, p),
      rollback: 'Enable the entry again.',
    };
  },
  async apply(ctx, p) {
    await ctx.conn.sendMessagePromise({
      type: 'config_entries/disable',
      entry_id: p.entry_id,
      disabled_by: 'user',
    });
    return {};
  },
  async rollback(ctx, p) {
    await ctx.conn.sendMessagePromise({
      type: 'config_entries/disable',
      entry_id: p.entry_id,
      disabled_by: null,
    });
    // Undone only when HA shows the entry enabled again.
    const disabledBy = await settled(
      async () =>
        (
          await ctx.conn.sendMessagePromise<{ config_entry: { disabled_by: string | null } }>({
            type: 'config_entries/get_single',
            entry_id: p.entry_id,
          })
        ).config_entry.disabled_by,
      (d) => d === null,
    );
    return disabledBy === null
      ? { attempted: true, succeeded: true, detail: 'the entry is enabled again' }
      : {
          attempted: true,
          succeeded: false,
          detail: `the entry should be enabled again, but it is still disabled (by ${disabledBy})`,
        };
  },
};
