/**
 * The OpenAI-compatible backend: the `openai` SDK against any base URL
 * (OpenAI, Ollama, LM Studio, vLLM, …), with the answer's strict JSON Schema as
 * `response_format`. Endpoints without structured output get JSON mode or the
 * schema in the prompt alone (`jsonMode`); in `auto` a refused format is asked
 * again at once in the next weaker one, which is kept from then on. Every answer
 * is checked by the same schema however it was asked for. A repair sends the
 * refused answer back as the assistant's turn, followed by the reason. The SDK
 * retries nothing. It is loaded on the first request, so a sidecar that never
 * asks a model never carries it (some 12 MB).
 */
import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { Logger } from '../../log.js';
import type { LlmJsonMode } from '../../shared/llm-settings.js';
import { ModelTimeout, type LlmBackend, type ModelReply, type Repair } from './backend.js';
import { repairRequest, type LlmPrompt } from './prompt.js';
import { ANSWER_JSON_SCHEMA, RESPONSE_FORMAT } from './schema.js';

/** How the answer is asked for, strictest first. */
export type JsonFormat = Exclude<LlmJsonMode, 'auto'>;
const WEAKER: Record<JsonFormat, JsonFormat | null> = {
  json_schema: 'json_object',
  json_object: 'prompt',
  prompt: null,
};

/** Where the endpoint does not enforce the format, the prompt carries the schema. */
const SCHEMA_IN_PROMPT = `The answer must be one JSON object that matches this JSON Schema exactly (every key present, no others), with no text around it:\n${JSON.stringify(ANSWER_JSON_SCHEMA)}`;

export interface OpenAiBackendOptions {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutS: number;
  /** How to ask for JSON; `auto` (the default) steps down from json_schema when refused. */
  jsonMode?: LlmJsonMode;
  log?: Logger;
}

/** The endpoint takes the format but finds our schema invalid: our bug, not its limit. */
const SCHEMA_REJECTED = /invalid schema|schema (?:is )?(?:invalid|not valid)/i;

/** An endpoint's 400/422 saying it does not take the requested response format. */
function refusesFormat(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { status, param, message } = err as {
    status?: unknown;
    param?: unknown;
    message?: unknown;
  };
  if (status !== 400 && status !== 422) return false;
  if (SCHEMA_REJECTED.test(String(message))) return false;
  return (
    param === 'response_format' ||
    /response_format|json_schema|json_object|structured output/i.test(String(message))
  );
}

export class OpenAiBackend implements LlmBackend {
  readonly backend = 'openai';
  readonly analyzer = 'llm';
  readonly model: string;
  private sdk: Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> | null = null;
  private format: JsonFormat;
  private readonly stepsDown: boolean;

  constructor(private readonly opts: OpenAiBackendOptions) {
    this.model = opts.model;
    const mode = opts.jsonMode ?? 'auto';
    this.format = mode === 'auto' ? 'json_schema' : mode;
    this.stepsDown = mode === 'auto';
  }

  /** How answers are asked for now (after any step down). */
  get jsonFormat(): JsonFormat {
    return this.format;
  }

  private request(messages: ChatCompletionMessageParam[]): ChatCompletionCreateParamsNonStreaming {
    if (this.format === 'json_schema')
      return { model: this.model, messages, response_format: RESPONSE_FORMAT };
    const [system, ...rest] = messages;
    const withSchema: ChatCompletionMessageParam[] = [
      { role: 'system', content: `${String(system?.content ?? '')}\n\n${SCHEMA_IN_PROMPT}` },
      ...rest,
    ];
    return this.format === 'json_object'
      ? { model: this.model, messages: withSchema, response_format: { type: 'json_object' } }
      : { model: this.model, messages: withSchema };
  }

  private load(): Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> {
    this.sdk ??= import('openai').then(({ default: OpenAI }) => ({
      OpenAI,
      client: new OpenAI({
        baseURL: this.opts.baseUrl,
        // Local servers need no key, but the SDK wants one (and must never pick up OPENAI_API_KEY by surprise).
        apiKey: this.opts.apiKey ?? 'no-key',
        timeout: this.opts.timeoutS * 1000,
        maxRetries: 0,
      }),
    }));
    return this.sdk;
  }

  async send(prompt: LlmPrompt, repair: Repair | null): Promise<ModelReply> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
      ...(repair
        ? ([
            { role: 'assistant', content: repair.answer },
            { role: 'user', content: repairRequest(repair.error) },
          ] as const)
        : []),
    ];
    const { OpenAI, client } = await this.load();
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    for (;;) {
      try {
        completion = await client.chat.completions.create(this.request(messages));
        break;
      } catch (err) {
        if (err instanceof OpenAI.APIConnectionTimeoutError)
          throw new ModelTimeout(`no answer from ${this.model} within the timeout`);
        const weaker = WEAKER[this.format];
        if (!this.stepsDown || !weaker || !refusesFormat(err)) throw err;
        this.opts.log?.warning(
          `${this.model} does not take ${this.format} output (${String((err as Error).message).slice(0, 200)}); asking with ${weaker} from now on`,
        );
        this.format = weaker;
      }
    }
    const usage = completion.usage
      ? {
          prompt_tokens: completion.usage.prompt_tokens,
          completion_tokens: completion.usage.completion_tokens,
        }
      : null;
    const choice = completion.choices[0];
    if (!choice) return { content: null, usage, defect: 'the reply holds no answer' };
    const { message } = choice;
    if (message.refusal)
      return { content: null, usage, defect: `the model refused: ${message.refusal}` };
    const content = message.content ?? '';
    if (choice.finish_reason === 'length')
      return {
        content,
        usage,
        defect: 'the answer was cut off at the token limit (truncated JSON)',
      };
    return { content, usage };
  }
}
