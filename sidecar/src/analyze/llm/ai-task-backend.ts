/**
 * The ai_task backend: the model the user already set up in Home Assistant,
 * asked through the `ai_task.generate_data` action with a `structure` (HA's
 * selector-based field map: `{field: {description, required, selector}}`),
 * over the sidecar's WebSocket connection. HA does not validate the model's
 * data against the structure, so the answer is checked here like any other.
 * HA reports no token usage: tokens are estimated from the text.
 */
import { CATEGORIES, REMEDIES, RISKS, VERIFICATION_KINDS } from '@ha-llm-ops/contracts';
import { ACTIONS } from '../../actions/index.js';
import type { Connection } from 'home-assistant-js-websocket';
import { estimateTokens } from '../../package/index.js';
import { ModelTimeout, type LlmBackend, type ModelReply, type Repair } from './backend.js';
import { repairRequest, type LlmPrompt } from './prompt.js';
import { PARAM_NAMES } from './schema.js';

const select = (options: readonly string[]) => ({ select: { options: [...options] } });
const text = (multiline = false) => ({ text: multiline ? { multiline: true } : {} });

/** The answer's shape as an ai_task `structure` (the same fields as the strict JSON Schema). */
export const AI_TASK_STRUCTURE = {
  summary: {
    description: 'One sentence: what is broken.',
    required: true,
    selector: text(),
  },
  root_cause: {
    description: 'Why it broke, quoting the decisive evidence.',
    required: true,
    selector: text(true),
  },
  impact: {
    description: 'What the user loses meanwhile.',
    required: true,
    selector: text(true),
  },
  confidence: {
    description: '0 to 1: how sure the evidence makes you.',
    required: true,
    selector: { number: { min: 0, max: 1, step: 0.01, mode: 'box' } },
  },
  category: { description: 'The failure class.', required: true, selector: select(CATEGORIES) },
  remedy: {
    description: 'The kind of fix that actually helps.',
    required: true,
    selector: select(REMEDIES),
  },
  candidate_actions: {
    description: 'Allow-listed actions worth proposing, best first; empty when none helps.',
    required: true,
    selector: {
      object: {
        multiple: true,
        fields: {
          action_id: { label: 'Action', required: true, selector: select(Object.keys(ACTIONS)) },
          params: {
            label: 'Parameters the action takes',
            required: true,
            selector: {
              object: {
                fields: Object.fromEntries(PARAM_NAMES.map((p) => [p, { selector: text() }])),
              },
            },
          },
          rationale: { label: 'Why, and when', required: true, selector: text(true) },
          risk: { label: 'Risk', required: true, selector: select(RISKS) },
        },
      },
    },
  },
  risk: {
    description: 'Risk of the riskiest candidate action (low without any).',
    required: true,
    selector: select(RISKS),
  },
  tests: {
    description: 'How to tell that the fix worked.',
    required: true,
    selector: {
      object: {
        multiple: true,
        fields: {
          kind: { label: 'Kind', required: true, selector: select(VERIFICATION_KINDS) },
          description: { label: 'Description', required: true, selector: text() },
        },
      },
    },
  },
  manual_steps: {
    description: 'Concrete steps for the user, in order.',
    required: true,
    selector: { text: { multiple: true } },
  },
} as const;

export const AI_TASK_NAME = 'LLM Ops incident analysis';

export interface AiTaskBackendOptions {
  /** The sidecar's live connection to HA (undefined while disconnected). */
  connection: () => Connection | undefined;
  /** The ai_task entity; null lets HA use its preferred one. */
  entityId: string | null;
  timeoutS: number;
}

interface ServiceResult {
  response?: { conversation_id?: string; data?: unknown } | null;
}

/** home-assistant-js-websocket rejects with HA's `{code, message}`, not an Error. */
function errorOf(err: unknown): Error {
  if (err instanceof Error) return err;
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const e = err as { code?: unknown; message: unknown };
    return new Error(`${String(e.code ?? 'error')}: ${String(e.message)}`);
  }
  return new Error(String(err));
}

export class AiTaskBackend implements LlmBackend {
  readonly backend = 'ai_task';
  readonly analyzer = 'ai_task';
  readonly model: string;

  constructor(private readonly opts: AiTaskBackendOptions) {
    this.model = opts.entityId ?? 'ai_task';
  }

  async send(prompt: LlmPrompt, repair: Repair | null): Promise<ModelReply> {
    const conn = this.opts.connection();
    if (!conn?.connected) throw new Error('Home Assistant is not connected');
    // One text carries everything: AI Task has instructions, not chat turns.
    const instructions = [
      prompt.system,
      '',
      prompt.user,
      ...(repair ? ['', repairRequest(repair.error)] : []),
    ].join('\n');
    const call = conn.sendMessagePromise<ServiceResult>({
      type: 'call_service',
      domain: 'ai_task',
      service: 'generate_data',
      service_data: {
        task_name: AI_TASK_NAME,
        instructions,
        structure: AI_TASK_STRUCTURE,
        ...(this.opts.entityId ? { entity_id: this.opts.entityId } : {}),
      },
      return_response: true,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ModelTimeout(`ai_task gave no answer within ${this.opts.timeoutS} s`)),
        this.opts.timeoutS * 1000,
      );
    });
    let result: ServiceResult;
    try {
      result = await Promise.race([call, timeout]);
    } catch (err) {
      if (err instanceof ModelTimeout) throw err;
      throw errorOf(err);
    } finally {
      clearTimeout(timer);
      call.catch(() => undefined); // a late rejection after the timeout is not news
    }
    const data = result.response?.data;
    const answer = typeof data === 'string' ? data : (JSON.stringify(data) ?? '');
    return {
      content: data ?? null,
      usage: {
        prompt_tokens: estimateTokens(instructions),
        completion_tokens: estimateTokens(answer),
      },
    };
  }
}
