/**
 * Evidence that costs a round trip, gathered after an incident opens (the
 * first, offline analysis never waits for it): the integration's own
 * diagnostics download, when it offers one, and the updates waiting for it or
 * for Home Assistant. The packager redacts all of it again.
 */
import type { Inventory } from '../ha/inventory.js';
import type { HaHttp } from '../ha/log-window.js';
import { text, type UpdateState } from '../ha/updates.js';
import type { IncidentRecord } from '../journal/journal.js';

// Where HA's REST API is, and with which token (the diagnostics download is REST only).
export type { HaHttp };

export interface Enrichment {
  diagnostics: Record<string, unknown> | null;
  /** Updates available for HA or the integration, in words. */
  updates: string[];
}

const DIAGNOSTICS_TIMEOUT_MS = 10_000;
const MAX_DIAGNOSTICS_BYTES = 512 * 1024;

/** The REST base of HA for a WebSocket URL (`ws://h:8123/api/websocket` → `http://h:8123/api`). */
export function haHttpBase(wsUrl: string): string {
  const http = wsUrl.replace(/^ws/, 'http');
  if (http.endsWith('/api/websocket')) return http.slice(0, -'/websocket'.length);
  // The Supervisor proxy: ws://supervisor/core/websocket → http://supervisor/core/api
  return `${http.replace(/\/websocket$/, '')}/api`;
}

async function diagnostics(http: HaHttp, entryId: string): Promise<Record<string, unknown> | null> {
  try {
    const res = await fetch(
      `${http.baseUrl}/diagnostics/config_entry/${encodeURIComponent(entryId)}`,
      {
        headers: { authorization: `Bearer ${http.token}` },
        signal: AbortSignal.timeout(DIAGNOSTICS_TIMEOUT_MS),
      },
    );
    if (!res.ok) return null; // the integration offers none (404) or refuses
    const raw = await res.text();
    if (raw.length > MAX_DIAGNOSTICS_BYTES)
      return { note: `diagnostics of ${raw.length} bytes left out` };
    const body = JSON.parse(raw) as { data?: Record<string, unknown> };
    return body.data ?? null;
  } catch {
    return null;
  }
}

/** The updates available for Home Assistant or the incident's integration, in words. */
export function updatesFor(
  states: readonly UpdateState[],
  inventory: Inventory,
  incident: IncidentRecord,
): string[] {
  const mine = (s: UpdateState) => {
    if (s.entity_id === 'update.home_assistant_core_update') return true;
    const reg = inventory.entity(s.entity_id);
    if (reg && incident.entry_id && reg.config_entry_id === incident.entry_id) return true;
    // HACS names custom integrations' updates after them.
    return incident.integration !== null && s.entity_id.includes(incident.integration);
  };
  return states
    .filter((s) => s.entity_id.startsWith('update.') && s.state === 'on' && mine(s))
    .map(
      (s) =>
        `update available: ${text(s.attributes.title) ?? s.entity_id} ${text(s.attributes.installed_version) ?? '?'} → ${text(s.attributes.latest_version) ?? '?'}`,
    );
}

/**
 * Gather the slow evidence of an incident; failures only mean less evidence. The update
 * entities' states are the ones the update follower keeps (../ha/updates.ts).
 */
export async function enrich(
  inventory: Inventory,
  http: HaHttp | null,
  incident: IncidentRecord,
  updateStates: readonly UpdateState[],
): Promise<Enrichment> {
  const diag = http && incident.entry_id ? await diagnostics(http, incident.entry_id) : null;
  return { diagnostics: diag, updates: updatesFor(updateStates, inventory, incident) };
}
