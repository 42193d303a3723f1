/**
 * The OpenAI-compatible backend: the `openai` SDK against any base URL
 * (OpenAI, Ollama, LM Studio, vLLM, …), with the answer's strict JSON Schema as
 * `response_format`. A repair sends the refused answer back as the assistant's
 * turn, followed by the reason. The SDK retries nothing: every request is one
 * call of the hourly budget. The SDK is loaded on the first request, so a
 * sidecar that never asks a model never carries it (some 12 MB).
 */
import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { ModelTimeout, type LlmBackend, type ModelReply, type Repair } from './backend.js';
import { repairRequest, type LlmPrompt } from './prompt.js';
import { RESPONSE_FORMAT } from './schema.js';

export interface OpenAiBackendOptions {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutS: number;
}

export class OpenAiBackend implements LlmBackend {
  readonly backend = 'openai';
  readonly analyzer = 'llm';
  readonly model: string;
  private sdk: Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> | null = null;

  constructor(private readonly opts: OpenAiBackendOptions) {
    this.model = opts.model;
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
    try {
      completion = await client.chat.completions.create({
        model: this.model,
        messages,
        response_format: RESPONSE_FORMAT,
      });
    } catch (err) {
      if (err instanceof OpenAI.APIConnectionTimeoutError)
        throw new ModelTimeout(`no answer from ${this.model} within the timeout`);
      throw err;
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
