/** The OpenAPI schemas of the LLM's figures: usage per incident, budget in the status. */

/** What the model calls of one incident took (`IncidentDetail.llm_usage`). */
export const LLM_USAGE_SCHEMA = {
  type: 'object',
  nullable: true,
  description:
    'What the model calls for this incident took, all together; null when no model was asked',
  required: ['calls', 'prompt_tokens', 'completion_tokens', 'cost', 'latency_ms'],
  properties: {
    calls: { type: 'integer', description: 'Model calls, repair attempts included' },
    prompt_tokens: { type: 'integer' },
    completion_tokens: { type: 'integer' },
    cost: {
      type: 'number',
      description: 'From the configured prices per million tokens, in their currency',
    },
    latency_ms: { type: 'integer', description: 'Time spent waiting for the model' },
  },
};

/** The LLM analyzer's budget (`Status.llm`). */
export const LLM_STATUS_SCHEMA = {
  type: 'object',
  nullable: true,
  description:
    'The LLM analyzer and its budget; null when no LLM is configured (offline analysis only)',
  required: [
    'backend',
    'model',
    'calls_per_hour',
    'calls_left_this_hour',
    'cost_this_month',
    'monthly_cost_cap',
    'paused',
    'month_resets_at',
  ],
  properties: {
    backend: { type: 'string', enum: ['openai', 'ai_task'] },
    model: { type: 'string' },
    calls_per_hour: { type: 'integer' },
    calls_left_this_hour: {
      type: 'integer',
      description: 'Model calls still allowed in the rolling hour',
    },
    cost_this_month: {
      type: 'number',
      description: "Recorded cost since the 1st of the month, in Home Assistant's time zone",
    },
    monthly_cost_cap: { type: 'number', nullable: true, description: 'null: no cap' },
    paused: {
      type: 'string',
      nullable: true,
      enum: ['monthly_cost_cap', 'hourly_calls', null],
      description: 'Why the model is not asked now (offline analysis only); null when it may be',
    },
    month_resets_at: {
      type: 'string',
      format: 'date-time',
      description: 'When the month, and so the cost cap, starts afresh',
    },
  },
};
