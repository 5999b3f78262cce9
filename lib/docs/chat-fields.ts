export interface FieldDoc {
  name: string;
  type: string;
  required?: boolean;
  default?: string;
  description: string;
}

/**
 * Every field POST /v1/chat/completions reads, in the order the docs list them. A test holds this
 * list and the request schema (lib/gateway/chat/request-schema.ts) to the same set of names, and
 * the OpenAPI document takes its property descriptions from here.
 */
export const CHAT_FIELDS: FieldDoc[] = [
  { name: "model", type: "string", required: true, description: "provider/model (e.g. anthropic/claude-sonnet-4-5) or a bare name (gpt-4o). Optional when models[] is given." },
  { name: "models", type: "string[]", description: "Fallbacks, up to 10: tried in order when the model before them fails before the first byte (provider down, rate-limited, credential refused)." },
  { name: "messages", type: "object[]", required: true, description: "The conversation: system, developer, user, assistant and tool messages. Content is a string or parts (text, image_url, file, input_audio)." },
  { name: "max_tokens", type: "integer", default: "8192 on Anthropic, else the provider's", description: "Most tokens to generate. Anthropic requires a value, so 8192 is sent when you set none." },
  { name: "max_completion_tokens", type: "integer", description: "OpenAI's newer name for max_tokens; either works." },
  { name: "temperature", type: "number 0–2", default: "1", description: "Sampling temperature. Higher is more varied." },
  { name: "top_p", type: "number 0–1", default: "1", description: "Nucleus sampling. Use either temperature or top_p." },
  { name: "top_k", type: "integer", description: "Sample from the k most likely tokens (Anthropic, Gemini and others; ignored where unsupported)." },
  { name: "frequency_penalty", type: "number −2–2", description: "Penalise tokens by how often they appeared." },
  { name: "presence_penalty", type: "number −2–2", description: "Penalise tokens that appeared at all." },
  { name: "repetition_penalty", type: "number 0–2", description: "Repetition penalty for providers that take one (OpenRouter, Together)." },
  { name: "stop", type: "string | string[]", description: "Up to 16 sequences that end the answer." },
  { name: "seed", type: "integer", description: "Best-effort deterministic sampling where the provider supports it." },
  { name: "n", type: "integer 1–8", default: "1", description: "How many choices to generate." },
  { name: "stream", type: "boolean", default: "false", description: "Answer as server-sent events: chat.completion.chunk objects, then data: [DONE]." },
  { name: "stream_options", type: "object", description: "{ include_usage: true } adds a final chunk with usage." },
  { name: "tools", type: "object[]", description: "Up to 128 function tools: { type: \"function\", function: { name, description, parameters, strict } }." },
  { name: "tool_choice", type: "string | object", default: "auto", description: "none, auto, required, or { type: \"function\", function: { name } }." },
  { name: "parallel_tool_calls", type: "boolean", default: "true", description: "Whether the model may call several tools in one turn." },
  { name: "response_format", type: "object", description: "{ type: \"json_object\" } or { type: \"json_schema\", json_schema: { name, schema, strict } } for structured outputs." },
  { name: "user", type: "string", description: "Your end user's id: passed to providers that take one, and keeps their requests on one credential." },
  { name: "reasoning_effort", type: "string", description: "minimal, low, medium or high: OpenAI's reasoning control, mapped to thinking budgets on Anthropic and Gemini." },
  { name: "reasoning", type: "object", description: "OpenRouter's form: { effort, max_tokens, exclude, enabled }. The answer carries message.reasoning (and reasoning_details with signatures)." },
];
