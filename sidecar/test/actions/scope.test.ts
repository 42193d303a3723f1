/**
 * What an action may touch is what the incident names, never what a model
 * picks: an entry or an automation the incident does not pin down is refused.
 */
import { describe, expect, it } from 'vitest';
import { ActionRejected, type ActionContext } from '../../src/actions/action.js';
import { disableAutomation } from '../../src/actions/automation.js';
import { reloadConfigEntry } from '../../src/actions/reload-config-entry.js';
import { restartCore } from '../../src/actions/restart-core.js';
import type { HaConfigEntry } from '../../src/ha/config-entries.js';
import type { IncidentRecord } from '../../src/journal/journal.js';

const entry = (entry_id: string, domain: string) =>
  ({ entry_id, domain, title: `${domain} ${entry_id}`, state: 'loaded' }) as HaConfigEntry;

function ctx(incident: Partial<IncidentRecord>, entries: HaConfigEntry[]): ActionContext {
  const map = new Map(entries.map((e) => [e.entry_id, e]));
  return {
    incident: { entry_id: null, integration: null, subject: null, ...incident },
    inventory: { entries: map, entry: (id: string) => map.get(id) },
  } as unknown as ActionContext;
}

describe('config entry actions', () => {
  const bridges = [entry('upstairs', 'hue'), entry('downstairs', 'hue'), entry('kitchen', 'wled')];

  it('take the incident’s own entry', async () => {
    const c = ctx({ integration: 'hue', entry_id: 'upstairs' }, bridges);
    await expect(reloadConfigEntry.resolve(c, {})).resolves.toEqual({ entry_id: 'upstairs' });
    await expect(reloadConfigEntry.resolve(c, { entry_id: 'downstairs' })).rejects.toThrow(
      ActionRejected,
    );
  });

  it('take the integration’s only entry when the incident names no entry', async () => {
    const c = ctx({ integration: 'wled' }, bridges);
    await expect(reloadConfigEntry.resolve(c, { entry_id: 'kitchen' })).resolves.toEqual({
      entry_id: 'kitchen',
    });
  });

  it('refuse to pick one of several entries the incident does not tell apart', async () => {
    const c = ctx({ integration: 'hue' }, bridges);
    await expect(reloadConfigEntry.resolve(c, { entry_id: 'downstairs' })).rejects.toThrow(
      /which of hue's 2 config entries/,
    );
  });
});

describe('disable_automation', () => {
  it('turns off the incident’s automation, and no other', async () => {
    const c = ctx({ integration: 'automation', subject: 'automation.porch' }, []);
    await expect(disableAutomation.resolve(c, {})).resolves.toEqual({
      entity_id: 'automation.porch',
    });
    await expect(
      disableAutomation.resolve(c, { entity_id: 'automation.front_door_lock' }),
    ).rejects.toThrow(ActionRejected);
  });

  it('refuses any automation when the incident names none', async () => {
    const c = ctx({ integration: 'automation' }, []);
    await expect(
      disableAutomation.resolve(c, { entity_id: 'automation.front_door_lock' }),
    ).rejects.toThrow(/names no automation/);
  });
});

describe('restart_core', () => {
  it('is refused for what a restart cannot fix, such as a device that is offline', async () => {
    const offline = ctx({ integration: 'hue', category: 'device_unavailable' }, []);
    await expect(restartCore.resolve(offline, {})).rejects.toThrow(
      /does not fix a device unavailable incident/,
    );
    const config = ctx({ integration: 'homeassistant', category: 'invalid_config' }, []);
    await expect(restartCore.resolve(config, {})).resolves.toEqual({});
  });
});
