/**
 * power_cycle_device: a hung device is restarted by switching off the smart plug that powers
 * it, waiting, and switching the plug on again. Only the plug the policy's `power_cycle` maps
 * to the incident's device is ever switched, and never a plug that is an entity of that very
 * device (it would cut its own power). Once the plug was told to switch off it is switched on
 * again whatever happens: a failed check, an error, a sidecar that stops meanwhile. Verified by
 * the device reporting again: one of its entities answers with a fresh report after the power
 * came back.
 */
import type { ActionParams, CandidateAction, Category } from '@ha-llm-ops/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Inventory } from '../ha/inventory.js';
import {
  ActionRejected,
  type ActionContext,
  type ActionDefinition,
  type Applied,
  callHaService,
  onlyParams,
  settled,
} from './action.js';
import { say } from './words.js';

/** How long the plug stays off, in s: long enough to drain a power supply, short enough to wait for. */
export const OFF_S = { min: 5, max: 300, default: 10 } as const;
/** How long the device has to report again once the power is back, in s. */
const VERIFY_S = 120;
/** Incidents a power cycle can fix: a device that stopped answering. */
const FIXES: readonly Category[] = ['device_unavailable', 'network_unreachable'];
const ENTITY_ID = /^[a-z0-9_]+\.[a-z0-9_]+$/;
const SILENT = new Set(['unavailable', 'unknown']);

interface HaState {
  entity_id: string;
  state: string;
  last_changed: string;
  last_updated: string;
  last_reported?: string;
}

/** The device a subject names: a device id, or an entity id for an entity without device. */
function subjectDevice(subject: string | null): string | null {
  if (subject?.startsWith('device:')) return subject.slice('device:'.length) || null;
  return subject !== null && ENTITY_ID.test(subject) ? subject : null;
}

/**
 * The devices an incident is about: its subject's, and those of its unavailable entities (a
 * hub's log errors may have opened the incident before its entities went unavailable).
 */
export function incidentDevices(ctx: Pick<ActionContext, 'incident' | 'journal'>): string[] {
  const found = new Set<string>();
  const own = subjectDevice(ctx.incident.subject);
  if (own !== null) found.add(own);
  for (const s of ctx.journal.signalsOf(ctx.incident.id, 200)) {
    const device = s.kind === 'entities_unavailable' ? subjectDevice(s.subject) : null;
    if (device !== null) found.add(device);
  }
  return [...found];
}

/** A device id as such, or the device an entity id belongs to (the entity id when it has none). */
function deviceOf(inventory: Inventory, raw: string): string | null {
  if (!ENTITY_ID.test(raw)) return inventory.device(raw) ? raw : null;
  const entity = inventory.entity(raw);
  return entity ? (entity.device_id ?? raw) : null;
}

/** The device's name for people. */
function nameOf(inventory: Inventory, device: string): string {
  const d = inventory.device(device);
  return d?.name_by_user ?? d?.name ?? device;
}

/** "Kitchen plug (switch.plug_kitchen)": the entity's name, else its device's. */
function plugLabel(inventory: Inventory, plug: string): string {
  const e = inventory.entity(plug);
  const device = e?.device_id ? inventory.device(e.device_id) : undefined;
  const name = e?.name ?? device?.name_by_user ?? device?.name ?? e?.original_name;
  return name ? `${name} (${plug})` : plug;
}

/** The plug the policy maps to `device`: by the device's id, or by one of its entities. */
export function mappedPlug(
  inventory: Inventory,
  map: Readonly<Record<string, string>>,
  device: string,
): string | undefined {
  if (Object.hasOwn(map, device)) return map[device];
  for (const [key, plug] of Object.entries(map)) {
    if (ENTITY_ID.test(key) && deviceOf(inventory, key) === device) return plug;
  }
  return undefined;
}

