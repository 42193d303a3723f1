/**
 * What the journal says about an action for an integration in this home: how often it
 * passed verification (for an action that fixes: fixed the failure) out of how many tries,
 * and the rule by which an action that keeps failing here is no longer proposed.
 */
import type { TrackRecord } from '@ha-llm-ops/contracts';
import type { FinishedTry } from '../journal/proposals.js';
import { message, translate } from '../i18n/index.js';

/**
 * An action whose latest tries for an integration failed this many times in a row (so at
 * least this many tries, none of the latest this many verified) is no longer proposed for it.
 */
export const GIVE_UP_AFTER = 3;

/** The track record of an action from its tries (newest first) for an integration, its summary in `language`. */
export function trackRecord(
  tries: readonly FinishedTry[],
  integration: string,
  action: { label: string; fixes: boolean | 'by_user' },
  language = 'en',
): TrackRecord {
  const verified = tries.filter((t) => t === 'succeeded').length;
  const latestVerified = tries.indexOf('succeeded');
  const vars = {
    action: translate(language, action.label),
    integration,
    verified,
    tries: tries.length,
  };
  return {
    integration,
    tries: tries.length,
    verified,
    failed_in_a_row: latestVerified === -1 ? tries.length : latestVerified,
    summary:
      tries.length === 0
        ? message(language, 'track.untried', vars)
        : message(language, action.fixes === true ? 'track.fixed' : 'track.worked', vars),
  };
}

/** Why an action with this record is no longer proposed (in `language`), or null when it still is. */
export function givenUp(record: TrackRecord, label: string, language = 'en'): string | null {
  return record.failed_in_a_row >= GIVE_UP_AFTER
    ? message(language, 'track.given_up', {
        action: translate(language, label),
        integration: record.integration,
        count: record.failed_in_a_row,
      })
    : null;
}
