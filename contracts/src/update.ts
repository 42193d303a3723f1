import * as v from 'valibot';
import { Timestamp } from './vocabulary.js';

/** What was updated: Home Assistant itself, an add-on, an integration, or anything else with an update entity. */
export const UPDATE_KINDS = ['core', 'addon', 'integration', 'other'] as const;
export const UpdateKind = v.picklist(UPDATE_KINDS);
export type UpdateKind = v.InferOutput<typeof UpdateKind>;

/**
 * Why an update is named for an incident: the failing integration or add-on is the one
 * updated (`same`, strong), or Home Assistant Core was updated shortly before (`core`).
 */
export const UPDATE_LINKS = ['same', 'core'] as const;

/** The update an incident started soon after, and the backup taken before it. */
export const UpdateAttribution = v.object({
  kind: UpdateKind,
  link: v.picklist(UPDATE_LINKS),
  /** The software's title as its update entity gives it ("Fault Lab", "Home Assistant Core"). */
  title: v.string(),
  /**
   * The update entity that reported it; `homeassistant` when HA's own version changed (no
   * update entity for Core), `addon:<slug>` when the Supervisor's add-on list told.
   */
  entity_id: v.string(),
  from_version: v.string(),
  to_version: v.string(),
  updated_at: Timestamp,
  /** Whole minutes from the update to the incident's first signal. */
  minutes_before: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The release notes of the version installed, when the update entity names them. */
  release_url: v.nullable(v.pipe(v.string(), v.url())),
  /** The newest backup taken before the update, when there is one. */
  backup: v.nullable(v.object({ id: v.string(), name: v.string(), date: Timestamp })),
});
export type UpdateAttribution = v.InferOutput<typeof UpdateAttribution>;
