import * as v from 'valibot';

/** `GET /api/health`: liveness of the sidecar and its link to Home Assistant. */
export const Health = v.object({
  status: v.literal('ok'),
  /** Always "ha-llm-ops": lets a client tell the sidecar from any other server. */
  service: v.literal('ha-llm-ops'),
  version: v.string(),
  /** True when the request carried the valid API token. */
  authenticated: v.boolean(),
  ha: v.object({
    connected: v.boolean(),
    version: v.nullable(v.string()),
  }),
});
export type Health = v.InferOutput<typeof Health>;
