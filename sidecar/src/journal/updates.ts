/**
 * Updates in the journal: every update seen installed (an update entity's installed
 * version changed), with the backup taken before it, and the last version seen of each
 * update entity, so an update made while the sidecar or HA was away is noticed too.
 */
import type { UpdateKind } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import {
  NOTICED_LATE_MS,
  SAME_WINDOW_MS,
  type InstalledUpdate,
} from '../shared/update-attribution.js';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** How many updates are kept (the oldest go first). */
const KEPT = 200;

interface UpdateRow extends Omit<InstalledUpdate, 'backup' | 'kind'> {
  kind: UpdateKind;
  backup: string | null;
}

export class UpdateJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(private readonly db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** The last installed version seen of an update entity, if any. */
  knownVersion(entityId: string): string | undefined {
    const row = this.stmt('SELECT version FROM update_versions WHERE entity_id = ?').get(
      entityId,
    ) as { version: string } | undefined;
    return row?.version;
  }

  /** Remember the installed version of an update entity. */
  see(entityId: string, version: string): void {
    this.stmt(
      `INSERT INTO update_versions (entity_id, version) VALUES (?, ?)
       ON CONFLICT (entity_id) DO UPDATE SET version = excluded.version`,
    ).run(entityId, version);
  }

  /** Keep an installed update; only the newest few hundred stay. */
  record(u: InstalledUpdate): void {
    this.db.transaction(() => {
      this.stmt(
        `INSERT INTO updates (entity_id, kind, integration, addon, title, from_version,
           to_version, release_url, updated_at, backup)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        u.entity_id,
        u.kind,
        u.integration,
        u.addon,
        u.title,
        u.from_version,
        u.to_version,
        u.release_url,
        u.updated_at,
        u.backup ? JSON.stringify(u.backup) : null,
      );
      this.stmt(
        `DELETE FROM updates WHERE id NOT IN (SELECT id FROM updates ORDER BY id DESC LIMIT ${KEPT})`,
      ).run();
    })();
  }

  /** The updates an incident that started at `at` may have started after (see attributeUpdate). */
  near(at: string): InstalledUpdate[] {
    const t = Date.parse(at);
    return this.between(
      new Date(t - SAME_WINDOW_MS).toISOString(),
      new Date(t + NOTICED_LATE_MS).toISOString(),
    );
  }

  /** The updates installed between `from` and `to` (ISO times), newest first. */
  between(from: string, to: string): InstalledUpdate[] {
    const rows = this.stmt(
      `SELECT entity_id, kind, integration, addon, title, from_version, to_version,
         release_url, updated_at, backup
       FROM updates WHERE updated_at >= ? AND updated_at <= ? ORDER BY updated_at DESC`,
    ).all(from, to) as UpdateRow[];
    return rows.map((r) => ({
      ...r,
      backup: r.backup ? (JSON.parse(r.backup) as InstalledUpdate['backup']) : null,
    }));
  }
}
