/**
 * The Supervisor (add-on mode only): issues of its resolution center, an
 * unhealthy or unsupported system, and add-ons in the `error` state with the
 * end of their log. Polled; each poll is a full resync.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { AddonSummary, ResolutionIssue } from '../supervisor/client.js';
import type { Collector } from './collector.js';

const ADDON_LOG_LINES = 60;

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

export const supervisorCollector: Collector = {
  source: 'supervisor',
  enabled: (ctx) => ctx.supervisor !== null,

  async start(ctx) {
    const sup = ctx.supervisor;
    if (!sup) return () => undefined;
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
      for (const addon of await sup.addons()) {
        if (addon.state !== 'error') continue;
        const tail = await sup
          .logs(`/addons/${addon.slug}/logs`, ADDON_LOG_LINES)
          .catch(() => null);
        emit(addonSignal(addon, tail, at));
      }
      ctx.sink.reconcile('supervisor', keep);
    };
    const run = () => poll().catch((err: unknown) => ctx.log.warning(`supervisor: ${String(err)}`));
    await run();
    const timer = setInterval(run, ctx.thresholds.supervisorPollS * 1000);
    return () => clearInterval(timer);
  },
};
