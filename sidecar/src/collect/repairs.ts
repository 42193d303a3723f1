/**
 * Repairs: the issues HA and integrations raise themselves. `repairs/list_issues`
 * at start, after reconnects and on every `repairs_issue_registry_updated`; an
 * issue the user ignored in HA is not active. Our own issues are skipped.
 */
import type { Severity, Signal } from '@ha-llm-ops/contracts';
import type { Connection } from 'home-assistant-js-websocket';
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

/** HA's own words for an issue: its translated title and description, placeholders filled. */
export interface IssueText {
  title: string;
  description: string | null;
}

/** `frontend/get_translations` resources of the `issues` category, by key. */
export type IssueTranslations = Readonly<Record<string, string>>;

const fill = (text: string, placeholders: Record<string, string> | null): string =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => placeholders?.[name] ?? m);

/**
 * The title and description HA shows for an issue, from its translations (a
 * fixable issue may describe itself in its fix flow's first step instead). Never
 * the raw issue id: without a translation the integration and the key are named
 * in words.
 */
export function issueText(issue: RepairIssue, resources: IssueTranslations): IssueText {
  const base = `component.${issue.domain}.issues.${issue.translation_key ?? issue.issue_id}`;
  const title = resources[`${base}.title`];
  const description =
    resources[`${base}.description`] ??
    Object.entries(resources).find(
      ([k]) => k.startsWith(`${base}.fix_flow.step.`) && k.endsWith('.description'),
    )?.[1] ??
    null;
  const placeholders = issue.translation_placeholders;
  return {
    title: title
      ? fill(title, placeholders)
      : `${issue.issue_domain ?? issue.domain}: ${(issue.translation_key ?? 'an issue').replaceAll('_', ' ')}`,
    description: description ? fill(description, placeholders) : null,
  };
}

/** The signal of one issue, in HA's own words. */
export function issueSignal(
  inventory: Inventory,
  issue: RepairIssue,
  at: string,
  text: IssueText,
): Signal {
  const integration = issue.issue_domain ?? issue.domain;
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
    message: `${text.title} — ${text.description ?? 'see Settings → System → Repairs'}`,
    count: 1,
    data: { ...issue, title: text.title, description: text.description },
    sensitive: [],
  };
}

/** HA's translations of the issues of these domains, in HA's language. */
async function translations(conn: Connection, domains: string[]): Promise<IssueTranslations> {
  if (domains.length === 0) return {};
  const { language } = await conn.sendMessagePromise<{ language?: string }>({
    type: 'get_config',
  });
  const { resources } = await conn.sendMessagePromise<{ resources: Record<string, string> }>({
    type: 'frontend/get_translations',
    language: language ?? 'en',
    category: 'issues',
    integration: domains,
  });
  return resources;
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
      const resources = await translations(conn, [...new Set(active.map((i) => i.domain))]).catch(
        (err: unknown) => {
          log.debug(`repairs: no translations (${String(err)}); naming issues by their key`);
          return {};
        },
      );
      for (const issue of active)
        sink.emit(issueSignal(ctx.inventory, issue, at, issueText(issue, resources)));
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
