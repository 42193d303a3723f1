/**
 * Repairs: the issues HA and integrations raise themselves. `repairs/list_issues`
 * at start, after reconnects and on every `repairs_issue_registry_updated`; an
 * issue the user ignored in HA is not active. Our own issues are skipped.
 */
import type { Severity, Signal } from '@ha-llm-ops/contracts';
import type { Inventory } from '../ha/inventory.js';
import { onEveryConnect, type Collector } from './collector.js';

/** A Repairs issue as `repairs/list_issues` returns it. */
export interface RepairIssue {
  domain: string;
  issue_id: string;
  issue_domain: string | null;
  severity: 'critical' | 'error' | 'warning';
  translation_key: string | null;
  translation_placeholders: Record<string, string> | null;
  learn_more_url: string | null;
  breaks_in_ha_version: string | null;
  is_fixable: boolean;
  ignored: boolean;
  created: string;
}

const OWN_DOMAIN = 'llm_ops';
const DEBOUNCE_MS = 500;

/**
 * The config entry an issue is about: HA puts the entry id into ids of issues
 * such as `config_entry_reauth_<domain>_<entry_id>`, and names the entry by title
 * in placeholders.
 */
function entryOf(inventory: Inventory, integration: string, issue: RepairIssue): string | null {
  const names = Object.values(issue.translation_placeholders ?? {});
  for (const entry of inventory.entries.values()) {
    if (entry.domain !== integration) continue;
    if (issue.issue_id.includes(entry.entry_id)) return entry.entry_id;
    if (names.includes(entry.title)) return entry.entry_id;
  }
  return null;
}

/** The signal of one issue. */
export function issueSignal(inventory: Inventory, issue: RepairIssue, at: string): Signal {
  const integration = issue.issue_domain ?? issue.domain;
  const what = issue.translation_key ?? issue.issue_id;
  const placeholders = Object.entries(issue.translation_placeholders ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return {
    source: 'repairs',
    kind: 'repair_issue',
    condition: 'active',
    key: `${issue.domain}:${issue.issue_id}`,
    observed_at: at,
    integration,
    entry_id: entryOf(inventory, integration, issue),
    subject: null,
    severity: issue.severity as Severity,
    message: `Repairs issue ${issue.domain}.${what}${placeholders ? ` (${placeholders})` : ''}`,
    count: 1,
    data: { ...issue },
    sensitive: [],
  };
}

export const repairsCollector: Collector = {
  source: 'repairs',
  enabled: () => true,

  async start(ctx) {
    const { conn, sink, log } = ctx;
    const resync = async () => {
      const { issues } = await conn.sendMessagePromise<{ issues: RepairIssue[] }>({
        type: 'repairs/list_issues',
      });
      const at = ctx.now().toISOString();
      const active = issues.filter((i) => !i.ignored && i.domain !== OWN_DOMAIN);
      for (const issue of active) sink.emit(issueSignal(ctx.inventory, issue, at));
      sink.reconcile('repairs', new Set(active.map((i) => `${i.domain}:${i.issue_id}`)));
    };
    let timer: NodeJS.Timeout | undefined;
    const unsub = await conn.subscribeEvents(() => {
      clearTimeout(timer);
      timer = setTimeout(
        () => resync().catch((err: unknown) => log.warning(`repairs: ${String(err)}`)),
        DEBOUNCE_MS,
      );
    }, 'repairs_issue_registry_updated');
    const stopResync = await onEveryConnect(conn, resync, log, 'repairs');
    return async () => {
      clearTimeout(timer);
      stopResync();
      await unsub();
    };
  },
};
