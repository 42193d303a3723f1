/**
 * Update attribution: an incident that starts soon after an update of Home Assistant,
 * an add-on or an integration names that update (versions, release notes) and the
 * backup taken before it. An update of the failing integration or add-on itself is a
 * strong link and counts for a day; an update of Home Assistant Core may explain any
 * failure and counts for two hours. The sentences about it live here, in one place.
 */
import type { UpdateAttribution, UpdateKind } from '@ha-llm-ops/contracts';
import { message, type MessageId } from '../i18n/index.js';

/** An update seen installed: an update entity's installed version changed. */
export interface InstalledUpdate {
  entity_id: string;
  kind: UpdateKind;
  /** The integration it updates (an integration's own update entity, or HACS's). */
  integration: string | null;
  /** The add-on's slug, for an add-on's update. */
  addon: string | null;
  title: string;
  from_version: string;
  to_version: string;
  release_url: string | null;
  updated_at: string;
  backup: { id: string; name: string; date: string } | null;
}

/** How long after an update of the failing integration or add-on a failure is linked to it. */
export const SAME_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long after a Home Assistant Core update any failure is linked to it. */
export const CORE_WINDOW_MS = 2 * 60 * 60 * 1000;
/**
 * An update noticed only when HA came back (a Core update restarts it) is recorded a
 * little after the errors HA logged while starting: those still count as after it.
 */
export const NOTICED_LATE_MS = 5 * 60 * 1000;

/** What of an incident attribution looks at. */
export interface AttributedIncident {
  integration: string | null;
  subject: string | null;
  first_seen: string;
}

/** The update the incident most likely started after, or null. `updates` in any order. */
export function attributeUpdate(
  incident: AttributedIncident,
  updates: readonly InstalledUpdate[],
): UpdateAttribution | null {
  const start = Date.parse(incident.first_seen);
  const since = (u: InstalledUpdate) => start - Date.parse(u.updated_at);
  const within = (u: InstalledUpdate, windowMs: number) =>
    since(u) >= -NOTICED_LATE_MS && since(u) <= windowMs;
  const same = (u: InstalledUpdate) =>
    (u.integration !== null && u.integration === incident.integration) ||
    (u.addon !== null && incident.subject === `addon:${u.addon}`);
  const newestFirst = [...updates].sort((a, b) => since(a) - since(b));
  const sameOne = newestFirst.find((u) => same(u) && within(u, SAME_WINDOW_MS));
  const coreOne = newestFirst.find((u) => u.kind === 'core' && within(u, CORE_WINDOW_MS));
  const u = sameOne ?? coreOne;
  if (!u) return null;
  return {
    kind: u.kind,
    link: sameOne ? 'same' : 'core',
    title: u.title,
    entity_id: u.entity_id,
    from_version: u.from_version,
    to_version: u.to_version,
    updated_at: u.updated_at,
    minutes_before: Math.max(0, Math.floor(since(u) / 60_000)),
    release_url: u.release_url,
    backup: u.backup,
  };
}

/** The attribution in one sentence, for the evidence bundle, the analysis and Repairs. */
export function updateSentence(a: UpdateAttribution, language = 'en'): string {
  const say = (id: MessageId, vars: Record<string, string | number> = {}) =>
    message(language, id, vars);
  const notes = a.release_url ? say('update.release_notes', { url: a.release_url }) : '';
  const backup = a.backup ? say('update.backup', { name: a.backup.name }) : say('update.no_backup');
  const after =
    a.minutes_before < 1
      ? say('update.under_a_minute')
      : say('update.minutes', { minutes: a.minutes_before });
  const started = say('update.started_after', {
    after,
    title: a.title,
    from: a.from_version,
    to: a.to_version,
    notes,
  });
  return `${started} ${backup}`;
}

/** An update as a recent change of HA, for the evidence bundle. */
export function updateChange(u: InstalledUpdate): string {
  return `${u.title} updated from ${u.from_version} to ${u.to_version}`;
}
