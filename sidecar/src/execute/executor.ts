/**
 * The guarded executor: an approved proposal runs as precheck → backup →
 * apply → verify → (rollback), every step journaled and announced. A failed
 * backup means nothing runs; a failed verification rolls back and leaves the
 * incident open with the reason. An execution found running at start-up was
 * cut short by a crash: it is marked interrupted, never silently run again.
 */
import {
  isClosed,
  type ExecutionResult,
  type ExecutionStep,
  type ProposalStatus,
} from '@ha-llm-ops/contracts';
import { randomUUID } from 'node:crypto';
import { type Applied, ActionRejected, type BackupScope } from '../actions/action.js';
import { allowListed } from '../actions/index.js';
import type { Approved } from '../approve/index.js';
import { describeError } from '../ha/errors.js';
import type { IncidentLifecycle } from '../incident/lifecycle.js';
import type { Journal } from '../journal/journal.js';
import type { ExecutionRecord, ProposalJournal, ProposalRecord } from '../journal/proposals.js';
import type { RevertJournal } from '../journal/reverts.js';
import type { Logger } from '../log.js';
import type { ActionAnnouncer } from '../shared/interfaces.js';
import { BACKUP_PREFIX, type BackupTarget, pruneBackups, takeBackup } from './backup.js';
import { afterFix, verify } from './verify.js';

export interface ExecutorOptions {
  journal: Journal;
  proposals: ProposalJournal;
  /** Temporary changes, undone by the Reverter when their time is up. */
  reverts: RevertJournal;
  lifecycle: IncidentLifecycle;
  announce: ActionAnnouncer;
  log: Logger;
  backupTimeoutS: number;
  /** How many of its own backups LLM Ops keeps. */
  keepBackups: number;
  verifyMaxWaitS: number;
  now?: () => Date;
}

export class Executor {
  private readonly runs = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly now: () => Date;

  constructor(private readonly opts: ExecutorOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Wait for every running execution (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.runs.size) await Promise.allSettled([...this.runs.values()]);
  }

  /**
   * The sidecar is stopping: tell running actions (a plug switched off for a power cycle is
   * switched on again at once) and give them up to `graceMs` to finish before HA goes away.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }

  private announce(
    p: ProposalRecord,
    status: ProposalStatus,
    backupId: string | null = null,
  ): void {
    this.opts.announce.actionChanged({ ...p, status }, backupId);
  }

  /** Run an approved proposal; its outcome is journaled and announced as it goes. */
  start({ proposal, incident, ctx }: Approved): void {
    const run = this.run(proposal, incident, { ...ctx, signal: this.stopping.signal })
      .catch((err: unknown) =>
        this.opts.log.error(`execution of ${proposal.id} crashed: ${String(err)}`),
      )
      .finally(() => this.runs.delete(proposal.id));
    this.runs.set(proposal.id, run);
  }

  /**
   * Record a backup taken before a fix and delete the oldest such backups beyond
   * the limit; says what it deleted. Failing to delete never stops the fix.
   */
  private async makeRoom(target: BackupTarget, scope: BackupScope, id: string): Promise<string> {
    if (scope.kept) return '';
    const backups = this.opts.journal.backups;
    backups.taken(id, this.now().toISOString());
    try {
      const { deleted, vanished } = await pruneBackups(
        target,
        this.opts.keepBackups,
        backups.own(),
      );
      backups.forget([...deleted, ...vanished]);
      return deleted.length
        ? `; ${deleted.length} older LLM Ops backup(s) deleted (keeping ${this.opts.keepBackups})`
        : '';
    } catch (err) {
      this.opts.log.warning(`could not delete older LLM Ops backups: ${describeError(err)}`);
      return '';
    }
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
      this.opts.lifecycle.followProposals(e.incident_id);
    }
    return running.length;
  }

  private async run(
    p: ProposalRecord,
    incident: Approved['incident'],
    ctx: Approved['ctx'],
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
    this.opts.lifecycle.followProposals(p.incident_id);

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
                `${BACKUP_PREFIX}${p.action_id} (${p.id.slice(-8)})`,
                this.opts.backupTimeoutS,
              );
              result.backup_id = backupId;
              return `backup ${backupId}: ${scope.description}${await this.makeRoom(ctx, scope, backupId)}`;
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
      if (appliedOk && def.temporary) {
        // Journaled before verifying: a crash from here on still gets the change undone on time.
        this.opts.reverts.schedule({
          execution_id: exec.id,
          incident,
          action_id: p.action_id,
          params: p.params,
          applied: applied ?? {},
          due_at: new Date(
            this.now().getTime() + (def.lastsS?.(p.params) ?? ctx.revertAfterS) * 1000,
          ).toISOString(),
        });
      }
      if (appliedOk) {
        await step('verify', async () => {
          // A fix passes its own checks and then the analysis's: that the failure stopped.
          const tests = afterFix(
            def.verification(ctx, p.params),
            ctx.incident.analysis?.tests ?? [],
            def.fixes === true,
          );
          const checks = await verify(tests, {
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
      if (def.temporary && result.rollback.succeeded)
        this.opts.reverts.done(exec.id, this.now().toISOString(), 'rolled back at once');
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
        !isClosed(this.opts.journal.getIncident(incident.id)?.status ?? 'resolved')
      ) {
        this.opts.lifecycle.resolveFixed(incident.id, p.action_id);
      } else {
        this.opts.lifecycle.followProposals(incident.id);
      }
    }
  }
}
