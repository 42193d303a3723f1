/**
 * start_reauth: asks the llm_ops integration to start the entry's reauth flow
 * (`entry.async_start_reauth` has no WebSocket command). The user completes it.
 */
import { ActionRejected, type ActionDefinition, callHaService, nothingToUndo } from './action.js';
import { incidentEntry } from './entry.js';
import { say } from './words.js';

export const startReauth: ActionDefinition = {
  id: 'start_reauth',
  label: 'Start re-authentication',
  guide:
    'start re-authentication of the incident’s config entry (entry_id); the user completes it. For expired or rejected credentials.',
  params: { entry_id: 'Config entry id' },
  risk: 'low',
  fixes: 'by_user',
  async resolve(ctx, params) {
    const entry = incidentEntry(ctx, params);
    if (
      ![...ctx.inventory.entries.values()].some(
        (e) => e.domain === 'llm_ops' && e.state === 'loaded',
      )
    ) {
      throw new ActionRejected(
        'the LLM Ops integration is not set up in Home Assistant, so it cannot start a reauth',
      );
    }
    return { entry_id: entry.entry_id };
  },
  target: (p) => `start_reauth:${String(p.entry_id)}`,
  verification: (ctx, p) => [
    {
      kind: 'reauth_started',
      description: say(ctx, 'preview.start_reauth.verify', {
        entry: ctx.inventory.entry(String(p.entry_id))?.title ?? String(p.entry_id),
      }),
      timeout_s: 15,
    },
  ],
  preview(ctx, p) {
    const entry = ctx.inventory.entry(String(p.entry_id));
    return {
      summary: say(ctx, 'preview.start_reauth.summary', {
        entry: entry?.title ?? String(p.entry_id),
      }),
      precondition: say(ctx, 'preview.start_reauth.precondition'),
      backup: null,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.start_reauth.rollback'),
    };
  },
  async apply(ctx, p) {
    await callHaService(ctx.conn, 'llm_ops', 'start_reauth', { entry_id: p.entry_id });
    return {};
  },
  rollback: () => nothingToUndo('not applicable: the user completes or cancels the reauth flow'),
};
