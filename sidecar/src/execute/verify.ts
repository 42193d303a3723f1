/**
 * Typed post-conditions: after an action, each check looks at live state (HA's
 * WebSocket API, the Supervisor, the journal's newest signals) until it passes
 * or its time is up. Verification decides whether a fix worked.
 */
import type { ActionParams, VerificationTest } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HaConfigEntry } from '../ha/config-entries.js';
import type { ActionContext, Applied } from '../actions/action.js';
import { deviceReports } from '../actions/power-cycle.js';
import { backupExists } from './backup.js';
import { describeError } from '../ha/errors.js';

export interface CheckOutcome {
  description: string;
  passed: boolean;
  detail: string;
}

export interface VerifyInput {
  ctx: ActionContext;
  params: ActionParams;
  applied: Applied;
  /** When apply() finished (new errors after this count against the fix). */
  appliedAt: string;
  backupId: string | null;
  /** Upper bound on any single check's wait (a setting; keeps tests fast). */
  maxWaitS: number;
  /** How long a check waits for Home Assistant to come back after it went away (default 600 s). */
  awayMaxS?: number;
}

const POLL_MS = 1000;
const AWAY_MAX_S = 600;

type Probe = () => Promise<{ ok: boolean; detail: string }>;

/** Home Assistant's connection, for the checks that ask it. */
interface Ha {
  conn: Connection;
  awayMaxS: number;
}
const ha = (input: VerifyInput): Ha => ({
  conn: input.ctx.conn,
  awayMaxS: input.awayMaxS ?? AWAY_MAX_S,
});

/**
 * Poll `probe` until it returns a passing outcome or time runs out; the last outcome stands.
 * `via`: Home Assistant's connection, for a check that asks HA. While HA is away (restarting,
 * or the connection dropped) the check waits for it to come back, and that time does not
 * count against the check's window: a restart says nothing about whether the fix worked.
 */
async function until(timeoutS: number, via: Ha | null, probe: Probe): ReturnType<Probe> {
  let deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    if (via && !via.conn.connected) {
      const left = Date.now();
      while (!via.conn.connected && Date.now() - left < via.awayMaxS * 1000) await sleep(POLL_MS);
      if (!via.conn.connected)
        return { ok: false, detail: `Home Assistant was not back within ${via.awayMaxS} s` };
      deadline += Date.now() - left;
    }
    let last: { ok: boolean; detail: string };
    try {
      last = await probe();
    } catch (err) {
      // The connection dropped during the probe: wait for Home Assistant, then look again.
      if (via && !via.conn.connected) continue;
      last = {
        ok: false,
        detail: `check failed: ${describeError(err)}`,
      };
    }
    if (last.ok || Date.now() >= deadline) return last;
    await sleep(POLL_MS);
  }
}

async function entryOf(ctx: ActionContext, entryId: string): Promise<HaConfigEntry> {
  const { config_entry } = await ctx.conn.sendMessagePromise<{ config_entry: HaConfigEntry }>({
    type: 'config_entries/get_single',
    entry_id: entryId,
  });
  return config_entry;
}

/** Signals of the incident that arrived after the fix, other than state reports. */
function newErrors(input: VerifyInput): number {
  return input.ctx.journal
    .signalsOf(input.ctx.incident.id, 200)
    .filter((s) => s.condition === 'occurrence' && s.observed_at > input.appliedAt).length;
}

function unavailableEntities(input: VerifyInput): string[] {
  const ids = new Set<string>();
  for (const s of input.ctx.journal.signalsOf(input.ctx.incident.id, 200)) {
    if (s.kind !== 'entities_unavailable') continue;
    for (const id of (s.data.entity_ids as string[] | undefined) ?? []) ids.add(id);
  }
  return [...ids];
}

type Checker = (
  test: VerificationTest,
  input: VerifyInput,
  waitS: number,
) => Promise<{ ok: boolean; detail: string }>;

