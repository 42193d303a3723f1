/** `/api/status` and `/api/mode`: what the sidecar is doing and how it is allowed to act. */
import type { MaintenanceState } from '@ha-llm-ops/contracts';
import { Router } from 'express';
import * as v from 'valibot';
import { validate } from './validate.js';

/** The optional LLM analyzer: what it may still be asked, and why it is paused. */
export interface LlmStatus {
  /** openai | ai_task */
  backend: string;
  model: string;
  calls_per_hour: number;
  /** Model calls still allowed in the rolling hour. */
  calls_left_this_hour: number;
  /** Recorded cost of the model calls since the 1st of the month (HA's time zone). */
  cost_this_month: number;
  /** The monthly cost cap; null when there is none. */
  monthly_cost_cap: number | null;
  /** Why the model is not asked now (offline analysis only); null when it may be. */
  paused: 'monthly_cost_cap' | 'hourly_calls' | null;
  /** When the month, and so the cost cap, starts afresh. */
  month_resets_at: string;
}

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
  /** The LLM analyzer's budget; null when no LLM is configured (offline analysis only). */
  llm: LlmStatus | null;
  /** Maintenance mode: whether it is on, until when, and the last window's summary. */
  maintenance: MaintenanceState;
}

export interface StatusService {
  /** The status; with the incident counts when the caller has them already. */
  status(counts?: StatusReport['counts']): StatusReport;
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
