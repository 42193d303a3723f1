/** What the engine matches evidence with, shared by matching (engine.ts) and filling (finding.ts). */
import type { AnalysisInput, Pattern, Signature } from './types.js';

export interface Evidence {
  /** "log:<index into input.lines>", "entry" or "data:<key>". */
  ref: string;
  text: string;
  level: string;
  logger: string | null;
  count: number;
  /** How often a day it occurs at the pace its log shows, when known. */
  perDay?: number;
}

export interface Context {
  input: AnalysisInput;
  evidence: Evidence[];
  custom: boolean | null;
  addon: boolean;
  /** The lines are an app's own log. */
  app: boolean;
}

export interface Match {
  refs: Set<string>;
  /** The evidence the primary pattern matched, first. */
  texts: string[];
  groups: Record<string, string>;
}

export interface Compiled {
  family: string;
  signature: Signature;
  patterns: readonly Pattern[];
}
