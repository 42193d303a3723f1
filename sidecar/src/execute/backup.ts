/**
 * The backup taken before every mutation. With the Supervisor: a partial backup
 * (`/backups/new/partial`, in the background) whose job is polled to completion.
 * Without: core `backup/generate` to the local agent, followed through
 * `backup/subscribe_events`. A failed or timed-out backup cancels the action.
 * Only the newest few of LLM Ops' own backups are kept (named BACKUP_PREFIX…);
 * anyone else's backups are never touched.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeError } from '../ha/errors.js';
import type { SupervisorClient } from '../supervisor/client.js';
import type { BackupScope } from '../actions/action.js';

/** How LLM Ops names its backups, and so finds its own among everyone's. */
export const BACKUP_PREFIX = 'LLM Ops before ';

/** The backup failed or took too long; the action must not run. */
export class BackupFailed extends Error {}

export interface BackupTarget {
  conn: Connection;
  supervisor: SupervisorClient | null;
}

interface SupervisorJob {
  done: boolean;
  reference: string | null;
  errors: { type?: string; message: string }[];
}

interface BackupManagerEvent {
  manager_state: string;
  stage?: string | null;
  state?: 'in_progress' | 'completed' | 'failed';
  reason?: string | null;
}

const POLL_MS = 1000;

async function supervisorBackup(
  sup: SupervisorClient,
  scope: BackupScope,
  name: string,
  deadline: number,
): Promise<string> {
  const started = await sup
    .call<{ job_id?: string; slug?: string }>('POST', '/backups/new/partial', {
      name,
      homeassistant: scope.homeassistant,
      homeassistant_exclude_database: !scope.includeDatabase,
      addons: scope.addons,
      background: true,
    })
    .catch((err: unknown) => {
      throw new BackupFailed(`the Supervisor refused the backup: ${describeError(err)}`);
    });
  if (started.slug) return started.slug;
  if (!started.job_id) throw new BackupFailed('the Supervisor returned neither a backup nor a job');
  for (;;) {
    if (Date.now() > deadline) throw new BackupFailed('the backup did not finish in time');
    const job = await sup
      .call<SupervisorJob>('GET', `/jobs/${started.job_id}`)
      .catch((err: unknown) => {
        throw new BackupFailed(`cannot follow the backup job: ${describeError(err)}`);
      });
    if (job.done) {
      if (job.errors.length)
        throw new BackupFailed(`the backup failed: ${job.errors.map((e) => e.message).join('; ')}`);
      if (!job.reference) throw new BackupFailed('the backup job finished without a backup');
      return job.reference;
    }
    await sleep(POLL_MS);
  }
}

async function coreBackup(
  conn: Connection,
  scope: BackupScope,
  name: string,
  deadline: number,
): Promise<string> {
  let settle: (outcome: Error | null) => void = () => undefined;
  const finished = new Promise<Error | null>((resolve) => (settle = resolve));
  let ours = false;
  // Subscribe first so the completion event cannot slip past.
  const unsubscribe = await conn.subscribeMessage<BackupManagerEvent>(
    (event) => {
      if (event.manager_state !== 'create_backup') return;
      ours = true;
      if (event.state === 'completed') settle(null);
      else if (event.state === 'failed')
        settle(new BackupFailed(`the backup failed${event.reason ? `: ${event.reason}` : ''}`));
    },
    { type: 'backup/subscribe_events' },
  );
  try {
    let jobId: string;
    try {
      ({ backup_job_id: jobId } = await conn.sendMessagePromise<{ backup_job_id: string }>({
        type: 'backup/generate',
        agent_ids: ['backup.local'],
        include_database: scope.includeDatabase,
        include_homeassistant: scope.homeassistant,
        include_addons: scope.addons.length ? scope.addons : undefined,
        name,
      }));
    } catch (err) {
      throw new BackupFailed(`Home Assistant refused the backup: ${describeError(err)}`);
    }
    // The timer is cancelled once the backup settles, so it never keeps the process alive.
    const stopTimer = new AbortController();
    const timeout = sleep(Math.max(0, deadline - Date.now()), 'timeout' as const, {
      signal: stopTimer.signal,
    }).catch(() => 'settled' as const);
    const outcome = await Promise.race([finished, timeout]);
    stopTimer.abort();
    if (outcome === 'timeout')
      throw new BackupFailed(
        ours ? 'the backup did not finish in time' : 'the backup never started',
      );
    if (outcome) throw outcome;
    return jobId;
  } finally {
    await unsubscribe().catch(() => undefined);
  }
}

/** Take a backup of `scope` and return its id; throws BackupFailed. */
export async function takeBackup(
  target: BackupTarget,
  scope: BackupScope,
  name: string,
  timeoutS: number,
): Promise<string> {
  const deadline = Date.now() + timeoutS * 1000;
  if (target.supervisor) return supervisorBackup(target.supervisor, scope, name, deadline);
  return coreBackup(target.conn, scope, name, deadline);
}

/** True when the backup is listed (core `backup/info`, or the Supervisor's `/backups/<slug>/info`). */
export async function backupExists(target: BackupTarget, id: string): Promise<boolean> {
  if (target.supervisor) {
    return target.supervisor.call('GET', `/backups/${id}/info`).then(
      () => true,
      () => false,
    );
  }
  const info = await target.conn.sendMessagePromise<{ backups: { backup_id: string }[] }>({
    type: 'backup/info',
  });
  return info.backups.some((b) => b.backup_id === id);
}

interface ListedBackup {
  id: string;
  name: string;
  date: string;
}

async function listBackups(target: BackupTarget): Promise<ListedBackup[]> {
  if (target.supervisor) {
    const { backups } = await target.supervisor.call<{
      backups: { slug: string; name: string; date: string }[];
    }>('GET', '/backups');
    return backups.map((b) => ({ id: b.slug, name: b.name, date: b.date }));
  }
  const { backups } = await target.conn.sendMessagePromise<{
    backups: { backup_id: string; name: string; date: string }[];
  }>({ type: 'backup/info' });
  return backups.map((b) => ({ id: b.backup_id, name: b.name, date: b.date }));
}

async function deleteBackup(target: BackupTarget, id: string): Promise<void> {
  if (target.supervisor) await target.supervisor.call('DELETE', `/backups/${id}`);
  else await target.conn.sendMessagePromise({ type: 'backup/delete', backup_id: id });
}

/** What pruning did with the backups LLM Ops took before its fixes. */
export interface Pruned {
  /** Deleted, beyond the newest `keep`. */
  deleted: string[];
  /** No longer listed: someone deleted them already. */
  vanished: string[];
}

/**
 * Delete the backups taken before fixes (`own`, by id) beyond the newest `keep`,
 * so a busy auto mode cannot fill the disk. Any other backup — the user's, one
 * they asked LLM Ops for, one that only shares the name — is never touched.
 */
export async function pruneBackups(
  target: BackupTarget,
  keep: number,
  own: ReadonlySet<string>,
): Promise<Pruned> {
  const listed = await listBackups(target);
  const ours = listed
    .filter((b) => own.has(b.id))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const present = new Set(listed.map((b) => b.id));
  const pruned: Pruned = { deleted: [], vanished: [...own].filter((id) => !present.has(id)) };
  for (const backup of ours.slice(Math.max(1, keep))) {
    await deleteBackup(target, backup.id);
    pruned.deleted.push(backup.id);
  }
  return pruned;
}
