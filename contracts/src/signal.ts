import * as v from 'valibot';
import { Severity, SignalSource, Timestamp } from './vocabulary.js';

/**
 * One observation from a collector. State-based sources (config entries,
 * repairs, entities, supervisor) report a condition under a stable `key` that is
 * either `active` or `cleared`; log-based sources report `occurrence`s.
 */
export const Signal = v.object({
  source: SignalSource,
  /** What was observed, e.g. log_record, entry_state, repair_issue, entities_unavailable. */
  kind: v.pipe(v.string(), v.minLength(1)),
  condition: v.picklist(['active', 'cleared', 'occurrence']),
  /** Identity of a state-based condition within its source (entry id, issue id, device, …). */
  key: v.nullable(v.string()),
  observed_at: Timestamp,
  /** The integration domain at fault, when known. */
  integration: v.nullable(v.string()),
  entry_id: v.nullable(v.string()),
  /** A finer subject within the integration: an automation, a device, an add-on. */
  subject: v.nullable(v.string()),
  severity: Severity,
  /** One line saying what happened (already redacted where the source knows secrets). */
  message: v.string(),
  /** How many occurrences this signal stands for (log records repeat). */
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Source-specific details (logger, exception, entity ids, reason, …). */
  data: v.record(v.string(), v.unknown()),
  /** Names of `data` fields that hold secrets or personal data (masked before storing). */
  sensitive: v.optional(v.array(v.string()), []),
});
export type Signal = v.InferOutput<typeof Signal>;
export type SignalInput = v.InferInput<typeof Signal>;
