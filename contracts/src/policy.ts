import * as v from 'valibot';
import { ACTION_IDS, type ActionId, Mode, Severity } from './vocabulary.js';

const HHMM = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'));

/** Per-action rules of the policy. */
export const ActionPolicy = v.strictObject({
  allowed: v.optional(v.boolean(), true),
  auto: v.optional(v.boolean(), false),
  cooldown_s: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 600),
  max_attempts_per_incident: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 3),
  conditions: v.optional(
    v.strictObject({
      integrations: v.optional(
        v.strictObject({
          include: v.optional(v.array(v.string())),
          exclude: v.optional(v.array(v.string())),
        }),
      ),
      severities: v.optional(v.array(Severity)),
    }),
  ),
});
export type ActionPolicy = v.InferOutput<typeof ActionPolicy>;

/** A device id (32 hex digits, as HA's device registry has it) or an entity id. */
const DEVICE_KEY = v.pipe(
  v.string(),
  v.regex(
    /^(?:[0-9a-f]{32}|[a-z0-9_]+\.[a-z0-9_]+)$/,
    'must be a device id (32 hex digits) or an entity id such as sensor.boiler_status',
  ),
);
const PLUG = v.pipe(
  v.string(),
  v.regex(/^switch\.[a-z0-9_]+$/, 'must be the entity id of a switch, such as switch.plug_boiler'),
);

/**
 * Which smart plug powers which device, for power_cycle_device: a device id or one
 * of the device's entities, mapped to the plug's switch. Nothing else is ever switched.
 */
export const PowerCycleMap = v.pipe(
  v.record(DEVICE_KEY, PLUG),
  v.check(
    (map) => Object.entries(map).every(([device, plug]) => device !== plug),
    'a plug cannot power-cycle itself',
  ),
);
export type PowerCycleMap = v.InferOutput<typeof PowerCycleMap>;

/** The user's policy file (`policy.yaml`): what may run, and when. */
export const Policy = v.strictObject({
  mode: v.optional(Mode, 'approve'),
  max_actions_per_hour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 6),
  quiet_hours: v.optional(v.nullable(v.strictObject({ start: HHMM, end: HHMM }))),
  actions: v.optional(
    v.pipe(
      v.record(v.string(), ActionPolicy),
      v.check(
        (actions) =>
          Object.keys(actions).every((k) => (ACTION_IDS as readonly string[]).includes(k)),
        `unknown action id; known: ${ACTION_IDS.join(', ')}`,
      ),
    ),
    {},
  ),
  power_cycle: v.optional(PowerCycleMap, {}),
});
export type Policy = v.InferOutput<typeof Policy>;
export type { ActionId };
