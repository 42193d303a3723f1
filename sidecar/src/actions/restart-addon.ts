/** restart_addon: Supervisor `POST /addons/<slug>/restart`, only for the incident's own add-on. */
import { ActionRejected, type ActionDefinition, nothingToUndo, onlyParams } from './action.js';
import { say } from './words.js';

const SLUG = /^[a-z0-9_]+$/;

export const restartAddon: ActionDefinition = {
  id: 'restart_addon',
  label: 'Restart the app (add-on)',
  guide: 'restart an add-on that crashed (slug).',
  params: { slug: 'Add-on slug' },
  risk: 'medium',
  fixes: true,
  async resolve(ctx, params) {
    onlyParams(params, ['slug']);
    if (!ctx.supervisor)
      throw new ActionRejected(
        'restarting add-ons needs the Supervisor (run the sidecar as an add-on)',
      );
    const fromIncident = ctx.incident.subject?.startsWith('addon:')
      ? ctx.incident.subject.slice('addon:'.length)
      : null;
    const slug = params.slug ?? fromIncident;
    if (typeof slug !== 'string' || !SLUG.test(slug))
      throw new ActionRejected('slug must name an add-on');
    if (slug !== fromIncident)
      throw new ActionRejected(`add-on ${slug} is not the incident's add-on`);
    const installed = await ctx.supervisor.addons();
    if (!installed.some((a) => a.slug === slug))
      throw new ActionRejected(`add-on ${slug} is not installed`);
    return { slug };
  },
  target: (p) => `restart_addon:${String(p.slug)}`,
  verification: (ctx, p) => [
    {
      kind: 'addon_started',
      description: say(ctx, 'preview.restart_addon.verify', { slug: String(p.slug) }),
      timeout_s: 60,
    },
  ],
  preview(ctx, p) {
    return {
      summary: say(ctx, 'preview.restart_addon.summary', { slug: String(p.slug) }),
      precondition: say(ctx, 'preview.restart_addon.precondition'),
      backup: {
        homeassistant: false,
        includeDatabase: false,
        addons: [String(p.slug)],
        description: say(ctx, 'preview.restart_addon.backup', { slug: String(p.slug) }),
      },
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.restart_addon.rollback'),
    };
  },
  async apply(ctx, p) {
    await ctx.supervisor?.call('POST', `/addons/${String(p.slug)}/restart`);
    return {};
  },
  rollback: () => nothingToUndo('not applicable: a restart has nothing to undo'),
};
