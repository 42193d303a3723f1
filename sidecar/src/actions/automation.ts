/**
 * Automation and script actions: reload automations / scripts, and turn off a
 * runaway automation (rolled back by turning it on again). Only for incidents
 * about automations or scripts, and only for the incident's own automation.
 */
import type { ActionParams } from '@ha-llm-ops/contracts';
import {
  ActionRejected,
  type ActionContext,
  type ActionDefinition,
  callHaService,
  CONFIG_BACKUP,
  nothingToUndo,
  onlyParams,
  settled,
} from './action.js';
import { say } from './words.js';

function requireDomain(ctx: ActionContext, domain: 'automation' | 'script'): void {
  if (ctx.incident.integration !== domain) {
    throw new ActionRejected(
      `the incident is about ${ctx.incident.integration ?? 'no integration'}, not ${domain}s`,
    );
  }
}

function reload(domain: 'automation' | 'script'): ActionDefinition {
  return {
    id: domain === 'automation' ? 'reload_automations' : 'reload_scripts',
    label: `Reload ${domain}s`,
    guide: `reload all ${domain}s, after their YAML was corrected.`,
    params: {},
    risk: 'low',
    fixes: true,
    async resolve(ctx, params) {
      onlyParams(params, []);
      requireDomain(ctx, domain);
      return {};
    },
    target: () => `reload_${domain}s`,
    verification: (ctx) => [
      {
        kind: 'no_new_matching_errors',
        description: say(ctx, `preview.reload_${domain}s.verify`),
        timeout_s: 30,
      },
    ],
    preview(ctx) {
      return {
        summary: say(ctx, `preview.reload_${domain}s.summary`),
        precondition: say(ctx, `preview.reload_${domain}s.precondition`),
        backup: CONFIG_BACKUP,
        verification: this.verification(ctx, {}),
        rollback: say(ctx, 'preview.reload_yaml.rollback'),
      };
    },
    async apply(ctx) {
      await callHaService(ctx.conn, domain, 'reload');
      return {};
    },
    rollback: () => nothingToUndo('nothing to undo: a reload changes no configuration'),
  };
}

export const reloadAutomations = reload('automation');
export const reloadScripts = reload('script');

function automationOf(ctx: ActionContext, params: ActionParams): string {
  onlyParams(params, ['entity_id']);
  requireDomain(ctx, 'automation');
  // Which automation is the incident's to say, never a model's to pick.
  if (ctx.incident.subject === null)
    throw new ActionRejected('the incident names no automation, so none can be turned off');
  const entityId = params.entity_id ?? ctx.incident.subject;
  if (typeof entityId !== 'string' || !/^automation\.[a-z0-9_]+$/.test(entityId)) {
    throw new ActionRejected('entity_id must be an automation entity');
  }
  if (ctx.incident.subject !== entityId) {
    throw new ActionRejected(`${entityId} is not the incident's automation`);
  }
  return entityId;
}

export const disableAutomation: ActionDefinition = {
  id: 'disable_automation',
  label: 'Turn off the automation',
  guide: 'turn off a runaway or failing automation (entity_id: automation.*).',
  params: { entity_id: 'Automation entity id' },
  risk: 'medium',
  fixes: true,
  async resolve(ctx, params) {
    return { entity_id: automationOf(ctx, params) };
  },
  target: (p) => `disable_automation:${String(p.entity_id)}`,
  verification: (ctx, p) => [
    {
      kind: 'automation_off',
      description: say(ctx, 'preview.disable_automation.verify', { entity: String(p.entity_id) }),
      timeout_s: 10,
    },
  ],
  preview(ctx, p) {
    return {
      summary: say(ctx, 'preview.disable_automation.summary', { entity: String(p.entity_id) }),
      precondition: say(ctx, 'preview.disable_automation.precondition'),
      backup: CONFIG_BACKUP,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.disable_automation.rollback', { entity: String(p.entity_id) }),
    };
  },
  async apply(ctx, p) {
    await callHaService(ctx.conn, 'automation', 'turn_off', { entity_id: p.entity_id });
    return {};
  },
  async rollback(ctx, p) {
    await callHaService(ctx.conn, 'automation', 'turn_on', { entity_id: p.entity_id });
    // Undone only when HA shows the automation on again.
    const state = await settled(
      async () =>
        (
          await ctx.conn.sendMessagePromise<{ entity_id: string; state: string }[]>({
            type: 'get_states',
          })
        ).find((s) => s.entity_id === p.entity_id)?.state ?? 'missing',
      (s) => s === 'on',
    );
    return state === 'on'
      ? { attempted: true, succeeded: true, detail: `${p.entity_id} turned on again` }
      : {
          attempted: true,
          succeeded: false,
          detail: `${p.entity_id} should be on again, but Home Assistant reports ${state}`,
        };
  },
};
