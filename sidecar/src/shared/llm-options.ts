/**
 * The add-on options of the LLM analyzer and the environment variables they
 * stand for. A module without imports, so config.ts can spread it into its
 * OPTION_ENV at load time without an import cycle through settings.ts.
 */
export const LLM_OPTION_ENV: Readonly<Record<string, string>> = {
  llm_backend: 'LLM_OPS_LLM_BACKEND',
  llm_base_url: 'LLM_OPS_LLM_BASE_URL',
  llm_model: 'LLM_OPS_LLM_MODEL',
  llm_api_key: 'LLM_OPS_LLM_API_KEY',
  llm_ai_task_entity: 'LLM_OPS_LLM_AI_TASK_ENTITY',
  llm_calls_per_hour: 'LLM_OPS_LLM_CALLS_PER_HOUR',
  llm_timeout_s: 'LLM_OPS_LLM_TIMEOUT_S',
  llm_json_mode: 'LLM_OPS_LLM_JSON_MODE',
  llm_cost_input_per_mtok: 'LLM_OPS_LLM_COST_INPUT_PER_MTOK',
  llm_cost_output_per_mtok: 'LLM_OPS_LLM_COST_OUTPUT_PER_MTOK',
  llm_monthly_cost_cap: 'LLM_OPS_LLM_MONTHLY_COST_CAP',
};
