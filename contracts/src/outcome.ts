/**
 * How incidents end, and what the home has said is no problem: the outcome every
 * closed incident carries, the failures kept quiet (ignored or false alarms), and
 * the false-alarm rate the panel and the sensor show.
 */
import * as v from 'valibot';
import { ActionId, Timestamp } from './vocabulary.js';

/**
 * How an incident ended:
 * - fixed_by_action: an allow-listed action ran and its verification passed;
 * - fixed_by_user: the failure cleared after a step the user completes (a re-authentication);
 * - resolved_itself: the failing state cleared with nothing done;
 * - false_alarm: a person said it is not a problem (the same failure is then kept quiet);
 * - ignored: a person dismissed it (with or without ignoring similar failures);
 * - expired: a failure seen only in the log stopped repeating for the quiet period.
 */
export const INCIDENT_OUTCOMES = [
  'fixed_by_action',
  'fixed_by_user',
  'resolved_itself',
  'false_alarm',
  'ignored',
  'expired',
] as const;
export const OutcomeKind = v.picklist(INCIDENT_OUTCOMES);
export type OutcomeKind = v.InferOutput<typeof OutcomeKind>;

/** The outcome of a closed incident, with what it is learned by. */
export const IncidentOutcome = v.object({
  outcome: OutcomeKind,
  closed_at: Timestamp,
  /** The analysis signature that explained it (`<family>.<id>`), when one did. */
  signature: v.nullable(v.string()),
  integration: v.nullable(v.string()),
  /** The action that fixed it, or whose step the user completed. */
  action_id: v.nullable(ActionId),
  /** Who decided, for a person's decision (a false alarm, a dismissal), when known. */
  decided_by: v.nullable(v.string()),
});
export type IncidentOutcome = v.InferOutput<typeof IncidentOutcome>;

/** Why a failure is kept quiet: ignored (never opens again) or a false alarm (opens lowered to info). */
export const SUPPRESSION_KINDS = ['ignored', 'false_alarm'] as const;
export const SuppressionKind = v.picklist(SUPPRESSION_KINDS);
export type SuppressionKind = v.InferOutput<typeof SuppressionKind>;

/** A failure the home has asked to hear less of, by the incident it was decided on. */
export const Suppression = v.object({
  incident_id: v.string(),
  kind: SuppressionKind,
  title: v.nullable(v.string()),
  integration: v.nullable(v.string()),
  /** How many fingerprints (message templates) it covers. */
  fingerprints: v.pipe(v.number(), v.integer(), v.minValue(1)),
  created_at: Timestamp,
  /** When it stops applying; null: until undone. */
  expires_at: v.nullable(Timestamp),
  reason: v.nullable(v.string()),
});
export type Suppression = v.InferOutput<typeof Suppression>;

const Rate = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The false-alarm rate: among closed incidents, the share people called a false alarm. */
export const OutcomeStats = v.object({
  closed: Count,
  false_alarms: Count,
  /** false_alarms / closed; null when nothing has closed yet. */
  false_alarm_rate: Rate,
  /** Closed incidents by outcome (every outcome present, zero or more). */
  by_outcome: v.record(v.string(), Count),
  /** The same per analysis signature (null: no signature explained it), most false alarms first. */
  by_signature: v.array(
    v.object({
      signature: v.nullable(v.string()),
      closed: Count,
      false_alarms: Count,
      false_alarm_rate: Rate,
    }),
  ),
});
export type OutcomeStats = v.InferOutput<typeof OutcomeStats>;

/** A time of day on Home Assistant's clock, `HH:MM`. */
const ClockTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/**
 * Learned quiet: a subject (a device's entities, an entity, a config entry) seen going
 * unavailable and recovering by itself at about the same time of day on several days.
 * A new outage of it starting inside one of its windows opens no incident.
 */
export const LearnedQuiet = v.object({
  /** `<source>:<key>`, what a reset names. */
  id: v.string(),
  /** The collector that reports the subject: entities or config_entries. */
  source: v.string(),
  /** The subject as that collector names it (`device:<id>`, `entity:<entity_id>`, an entry id). */
  key: v.string(),
  title: v.nullable(v.string()),
  integration: v.nullable(v.string()),
  /** When a new outage may start to be kept quiet, on Home Assistant's clock (`to` excluded). */
  windows: v.array(v.object({ from: ClockTime, to: ClockTime })),
  /** On how many different days it recovered by itself at about one time of day (the most). */
  days: v.pipe(v.number(), v.integer(), v.minValue(0)),
  last_recovered_at: Timestamp,
  /** Outages kept quiet (no incident) that recovered by themselves. */
  kept_quiet: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type LearnedQuiet = v.InferOutput<typeof LearnedQuiet>;
