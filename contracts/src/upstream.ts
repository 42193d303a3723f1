import * as v from 'valibot';
import { Timestamp } from './vocabulary.js';

/** Lines an integration logged at debug level during a capture, redacted before they were kept. */
export const DebugCapture = v.object({
  /** The capture's own id: its integration and when it started. */
  id: v.string(),
  integration: v.string(),
  started_at: Timestamp,
  ended_at: Timestamp,
  /** Whole log lines, oldest first, redacted. */
  lines: v.array(v.string()),
  /** Lines the capture left out beyond its limit. */
  dropped: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type DebugCapture = v.InferOutput<typeof DebugCapture>;

/**
 * A bug report ready for the integration's issue tracker: nothing is sent anywhere, the user
 * copies the text or opens the prefilled link.
 */
export const UpstreamReport = v.object({
  incident_id: v.string(),
  title: v.string(),
  /** The whole report in Markdown, redacted. */
  body: v.string(),
  integration: v.object({
    domain: v.string(),
    name: v.nullable(v.string()),
    version: v.nullable(v.string()),
    custom: v.nullable(v.boolean()),
  }),
  ha_version: v.nullable(v.string()),
  /** The integration's issue tracker (its manifest's `issue_tracker`), null when it names none. */
  issue_tracker: v.nullable(v.string()),
  /** A "new issue" link with title and body filled in (the body shortened to fit a URL). */
  new_issue_url: v.nullable(v.string()),
  /** A search of the tracker's issues for the same failure, to look for duplicates first. */
  search_url: v.nullable(v.string()),
  /** The body in new_issue_url was shortened; copy the full text instead. */
  truncated: v.boolean(),
});
export type UpstreamReport = v.InferOutput<typeof UpstreamReport>;
