/**
 * Automation and script runs that end in error, read from their traces.
 * A trigger (`automation_triggered`, `script_started`) schedules a look at
 * `trace/list` shortly after, and again later for runs that take a while; a
 * cursor of seen runs keeps every failed run counted once. HA keeps the traces of an
 * automation or script after it was deleted: a failed run of one that is gone is no
 * incident.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import type { Inventory } from '../ha/inventory.js';
import { onEveryConnect, type Collector } from './collector.js';

type Domain = 'automation' | 'script';

/** A trace summary as `trace/list` returns it. */
export interface TraceSummary {
  domain: Domain;
  item_id: string;
  run_id: string;
  state: string;
  script_execution: string | null;
  timestamp: { start: string; finish: string | null };
  last_step: string | null;
  error?: string;
}

const FAILED = new Set(['error']);
const CHECK_AFTER_MS = [2000, 30_000];
/** Run ids remembered per item, enough to cover HA's stored traces (5 by default). */
const REMEMBER_RUNS = 50;

function entityOf(inventory: Inventory, domain: Domain, itemId: string): string {
  if (domain === 'script') return `script.${itemId}`;
  return inventory.entityByUniqueId('automation', itemId)?.entity_id ?? `automation.${itemId}`;
}

/** The signal of one failed run. */
export function runSignal(t: TraceSummary, entityId: string, config: unknown): Signal {
  const what = t.domain === 'automation' ? 'Automation' : 'Script';
  return {
    source: 'automations',
    kind: 'automation_error',
    condition: 'occurrence',
    key: null,
    observed_at: t.timestamp.finish ?? t.timestamp.start,
    integration: t.domain,
    entry_id: null,
    subject: entityId,
    severity: 'error',
    message: `${what} ${entityId} failed: ${t.error ?? t.script_execution ?? 'error'}`,
    count: 1,
    data: {
      domain: t.domain,
      item_id: t.item_id,
      run_id: t.run_id,
      error: t.error ?? null,
      last_step: t.last_step,
      config: config ?? null,
    },
    sensitive: [],
  };
}

export const automationsCollector: Collector = {
  source: 'automations',
  enabled: () => true,

  async start(ctx) {
    const { conn, cursors, sink, log, inventory } = ctx;
    const timers = new Set<NodeJS.Timeout>();

    const check = async (domain: Domain) => {
      const traces = await conn.sendMessagePromise<TraceSummary[]>({ type: 'trace/list', domain });
      for (const t of traces) {
        if (t.state !== 'stopped' || !(FAILED.has(t.script_execution ?? '') || t.error)) continue;
        const name = `trace:${domain}:${t.item_id}`;
        const seen = cursors.getCursor<string[]>(name) ?? [];
        if (seen.includes(t.run_id)) continue;
        cursors.setCursor(name, [t.run_id, ...seen].slice(0, REMEMBER_RUNS));
        // Automations and scripts are registered by their config id; an automation without
        // one has no trace. Unknown (no registry): report it.
        if ((await inventory.hasEntity(domain, t.item_id)) === false) {
          log.debug(`${domain} ${t.item_id} failed, but no longer exists: not an incident`);
          continue;
        }
        let config: unknown = null;
        try {
          const full = await conn.sendMessagePromise<{ config?: unknown }>({
            type: 'trace/get',
            domain,
            item_id: t.item_id,
            run_id: t.run_id,
          });
          config = full.config ?? null;
        } catch {
          // the trace may have rotated out; the summary still tells what failed
        }
        sink.emit(runSignal(t, entityOf(inventory, domain, t.item_id), config));
      }
    };

    const schedule = (domain: Domain) => {
      for (const delay of CHECK_AFTER_MS) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          check(domain).catch((err: unknown) => log.debug(`${domain} traces: ${String(err)}`));
        }, delay);
        timers.add(timer);
      }
    };

    const unsubs = [
      await conn.subscribeEvents(() => schedule('automation'), 'automation_triggered'),
      await conn.subscribeEvents(() => schedule('script'), 'script_started'),
    ];
    const stopResync = await onEveryConnect(
      conn,
      async () => {
        await check('automation');
        await check('script');
      },
      log,
      'automations',
    );
    return async () => {
      for (const t of timers) clearTimeout(t);
      stopResync();
      await Promise.all(unsubs.map((u) => u()));
    };
  },
};
