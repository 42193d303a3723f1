/**
 * The panel's copies of the sidecar's answers (panel/src/shared/data/types.ts) are what the
 * sidecar's HTTP API declares it answers (the contracts, contracts/src/answers.ts and
 * contracts/src/knowledge.ts): checked by the type checker (`npx tsc -b`, part of CI), so
 * an answer changed in the contracts and not in the panel fails the build.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  IncidentDetail as SidecarIncidentDetail,
  IncidentPage as SidecarIncidentPage,
  KnowledgeRule as SidecarKnowledgeRule,
  LlmStatus,
  ProposalDetail as SidecarProposalDetail,
  Status as StatusReport,
} from '@ha-llm-ops/contracts';
import type {
  IncidentDetail,
  IncidentPage,
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
    expectTypeOf<SidecarKnowledgeRule>().toExtend<KnowledgeRule>();
    expectTypeOf<SidecarIncidentPage>().toExtend<IncidentPage>();
  });

  it('would catch an answer the panel cannot read', () => {
    expectTypeOf<Omit<StatusReport, 'counts'>>().not.toExtend<OpsStatus>();
    expectTypeOf<Omit<StatusReport, 'mode'> & { mode: string }>().not.toExtend<OpsStatus>();
  });
});
