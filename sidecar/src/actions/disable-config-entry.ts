/** disable_config_entry: stop a crash-looping integration (`config_entries/disable`); rolled back by re-enabling. */
import { type ActionDefinition, CONFIG_BACKUP, settled } from './action.js';
import { incidentEntry } from './entry.js';
import { say } from './words.js';

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
      description: say(ctx, 'preview.disable_config_entry.verify', {
        entry: ctx.inventory.entry(String(p.entry_id))?.title ?? String(p.entry_id),
      }),
      timeout_s: 30,
    },
  ],
  preview(ctx, p) {
    const entry = ctx.inventory.entry(String(p.entry_id));
    return {
      summary: say(ctx, 'preview.disable_config_entry.summary', {
        entry: entry?.title ?? String(p.entry_id),
        domain: entry?.domain ?? 'integration',
      }),
      precondition: say(ctx, 'preview.disable_config_entry.precondition'),
      backup: CONFIG_BACKUP,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.disable_config_entry.rollback'),
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
