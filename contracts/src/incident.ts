import * as v from 'valibot';
import { IncidentOutcome } from './outcome.js';
import { Category, IncidentStatus, Remedy, Severity, Timestamp } from './vocabulary.js';

/** A failure in HA as the user sees it: one per broken thing, however many signals. */
export const Incident = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  fingerprint: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  status: IncidentStatus,
  severity: Severity,
  category: Category,
  integration: v.nullable(v.string()),
  entry_id: v.nullable(v.string()),
  subject: v.nullable(v.string()),
  title: v.string(),
  first_seen: Timestamp,
  last_seen: Timestamp,
  occurrences: v.pipe(v.number(), v.integer(), v.minValue(1)),
  resolved_at: v.nullable(Timestamp),
  /** Why it resolved or was dismissed, in words. */
  resolution: v.nullable(v.string()),
  /** The remedy and confidence of the latest analysis, when there is one. */
  remedy: v.nullable(Remedy),
  confidence: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  /**
   * The Repairs issue Home Assistant itself raised for this failure, when there is
   * one: the incident is linked to it, and LLM Ops raises no second issue of its own.
   */
  ha_issue: v.nullable(v.object({ domain: v.string(), issue_id: v.string() })),
  /** How it ended: null while it is open. */
  outcome: v.nullable(IncidentOutcome),
});
export type Incident = v.InferOutput<typeof Incident>;
