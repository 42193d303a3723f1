/**
 * Who decided: a person who came through ingress is the one the audit trail
 * names, whatever the request body says; a caller with the API token (the
 * integration, which acts for an HA user) names the user in the body.
 */
import type { ActionProposal } from '@ha-llm-ops/contracts';
import express from 'express';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { actionRoutes, type ActionService } from '../../src/api/actions.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(ingressUser: string | null) {
  const decisions: (string | null)[] = [];
  const proposal = { id: 'prp_1' } as ActionProposal;
  const service: ActionService = {
    pending: () => [],
    detail: () => undefined,
    propose: () => Promise.resolve(proposal),
    approve: (_id, decidedBy) => (decisions.push(decidedBy), proposal),
    reject: (_id, decidedBy) => (decisions.push(decidedBy), proposal),
  };
  const app = express();
  app.use(express.json());
  app.use((_req, res, next) => {
    if (ingressUser) res.locals.user = ingressUser;
    next();
  });
  app.use('/api/actions', actionRoutes(service));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const post = (path: string, body: unknown) =>
    fetch(`http://127.0.0.1:${port}/api/actions/prp_1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { decisions, post };
}

describe('decided_by', () => {
  it('names the ingress user even when the body claims someone else', async () => {
    const { decisions, post } = await serve('alice');
    expect((await post('approve', { decided_by: 'mallory' })).status).toBe(200);
    expect((await post('reject', { decided_by: 'mallory', reason: 'no' })).status).toBe(200);
    expect(decisions).toEqual(['alice', 'alice']);
  });

  it('takes the body from a token caller (the integration names the HA user)', async () => {
    const { decisions, post } = await serve(null);
    await post('approve', { decided_by: 'bob' });
    await post('reject', {});
    expect(decisions).toEqual(['bob', null]);
  });
});
