/**
 * The guarded executor: an approved proposal runs as precheck → backup →
 * apply → verify → (rollback), every step journaled and announced. A failed
 * backup means nothing runs; a failed verification rolls back and leaves the
 * incident open with the reason. An execution found running at start-up was
 * cut short by a crash: it is marked interrupted, never silently run again.
 */
import type { ExecutionResult, ExecutionStep, ProposalStatus } from '@ha-llm-ops/contracts';
import { randomUUID } from 'node:crypto';
import type { Correlator } from '../correlate/correlator.js';
import type { IncidentRecord, Journal } from '../journal/journal.js';
import type { ExecutionRecord, ProposalJournal, ProposalRecord } from '../journal/proposals.js';
import type { Logger } from '../log.js';
import { guard } from '../plan/guard.js';
import type { PolicyKeeper } from '../plan/policy-keeper.js';
import type { Reporter } from '../report/reporter.js';
import { type ActionContext, type Applied, ActionRejected } from './action.js';
import { allowListed } from './actions/index.js';
import { takeBackup } from './backup.js';
import { verify } from './verify.js';
import { describeError } from '../ha/errors.js';

/** A decision the API must refuse; `status` is the HTTP status to answer with. */
export class DecisionError extends Error {
  constructor(
    readonly status: 404 | 409 | 503,
    message: string,
  ) {
    super(message);
  }
}

export interface ExecutorOptions {
  journal: Journal;
  proposals: ProposalJournal;
  correlator: Correlator;
  reporter: Reporter;
  policy: PolicyKeeper;
  /** The live HA side, or null while disconnected. */
  context: (incident: IncidentRecord) => ActionContext | null;
  log: Logger;
  backupTimeoutS: number;
  verifyMaxWaitS: number;
  now?: () => Date;
}

const WHY_NOT: Partial<Record<ProposalStatus, string>> = {
  approved: 'was already approved',
  executing: 'is already running',
  succeeded: 'already ran and succeeded',
  failed: 'already ran and failed',
  rolled_back: 'already ran and was rolled back',
  interrupted: 'was interrupted; propose it again to retry',
  rejected: 'was rejected',
  expired: 'has expired',
};

const CLOSED = new Set(['resolved', 'dismissed']);

