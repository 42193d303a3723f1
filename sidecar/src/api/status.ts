/** `/api/status` and `/api/mode`: what the sidecar is doing and how it is allowed to act. */
import type { Mode, Status } from '@ha-llm-ops/contracts';
import { Router } from 'express';
import * as v from 'valibot';
import { validate } from './validate.js';

export interface StatusService {
  /** The status; with the incident counts when the caller has them already. */
  status(counts?: Status['counts']): Status;
  /** Switch the mode; an ApiError(409) while the policy is invalid. */
  setMode(mode: Mode): void;
}

const ModeBody = v.strictObject({
  mode: v.picklist(['observe', 'approve', 'auto'], 'must be observe, approve or auto'),
});

export function statusRoutes(service: StatusService): Router {
  const router = Router();
  router.get('/status', (_req, res) => {
    res.json(service.status());
  });
  router.put('/mode', (req, res) => {
    const { mode } = validate(ModeBody, req.body ?? {}, 'body');
    service.setMode(mode);
    res.json({ mode: service.status().mode });
  });
  return router;
}
