/**
 * Proposals and executions in the journal: every decision and every step of
 * every execution, so nothing runs twice silently and the history is complete.
 */
import type {
  ActionExecution,
  ActionParams,
  ActionPreview,
  ActionProposal,
  ExecutionResult,
  ExecutionStep,
  ProposalStatus,
} from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** A stored proposal: the contract plus the key cooldowns are counted by. */
export interface ProposalRecord extends ActionProposal {
  /** Canonical action + target, e.g. `reload_config_entry:entry_id=01J…`. */
  target: string;
}

export interface ExecutionRecord extends ActionExecution {
  incident_id: string;
  action_id: string;
  target: string;
  result: ExecutionResult | null;
}

interface ProposalRow extends Omit<ProposalRecord, 'params' | 'preview'> {
  params: string;
  preview: string;
}

interface ExecutionRow extends Omit<ExecutionRecord, 'steps' | 'result'> {
  steps: string;
  result: string | null;
}

/** How a finished run of an action ended (a try, in its track record). */
export type FinishedTry = 'succeeded' | 'failed' | 'rolled_back';

const OPEN: ProposalStatus[] = ['proposed'];

const toProposal = (r: ProposalRow): ProposalRecord => {
  // Proposals made before track records have none.
  const preview = JSON.parse(r.preview) as Omit<ActionPreview, 'track_record'> &
    Partial<Pick<ActionPreview, 'track_record'>>;
  return {
    ...r,
    params: JSON.parse(r.params) as ActionParams,
    preview: { ...preview, track_record: preview.track_record ?? null },
  };
};

const toExecution = (r: ExecutionRow): ExecutionRecord => ({
  ...r,
  steps: JSON.parse(r.steps) as ExecutionStep[],
  result: r.result ? (JSON.parse(r.result) as ExecutionResult) : null,
});

export class ProposalJournal {
  private readonly stmt: (sql: string) => Statement;
  private readonly listeners = new Set<() => void>();

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  /** Be told of every proposal added or moved on (the ready summary); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  addProposal(p: ProposalRecord): void {
    this.stmt(
      `INSERT INTO proposals (id, incident_id, action_id, params, target, status, risk, rationale, preview,
         proposed_by, created_at, expires_at, decided_at, decided_by)
       VALUES (@id, @incident_id, @action_id, @params, @target, @status, @risk, @rationale, @preview,
         @proposed_by, @created_at, @expires_at, @decided_at, @decided_by)`,
    ).run({ ...p, params: JSON.stringify(p.params), preview: JSON.stringify(p.preview) });
    this.changed();
  }

  proposal(id: string): ProposalRecord | undefined {
    const row = this.stmt('SELECT * FROM proposals WHERE id = ?').get(id) as
      ProposalRow | undefined;
    return row && toProposal(row);
  }

  /** Move a proposal from one status to another; false when it was not in `from` (a lost race). */
  transition(
    id: string,
    from: ProposalStatus[],
    to: ProposalStatus,
    decided?: { at: string; by: string | null },
  ): boolean {
    const marks = from.map(() => '?').join(', ');
    const sets = decided ? ', decided_at = ?, decided_by = ?' : '';
    const args: unknown[] = [to, ...(decided ? [decided.at, decided.by] : []), id, ...from];
    const moved =
      this.stmt(`UPDATE proposals SET status = ?${sets} WHERE id = ? AND status IN (${marks})`).run(
        ...args,
      ).changes > 0;
    if (moved) this.changed();
    return moved;
  }

  /** Proposals waiting for a decision, oldest first. */
  pending(): ProposalRecord[] {
    return (
      this.stmt(
        `SELECT * FROM proposals WHERE status = 'proposed' ORDER BY created_at`,
      ).all() as ProposalRow[]
    ).map(toProposal);
  }

  ofIncident(incidentId: string): ProposalRecord[] {
    return (
      this.stmt('SELECT * FROM proposals WHERE incident_id = ? ORDER BY created_at DESC').all(
        incidentId,
      ) as ProposalRow[]
    ).map(toProposal);
  }

  /** An open proposal for the same action and target of an incident (to avoid duplicates). */
  /** The offline knowledge base proposes what a model proposed: the proposal is its now. */
  vouch(id: string): ProposalRecord {
    this.stmt(`UPDATE proposals SET proposed_by = 'offline' WHERE id = ?`).run(id);
    this.changed();
    const row = this.stmt('SELECT * FROM proposals WHERE id = ?').get(id) as ProposalRow;
    return toProposal(row);
  }

