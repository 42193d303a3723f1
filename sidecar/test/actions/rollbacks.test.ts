/**
 * Rollbacks that undo, and say so only when Home Assistant shows it: an
 * automation turned on again, a config entry enabled again.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action.js';
import { disableAutomation } from '../../src/actions/automation.js';
import { disableConfigEntry } from '../../src/actions/disable-config-entry.js';

/** A fake HA: automation states and config entries, changed by the commands, or not. */
function fakeHa(opts: { obey: boolean }) {
  const states: Record<string, string> = { 'automation.porch': 'off' };
  const entries: Record<string, string | null> = { entry1: 'user' };
  const conn = {
    sendMessagePromise: (msg: Record<string, unknown>) => {
      if (msg.type === 'call_service' && msg.domain === 'automation' && msg.service === 'turn_on') {
        const target = (msg.service_data ?? msg.target) as { entity_id: string };
        if (opts.obey) states[target.entity_id] = 'on';
        return Promise.resolve({ context: {} });
      }
      if (msg.type === 'get_states')
        return Promise.resolve(
          Object.entries(states).map(([entity_id, state]) => ({ entity_id, state })),
        );
      if (msg.type === 'config_entries/disable') {
        if (opts.obey) entries[String(msg.entry_id)] = (msg.disabled_by as string | null) ?? null;
        return Promise.resolve({ require_restart: false });
      }
      if (msg.type === 'config_entries/get_single') {
        const id = String(msg.entry_id);
        return Promise.resolve({
          config_entry: {
            entry_id: id,
            disabled_by: entries[id],
            state: entries[id] ? 'not_loaded' : 'loaded',
          },
        });
      }
      return Promise.reject(new Error(`unexpected ${String(msg.type)}`));
    },
  } as unknown as Connection;
  return { ctx: { conn } as ActionContext, states, entries };
}

describe('rollbacks', () => {
  it('turns the automation on again and checks it is on', async () => {
    const ha = fakeHa({ obey: true });
    const outcome = await disableAutomation.rollback(ha.ctx, { entity_id: 'automation.porch' }, {});
    expect(ha.states['automation.porch']).toBe('on');
    expect(outcome).toMatchObject({ attempted: true, succeeded: true });
  });

  it('reports a failed rollback when the automation stays off', async () => {
    const ha = fakeHa({ obey: false });
    const outcome = await disableAutomation.rollback(ha.ctx, { entity_id: 'automation.porch' }, {});
    expect(outcome).toMatchObject({ attempted: true, succeeded: false });
    expect(outcome.detail).toContain('off');
  });

  it('enables the config entry again and checks it is enabled', async () => {
    const ha = fakeHa({ obey: true });
    const outcome = await disableConfigEntry.rollback(ha.ctx, { entry_id: 'entry1' }, {});
    expect(ha.entries.entry1).toBeNull();
    expect(outcome).toMatchObject({ attempted: true, succeeded: true });
  });

  it('reports a failed rollback when the entry stays disabled', async () => {
    const ha = fakeHa({ obey: false });
    const outcome = await disableConfigEntry.rollback(ha.ctx, { entry_id: 'entry1' }, {});
    expect(outcome).toMatchObject({ attempted: true, succeeded: false });
    expect(outcome.detail).toContain('disabled');
  });
});
