/**
 * The restart-loop breaker: whether an action may run now. Policy conditions,
 * per-target cooldowns, a per-incident attempt limit and a global hourly
 * budget hold for every execution, approved or automatic; quiet hours hold for
 * automatic ones, and only what the offline knowledge base proposed is ever
 * automatic (never what helps only after a change of the user's). A flapping fault cannot make the sidecar act more often than the
 * policy allows.
 */
import type { ActionId, Policy } from '@ha-llm-ops/contracts';
import type { IncidentRecord } from '../journal/journal.js';
import type { ProposalJournal, ProposalRecord } from '../journal/proposals.js';
import { actionPolicy, inQuietHours, policyAllows, type PolicyVerdict } from '../policy/policy.js';

export type GuardVerdict = PolicyVerdict;

export interface GuardInput {
  policy: Policy;
  actionId: ActionId;
  target: string;
  incident: IncidentRecord;
  /** Automatic run (quiet hours and `auto` apply) rather than a human approval. */
  automatic: boolean;
  /** Who proposed it: what only a model proposed never runs unattended. */
  proposedBy: ProposalRecord['proposed_by'];
  now: Date;
  /** Home Assistant's time zone (IANA), in which quiet hours are read; null: the process's. */
  timeZone?: string | null;
}

function minutes(ms: number): string {
  const m = Math.ceil(ms / 60_000);
  return m <= 1 ? 'a minute' : `${m} min`;
}

/** Whether the action may run now; the reason says why not, in words. */
export function guard(journal: ProposalJournal, input: GuardInput): GuardVerdict {
  const { policy, actionId, target, incident, automatic, proposedBy, now, timeZone } = input;
  const allowed = policyAllows(policy, actionId, incident);
  if (!allowed.ok) return allowed;
  const rules = actionPolicy(policy, actionId);
  if (automatic) {
    // Safety in code, not in the prompt: only the offline knowledge base vouches for an
    // unattended run. A model's answer can be talked into anything (and a backend added
    // later is a model too); what a person proposed, a person approves.
    if (proposedBy !== 'offline')
      return {
        ok: false,
        reason:
          proposedBy === 'user'
            ? `a person proposed ${actionId}; a person approves it`
            : `only the model's answer proposes ${actionId}; a person decides`,
      };
    if (!rules.auto)
      return { ok: false, reason: `the policy does not run ${actionId} automatically` };
    // Reloading after a fix the user has not made yet changes nothing: it waits for them.
    const candidate = incident.analysis?.candidate_actions.find((c) => c.action_id === actionId);
    if (candidate?.after_user_fix)
      return {
        ok: false,
        reason: `${actionId} helps only after a change of yours; a person runs it`,
      };
    if (inQuietHours(policy, now, timeZone))
      return { ok: false, reason: 'quiet hours: automatic actions wait' };
  }
  const last = journal.lastOf(target);
  if (last) {
    const wait = Date.parse(last) + rules.cooldownS * 1000 - now.getTime();
    if (wait > 0)
      return {
        ok: false,
        reason: `cooldown: ${actionId} ran on this target recently; next allowed in ${minutes(wait)}`,
      };
  }
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const attempts = journal.countSince('0000', { incidentId: incident.id, actionId });
  if (attempts >= rules.maxAttemptsPerIncident) {
    return {
      ok: false,
      reason: `${actionId} was tried ${attempts} times for this incident (the policy allows ${rules.maxAttemptsPerIncident})`,
    };
  }
  const lastHour = journal.countSince(hourAgo);
  if (lastHour >= policy.max_actions_per_hour) {
    return {
      ok: false,
      reason: `hourly budget used: ${lastHour} of ${policy.max_actions_per_hour} actions in the last hour`,
    };
  }
  return { ok: true };
}
