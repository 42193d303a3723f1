import * as v from 'valibot';
import { Timestamp } from './vocabulary.js';

/** A distinct log line (template) with how often it occurred. */
export const EvidenceLogLine = v.object({
  text: v.string(),
  level: v.string(),
  logger: v.nullable(v.string()),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
  first_seen: v.nullable(Timestamp),
  last_seen: v.nullable(Timestamp),
  /** The traceback collapsed to its meaningful frames and the exception line. */
  traceback: v.nullable(v.array(v.string())),
});
export type EvidenceLogLine = v.InferOutput<typeof EvidenceLogLine>;

/** What the analyzers see of an incident: redacted, within a token budget. */
export const EvidenceBundle = v.object({
  incident_id: v.string(),
  created_at: Timestamp,
  token_budget: v.pipe(v.number(), v.integer(), v.minValue(1)),
  token_estimate: v.pipe(v.number(), v.integer(), v.minValue(0)),
  log_lines: v.array(EvidenceLogLine),
  config_entry: v.nullable(
    v.object({
      entry_id: v.string(),
      domain: v.string(),
      title: v.string(),
      state: v.string(),
      reason: v.nullable(v.string()),
    }),
  ),
  entities: v.array(
    v.object({ entity_id: v.string(), state: v.string(), last_changed: v.nullable(Timestamp) }),
  ),
  integration: v.nullable(
    v.object({ domain: v.string(), custom: v.boolean(), version: v.nullable(v.string()) }),
  ),
  ha_version: v.nullable(v.string()),
  recent_changes: v.array(v.object({ at: v.nullable(Timestamp), what: v.string() })),
  /**
   * One device's (hub, bridge, broker) or config entry's outage that took others down: its
   * name, the affected devices' names and their integrations. Absent in older bundles.
   */
  outage: v.optional(
    v.nullable(
      v.object({
        root: v.string(),
        devices: v.array(v.string()),
        integrations: v.array(v.string()),
      }),
    ),
  ),
  /** The failing automation's or script's config, or the integration's diagnostics (redacted). */
  configuration: v.nullable(v.record(v.string(), v.unknown())),
  /** What redaction replaced, by kind (never the values). */
  redactions: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Lines dropped to stay within the budget. */
  truncated: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type EvidenceBundle = v.InferOutput<typeof EvidenceBundle>;