  openFor(incidentId: string, target: string): ProposalRecord | undefined {
    const marks = OPEN.map(() => '?').join(', ');
    const row = this.stmt(
      `SELECT * FROM proposals WHERE incident_id = ? AND target = ? AND status IN (${marks}) LIMIT 1`,
    ).get(incidentId, target, ...OPEN) as ProposalRow | undefined;
    return row && toProposal(row);
  }

  /** Proposals past their expiry that nobody decided. */
  expired(now: string): ProposalRecord[] {
    return (
      this.stmt(
        `SELECT * FROM proposals WHERE status = 'proposed' AND expires_at IS NOT NULL AND expires_at < ?`,
      ).all(now) as ProposalRow[]
    ).map(toProposal);
  }

  // --- executions ------------------------------------------------------------

  addExecution(e: ExecutionRecord): void {
    this.stmt(
      `INSERT INTO executions (id, proposal_id, incident_id, action_id, target, status, started_at, finished_at, steps, result)
       VALUES (@id, @proposal_id, @incident_id, @action_id, @target, @status, @started_at, @finished_at, @steps, @result)`,
    ).run({
      ...e,
      steps: JSON.stringify(e.steps),
      result: e.result ? JSON.stringify(e.result) : null,
    });
  }

  /** Save the steps (and, when finished, the status and result) of an execution. */
  saveExecution(e: ExecutionRecord): void {
    this.stmt(
      'UPDATE executions SET status = ?, finished_at = ?, steps = ?, result = ? WHERE id = ?',
    ).run(
      e.status,
      e.finished_at,
      JSON.stringify(e.steps),
      e.result ? JSON.stringify(e.result) : null,
      e.id,
    );
  }

  execution(id: string): ExecutionRecord | undefined {
    const row = this.stmt('SELECT * FROM executions WHERE id = ?').get(id) as
      ExecutionRow | undefined;
    return row && toExecution(row);
  }

  executionOf(proposalId: string): ExecutionRecord | undefined {
    const row = this.stmt(
      'SELECT * FROM executions WHERE proposal_id = ? ORDER BY started_at DESC LIMIT 1',
    ).get(proposalId) as ExecutionRow | undefined;
    return row && toExecution(row);
  }

  /** Executions still marked running (after a crash: interrupted). */
  running(): ExecutionRecord[] {
    return (
      this.stmt(`SELECT * FROM executions WHERE status = 'running'`).all() as ExecutionRow[]
    ).map(toExecution);
  }

  /** Executions started since `since`, optionally of one target, incident and/or action. */
  countSince(
    since: string,
    by: { target?: string; incidentId?: string; actionId?: string } = {},
  ): number {
    const row = this.stmt(
      `SELECT COUNT(*) AS n FROM executions WHERE started_at >= ?
         AND (? IS NULL OR target = ?) AND (? IS NULL OR incident_id = ?) AND (? IS NULL OR action_id = ?)`,
    ).get(
      since,
      by.target ?? null,
      by.target ?? null,
      by.incidentId ?? null,
      by.incidentId ?? null,
      by.actionId ?? null,
      by.actionId ?? null,
    ) as { n: number };
    return row.n;
  }

  /** When the latest execution of a target started. */
  lastOf(target: string): string | undefined {
    return (
      (
        this.stmt('SELECT MAX(started_at) AS t FROM executions WHERE target = ?').get(target) as {
          t: string | null;
        }
      ).t ?? undefined
    );
  }

  /**
   * How the finished runs of an action for incidents of an integration ended, newest first
   * (null: of every integration). Runs cut short by a restart (interrupted) are no tries.
   */
  triesOf(actionId: string, integration: string | null): FinishedTry[] {
    return (
      this.stmt(
        `SELECT e.status FROM executions e JOIN incidents i ON i.id = e.incident_id
         WHERE e.action_id = ? AND (i.integration IS ? OR ? IS NULL)
           AND e.status IN ('succeeded', 'failed', 'rolled_back')
         ORDER BY e.started_at DESC, e.rowid DESC`,
      ).all(actionId, integration, integration) as { status: FinishedTry }[]
    ).map((r) => r.status);
  }

  /** Forget the proposals and executions of deleted incidents. */
  purgeIncidents(ids: string[]): void {
    const delE = this.stmt('DELETE FROM executions WHERE incident_id = ?');
    const delP = this.stmt('DELETE FROM proposals WHERE incident_id = ?');
    for (const id of ids) {
      delE.run(id);
      delP.run(id);
    }
  }
}
