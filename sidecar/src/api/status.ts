/** `/api/status` and `/api/mode`: what the sidecar is doing and how it is allowed to act. */
import { Router } from 'express';
import * as v from 'valibot';
import { validate } from './validate.js';

export interface StatusReport {
  mode: 'observe' | 'approve' | 'auto';
  policy: {
    valid: boolean;
    error: string | null;
    source: string;
    max_actions_per_hour: number;
    quiet_hours: { start: string; end: string } | null;
    auto_actions: string[];
  };
  /** False when HA fires no system_log_event and the log is polled instead. */
  system_log_events: boolean;
  last_analysis_at: string | null;
  counts: { open: number; awaiting_approval: number };
  /** Home Assistant's time zone, in which quiet hours are read; null until it is known. */
  time_zone: string | null;
  /** The knowledge file: how many rules are in force, and its problem (the last good rules stay) or null. */
  knowledge: { file: string; rules: number; error: string | null };
  /** What each allow-listed action is called, for people (each action names itself). */
  action_labels: Record<string, string>;
}

export interface StatusService {
  status(): StatusReport;
  /** Switch the mode; an ApiError(409) while the policy is invalid. */
  setMode(mode: StatusReport['mode']): void;
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
