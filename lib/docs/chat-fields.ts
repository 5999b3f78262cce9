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
  { name: "model", type: "string", required: true, description: "provider/model (e.g. anthropic/claude-sonnet-4-5), an OpenRouter id (anthropic/claude-sonnet-4.5, meta-llama/llama-3.3-70b-instruct, openrouter/auto) or a bare name (gpt-4o), optionally with variants (:nitro, :floor, :thinking, :online; :free, :exacto and @preset/… through an OpenRouter credential). Optional when models[] is given." },
  { name: "models", type: "string[]", description: "Fallbacks, up to 10: tried in order when the model before them fails before the first byte, whatever the error of that model (provider down, rate-limited, credential refused, model not found, parameter refused). A request we refuse ourselves (400 before any attempt) fails at once." },
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
  { name: "tools", type: "object[]", description: "Up to 128 function tools: { type: \"function\", function: { name, description, parameters, strict } }; and OpenRouter's { type: \"openrouter:web_search\", parameters } server tool, which turns on the provider's own web search." },
  { name: "tool_choice", type: "string | object", default: "auto", description: "none, auto, required, or { type: \"function\", function: { name } }." },
  { name: "parallel_tool_calls", type: "boolean", default: "true", description: "Whether the model may call several tools in one turn." },
  { name: "response_format", type: "object", description: "{ type: \"json_object\" } or { type: \"json_schema\", json_schema: { name, schema, strict } } for structured outputs." },
  { name: "user", type: "string", description: "Your end user's id: passed to providers that take one, and keeps their requests on one credential." },
  { name: "reasoning_effort", type: "string", description: "minimal, low, medium or high: OpenAI's reasoning control, mapped to thinking budgets on Anthropic and Gemini." },
  { name: "reasoning", type: "object", description: "OpenRouter's form: { effort, max_tokens, exclude, enabled }. The answer carries message.reasoning (and reasoning_details with signatures)." },
  { name: "web_search_options", type: "object", description: "OpenAI's web search: { search_context_size, user_location }. Runs the provider's own search (OpenAI search models, Anthropic's web search tool, Gemini's Google Search); citations come back as message.annotations (url_citation). 400 where the provider has none." },
  { name: "plugins", type: "object[]", description: "OpenRouter's plugins: { id: \"web\" } turns on web search as web_search_options does (max_results and search_prompt apply at OpenRouter only). Every plugin is sent as is to an OpenRouter credential; the others are ignored elsewhere." },
  { name: "provider", type: "object", description: "OpenRouter's provider preferences (order, only, ignore, allow_fallbacks, sort, require_parameters, max_price, …): applied to your own providers as the OpenRouter compatibility section describes, and sent as is to an OpenRouter credential." },
  { name: "transforms", type: "string[]", description: "[\"middle-out\"] shortens a prompt longer than the model's context by dropping messages (then text) from its middle; on by default for models of 8k context or less, [] turns it off." },
  { name: "preset", type: "string", description: "An OpenRouter preset's slug: only an OpenRouter credential can serve it." },
];
