/**
 * Fill a sidecar data dir with many incidents for the cost curves, through the sidecar's own
 * Journal, Correlator and lifecycle (real SQLite, the rows the sidecar itself writes), then exit.
 *
 *   node --conditions=@ha-llm-ops/source --import tsx scripts/bench/seed-many.ts <DATA_DIR> <open> <closed>
 *
 * Open incidents are errors logged by distinct integrations; closed ones are config entries that
 * failed and recovered. Prints `{"open": n, "closed": n, "ms": n}`.
 */
import type { Signal } from '@ha-llm-ops/contracts';
import { join } from 'node:path';
import { loadSettings } from '../../sidecar/src/config.js';
import { Correlator } from '../../sidecar/src/correlate/index.js';
import { IncidentLifecycle } from '../../sidecar/src/incident/lifecycle.js';
import { Journal } from '../../sidecar/src/journal/journal.js';
import { ProposalJournal } from '../../sidecar/src/journal/proposals.js';
import { createLogger } from '../../sidecar/src/log.js';

const base = (at: string) =>
  ({ observed_at: at, subject: null, count: 1, sensitive: [] }) satisfies Partial<Signal>;

function logged(i: number, at: string): Signal {
  const domain = `bench_${i}`;
  const message = `Error fetching ${domain} data: device ${i} did not answer`;
  return {
    ...base(at),
    source: 'system_log',
    kind: 'log_record',
    condition: 'occurrence',
    key: null,
    integration: domain,
    entry_id: null,
    severity: 'error',
    message,
    data: {
      logger: `custom_components.${domain}`,
      level: 'ERROR',
      source: [`custom_components/${domain}/coordinator.py`, 42],
      messages: [message],
      exception: null,
      first_occurred: at,
    },
  };
}

function entry(i: number, active: boolean, at: string): Signal {
  const domain = `bench_closed_${i}`;
  return {
    ...base(at),
    source: 'config_entries',
    kind: 'entry_state',
    condition: active ? 'active' : 'cleared',
    key: `entry_${i}`,
    integration: domain,
    entry_id: `entry_${i}`,
    severity: active ? 'error' : 'info',
    message: active ? `Hub ${i} (${domain}) is stuck in setup retry` : `Hub ${i} is loaded`,
    data: {
      state: active ? 'setup_retry' : 'loaded',
      reason: null,
      title: `Hub ${i}`,
      source: 'user',
    },
  };
}

function main(): void {
  const [dataDir, openArg, closedArg] = process.argv.slice(2);
  const open = Number(openArg);
  const closed = Number(closedArg);
  if (!dataDir || !Number.isInteger(open) || !Number.isInteger(closed)) {
    process.stderr.write('usage: seed-many.ts <DATA_DIR> <open> <closed>\n');
    process.exit(2);
  }
  const started = performance.now();
  const settings = loadSettings({
    HA_URL: 'http://127.0.0.1:9',
    HA_TOKEN: 'unused',
    DATA_DIR: dataDir,
  });
  const journal = new Journal(join(settings.dataDir, 'journal.db'));
  try {
    const log = createLogger('warning');
    const lifecycle = new IncidentLifecycle(journal, new ProposalJournal(journal.db), { log });
    const correlator = new Correlator(journal, lifecycle, { thresholds: settings.thresholds, log });
    // Closed first (the older history), spread over the past days so age-based retention has
    // something to weigh; open ones are the newest.
    const day = 86_400_000;
    for (let i = 0; i < closed; i++) {
      const at = new Date(Date.now() - day * 20 * (1 - i / closed)).toISOString();
      journal.transaction(() => {
        correlator.emit(entry(i, true, at));
        correlator.emit(entry(i, false, at));
      });
    }
    const now = new Date().toISOString();
    for (let i = 0; i < open; i++) journal.transaction(() => correlator.emit(logged(i, now)));
    process.stdout.write(
      `${JSON.stringify({ open, closed, ms: Math.round(performance.now() - started) })}\n`,
    );
  } finally {
    journal.close();
  }
}

main();
