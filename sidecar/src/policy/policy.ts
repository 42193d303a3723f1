/**
 * The policy file (`policy.yaml`): which actions may run, automatically or with
 * approval, and how often. Parsed with `yaml`, validated with the shared valibot
 * contract; every error names the file and line. A bad policy never guesses:
 * the sidecar runs observe-only and says why.
 */
import {
  ACTION_IDS,
  type ActionId,
  type ActionPolicy,
  Policy,
  type Severity,
} from '@ha-llm-ops/contracts';
import { readFileSync } from 'node:fs';
import type { IncidentRecord } from '../journal/journal.js';
import * as v from 'valibot';
import { isMap } from 'yaml';
import { at, issueOf, lineOf, parseYaml, YamlFileError } from '../shared/yaml-file.js';

export type Mode = 'observe' | 'approve' | 'auto';

/** A policy problem, located in its file. */
export class PolicyError extends YamlFileError {}

/** One action's effective rules (defaults filled in). */
export interface EffectiveActionPolicy {
  allowed: boolean;
  auto: boolean;
  cooldownS: number;
  maxAttemptsPerIncident: number;
  integrations: { include: string[] | null; exclude: string[] };
  severities: Severity[] | null;
}

/** The policy in force. */
export interface PolicyState {
  policy: Policy;
  /** Where it came from (a file, or "default"). */
  source: string;
  /** Set when the file was invalid: the sidecar then observes only. */
  error: string | null;
}

/** restart_core runs automatically only when the file says `auto: true` for it in so many words. */
const DEFAULT_ACTION: ActionPolicy = {
  allowed: true,
  auto: false,
  cooldown_s: 600,
  max_attempts_per_incident: 3,
};

export const DEFAULT_POLICY: Policy = v.parse(Policy, {});

/** Parse and validate policy text; throws PolicyError naming the line. */
export function parsePolicy(text: string, file = 'policy.yaml'): Policy {
  const { doc, counter, data } = parseYaml(text, file, (f, l, d) => new PolicyError(f, l, d));
  const result = v.safeParse(Policy, data);
  if (result.success) return result.output;
  let { path, detail } = issueOf(result.issues[0]);
  if (path[0] === 'actions' && path.length === 1 && isMap(doc.getIn(['actions'], true))) {
    // The record check reports the whole map; name the key that is not an action.
    const unknown = Object.keys((data as { actions?: object }).actions ?? {}).find(
      (k) => !(ACTION_IDS as readonly string[]).includes(k),
    );
    if (unknown) {
      path = [...path, unknown];
      detail = `unknown action id ${JSON.stringify(unknown)}; known: ${ACTION_IDS.join(', ')}`;
    }
  }
  if (path[0] === 'power_cycle' && path.length === 1 && isMap(doc.getIn(['power_cycle'], true))) {
    // The check of the whole map names no entry; point at the plug mapped to itself.
    const map = (data as { power_cycle?: Record<string, unknown> }).power_cycle ?? {};
    const self = Object.keys(map).find((k) => map[k] === k);
    if (self) path.push(self);
  }
  throw new PolicyError(file, lineOf(doc, counter, path), at(path, detail));
}

/** Read the policy file; no file means the default policy, a bad one means observe-only. */
export function loadPolicy(file: string | null): PolicyState {
  if (!file) return { policy: DEFAULT_POLICY, source: 'default', error: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing) return { policy: DEFAULT_POLICY, source: 'default', error: null };
    return {
      policy: { ...DEFAULT_POLICY, mode: 'observe' },
      source: file,
      error: `${file}: cannot read: ${String(err)}`,
    };
  }
  try {
    return { policy: parsePolicy(text, file), source: file, error: null };
  } catch (err) {
    return {
      policy: { ...DEFAULT_POLICY, mode: 'observe' },
      source: file,
      error: (err as Error).message,
    };
  }
}

/** The rules for one action, with defaults. */
export function actionPolicy(policy: Policy, id: ActionId): EffectiveActionPolicy {
  const raw = { ...DEFAULT_ACTION, ...policy.actions?.[id] };
  return {
    allowed: raw.allowed ?? true,
    auto: raw.auto ?? false,
    cooldownS: raw.cooldown_s ?? 600,
    maxAttemptsPerIncident: raw.max_attempts_per_incident ?? 3,
    integrations: {
      include: raw.conditions?.integrations?.include ?? null,
      exclude: raw.conditions?.integrations?.exclude ?? [],
    },
    severities: raw.conditions?.severities ?? null,
  };
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes since midnight of `now` on the wall clock of `timeZone` (an IANA
 * name such as Home Assistant's `time_zone`); the process's own zone when none
 * is given or the name is unknown to Intl.
 */
export function minutesOfDay(now: Date, timeZone?: string | null): number {
  const key = timeZone ?? '';
  let clock = clocks.get(key);
  if (!clock) {
    const opts: Intl.DateTimeFormatOptions = {
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    };
    try {
      clock = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: timeZone ?? undefined });
    } catch {
      clock = new Intl.DateTimeFormat('en-GB', opts); // RangeError: a zone Intl does not know
    }
    clocks.set(key, clock);
  }
  const part = (type: string) =>
    Number(clock.formatToParts(now).find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * Whether `now` falls inside the quiet hours (which may span midnight), read
 * on the clock of Home Assistant's time zone.
 */
export function inQuietHours(policy: Policy, now: Date, timeZone?: string | null): boolean {
  const q = policy.quiet_hours;
  if (!q) return false;
  const minutes = minutesOfDay(now, timeZone);
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const start = toMin(q.start);
  const end = toMin(q.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** A yes, or a no with the reason in words. */
export type PolicyVerdict = { ok: true } | { ok: false; reason: string };

/** Whether the policy allows the action for this incident at all (ignoring timing). */
export function policyAllows(
  policy: Policy,
  actionId: ActionId,
  incident: IncidentRecord,
): PolicyVerdict {
  const rules = actionPolicy(policy, actionId);
  if (!rules.allowed) return { ok: false, reason: `the policy does not allow ${actionId}` };
  const integration = incident.integration ?? '';
  if (rules.integrations.include && !rules.integrations.include.includes(integration)) {
    return {
      ok: false,
      reason: `the policy allows ${actionId} only for ${rules.integrations.include.join(', ')}`,
    };
  }
  if (rules.integrations.exclude.includes(integration)) {
    return { ok: false, reason: `the policy excludes ${integration} from ${actionId}` };
  }
  if (rules.severities && !rules.severities.includes(incident.severity)) {
    return {
      ok: false,
      reason: `the policy allows ${actionId} only at severity ${rules.severities.join(', ')}`,
    };
  }
  return { ok: true };
}
