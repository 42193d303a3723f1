/**
 * The panel's words are the contracts' words: its lists of statuses and
 * severities, and its labels for every category and remedy, follow
 * `contracts/src`, so a word added there fails here until the panel names it.
 */
import {
  CATEGORIES,
  CLOSED_STATUSES,
  INCIDENT_STATUSES,
  PROPOSAL_STATUSES,
  REMEDIES,
  SEVERITIES,
} from '@ha-llm-ops/contracts';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATUSES,
  ALL_STATUSES,
  FINAL_PROPOSAL_STATUSES,
  SEVERITY_ORDER,
} from '../src/shared/data/types.js';
import {
  CATEGORY_LABELS,
  PROPOSAL_STATUS_LABELS,
  REMEDY_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../src/shared/ui/format.js';

describe('the panel’s vocabulary', () => {
  it('lists every incident status, active ones first, and every severity in order', () => {
    expect(ALL_STATUSES).toEqual([...INCIDENT_STATUSES]);
    expect(ACTIVE_STATUSES).toEqual(
      INCIDENT_STATUSES.filter((s) => !(CLOSED_STATUSES as readonly string[]).includes(s)),
    );
    expect(SEVERITY_ORDER).toEqual([...SEVERITIES]);
    for (const s of FINAL_PROPOSAL_STATUSES) expect(PROPOSAL_STATUSES).toContain(s);
  });

  it('has a label for every status, severity, category and remedy, and none for unknown words', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect(Object.keys(PROPOSAL_STATUS_LABELS).sort()).toEqual([...PROPOSAL_STATUSES].sort());
    expect(Object.keys(SEVERITY_LABELS).sort()).toEqual([...SEVERITIES].sort());
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.keys(REMEDY_LABELS).sort()).toEqual([...REMEDIES].sort());
  });
});
