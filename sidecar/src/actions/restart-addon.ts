/** restart_addon: Supervisor `POST /addons/<slug>/restart`, only for the incident's own add-on. */
import { ActionRejected, type ActionDefinition, nothingToUndo, onlyParams } from './action.js';

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
  verification: (_ctx, p) => [
    {
      kind: 'addon_started',
      description: `add-on ${p.slug} runs again within 60 s`,
      timeout_s: 60,
    },
  ],
  preview(ctx, p) {
    return {
      summary: `Restart the add-on ${p.slug}.`,
      precondition: 'Restart once what it depends on (a device, a broker) is back.',
      backup: {
        homeassistant: false,
        includeDatabase: false,
        addons: [String(p.slug)],
        description: `the add-on ${p.slug} and its data (partial backup)`,
      },
      verification: this.verification(ctx, p),
      rollback: 'Not applicable: a restart has nothing to undo; the result is recorded.',
    };
  },
  async apply(ctx, p) {
    await ctx.supervisor?.call('POST', `/addons/${String(p.slug)}/restart`);
    return {};
  },
  rollback: () => nothingToUndo('not applicable: a restart has nothing to undo'),
};
