/**
 * The panel's copies of the sidecar's answers (panel/src/shared/data/types.ts) are what the
 * sidecar's HTTP API declares it answers: checked by the type checker (`npx tsc -b`, part of
 * CI), so an answer changed in the sidecar and not in the panel fails the build.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { ProposalDetail as SidecarProposalDetail } from '../../sidecar/src/api/actions.js';
import type { IncidentDetail as SidecarIncidentDetail } from '../../sidecar/src/api/incidents.js';
import type { LlmStatus, StatusReport } from '../../sidecar/src/api/status.js';
import type { KnowledgeRuleInput } from '../../sidecar/src/shared/knowledge.js';
import type {
  IncidentDetail,
  KnowledgeRule,
  LlmBudget,
  OpsStatus,
  ProposalDetail,
} from '../src/shared/data/types.js';

describe("the panel's copies of the sidecar's answers", () => {
  it('take every answer the sidecar declares', () => {
    expectTypeOf<StatusReport>().toExtend<OpsStatus>();
    expectTypeOf<LlmStatus>().toExtend<LlmBudget>();
    expectTypeOf<SidecarIncidentDetail>().toExtend<IncidentDetail>();
    expectTypeOf<SidecarProposalDetail>().toExtend<ProposalDetail>();
    expectTypeOf<KnowledgeRuleInput>().toExtend<KnowledgeRule>();
  });

  it('would catch an answer the panel cannot read', () => {
    expectTypeOf<Omit<StatusReport, 'counts'>>().not.toExtend<OpsStatus>();
    expectTypeOf<Omit<StatusReport, 'mode'> & { mode: string }>().not.toExtend<OpsStatus>();
  });
});
