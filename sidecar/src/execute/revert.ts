/**
 * Temporary changes end by themselves: when a change's time is up (a quieted logger after
 * `revert_after_s`), its action's rollback sets it back, and the execution's record gains the
 * step. What is due while Home Assistant is away, or while the sidecar was stopped, is undone
 * as soon as it can be.
 */
import type { ExecutionStep } from '@ha-llm-ops/contracts';
import type { ActionContext } from '../actions/action.js';
import { allowListed } from '../actions/index.js';
import { describeError } from '../ha/errors.js';
import type { IncidentRecord } from '../journal/journal.js';
import type { ProposalJournal } from '../journal/proposals.js';
import type { RevertJournal, RevertRecord } from '../journal/reverts.js';
import type { Logger } from '../log.js';

export interface ReverterOptions {
  reverts: RevertJournal;
  proposals: ProposalJournal;
  /** The live HA side, or null while disconnected. */
  context: (incident: IncidentRecord) => ActionContext | null;
  log: Logger;
  now?: () => Date;
}

/** How often temporary changes are checked: a fraction of their lifetime, at most 30 s apart. */
export const revertCheckMs = (revertAfterS: number): number =>
  Math.min(30_000, Math.max(1000, revertAfterS * 100));

export class Reverter {
  private running: Promise<number> | null = null;
  private readonly now: () => Date;

  constructor(private readonly opts: ReverterOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Undo every change whose time has come; resolves to how many were undone. */
  runDue(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    const { reverts, log } = this.opts;
    let undone = 0;
    for (const r of reverts.due(this.now().toISOString())) {
      const def = allowListed(r.action_id);
      if (!def) {
        this.finish(r, 'failed', `${r.action_id} is no longer on the allow-list; not undone`);
        continue;
      }
      const ctx = this.opts.context(r.incident);
      if (!ctx) return undone; // Home Assistant is away: again on the next round
      const started = this.now().toISOString();
      try {
        const outcome = await def.rollback(ctx, r.params, r.applied);
        const detail = `time is up: ${outcome.detail}`;
        this.finish(r, outcome.succeeded ? 'succeeded' : 'failed', detail, started);
        if (outcome.succeeded) undone++;
        log.info(
          `temporary ${r.action_id} of execution ${r.execution_id} ended: ${outcome.detail}`,
        );
      } catch (err) {
        // Not recorded as done: the next round tries again.
        log.warning(
          `could not undo ${r.action_id} of execution ${r.execution_id} yet: ${describeError(err)}`,
        );
      }
    }
    return undone;
  }

  /** Journal the end of a temporary change, and show it as a step of its execution. */
  private finish(
    r: RevertRecord,
    status: ExecutionStep['status'],
    detail: string,
    started = this.now().toISOString(),
  ): void {
    const at = this.now().toISOString();
    this.opts.reverts.done(r.execution_id, at, detail);
    const exec = this.opts.proposals.execution(r.execution_id);
    if (!exec) return;
    exec.steps.push({ step: 'rollback', status, started_at: started, finished_at: at, detail });
    this.opts.proposals.saveExecution(exec);
  }
}
