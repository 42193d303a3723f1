/**
 * The Supervisor (add-on mode only): issues of its resolution center, an
 * unhealthy or unsupported system, add-ons in the `error` state with the
 * end of their log, and the failures in the Supervisor's own log and the host's
 * journal (an add-on its watchdog restarted between two polls shows there).
 * Add-on state changes are also followed by event (`supervisor/subscribe`, which Core
 * answers when it runs under a Supervisor), so a crash the watchdog restarts between two
 * polls is seen; a crash seen so is kept through the next poll. The poll is the resync
 * of states, and reads the logs past their cursors.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { AddonSummary, ResolutionIssue } from '../supervisor/client.js';
import type { Collector, CollectorContext } from './collector.js';
import { failuresIn, logSignal, SUPERVISOR_LOGS, type SupervisorLog } from './supervisor-logs.js';

const ADDON_LOG_LINES = 60;
/** Lines of the Supervisor's and the host's log read per poll. */
const SYSTEM_LOG_LINES = 200;

/** Signal the failures logged since the last poll, in the Supervisor's log, the host's and Core's. */
async function readSystemLogs(
  ctx: CollectorContext,
  addons: readonly AddonSummary[],
  at: string,
): Promise<void> {
  const sup = ctx.supervisor;
  if (!sup) return;
  for (const [log, path] of Object.entries(SUPERVISOR_LOGS) as [SupervisorLog, string][]) {
    const name = `supervisor_logs:${log}`;
    let text: string;
    try {
      text = await sup.logs(path, SYSTEM_LOG_LINES, log !== 'supervisor');
    } catch (err) {
      ctx.log.warning(`supervisor: cannot read the ${log} log: ${String(err)}`);
      continue;
    }
    const lines = failuresIn(log, text, ctx.cursors.getCursor<string>(name));
    for (const line of lines) {
      const named = line.addonName ? addons.find((a) => a.name === line.addonName) : undefined;
      ctx.sink.emit(logSignal(log, named ? { ...line, addon: named.slug } : line, at));
    }
    const newest = lines.at(-1);
    if (newest) ctx.cursors.setCursor(name, newest.at);
  }
}

function issueSignal(issue: ResolutionIssue, at: string): Signal {
  const ref = issue.reference ? ` (${issue.reference})` : '';
  return {
    source: 'supervisor',
    kind: 'supervisor_issue',
    condition: 'active',
    key: `resolution:${issue.uuid}`,
    observed_at: at,
    integration: 'hassio',
    entry_id: null,
    // System-level issues are each their own subject, so unrelated ones never merge.
    subject:
      issue.context === 'addon' && issue.reference
        ? `addon:${issue.reference}`
        : `supervisor:${issue.type}`,
    severity: 'warning',
    message: `Supervisor reports ${issue.type} in ${issue.context}${ref}`,
    count: 1,
    data: { ...issue },
    sensitive: [],
  };
}

function systemSignal(kind: 'unhealthy' | 'unsupported', reason: string, at: string): Signal {
  return {
    source: 'supervisor',
    kind: 'supervisor_issue',
    condition: 'active',
    key: `${kind}:${reason}`,
    observed_at: at,
    integration: 'hassio',
    entry_id: null,
    subject: `supervisor:${kind}:${reason}`,
    severity: kind === 'unhealthy' ? 'error' : 'warning',
    message: `The system is ${kind}: ${reason}`,
    count: 1,
    data: { kind, reason },
    sensitive: [],
  };
}

function addonSignal(addon: AddonSummary, logTail: string | null, at: string): Signal {
  return {
    source: 'supervisor',
    kind: 'addon_state',
    condition: 'active',
    key: `addon:${addon.slug}`,
    observed_at: at,
    integration: 'hassio',
    entry_id: null,
    subject: `addon:${addon.slug}`,
    severity: 'error',
    message: `Add-on ${addon.name} (${addon.slug}) is in state ${addon.state}`,
    count: 1,
    data: {
      slug: addon.slug,
      name: addon.name,
      version: addon.version,
      state: addon.state,
      log_tail: logTail,
    },
    sensitive: [],
  };
}

/** The Supervisor's add-on states (supervisor/addons/const.py AddonState) that mean a failure. */
const FAILED_STATES: ReadonlySet<string> = new Set(['error', 'unknown']);

/**
 * The add-on signal for a Supervisor event, `{event: 'addon', slug, state}` (the
 * Supervisor's add-on state setter), when the state is a failure; `null` otherwise.
 */
export function addonEventSignal(
  event: unknown,
  addons: readonly AddonSummary[],
  at: string,
): Signal | null {
  if (typeof event !== 'object' || event === null) return null;
  const { event: kind, slug, state } = event as Record<string, unknown>;
  if (kind !== 'addon' || typeof slug !== 'string' || typeof state !== 'string') return null;
  if (!FAILED_STATES.has(state)) return null;
  const known = addons.find((a) => a.slug === slug);
  const addon: AddonSummary = known
    ? { ...known, state }
    : { slug, name: slug, version: '', state, update_available: false };
  return addonSignal(addon, null, at);
}

export const supervisorCollector: Collector = {
  source: 'supervisor',
  enabled: (ctx) => ctx.supervisor !== null,

  async start(ctx) {
    const sup = ctx.supervisor;
    if (!sup) return () => undefined;
    let addons: AddonSummary[] = [];
    /** Keys of crashes seen by event since the last poll's resync: the next one keeps them. */
    const seen = new Set<string>();
    const poll = async () => {
      const at = ctx.now().toISOString();
      const keep = new Set<string>();
      const emit = (s: Signal) => {
        keep.add(s.key as string);
        ctx.sink.emit(s);
      };
      const info = await sup.resolutionInfo();
      for (const issue of info.issues) emit(issueSignal(issue, at));
      for (const reason of info.unhealthy) emit(systemSignal('unhealthy', reason, at));
      for (const reason of info.unsupported) emit(systemSignal('unsupported', reason, at));
      addons = await sup.addons();
      for (const addon of addons) {
        if (addon.state !== 'error') continue;
        const tail = await sup
          .logs(`/addons/${addon.slug}/logs`, ADDON_LOG_LINES)
          .catch(() => null);
        emit(addonSignal(addon, tail, at));
      }
      // A crash seen by event since the last poll stays, even if the add-on runs again now.
      for (const key of seen) keep.add(key);
      seen.clear();
      ctx.sink.reconcile('supervisor', keep);
      await readSystemLogs(ctx, addons, at);
    };
    const run = () => poll().catch((err: unknown) => ctx.log.warning(`supervisor: ${String(err)}`));
    await run();
    const timer = setInterval(run, ctx.thresholds.supervisorPollS * 1000);
    const onEvent = (event: unknown) => {
      const signal = addonEventSignal(event, addons, ctx.now().toISOString());
      if (!signal) return;
      seen.add(signal.key as string);
      ctx.sink.emit(signal);
    };
    const unsub = await ctx.conn
      .subscribeMessage<unknown>(onEvent, { type: 'supervisor/subscribe' })
      .catch((err: unknown) => {
        // Core without a Supervisor does not know the command: the poll alone follows states.
        if ((err as { code?: unknown } | null)?.code !== 'unknown_command')
          ctx.log.warning(`supervisor: cannot follow add-on events: ${JSON.stringify(err)}`);
        return null;
      });
    return async () => {
      clearInterval(timer);
      await unsub?.().catch(() => undefined);
    };
  },
};
