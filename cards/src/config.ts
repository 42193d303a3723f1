/**
 * The cards' configuration: types, defaults, and the checks `setConfig` runs (a thrown
 * error makes HA show its error card with the message). Keys HA adds itself
 * (grid_options, view_layout, visibility, …) pass through untouched. The messages follow
 * the user's language, as the rest of the card.
 */
import type { LovelaceCardConfig } from 'custom-card-helpers';
import { localize, type Severity } from '@ha-llm-ops/panel/shared';
import './i18n/index.js';

export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];

export interface IncidentsCardConfig extends LovelaceCardConfig {
  title?: string;
  /** Incidents listed at most (1–50; default 5). */
  max_items?: number;
  /** Show the counts by severity (default true). */
  show_counts?: boolean;
  /** Leave out less severe incidents (default: all). */
  min_severity?: Severity;
  /** Only this integration's incidents (a domain such as `zha`). */
  integration?: string;
  /** An entity whose more-info dialog the counts open, e.g. sensor.llm_ops_open_incidents. */
  entity?: string;
}

export interface ApprovalCardConfig extends LovelaceCardConfig {
  title?: string;
  /** Proposals listed at most (1–20; default 3). */
  max_items?: number;
  /** Show each proposal's dry-run preview (default true). */
  show_preview?: boolean;
}

export const INCIDENTS_DEFAULTS = {
  title: 'Incidents',
  max_items: 5,
  show_counts: true,
} as const;

export const APPROVAL_DEFAULTS = {
  title: 'Pending approvals',
  max_items: 3,
  show_preview: true,
} as const;

function object(config: unknown): Record<string, unknown> {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error(localize('config.mapping'));
  }
  return config as Record<string, unknown>;
}

function optionalString(
  c: Record<string, unknown>,
  key: string,
  pattern?: RegExp,
  what = '',
): void {
  const v = c[key];
  if (v === undefined) return;
  if (typeof v !== 'string') throw new Error(localize('config.text', { key }));
  if (pattern && !pattern.test(v))
    throw new Error(localize('config.pattern', { key, what, value: v }));
}

function optionalBoolean(c: Record<string, unknown>, key: string): void {
  const v = c[key];
  if (v !== undefined && typeof v !== 'boolean')
    throw new Error(localize('config.boolean', { key }));
}

function optionalInteger(c: Record<string, unknown>, key: string, min: number, max: number): void {
  const v = c[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(localize('config.integer', { key, min, max }));
  }
}

/** Check the incidents card's configuration; throws with a message for the user. */
export function checkIncidentsConfig(config: unknown): IncidentsCardConfig {
  const c = object(config);
  optionalString(c, 'title');
  optionalInteger(c, 'max_items', 1, 50);
  optionalBoolean(c, 'show_counts');
  const sev = c.min_severity;
  if (sev !== undefined && !SEVERITIES.includes(sev as Severity)) {
    throw new Error(localize('config.severity', { list: SEVERITIES.join(', ') }));
  }
  optionalString(c, 'integration', /^[a-z0-9_]+$/, localize('config.domain'));
  optionalString(c, 'entity', /^[a-z0-9_]+\.[a-z0-9_]+$/, localize('config.entity'));
  return c as IncidentsCardConfig;
}

/** Check the approval card's configuration; throws with a message for the user. */
export function checkApprovalConfig(config: unknown): ApprovalCardConfig {
  const c = object(config);
  optionalString(c, 'title');
  optionalInteger(c, 'max_items', 1, 20);
  optionalBoolean(c, 'show_preview');
  return c as ApprovalCardConfig;
}

/** Severities at least as severe as `min`. */
export function severitiesFrom(min: Severity | undefined): Severity[] {
  if (!min) return [...SEVERITIES];
  return SEVERITIES.slice(0, SEVERITIES.indexOf(min) + 1);
}
