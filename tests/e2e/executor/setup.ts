/**
 * What the executor's end-to-end files share: the dev HA and fault_lab's entry, the
 * in-process sidecars (so the executor's coverage is measured) with test settings, and
 * after each test every sidecar stopped and fault_lab's fault cleared.
 */
import { afterEach, beforeAll } from 'vitest';
import type { Settings } from '../../../sidecar/src/config.js';
import type { Sidecar } from '../../../sidecar/src/sidecar.js';
import { setFault as setFaultIn } from '../../harness/approval.js';
import { readHaEnv, type HaEnv } from '../../harness/ha-dev.js';
import { callService, configEntries, eventually } from '../../harness/ha-rest.js';
import { api, InProcess, settingsFor, type Proposal } from '../support/in-process.js';

/** The dev HA (set by `useExecutorSetup`'s beforeAll). */
export let env: HaEnv;
/** fault_lab's one config entry. */
export let entryId: string;
export const sidecars = new InProcess();
export const settings = (over: Partial<Settings> & { policy?: string } = {}) =>
  settingsFor(env, over);
export const startSidecar = (s: Settings) => sidecars.start(s);

/** Set fault_lab's fault (the harness's), on the dev HA these files share. */
export const setFault = (mode: string, reload: boolean): Promise<void> =>
  setFaultIn(env, mode, reload);

export async function pendingReload(sidecar: Sidecar): Promise<Proposal> {
  return eventually(
    async () => {
      const { body } = await api<Proposal[]>(sidecar, 'GET', '/api/actions/pending');
      return body.find(
        (p) => p.action_id === 'reload_config_entry' && p.params.entry_id === entryId,
      );
    },
    30_000,
    'a pending reload_config_entry proposal',
  );
}

/** The file's hooks: call once at its top. */
export function useExecutorSetup(): void {
  beforeAll(async () => {
    env = readHaEnv();
    const [entry] = await configEntries(env, 'fault_lab');
    if (!entry) throw new Error('fault_lab has no config entry');
    entryId = entry.entry_id;
    await callService(env, 'system_log', 'clear');
  });

  afterEach(async () => {
    await sidecars.stopAll();
    await setFault('none', true);
    await eventually(async () =>
      (await configEntries(env, 'fault_lab'))[0]?.state === 'loaded' ? true : undefined,
    );
  });
}
