/** `/api/actions`: pending proposals, proposing, approving, rejecting, and one proposal with its execution. */
import {
  type ActionProposal,
  ProposeActionRequest,
  type ProposalDetail,
} from '@ha-llm-ops/contracts';
import { type Response, Router } from 'express';
import * as v from 'valibot';
import { ApiError, validate } from './validate.js';

/** What the action endpoints need; failures are ApiErrors with their status. */
export interface ActionService {
  pending(): ActionProposal[];
  detail(id: string): ProposalDetail | undefined;
  propose(request: ProposeActionRequest): Promise<ActionProposal>;
  approve(id: string, decidedBy: string | null): ActionProposal;
  reject(id: string, decidedBy: string | null, reason: string | null): ActionProposal;
}

/** Body of a decision: who decided (for the audit trail) and why. */
export const DecisionBody = v.strictObject({
  decided_by: v.optional(
    v.nullable(v.pipe(v.string(), v.maxLength(100, 'must be at most 100 characters'))),
    null,
  ),
  reason: v.optional(
    v.nullable(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters'))),
    null,
  ),
});

/** The ingress user who made the request, if it came through ingress. */
const userOf = (res: Response): string | null =>
  typeof res.locals.user === 'string' ? res.locals.user : null;

/**
 * Who decided, for the audit trail: the person HA authenticated through ingress,
 * whatever the body says; otherwise (the API token: the integration, acting for an
 * HA user) the user the body names.
 */
export const deciderOf = (res: Response, claimed: string | null): string | null =>
  userOf(res) ?? claimed;

export function actionRoutes(service: ActionService): Router {
  const router = Router();

  router.get('/pending', (_req, res) => {
    res.json(service.pending());
  });

  router.post('/propose', async (req, res) => {
    const body = validate(ProposeActionRequest, req.body ?? {}, 'body');
    res.status(201).json({ proposal: await service.propose(body) });
  });

  router.get('/:id', (req, res) => {
    const detail = service.detail(req.params.id);
    if (!detail) throw new ApiError(404, `no proposal ${req.params.id}`);
    res.json(detail);
  });

  router.post('/:id/approve', (req, res) => {
    const body = validate(v.omit(DecisionBody, ['reason']), req.body ?? {}, 'body');
    res.json({ proposal: service.approve(req.params.id, deciderOf(res, body.decided_by)) });
  });

  router.post('/:id/reject', (req, res) => {
    const body = validate(DecisionBody, req.body ?? {}, 'body');
    res.json({
      proposal: service.reject(req.params.id, deciderOf(res, body.decided_by), body.reason),
    });
  });

  return router;
}
