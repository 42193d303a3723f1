/** The inventory of HA's registries: what it reads again, and when it does not need to. */
import type { Connection } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { Inventory, type RegistryEntity } from '../../src/ha/inventory.js';
import { createLogger } from '../../src/log.js';

/** A connection whose entity registry is `registry` (read each time it is listed). */
function fakeHa(registry: RegistryEntity[]) {
  let listed = 0;
  const events = new Map<string, () => void>();
  const conn = {
    sendMessagePromise: (msg: { type: string }) => {
      if (msg.type === 'config/entity_registry/list') listed++;
      if (msg.type === 'config/entity_registry/list') return Promise.resolve([...registry]);
      if (msg.type === 'get_config') return Promise.resolve({});
      return Promise.resolve([]);
    },
    subscribeMessage: () => Promise.resolve(() => Promise.resolve()),
    subscribeEvents: (cb: () => void, type: string) => {
      events.set(type, cb);
      return Promise.resolve(() => Promise.resolve());
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  } as unknown as Connection;
  return {
    conn,
    listed: () => listed,
    registryUpdated: () => events.get('entity_registry_updated')?.(),
  };
}

const automation = (id: string): RegistryEntity =>
  ({ entity_id: `automation.${id}`, platform: 'automation', unique_id: id }) as RegistryEntity;

describe('the inventory asked whether an entity exists', () => {
  it('answers from its copy while no registry change is announced, and reads a change first', async () => {
    const registry = [automation('kept')];
    const ha = fakeHa(registry);
    const inventory = new Inventory(createLogger('error'));
    await inventory.start(ha.conn);
    expect(ha.listed()).toBe(1);

    // A failed run of an automation deleted long ago: the copy is current, no second read.
    expect(await inventory.hasEntity('automation', 'deleted')).toBe(false);
    expect(await inventory.hasEntity('automation', 'deleted')).toBe(false);
    expect(ha.listed()).toBe(1);

    // Created just now: its run fails before the registry event's refetch is due.
    registry.push(automation('new'));
    ha.registryUpdated();
    expect(await inventory.hasEntity('automation', 'new')).toBe(true);
    expect(ha.listed()).toBe(2);
    expect(await inventory.hasEntity('automation', 'kept')).toBe(true);
    await inventory.stop();
  });

  it('keeps the newer copy when an older read of the registry answers last', async () => {
    const ha = fakeHa([automation('kept')]);
    // Reads after the first answer only when the test says so, in the order it chooses.
    const pending: ((list: RegistryEntity[]) => void)[] = [];
    let reads = 0;
    const conn = {
      ...ha.conn,
      sendMessagePromise: (msg: { type: string }) => {
        if (msg.type !== 'config/entity_registry/list')
          return ha.conn.sendMessagePromise(msg as never);
        if (reads++ === 0) return Promise.resolve([automation('kept')]);
        return new Promise<RegistryEntity[]>((resolve) => pending.push(resolve));
      },
    } as unknown as Connection;
    const inventory = new Inventory(createLogger('error'));
    await inventory.start(conn);

    // A change is announced and read; before that read answers, another change is read.
    ha.registryUpdated();
    const older = inventory.hasEntity('automation', 'newer');
    ha.registryUpdated();
    const newer = inventory.hasEntity('automation', 'newer');
    expect(pending).toHaveLength(2);
    const [answerOlder, answerNewer] = pending;
    answerNewer?.([automation('kept'), automation('newer')]);
    expect(await newer).toBe(true);
    // The older read lands last, without the newer entity: it does not replace the copy.
    answerOlder?.([automation('kept')]);
    await older;
    expect(await inventory.hasEntity('automation', 'newer')).toBe(true);
    expect(reads).toBe(3);
    await inventory.stop();
  });

  it('does not know when the registry cannot be read', async () => {
    const ha = fakeHa([]);
    const conn = {
      ...ha.conn,
      sendMessagePromise: () => Promise.reject(new Error('unknown command')),
    } as unknown as Connection;
    const inventory = new Inventory(createLogger('error'));
    await inventory.start(conn);
    expect(await inventory.hasEntity('automation', 'any')).toBeNull();
    await inventory.stop();
  });
});