/** What the offline planner proposes for an unavailable device the policy maps to a plug. */
export function powerCycleCandidate(ctx: ActionContext): CandidateAction | null {
  if (ctx.incident.category !== 'device_unavailable') return null;
  const map = ctx.powerCycle ?? {};
  const mapped = incidentDevices(ctx).filter(
    (d) => mappedPlug(ctx.inventory, map, d) !== undefined,
  );
  // Several mapped devices down at once: which one hangs is not for the planner to guess.
  const [device] = mapped;
  if (device === undefined || mapped.length > 1) return null;
  const plug = mappedPlug(ctx.inventory, map, device);
  return {
    action_id: 'power_cycle_device',
    params: { device, off_s: OFF_S.default },
    rationale: `${nameOf(ctx.inventory, device)} is powered through ${plug} (the policy's power_cycle): switching it off and on restarts a device that hung.`,
    risk: 'medium',
  };
}

async function stateOf(ctx: ActionContext, entityId: string): Promise<HaState | undefined> {
  const states = await ctx.conn.sendMessagePromise<HaState[]>({ type: 'get_states' });
  return states.find((s) => s.entity_id === entityId);
}

/** Wait `ms` unless the sidecar stops first; false when it was cut short. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (err) {
    if (signal?.aborted) return false;
    throw err;
  }
}

/** Switch the plug on and say whether HA reports it on. */
async function switchOn(ctx: ActionContext, plug: string): Promise<HaState | undefined> {
  await callHaService(ctx.conn, 'switch', 'turn_on', { entity_id: plug });
  return settled(
    () => stateOf(ctx, plug),
    (s) => s?.state === 'on',
  );
}

/**
 * Whether the device reports again: one of its entities is neither unavailable nor unknown and
 * was reported (or updated) after the plug was on again (HA's own clock for both).
 */
export async function deviceReports(
  ctx: ActionContext,
  params: ActionParams,
  applied: Applied,
): Promise<{ ok: boolean; detail: string }> {
  const device = String(params.device);
  const since = Date.parse(String(applied.on_at));
  if (Number.isNaN(since)) return { ok: false, detail: 'the plug was never switched on again' };
  const own = new Set(ENTITY_ID.test(device) ? [device] : ctx.inventory.entitiesOf(device));
  const states = await ctx.conn.sendMessagePromise<HaState[]>({ type: 'get_states' });
  const mine = states.filter((s) => own.has(s.entity_id));
  const fresh = mine.find(
    (s) => !SILENT.has(s.state) && Date.parse(s.last_reported ?? s.last_updated) > since,
  );
  const name = nameOf(ctx.inventory, device);
  if (fresh)
    return { ok: true, detail: `${name} reports again (${fresh.entity_id}: ${fresh.state})` };
  const silent = mine.filter((s) => SILENT.has(s.state)).map((s) => s.entity_id);
  return {
    ok: false,
    detail: silent.length
      ? `${name} does not report: ${silent.join(', ')} still ${silent.length === 1 ? 'is' : 'are'} unavailable or unknown`
      : `${name} reported nothing since the power came back`,
  };
}

/** The parameters, checked: the incident's device, the plug the policy maps to it, the time off. */
async function resolve(ctx: ActionContext, params: ActionParams): Promise<ActionParams> {
  onlyParams(params, ['device', 'plug', 'off_s']);
  const rawOff = params.off_s ?? OFF_S.default;
  const off = typeof rawOff === 'string' && /^\d+$/.test(rawOff) ? Number(rawOff) : rawOff;
  if (typeof off !== 'number' || !Number.isInteger(off) || off < OFF_S.min || off > OFF_S.max)
    throw new ActionRejected(
      `off_s must be a whole number of seconds from ${OFF_S.min} to ${OFF_S.max}, not ${JSON.stringify(rawOff)}`,
    );
  const devices = incidentDevices(ctx);
  const named = params.device ?? (devices.length === 1 ? devices[0] : undefined);
  if (typeof named !== 'string' || named === '')
    throw new ActionRejected(
      devices.length
        ? `the incident is about ${devices.length} devices: name one (device)`
        : 'the incident names no device, and no device was given',
    );
  const device = deviceOf(ctx.inventory, named);
  if (device === null)
    throw new ActionRejected(`${named} is not in Home Assistant's device or entity registry`);
  const name = nameOf(ctx.inventory, device);
  const plug = mappedPlug(ctx.inventory, ctx.powerCycle ?? {}, device);
  if (plug === undefined)
    throw new ActionRejected(
      `${name} is not mapped to a plug in the policy (power_cycle); no plug is switched for it`,
    );
  const plugEntity = ctx.inventory.entity(plug);
  if (!plug.startsWith('switch.') || !plugEntity)
    throw new ActionRejected(
      `the plug ${plug} the policy maps to ${name} is not a switch in Home Assistant's entity registry`,
    );
  if (plug === device || plugEntity.device_id === device)
    throw new ActionRejected(
      `${plug} is on ${name} itself: switched off, the device would cut its own power and nothing could switch it on again`,
    );
  if (params.plug !== undefined && params.plug !== plug)
    throw new ActionRejected(`plug must be ${plug}, the plug the policy maps to ${name}`);
  if (!devices.includes(device))
    throw new ActionRejected(`${name} is not the device of the incident`);
  if (!FIXES.includes(ctx.incident.category))
    throw new ActionRejected(
      `a power cycle does not fix a ${ctx.incident.category.replaceAll('_', ' ')} incident`,
    );
  return { device, plug, off_s: off };
}

