/** Real-world wordings of the conversation family's failures (signatures/conversation.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('conversation', [
  c(
    // Gemini Pro was new; the integration still called the PaLM API (fixed in a release).
    "an LLM service's error behind Assist's apology",
    input('google_generative_ai_conversation', [
      line(
        'Sorry, I had a problem talking to Google Generative AI: 404 models/gemini-pro is not found for API version v1beta2, or is not supported for generateMessage.',
        'UNKNOWN',
      ),
    ]),
    'conversation.agent_error',
    'other',
    'notify_only',
  ),
  c(
    // A small local model without tool calling, asked to control Home Assistant.
    'a model that cannot do what the agent asks',
    input('ollama', [
      line(
        'Sorry, I had a problem talking to the Ollama server: hf.co/acon96/Home-1B-v3-GGUF:Q4_K_M does not support tools',
        'UNKNOWN',
      ),
    ]),
    'conversation.agent_error',
    'other',
    'fix_config_then_reload',
  ),
]);
