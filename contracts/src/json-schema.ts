/** The contracts as JSON Schema (draft 2020-12), for the Python side and the docs. */
import { toJsonSchema, toJsonSchemaDefs, type JsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { ActionEvent, IncidentEvent, MaintenanceState, MaintenanceSummary } from './events.js';
import {
  ActionExecution,
  ActionProposal,
  ExecutionResult,
  NotProposed,
  ProposeActionRequest,
} from './action.js';
import { ANSWERS } from './answers.js';
import { EvidenceBundle } from './evidence.js';
import { Health } from './health.js';
import { Incident } from './incident.js';
import { KnowledgeRule } from './knowledge.js';
import { LearnedQuiet, OutcomeStats, Suppression } from './outcome.js';
import { Policy } from './policy.js';
import { RcaResult } from './rca.js';
import { Signal } from './signal.js';
import { UpdateAttribution } from './update.js';

/** Every exported contract by name; the file is `schema/<name>.schema.json`. */
export const CONTRACTS: Record<string, GenericSchema> = {
  Signal,
  Incident,
  EvidenceBundle,
  RcaResult,
  ActionProposal,
  NotProposed,
  ProposeActionRequest,
  ActionExecution,
  ExecutionResult,
  Policy,
  IncidentEvent,
  ActionEvent,
  MaintenanceSummary,
  MaintenanceState,
  Health,
  Suppression,
  OutcomeStats,
  LearnedQuiet,
  UpdateAttribution,
  KnowledgeRule,
  ...ANSWERS,
};

const DRAFT = { target: 'draft-2020-12', errorMode: 'ignore' } as const;

/** An answer with every contract it carries written as a reference to that contract's file. */
function answerJsonSchema(name: string, schema: GenericSchema): JsonSchema {
  const defs = toJsonSchemaDefs(
    { ...CONTRACTS, [name]: schema },
    {
      ...DRAFT,
      overrideRef: ({ referenceId }) => `${referenceId}.schema.json`,
    },
  );
  return { ...defs[name], $schema: 'https://json-schema.org/draft/2020-12/schema' };
}

/**
 * Convert one contract; checks JSON Schema cannot express (e.g. key lists) are left to
 * valibot. An answer refers to the contracts it carries by their files.
 */
export function contractJsonSchema(name: string, schema: GenericSchema): JsonSchema {
  return {
    $id: `https://ha-llm-ops.dev/schema/${name}.schema.json`,
    title: name,
    ...(name in ANSWERS ? answerJsonSchema(name, schema) : toJsonSchema(schema, DRAFT)),
  };
}

/** All contracts as JSON Schema documents, keyed by name. */
export function allJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(CONTRACTS).map(([n, s]) => [n, contractJsonSchema(n, s)]),
  );
}
