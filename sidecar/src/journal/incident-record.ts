import type { Incident, RcaResult } from '@ha-llm-ops/contracts';

/** An incident as stored: the contract plus what correlation needs. */
export interface IncidentRecord extends Omit<Incident, 'ha_issue' | 'outcome'> {
  group_key: string;
  flaps: number;
  analysis: RcaResult | null;
  analyzed_at: string | null;
  updated_at: string;
}
