/**
 * The LLM analyzer in the journal: every model call with its tokens, cost and
 * outcome (the hourly budget is counted here, so it survives restarts), the
 * answers cached by incident fingerprint, and the verified fixes of past
 * incidents that become the model's few-shot examples.
 */
import type { ActionParams, Category, RcaResult, Remedy } from '@ha-llm-ops/contracts';
import type { Statement } from 'better-sqlite3';
import type { JournalDb } from './database.js';
import { statementCache } from './statements.js';

/** How one model call ended. */
export type LlmCallOutcome = 'valid' | 'repaired' | 'invalid' | 'error' | 'timeout';

/** One model call, as journaled. */
export interface LlmCallRecord {
  incident_id: string;
  at: string;
  /** openai | ai_task */
  backend: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  outcome: LlmCallOutcome;
  /** Candidate actions the answer named off the allow-list (dropped). */
  dropped_actions: number;
  /** Why an answer was refused or a call failed; null when it was fine. */
  detail: string | null;
  /** How long the call took; null for calls journaled before it was measured. */
  latency_ms: number | null;
}

/** What the model calls of one incident took. */
export interface LlmUsage {
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  /** Time spent waiting for the model, all calls together. */
  latency_ms: number;
}

/** A past incident fixed by an action whose verification passed. */
export interface VerifiedFix {
  incident_id: string;
  integration: string | null;
  category: Category;
  title: string;
  remedy: Remedy | null;
  /** The root cause of the analysis the fix was planned from, when there was one. */
  root_cause: string | null;
  action_id: string;
  params: ActionParams;
  finished_at: string;
}

interface FixRow extends Omit<VerifiedFix, 'params' | 'root_cause'> {
  analysis: string | null;
  params: string;
}

export class LlmCallJournal {
  private readonly stmt: (sql: string) => Statement;

  constructor(db: JournalDb) {
    this.stmt = statementCache(db);
  }

  record(call: LlmCallRecord): void {
    this.stmt(
      `INSERT INTO llm_calls (incident_id, at, backend, model, prompt_tokens, completion_tokens, cost, outcome,
         dropped_actions, detail, latency_ms)
       VALUES (@incident_id, @at, @backend, @model, @prompt_tokens, @completion_tokens, @cost, @outcome,
         @dropped_actions, @detail, @latency_ms)`,
    ).run(call);
  }

  /** Model calls made since `since` (the hourly budget). */
  countSince(since: string): number {
    return (
      this.stmt('SELECT COUNT(*) AS n FROM llm_calls WHERE at >= ?').get(since) as { n: number }
    ).n;
  }

  /** What the model calls made since `since` cost together (the monthly cap). */
  costSince(since: string): number {
    return (
      this.stmt('SELECT COALESCE(SUM(cost), 0) AS cost FROM llm_calls WHERE at >= ?').get(
        since,
      ) as {
        cost: number;
      }
    ).cost;
  }

  /** The calls of one incident, oldest first. */
  callsOf(incidentId: string): LlmCallRecord[] {
    return this.stmt(
      `SELECT incident_id, at, backend, model, prompt_tokens, completion_tokens, cost, outcome, dropped_actions,
         detail, latency_ms FROM llm_calls WHERE incident_id = ? ORDER BY id`,
    ).all(incidentId) as LlmCallRecord[];
  }

  /** Tokens and cost of one incident's calls. */
  usageOf(incidentId: string): LlmUsage {
    const row = this.stmt(
      `SELECT COUNT(*) AS calls, COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens,
         COALESCE(SUM(completion_tokens), 0) AS completion_tokens, COALESCE(SUM(cost), 0) AS cost,
         COALESCE(SUM(latency_ms), 0) AS latency_ms
       FROM llm_calls WHERE incident_id = ?`,
    ).get(incidentId) as LlmUsage;
    return row;
  }

  // --- cache -----------------------------------------------------------------

  /** The cached analysis of a fingerprint by this backend and model, if stored at or after `notBefore`. */
  cached(
    fingerprint: string,
    backend: string,
    model: string,
    notBefore: string,
  ): RcaResult | undefined {
    const row = this.stmt(
      `SELECT result FROM llm_cache WHERE fingerprint = ? AND backend = ? AND model = ? AND created_at >= ?`,
    ).get(fingerprint, backend, model, notBefore) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as RcaResult) : undefined;
  }

  cache(fingerprint: string, backend: string, model: string, rca: RcaResult, at: string): void {
    this.stmt(
      `INSERT INTO llm_cache (fingerprint, backend, model, result, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint, backend, model) DO UPDATE SET result = excluded.result, created_at = excluded.created_at`,
    ).run(fingerprint, backend, model, JSON.stringify(rca), at);
  }

  /** Forget cached analyses stored before `before`. */
  purgeCacheBefore(before: string): number {
    return this.stmt('DELETE FROM llm_cache WHERE created_at < ?').run(before).changes;
  }

  // --- what the journal teaches ----------------------------------------------

  /**
   * The latest resolved incidents of the same integration (first) or category
   * that an executed, verified action fixed: one per incident, newest first.
   */
  verifiedFixes(by: {
    integration: string | null;
    category: Category;
    excludeIncidentId: string;
    limit: number;
  }): VerifiedFix[] {
    const rows = this.stmt(
      `SELECT i.id AS incident_id, i.integration, i.category, i.title, i.remedy, i.analysis,
         e.action_id, p.params, e.finished_at
       FROM executions e
       JOIN incidents i ON i.id = e.incident_id
       JOIN proposals p ON p.id = e.proposal_id
       WHERE e.status = 'succeeded' AND i.status = 'resolved' AND i.id != @exclude
         AND ((@integration IS NOT NULL AND i.integration = @integration) OR i.category = @category)
       ORDER BY (@integration IS NOT NULL AND i.integration = @integration) DESC, e.finished_at DESC
       LIMIT @scan`,
    ).all({
      exclude: by.excludeIncidentId,
      integration: by.integration,
      category: by.category,
      scan: by.limit * 4,
    }) as FixRow[];
    const seen = new Set<string>();
    const fixes: VerifiedFix[] = [];
    for (const { analysis, params, ...row } of rows) {
      if (seen.has(row.incident_id)) continue;
      seen.add(row.incident_id);
      const rca = analysis ? (JSON.parse(analysis) as RcaResult) : null;
      fixes.push({
        ...row,
        params: JSON.parse(params) as ActionParams,
        root_cause: rca?.root_cause ?? null,
      });
      if (fixes.length >= by.limit) break;
    }
    return fixes;
  }
}
