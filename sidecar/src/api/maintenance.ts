/** `/api/maintenance`: start, extend, end and read maintenance mode (no incident opens while it is on). */
import type { MaintenanceState, MaintenanceSummary } from '@ha-llm-ops/contracts';
import { Router } from 'express';
import * as v from 'valibot';
import { deciderOf } from './actions.js';
import { validate } from './validate.js';

/** Where a request to start maintenance came from. */
export type Surface = 'panel' | 'entity' | 'action' | 'api';

/** What the maintenance endpoints need; refusals are ApiErrors (409). */
export interface MaintenanceService {
  state(): MaintenanceState;
  start(minutes: number, startedBy: string | null, surface: Surface): MaintenanceState;
  extend(minutes: number): MaintenanceState;
  end(): MaintenanceSummary;
}

const Minutes = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(1440, 'must be at most 1440 (24 h)'),
);

const StartBody = v.strictObject({
  minutes: Minutes,
  started_by: v.optional(
    v.nullable(v.pipe(v.string(), v.maxLength(100, 'must be at most 100 characters'))),
    null,
  ),
  surface: v.optional(
    v.picklist(['panel', 'entity', 'action', 'api'], 'must be panel, entity, action or api'),
    'api',
  ),
});

const ExtendBody = v.strictObject({ minutes: Minutes });

export function maintenanceRoutes(service: MaintenanceService): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(service.state());
  });
  router.put('/', (req, res) => {
    const body = validate(StartBody, req.body ?? {}, 'body');
    res.json(service.start(body.minutes, deciderOf(res, body.started_by), body.surface));
  });
  router.post('/extend', (req, res) => {
    const body = validate(ExtendBody, req.body ?? {}, 'body');
    res.json(service.extend(body.minutes));
  });
  router.delete('/', (_req, res) => {
    res.json(service.end());
  });
  return router;
}
