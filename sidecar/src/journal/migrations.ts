/**
 * The journal's schema, as an ordered list of migrations. The database's
 * `user_version` records how many have run; a migration is never edited once
 * released, only followed by a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: incidents, their conditions and signals, dismissals, the event outbox, cursors.
  `
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    group_key TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    category TEXT NOT NULL,
    integration TEXT,
    entry_id TEXT,
    subject TEXT,
    title TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    resolved_at TEXT,
    resolution TEXT,
    remedy TEXT,
    confidence REAL,
    flaps INTEGER NOT NULL DEFAULT 0,
    analysis TEXT,
    analyzed_at TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX incidents_by_status ON incidents (status, last_seen);
  CREATE INDEX incidents_by_fingerprint ON incidents (fingerprint, status);
  CREATE INDEX incidents_by_group ON incidents (group_key, status);

  CREATE TABLE conditions (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    active INTEGER NOT NULL,
    since TEXT NOT NULL,
    cleared_at TEXT,
    PRIMARY KEY (incident_id, source, key)
  );
  CREATE INDEX conditions_active ON conditions (source, key) WHERE active = 1;

  CREATE TABLE signals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    observed_at TEXT NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    condition TEXT NOT NULL,
    key TEXT,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    count INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX signals_by_incident ON signals (incident_id, id);

  CREATE TABLE dismissals (
    fingerprint TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reason TEXT
  );

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_type TEXT NOT NULL,
    incident_id TEXT,
    change TEXT,
    payload TEXT NOT NULL,
    not_before TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE cursors (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: action proposals and their executions, step by step.
  `
  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    action_id TEXT NOT NULL,
    params TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    risk TEXT NOT NULL,
    rationale TEXT NOT NULL,
    preview TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    decided_at TEXT,
    decided_by TEXT
  );
  CREATE INDEX proposals_by_incident ON proposals (incident_id, status);
  CREATE INDEX proposals_by_status ON proposals (status, created_at);

  CREATE TABLE executions (
    id TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    incident_id TEXT NOT NULL,
    action_id TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    steps TEXT NOT NULL,
    result TEXT
  );
  CREATE INDEX executions_by_time ON executions (started_at);
  CREATE INDEX executions_by_proposal ON executions (proposal_id);
  `,
  // 3: find incidents by any of their signals' fingerprints, not only the founding one.
  `CREATE INDEX signals_by_fingerprint ON signals (fingerprint, incident_id);`,
  // 4: the LLM analyzer: every model call (tokens, cost, outcome; the hourly budget counts
  // them) and its answers cached by incident fingerprint.
  `
  CREATE TABLE llm_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    cost REAL NOT NULL,
    outcome TEXT NOT NULL,
    dropped_actions INTEGER NOT NULL DEFAULT 0,
    detail TEXT
  );
  CREATE INDEX llm_calls_by_time ON llm_calls (at);
  CREATE INDEX llm_calls_by_incident ON llm_calls (incident_id, at);

  CREATE TABLE llm_cache (
    fingerprint TEXT NOT NULL,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (fingerprint, backend, model)
  );
  `,
  // 5: system log cursors were named after the raw message template, which can hold a
  // secret; they are named by a digest now. The old ones go (their records count once more).
  `
  DELETE FROM cursors WHERE name LIKE 'system_log:%';
  `,
  // 6: a proposal's preview names its action for people; proposals made before say the
  // action's id in words ("Reload config entry").
  `
  UPDATE proposals SET preview = json_set(preview, '$.label',
    upper(substr(action_id, 1, 1)) || replace(substr(action_id, 2), '_', ' '))
  WHERE json_extract(preview, '$.label') IS NULL;
  `,
  // 7: cursors remember when they were last written (a sequence), so the system log's, one per
  // message ever seen, can be kept to the newest few.
  `
  ALTER TABLE cursors ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX cursors_by_seq ON cursors (seq);
  `,
  // 8: the backups LLM Ops took before its fixes, by id: the only ones it may delete to make
  // room (a name can be anyone's; a backup the user asked for is kept).
  `
  CREATE TABLE own_backups (
    id TEXT PRIMARY KEY,
    taken_at TEXT NOT NULL
  );
  `,
  // 9: how every incident ended (its outcome, kept after the incident is purged, so rates
  // stay meaningful), and dismissals that are false alarms (kept quiet, not dropped) and expire.
  // Incidents closed before get the outcome their resolution text says.
  `
  CREATE TABLE outcomes (
    incident_id TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    signature TEXT,
    integration TEXT,
    category TEXT NOT NULL,
    action_id TEXT,
    decided_by TEXT
  );
  CREATE INDEX outcomes_by_time ON outcomes (closed_at);
  INSERT INTO outcomes (incident_id, outcome, closed_at, fingerprint, signature, integration,
      category, action_id)
    SELECT id,
      CASE
        WHEN status = 'dismissed' THEN 'ignored'
        WHEN resolution LIKE 'fixed by %; verified' THEN 'fixed_by_action'
        WHEN resolution LIKE 'no repeats for %' THEN 'expired'
        ELSE 'resolved_itself'
      END,
      COALESCE(resolved_at, updated_at), fingerprint, json_extract(analysis, '$.signature'),
      integration, category,
      CASE WHEN resolution LIKE 'fixed by %; verified'
        THEN substr(resolution, 10, length(resolution) - 19) END
    FROM incidents WHERE status IN ('resolved', 'dismissed');

  ALTER TABLE dismissals ADD COLUMN kind TEXT NOT NULL DEFAULT 'ignored';
  ALTER TABLE dismissals ADD COLUMN expires_at TEXT;
  ALTER TABLE dismissals ADD COLUMN title TEXT;
  ALTER TABLE dismissals ADD COLUMN integration TEXT;
  UPDATE dismissals SET (title, integration) =
    (SELECT title, integration FROM incidents i WHERE i.id = dismissals.incident_id);
  CREATE INDEX dismissals_by_incident ON dismissals (incident_id);
  `,
  // 10: temporary changes (a quieted logger) and when they are undone by themselves; kept apart
  // from the incident (a snapshot of it), so retention cannot leave a change in place.
  `
  CREATE TABLE reverts (
    execution_id TEXT PRIMARY KEY,
    incident TEXT NOT NULL,
    action_id TEXT NOT NULL,
    params TEXT NOT NULL,
    applied TEXT NOT NULL,
    due_at TEXT NOT NULL,
    done_at TEXT,
    detail TEXT
  );
  CREATE INDEX reverts_by_due ON reverts (done_at, due_at);
  `,
  // 11: pages of all incidents, newest first, and the last analysis time, read without sorting
  // or scanning a journal of 100,000 closed incidents (docs/benchmarks.md, the cost curves).
  `
  CREATE INDEX incidents_by_last_seen ON incidents (last_seen DESC, id);
  CREATE INDEX incidents_by_analyzed_at ON incidents (analyzed_at);
  `,
  // 12: outages that ended by themselves, per subject, with the day and minute they started on
  // Home Assistant's clock: what learned quiet learns a schedule from.
  `
  CREATE TABLE self_recoveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    title TEXT,
    integration TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    local_day TEXT NOT NULL,
    local_minute INTEGER NOT NULL,
    kept_quiet INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX self_recoveries_by_subject ON self_recoveries (source, key, started_at);
  `,
  // 13: how long each model call took (latency per incident); null for calls made before.
  `
  ALTER TABLE llm_calls ADD COLUMN latency_ms INTEGER;
  `,
  // 14: lines an integration logged at debug level during a capture (capture_debug_log),
  // redacted, as evidence of their incident (and gone with it).
  `
  CREATE TABLE debug_captures (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    integration TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    lines TEXT NOT NULL,
    dropped INTEGER NOT NULL
  );
  CREATE INDEX debug_captures_by_incident ON debug_captures (incident_id, ended_at);
  `,
  // 15: maintenance: the one window (while it lasts no incident opens), the failures held
  // back during it, and the summary of the last window once it ended.
  `
  CREATE TABLE maintenance (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    started_at TEXT NOT NULL,
    until TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    started_by TEXT,
    surface TEXT NOT NULL,
    ended_at TEXT,
    summary TEXT
  );
  CREATE TABLE maintenance_failures (
    fingerprint TEXT PRIMARY KEY,
    signal TEXT NOT NULL,
    title TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    source TEXT,
    key TEXT,
    active INTEGER NOT NULL
  );
  CREATE INDEX maintenance_failures_by_key ON maintenance_failures (source, key);
  `,
  // 16: updates installed (an update entity's installed version changed): what, from which
  // version to which, when, and the newest backup before it; and the last version seen of
  // each update entity, so an update made while the sidecar was away (HA restarts for a Core
  // update) is still noticed.
  `
  CREATE TABLE updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    integration TEXT,
    addon TEXT,
    title TEXT NOT NULL,
    from_version TEXT NOT NULL,
    to_version TEXT NOT NULL,
    release_url TEXT,
    updated_at TEXT NOT NULL,
    backup TEXT
  );
  CREATE INDEX updates_by_time ON updates (updated_at);
  CREATE TABLE update_versions (
    entity_id TEXT PRIMARY KEY,
    version TEXT NOT NULL
  );
  `,
];