export const powerCycleDevice: ActionDefinition = {
  id: 'power_cycle_device',
  label: 'Power-cycle the device through its plug',
  guide:
    'for a device that stopped answering and that the policy maps to a smart plug: switch the plug off for off_s seconds and on again, so the device restarts (device: the incident’s device).',
  params: {
    device: 'The incident’s device id',
    plug: 'The switch the policy maps to the device (filled in by the code)',
    off_s: `How long the plug stays off, ${OFF_S.min} to ${OFF_S.max} s (default ${OFF_S.default})`,
  },
  risk: 'medium',
  fixes: true,
  resolve,
  target: (p) => `power_cycle_device:${String(p.plug)}`,
  verification: (ctx, p) => [
    {
      kind: 'device_reporting',
      description: say(ctx, 'preview.power_cycle_device.verify', {
        device: nameOf(ctx.inventory, String(p.device)),
        seconds: VERIFY_S,
      }),
      timeout_s: VERIFY_S,
    },
  ],
  preview(ctx, p) {
    const plug = String(p.plug);
    const device = nameOf(ctx.inventory, String(p.device));
    return {
      summary: say(ctx, 'preview.power_cycle_device.summary', {
        plug: plugLabel(ctx.inventory, plug),
        seconds: String(p.off_s),
        device,
      }),
      precondition: say(ctx, 'preview.power_cycle_device.precondition', {
        seconds: String(p.off_s),
      }),
      backup: null,
      verification: this.verification(ctx, p),
      rollback: say(ctx, 'preview.power_cycle_device.rollback', { plug }),
    };
  },
  async apply(ctx, p) {
    const plug = String(p.plug);
    if (ctx.signal?.aborted) throw new Error('the sidecar is stopping: nothing was switched');
    let cut = false;
    let failure: unknown = null;
    try {
      await callHaService(ctx.conn, 'switch', 'turn_off', { entity_id: plug });
      const off = await settled(
        () => stateOf(ctx, plug),
        (s) => s?.state === 'off',
      );
      if (off?.state !== 'off')
        throw new Error(`${plug} did not switch off (it is ${off?.state ?? 'missing'})`);
      cut = !(await pause(Number(p.off_s) * 1000, ctx.signal));
    } catch (err) {
      failure = err;
    }
    // Never left off: whatever went wrong above, the power comes back.
    const on = await switchOn(ctx, plug);
    if (on?.state !== 'on')
      throw new Error(`${plug} did not switch on again (it is ${on?.state ?? 'missing'})`);
    if (failure !== null) throw failure;
    if (cut) throw new Error(`the sidecar is stopping: ${plug} was switched on again early`);
    return { on_at: on.last_changed };
  },
  async rollback(ctx, p) {
    const plug = String(p.plug);
    const on = await switchOn(ctx, plug);
    const ok = on?.state === 'on';
    return {
      attempted: true,
      succeeded: ok,
      detail: ok ? `${plug} is on` : `${plug} did not switch on (it is ${on?.state ?? 'missing'})`,
    };
  },
};