export class Executor {
  private readonly runs = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly opts: ExecutorOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Wait for every running execution (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.runs.size) await Promise.allSettled([...this.runs.values()]);
  }

  private proposal(id: string): ProposalRecord {
    const p = this.opts.proposals.proposal(id);
    if (!p) throw new DecisionError(404, `no proposal ${id}`);
    return p;
  }

  private announce(
    p: ProposalRecord,
    status: ProposalStatus,
    backupId: string | null = null,
  ): void {
    this.opts.reporter.actionChanged({ ...p, status }, backupId);
  }

  /** Expire a proposal that can no longer be decided; true when it was still pending. */
  private expire(p: ProposalRecord): boolean {
    if (!this.opts.proposals.transition(p.id, ['proposed'], 'expired')) return false;
    this.announce(p, 'expired');
    return true;
  }

  /** Approve a pending proposal and start it; throws DecisionError with a clear reason. */
  approve(id: string, decidedBy: string | null, automatic = false): ProposalRecord {
    const p = this.proposal(id);
    if (p.status !== 'proposed')
      throw new DecisionError(409, `proposal ${id} ${WHY_NOT[p.status] ?? `is ${p.status}`}`);
    const now = this.now();
    if (p.expires_at && p.expires_at < now.toISOString()) {
      this.expire(p);
      throw new DecisionError(409, `proposal ${id} has expired`);
    }
    const incident = this.opts.journal.getIncident(p.incident_id);
    if (!incident || CLOSED.has(incident.status)) {
      this.expire(p);
      throw new DecisionError(
        409,
        `proposal ${id} has expired: its incident is ${incident?.status ?? 'gone'}`,
      );
    }
    const { policy, mode, error } = this.opts.policy.current();
    if (mode === 'observe') {
      throw new DecisionError(
        409,
        error
          ? `observe-only mode (the policy is invalid: ${error})`
          : 'observe mode: nothing runs',
      );
    }
    const verdict = guard(this.opts.proposals, {
      policy,
      actionId: p.action_id,
      target: p.target,
      incident,
      automatic,
      proposedBy: p.proposed_by,
      now,
    });
    if (!verdict.ok) throw new DecisionError(409, verdict.reason);
    const ctx = this.opts.context(incident);
    if (!ctx)
      throw new DecisionError(503, 'Home Assistant is not connected; approve again once it is');
    if (
      !this.opts.proposals.transition(id, ['proposed'], 'approved', {
        at: now.toISOString(),
        by: decidedBy,
      })
    ) {
      throw new DecisionError(409, `proposal ${id} was decided meanwhile`);
    }
    const approved = {
      ...p,
      status: 'approved' as const,
      decided_at: now.toISOString(),
      decided_by: decidedBy,
    };
    this.announce(approved, 'approved');
    this.opts.log.info(`proposal ${id} (${p.action_id}) approved by ${decidedBy ?? 'someone'}`);
    const run = this.run(approved, incident, ctx)
      .catch((err: unknown) => this.opts.log.error(`execution of ${id} crashed: ${String(err)}`))
      .finally(() => this.runs.delete(id));
    this.runs.set(id, run);
    return approved;
  }

  /** Reject a pending proposal. */
  reject(id: string, decidedBy: string | null, reason: string | null): ProposalRecord {
    const p = this.proposal(id);
    const at = this.now().toISOString();
    if (!this.opts.proposals.transition(id, ['proposed'], 'rejected', { at, by: decidedBy })) {
      throw new DecisionError(409, `proposal ${id} ${WHY_NOT[p.status] ?? `is ${p.status}`}`);
    }
    const rejected = { ...p, status: 'rejected' as const, decided_at: at, decided_by: decidedBy };
    this.announce(rejected, 'rejected');
    this.opts.log.info(`proposal ${id} rejected${reason ? `: ${reason}` : ''}`);
    this.refreshIncident(p.incident_id);
    return rejected;
  }

  /** At start-up: executions left running by a crash are interrupted, not resumed. */
  recoverInterrupted(): number {
    const running = this.opts.proposals.running();
    for (const e of running) {
      const at = this.now().toISOString();
      e.steps.push({
        step: 'precheck',
        status: 'failed',
        started_at: at,
        finished_at: at,
        detail: 'the sidecar stopped during this execution',
      });
      e.status = 'interrupted';
      e.finished_at = at;
      e.result = {
        execution_id: e.id,
        proposal_id: e.proposal_id,
        outcome: 'interrupted',
        backup_id: null,
        verification: { passed: false, checks: [] },
        rollback: null,
        error:
          'the sidecar stopped during this execution; check the result in Home Assistant and propose again if needed',
      };
      this.opts.proposals.saveExecution(e);
      this.opts.proposals.transition(e.proposal_id, ['approved', 'executing'], 'interrupted');
      const p = this.opts.proposals.proposal(e.proposal_id);
      if (p) this.announce(p, 'interrupted');
      this.opts.log.warning(
        `execution ${e.id} (${e.action_id}) was interrupted by a restart; it will not run again by itself`,
      );
      this.refreshIncident(e.incident_id);
    }
    return running.length;
  }

  /** Expire proposals past their time, or whose incident closed. */
  expireStale(): void {
    for (const p of this.opts.proposals.expired(this.now().toISOString()))
      if (this.expire(p)) this.refreshIncident(p.incident_id);
  }

  /** An incident closed: its pending proposals are moot. */
  incidentClosed(incidentId: string): void {
    for (const p of this.opts.proposals.ofIncident(incidentId))
      if (p.status === 'proposed') this.expire(p);
  }

  /** The incident's workflow status follows its proposals and executions. */
  refreshIncident(incidentId: string): void {
    const proposals = this.opts.proposals.ofIncident(incidentId);
    if (proposals.some((p) => p.status === 'approved' || p.status === 'executing')) {
      this.opts.correlator.setStatus(incidentId, 'remediating');
    } else if (proposals.some((p) => p.status === 'proposed')) {
      this.opts.correlator.setStatus(incidentId, 'awaiting_approval');
    } else {
      this.opts.correlator.setStatus(incidentId, 'open');
    }
  }

  private async run(
    p: ProposalRecord,
    incident: IncidentRecord,
    ctx: ActionContext,
  ): Promise<void> {
    const { proposals, log } = this.opts;
    const def = allowListed(p.action_id);
    const exec: ExecutionRecord = {
      id: `exe_${randomUUID().replaceAll('-', '')}`,
      proposal_id: p.id,
      incident_id: p.incident_id,
      action_id: p.action_id,
      target: p.target,
      status: 'running',
      started_at: this.now().toISOString(),
      finished_at: null,
      steps: [],
      result: null,
    };
    proposals.addExecution(exec);
    proposals.transition(p.id, ['approved'], 'executing');
    this.announce(p, 'executing');
    this.refreshIncident(p.incident_id);

    let backupId: string | null = null;
    let applied: Applied | null = null;
    const result: ExecutionResult = {
      execution_id: exec.id,
      proposal_id: p.id,
      outcome: 'failed',
      backup_id: null,
      verification: { passed: false, checks: [] },
      rollback: null,
      error: null,
    };

    /** Run one journaled step; returns false when it failed. */
    const step = async (
      name: ExecutionStep['step'],
      fn: () => Promise<string>,
    ): Promise<boolean> => {
      const s: ExecutionStep = {
        step: name,
        status: 'running',
        started_at: this.now().toISOString(),
        finished_at: null,
        detail: '',
      };
      exec.steps.push(s);
      proposals.saveExecution(exec);
      try {
        s.detail = await fn();
        s.status = 'succeeded';
        return true;
      } catch (err) {
        s.detail = describeError(err);
        s.status = 'failed';
        result.error ??= `${name}: ${s.detail}`;
        return false;
      } finally {
        s.finished_at = this.now().toISOString();
        proposals.saveExecution(exec);
      }
    };
    const skip = (name: ExecutionStep['step'], detail: string) => {
      const at = this.now().toISOString();
      exec.steps.push({ step: name, status: 'skipped', started_at: at, finished_at: at, detail });
      proposals.saveExecution(exec);
    };

    try {
      if (!def) throw new ActionRejected(`${p.action_id} is not on the allow-list`);
      const preview = def.preview(ctx, p.params);
      const ok =
        (await step('precheck', async () => {
          // State may have changed since the proposal: resolve again and insist on the same target.
          const params = await def.resolve(ctx, p.params);
          if (def.target(params) !== p.target)
            throw new ActionRejected('the target changed since the proposal');
          return 'the parameters still belong to the incident';
        })) &&
        (preview.backup
          ? await step('backup', async () => {
              const scope = preview.backup;
              if (!scope) return 'no backup needed';
              backupId = await takeBackup(
                ctx,
                scope,
                `LLM Ops before ${p.action_id} (${p.id.slice(-8)})`,
                this.opts.backupTimeoutS,
              );
              result.backup_id = backupId;
              return `backup ${backupId}: ${scope.description}`;
            })
          : (skip('backup', 'not needed: this action changes no configuration'), true));
      if (!ok) {
        if (exec.steps.at(-1)?.step === 'backup')
          result.error = `${result.error}; nothing was changed`;
        return;
      }
      const appliedOk = await step('apply', async () => {
        applied = await def.apply(ctx, p.params);
        return preview.summary;
      });
      const appliedAt = this.now().toISOString();
      if (appliedOk) {
        await step('verify', async () => {
          const checks = await verify(def.verification(ctx, p.params), {
            ctx,
            params: p.params,
            applied: applied ?? {},
            appliedAt,
            backupId,
            maxWaitS: this.opts.verifyMaxWaitS,
          });
          result.verification = { passed: checks.every((c) => c.passed), checks };
          const failed = checks.filter((c) => !c.passed);
          if (failed.length)
            throw new Error(failed.map((c) => `${c.description}: ${c.detail}`).join('; '));
          return checks.map((c) => c.detail).join('; ');
        });
      }
      if (result.verification.passed) {
        result.outcome = 'succeeded';
        result.error = null;
        return;
      }
      // Verification (or apply) failed: undo what can be undone, and say how that went.
      await step('rollback', async () => {
        const outcome = await def.rollback(ctx, p.params, applied ?? {});
        result.rollback = outcome;
        if (!outcome.succeeded) throw new Error(outcome.detail);
        return outcome.detail;
      });
      if (!result.rollback)
        result.rollback = { attempted: true, succeeded: false, detail: 'the rollback failed' };
      // rolled_back only when something was actually undone; otherwise the action simply failed.
      result.outcome =
        result.rollback.attempted && result.rollback.succeeded ? 'rolled_back' : 'failed';
    } catch (err) {
      result.error ??= describeError(err);
      result.outcome = 'failed';
    } finally {
      exec.status = result.outcome;
      exec.finished_at = this.now().toISOString();
      exec.result = result;
      proposals.saveExecution(exec);
      proposals.transition(p.id, ['executing'], result.outcome);
      this.announce(p, result.outcome, backupId);
      log.info(
        `execution ${exec.id} (${p.action_id}) ${result.outcome}${result.error ? `: ${result.error}` : ''}`,
      );
      if (
        result.outcome === 'succeeded' &&
        def?.fixes === true &&
        !CLOSED.has(this.opts.journal.getIncident(incident.id)?.status ?? '')
      ) {
        this.opts.correlator.resolveFixed(incident.id, `fixed by ${p.action_id}; verified`);
      } else {
        this.refreshIncident(incident.id);
      }
    }
  }
}
