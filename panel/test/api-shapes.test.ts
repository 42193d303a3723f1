/**
 * The panel's copies of the sidecar's answers (panel/src/shared/data/types.ts) are what the
 * sidecar's HTTP API declares it answers (the contracts' answers, contracts/src/answers.ts,
 * and the knowledge file's rule): checked by the type checker (`npx tsc -b`, part of CI), so
 * an answer changed in the contracts and not in the panel fails the build.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  IncidentDetail as SidecarIncidentDetail,
  LlmStatus,
  ProposalDetail as SidecarProposalDetail,
  Status as StatusReport,
} from '@ha-llm-ops/contracts';
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
