/** Shared by the actions that act on a config entry: it must exist and belong to the incident. */
import type { ActionParams } from '@ha-llm-ops/contracts';
import type { HaConfigEntry } from '../ha/config-entries.js';
import { ActionRejected, type ActionContext, onlyParams } from './action.js';

/** The incident's config entry named by `params.entry_id` (or implied by the incident). */
export function incidentEntry(ctx: ActionContext, params: ActionParams): HaConfigEntry {
  onlyParams(params, ['entry_id']);
  const { incident } = ctx;
  // Without either, nothing ties an entry to the incident: any entry of the home would do.
  if (incident.entry_id === null && incident.integration === null) {
    throw new ActionRejected(
      'the incident names neither a config entry nor an integration, so no entry can be tied to it',
    );
  }
  const raw = params.entry_id ?? incident.entry_id;
  if (typeof raw !== 'string' || raw === '') {
    throw new ActionRejected('the incident names no config entry, and no entry_id was given');
  }
  const entry = ctx.inventory.entry(raw);
  if (!entry) throw new ActionRejected(`config entry ${raw} does not exist`);
  if (incident.entry_id === null) {
    // Only the integration is known: with several entries, a model would be choosing one.
    const siblings = [...ctx.inventory.entries.values()].filter((e) => e.domain === entry.domain);
    if (siblings.length > 1)
      throw new ActionRejected(
        `the incident does not say which of ${entry.domain}'s ${siblings.length} config entries it is about`,
      );
  }
  if (incident.entry_id !== null && incident.entry_id !== entry.entry_id) {
    throw new ActionRejected(`config entry ${raw} is not the incident's entry`);
  }
  if (incident.integration !== null && entry.domain !== incident.integration) {
    throw new ActionRejected(
      `config entry ${raw} belongs to ${entry.domain}, not to ${incident.integration}`,
    );
  }
  return entry;
}
