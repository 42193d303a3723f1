/**
 * What the sidecar learns from this home: `POST /api/incidents/:id/false-alarm`,
 * the failures kept quiet (`/api/suppressions`, with undo), the outages learned to be a
 * schedule (`/api/learned-quiet`, with reset) and how incidents ended (`GET /api/outcomes`:
 * the false-alarm rate overall and per signature).
 */
import type { Incident, LearnedQuiet, OutcomeStats, Suppression } from '@ha-llm-ops/contracts';
import { Router } from 'express';
import { DecisionBody, deciderOf } from './actions.js';
import { ApiError, validate } from './validate.js';

/** What the learning endpoints need from the sidecar. */
export interface LearningService {
  /** Close as a false alarm and keep the same failure quiet; undefined for an unknown id. */
  markFalseAlarm(
    id: string,
    opts: { reason: string | null; decidedBy: string | null },
  ): Incident | undefined;
  /** What is kept quiet now (ignored or false alarms), newest first. */
  suppressions(): Suppression[];
  /** Undo what was decided on an incident; false when nothing was kept quiet for it. */
  undoSuppression(incidentId: string): boolean;
  outcomeStats(): OutcomeStats;
  /** What was learned quiet: subjects whose outages end by themselves on a schedule. */
  learnedQuiet(): LearnedQuiet[];
  /** Forget what was learned of one subject (by its id), or of all; false when nothing was. */
  resetLearnedQuiet(id: string | null): boolean;
}

/** Body of `POST /api/incidents/:id/false-alarm`. */
export const FalseAlarmBody = DecisionBody;

export function learningRoutes(service: LearningService): Router {
  const router = Router();

  router.post('/incidents/:id/false-alarm', (req, res) => {
    const body = validate(FalseAlarmBody, req.body ?? {}, 'body');
    const incident = service.markFalseAlarm(req.params.id, {
      reason: body.reason,
      decidedBy: deciderOf(res, body.decided_by),
    });
    if (!incident) throw new ApiError(404, `no incident ${req.params.id}`);
    res.json({ incident });
  });

  router.get('/suppressions', (_req, res) => {
    res.json({ items: service.suppressions() });
  });

  router.delete('/suppressions/:incident_id', (req, res) => {
    if (!service.undoSuppression(req.params.incident_id))
      throw new ApiError(404, `nothing is kept quiet for incident ${req.params.incident_id}`);
    res.json({ items: service.suppressions() });
  });

  router.get('/learned-quiet', (_req, res) => {
    res.json({ items: service.learnedQuiet() });
  });

  router.delete('/learned-quiet', (_req, res) => {
    service.resetLearnedQuiet(null);
    res.json({ items: service.learnedQuiet() });
  });

  router.delete('/learned-quiet/:id', (req, res) => {
    if (!service.resetLearnedQuiet(req.params.id))
      throw new ApiError(404, `nothing was learned of ${req.params.id}`);
    res.json({ items: service.learnedQuiet() });
  });

  router.get('/outcomes', (_req, res) => {
    res.json(service.outcomeStats());
  });

  return router;
}
