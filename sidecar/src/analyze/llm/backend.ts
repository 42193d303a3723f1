/**
 * What every LLM backend is (one model call, with an optional repair request)
 * and the exchange they all follow: ask; check the answer; if it is refused,
 * ask once more with the reason; then give up, so the offline result stands.
 * The meter sees every call: the hourly budget before it, the journal after.
 */
import type { LlmCallOutcome } from '../../journal/llm-calls.js';
import type { LlmPrompt } from './prompt.js';
import { checkAnswer, type CheckedAnswer } from './schema.js';

/** Tokens of one call, as the endpoint reports them (or estimated where it reports none). */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** What the model said in one call. */
export interface ModelReply {
  /** Text to parse as JSON, or data the backend already received structured (ai_task). */
  content: unknown;
  usage: TokenUsage | null;
  /** Why the reply cannot be an answer whatever it holds (cut off, refused). */
  defect?: string;
}

/** A refused answer, sent back for the one repair. */
export interface Repair {
  /** The refused answer as the model wrote it. */
  answer: string;
  /** Why it was refused. */
  error: string;
}

/** One model call as the meter records it. */
export interface MeteredCall {
  usage: TokenUsage | null;
  outcome: LlmCallOutcome;
  /** Candidate actions off the allow-list that were dropped. */
  dropped: number;
  detail: string | null;
  /** How long the call took, reply or not. */
  latencyMs: number;
}

/** The analyzer's hooks into every call. */
export interface CallMeter {
  /** False when the budget (calls this hour, cost this month) allows no further call. */
  mayCall(): boolean;
  record(call: MeteredCall): void;
}

/** An LLM the analyzer can ask. */
export interface LlmBackend {
  /** The journal's name of the backend. */
  readonly backend: 'openai' | 'ai_task';
  /** The analyzer its results are labelled with. */
  readonly analyzer: 'llm' | 'ai_task';
  /** The model (or ai_task entity) asked, for the journal and the cache key. */
  readonly model: string;
  /** One call; throws ModelTimeout (or any other error) when no reply came. */
  send(prompt: LlmPrompt, repair: Repair | null): Promise<ModelReply>;
}

/** The model did not answer in time. */
export class ModelTimeout extends Error {}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  try {
    return JSON.stringify(content) ?? String(content);
  } catch {
    return String(content);
  }
}

/**
 * Ask `backend` for an analysis; one repair attempt when the answer does not
 * parse or validate. Null when no valid answer came (budget, errors, garbage).
 */
export async function askWithOneRepair(
  backend: LlmBackend,
  prompt: LlmPrompt,
  meter: CallMeter,
): Promise<CheckedAnswer | null> {
  let repair: Repair | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!meter.mayCall()) return null;
    let reply: ModelReply;
    const started = performance.now();
    const latencyMs = () => Math.round(performance.now() - started);
    try {
      reply = await backend.send(prompt, repair);
    } catch (err) {
      // No reply is not an answer to repair: the caller keeps the offline result.
      const timeout = err instanceof ModelTimeout;
      meter.record({
        usage: null,
        outcome: timeout ? 'timeout' : 'error',
        dropped: 0,
        detail: clip(err instanceof Error ? err.message : String(err), 500),
        latencyMs: latencyMs(),
      });
      return null;
    }
    const check = reply.defect
      ? ({ ok: false, error: reply.defect } as const)
      : checkAnswer(reply.content, backend.analyzer);
    if (check.ok) {
      const { offList, invalid } = check.answer;
      const notes = [
        ...(offList.length ? [`dropped off the allow-list: ${offList.join(', ')}`] : []),
        ...(invalid ? [`dropped ${invalid} malformed candidate(s)`] : []),
      ];
      meter.record({
        usage: reply.usage,
        outcome: repair ? 'repaired' : 'valid',
        dropped: offList.length,
        detail: notes.length ? clip(notes.join('; '), 500) : null,
        latencyMs: latencyMs(),
      });
      return check.answer;
    }
    meter.record({
      usage: reply.usage,
      outcome: 'invalid',
      dropped: 0,
      detail: clip(check.error, 500),
      latencyMs: latencyMs(),
    });
    repair = { answer: clip(textOf(reply.content), 8000), error: check.error };
  }
  return null;
}