const CHECKS: Record<VerificationTest['kind'], Checker> = {
  config_entry_loaded: (_t, input, waitS) =>
    until(waitS, ha(input), async () => {
      const entry = await entryOf(input.ctx, String(input.params.entry_id));
      return {
        ok: entry.state === 'loaded',
        detail: `state ${entry.state}${entry.reason ? `: ${entry.reason}` : ''}`,
      };
    }),
  config_entry_disabled: (_t, input, waitS) =>
    until(waitS, ha(input), async () => {
      const entry = await entryOf(input.ctx, String(input.params.entry_id));
      return {
        ok: entry.disabled_by !== null && entry.state === 'not_loaded',
        detail: `disabled_by ${entry.disabled_by}, state ${entry.state}`,
      };
    }),
  entities_available: (_t, input, waitS) =>
    until(waitS, ha(input), async () => {
      const wanted = new Set(unavailableEntities(input));
      if (wanted.size === 0) return { ok: true, detail: 'no entities were affected' };
      const states = await input.ctx.conn.sendMessagePromise<
        { entity_id: string; state: string }[]
      >({ type: 'get_states' });
      const still = states
        .filter((s) => wanted.has(s.entity_id) && s.state === 'unavailable')
        .map((s) => s.entity_id);
      return {
        ok: still.length === 0,
        detail: still.length ? `still unavailable: ${still.join(', ')}` : 'all available',
      };
    }),
  no_new_matching_errors: async (_t, input, waitS) => {
    // Watch for the whole window: a quiet moment right after the fix proves nothing.
    await sleep(waitS * 1000);
    const n = newErrors(input);
    return {
      ok: n === 0,
      detail: n === 0 ? `no new errors in ${waitS} s` : `${n} new errors after the fix`,
    };
  },
  automation_runs_clean: async (_t, input, waitS) => {
    await sleep(waitS * 1000);
    const n = newErrors(input);
    return {
      ok: n === 0,
      detail: n === 0 ? `no failed runs in ${waitS} s` : `${n} failed runs after the fix`,
    };
  },
  addon_started: (_t, input, waitS) =>
    until(waitS, null, async () => {
      const info = await input.ctx.supervisor?.call<{ state: string }>(
        'GET',
        `/addons/${String(input.params.slug)}/info`,
      );
      return { ok: info?.state === 'started', detail: `state ${info?.state ?? 'unknown'}` };
    }),
  automation_off: (_t, input, waitS) =>
    until(waitS, ha(input), async () => {
      const states = await input.ctx.conn.sendMessagePromise<
        { entity_id: string; state: string }[]
      >({ type: 'get_states' });
      const state = states.find((s) => s.entity_id === input.params.entity_id)?.state ?? 'missing';
      return { ok: state === 'off', detail: `state ${state}` };
    }),
  log_level_set: (_t, input, waitS) =>
    until(waitS, ha(input), async () => {
      const info = await input.ctx.conn.sendMessagePromise<{ domain: string; level: number }[]>({
        type: 'logger/log_info',
      });
      const want = { debug: 10, info: 20, warning: 30, error: 40, critical: 50 }[
        String(input.params.level ?? 'debug')
      ];
      const level = info.find((i) => i.domain === input.params.integration)?.level;
      return { ok: level === want, detail: `level ${level ?? 'unset'}` };
    }),
  reauth_started: (_t, input, waitS) =>
    until(waitS, ha(input), async () => {
      const flows = await input.ctx.conn.sendMessagePromise<
        { handler: string; context: { source?: string; entry_id?: string } }[]
      >({
        type: 'config_entries/flow/progress',
      });
      const found = flows.some(
        (f) => f.context.source === 'reauth' && f.context.entry_id === input.params.entry_id,
      );
      return {
        ok: found,
        detail: found ? 'a reauth flow is waiting for the user' : 'no reauth flow',
      };
    }),
  backup_present: (_t, input, waitS) =>
    until(waitS, input.ctx.supervisor ? null : ha(input), async () => {
      const ok = input.backupId !== null && (await backupExists(input.ctx, input.backupId));
      return { ok, detail: ok ? `backup ${input.backupId} is listed` : 'the backup is not listed' };
    }),
  core_running: async (_t, input, waitS) => {
    const conn = input.ctx.conn;
    // A restart first drops the connection, then Core comes back.
    const dropped = await until(Math.min(waitS, 60), null, async () => ({
      ok: !conn.connected,
      detail: 'no restart seen',
    }));
    if (!dropped.ok) return { ok: false, detail: 'Home Assistant did not restart' };
    return until(waitS, ha(input), async () => {
      if (!conn.connected) return { ok: false, detail: 'not back yet' };
      const config = await conn.sendMessagePromise<{ state: string; version: string }>({
        type: 'get_config',
      });
      return {
        ok: config.state === 'RUNNING',
        detail: `Home Assistant ${config.version} is ${config.state}`,
      };
    });
  },
  supervisor_issue_resolved: (_t, input, waitS) =>
    until(waitS, null, async () => {
      const info = await input.ctx.supervisor?.resolutionInfo();
      const open = info?.issues.some((i) => i.uuid === input.params.issue) ?? true;
      return {
        ok: !open,
        detail: open ? 'the Supervisor still reports the issue' : 'the issue is gone',
      };
    }),
  device_reporting: (_t, input, waitS) =>
    until(waitS, ha(input), () => deviceReports(input.ctx, input.params, input.applied)),
  manual: async () => ({ ok: true, detail: 'not checked automatically' }),
};

