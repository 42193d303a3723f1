/**
 * The sidecar run in-process against the real dev HA (so the executor's coverage is measured),
 * with test settings, and the HTTP calls the tests make to it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../../sidecar/src/config.js';
import { createLogger } from '../../../sidecar/src/log.js';
import { Sidecar } from '../../../sidecar/src/sidecar.js';
import { tempDir, testSettings, THRESHOLDS } from '../../../sidecar/test/helpers/pipeline.js';
import type { HaEnv } from '../../harness/ha-dev.js';
import { eventually } from '../../harness/ha-rest.js';

export interface Proposal {
  id: string;
  risk: string;
  incident_id: string;
  action_id: string;
  params: Record<string, unknown>;
  status: string;
  preview: {
    label: string;
    summary: string;
    precondition: string;
    backup: string | null;
    verification: { kind: string }[];
    rollback: string;
  };
}

export interface Finished {
  proposal: Proposal;
  result: {
    outcome: string;
    error: string | null;
    verification: {
      passed: boolean;
      checks: { description: string; passed: boolean; detail: string }[];
    };
    rollback: { attempted: boolean; succeeded: boolean; detail: string } | null;
  } | null;
  execution: { steps: { step: string; status: string; detail: string }[] } | null;
}

/** Settings against the dev HA, with short verification waits and an optional policy file. */
export function settingsFor(
  env: HaEnv,
  over: Partial<Settings> & { policy?: string } = {},
): Settings {
  const dir = tempDir('llm-ops-exec-');
  let policyFile: string | null = null;
  if (over.policy !== undefined) {
    policyFile = join(dir, 'policy.yaml');
    writeFileSync(policyFile, over.policy);
  }
  const { policy: _p, ...rest } = over;
  return testSettings(
    {
      haWsUrl: `${env.HA_URL.replace(/^http/, 'ws')}/api/websocket`,
      haToken: env.HA_TOKEN,
      policyFile,
      thresholds: {
        ...THRESHOLDS,
        unavailableAfterS: 600,
        verifyMaxWaitS: 8,
        backupTimeoutS: 120,
        groupingWindowS: 300,
      },
      ...rest,
    },
    dir,
  );
}

/** Sidecars started by a test file, stopped (after their executions) by `stopAll`. */
export class InProcess {
  private readonly running: Sidecar[] = [];

  async start(s: Settings): Promise<Sidecar> {
    const sidecar = new Sidecar(s, createLogger('error'));
    this.running.push(sidecar);
    await sidecar.start();
    await sidecar.connect();
    return sidecar;
  }

  /** Stop it by the end of the test (one built by hand). */
  track(sidecar: Sidecar): Sidecar {
    this.running.push(sidecar);
    return sidecar;
  }

  /** The test stops this one itself. */
  release(sidecar: Sidecar): void {
    this.running.splice(this.running.indexOf(sidecar), 1);
  }

  async stopAll(): Promise<void> {
    for (const s of this.running.splice(0)) {
      await s.executor.idle();
      await s.stop();
    }
  }
}

/** A request to the sidecar's API with the test token. */
export async function api<T>(
  sidecar: Sidecar,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sidecar.apiAddress}${path}`, {
    method,
    headers: {
      authorization: 'Bearer test-token-0123456789abcdef',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The proposal once its execution has a result. */
export function finished(sidecar: Sidecar, id: string): Promise<Finished> {
  return eventually(
    async () => {
      const { body } = await api<Finished>(sidecar, 'GET', `/api/actions/${id}`);
      return body.result ? body : undefined;
    },
    120_000,
    `proposal ${id} to finish`,
  );
}

/** Propose an allow-listed action for an incident and approve it; the proposal. */
export async function proposeAndApprove(
  sidecar: Sidecar,
  incidentId: string,
  actionId: string,
  params?: Record<string, unknown>,
): Promise<Proposal> {
  const made = await api<{ proposal: Proposal; error?: string }>(
    sidecar,
    'POST',
    '/api/actions/propose',
    { incident_id: incidentId, action_id: actionId, ...(params && { params }) },
  );
  if (made.status !== 201) throw new Error(`propose ${actionId}: ${made.body.error}`);
  const approved = await api<{ error?: string }>(
    sidecar,
    'POST',
    `/api/actions/${made.body.proposal.id}/approve`,
    {},
  );
  if (approved.status >= 300) throw new Error(`approve ${actionId}: ${approved.body.error}`);
  return made.body.proposal;
}