/**
 * The analysis's checks any fix must also pass: that the failure itself stopped (no new matching
 * errors, failed runs or unavailable entities of the incident). Checks bound to one target (an
 * entry loaded, an add-on started) are the action's own business and stay out, and so does
 * everything for actions that only gather evidence or back up (`fixes` false).
 */
const FAILURE_STOPPED = new Set<VerificationTest['kind']>([
  'no_new_matching_errors',
  'automation_runs_clean',
  'entities_available',
]);

export function afterFix(
  own: VerificationTest[],
  analysis: readonly VerificationTest[],
  fixes: boolean,
): VerificationTest[] {
  if (!fixes) return own;
  const kinds = new Set(own.map((t) => t.kind));
  // What was turned off (an entry, an automation) cannot bring its entities back.
  if (kinds.has('config_entry_disabled') || kinds.has('automation_off'))
    kinds.add('entities_available');
  const added: VerificationTest[] = [];
  for (const test of analysis) {
    if (!FAILURE_STOPPED.has(test.kind) || kinds.has(test.kind)) continue;
    kinds.add(test.kind);
    added.push(test);
  }
  return [...own, ...added];
}

/** What a check says when Home Assistant went away while it ran (a restart, or a drop). */
export const WENT_AWAY = 'Home Assistant restarted or was unreachable during this check';

/** Run every check; all must pass. */
export async function verify(
  tests: VerificationTest[],
  input: VerifyInput,
): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  // Checks of the Supervisor alone may run without Home Assistant's connection.
  const conn: Connection | undefined = input.ctx.conn;
  const seen = { away: false };
  const wentAway = () => (seen.away = true);
  conn?.addEventListener('disconnected', wentAway);
  try {
    for (const test of tests) {
      const waitS = Math.min(test.timeout_s ?? 30, input.maxWaitS);
      seen.away = conn ? !conn.connected : false;
      const { ok, detail } = await CHECKS[test.kind](test, input, waitS);
      // A restart is what core_running waits for; anywhere else it is worth saying.
      const said = seen.away && test.kind !== 'core_running' ? `${detail} (${WENT_AWAY})` : detail;
      outcomes.push({ description: test.description, passed: ok, detail: said });
    }
  } finally {
    conn?.removeEventListener('disconnected', wentAway);
  }
  return outcomes;
}
