import { ERROR_TYPES } from "@/lib/errors/gateway-error";
import { API_STRATEGIES } from "@/lib/services/api-keys/strategy-names";

import { bool, int, nullable, num, object, ref, str, timestamp, type JsonSchema } from "./json-schema";
import { OPENROUTER_GENERATION_PROPERTIES, OPENROUTER_KEY_PROPERTIES, OPENROUTER_SCHEMAS } from "./response-schemas-openrouter";

const FINISH_REASONS = ["stop", "length", "tool_calls", "content_filter", "error"];

const urlCitation = object({
  type: { const: "url_citation" },
  url_citation: object({ url: str, title: str, content: { ...str, description: "The cited page's text, where the provider gave it." }, start_index: int, end_index: int }, ["url", "title", "start_index", "end_index"]),
});

const toolCall = object({ id: str, type: { const: "function" }, function: object({ name: str, arguments: { ...str, description: "JSON text of the arguments." } }) });

/** OpenRouter's cost fields, on every dialect's usage object. */
export const USAGE_COST_PROPERTIES: Record<string, JsonSchema> = {
  cost: { ...nullable(num), description: "What the provider charges for the request, in dollars, at its published prices (or the operator's); null when the model's price is unknown." },
  is_byok: bool,
  cost_details: object({ upstream_inference_cost: nullable(num), upstream_inference_prompt_cost: nullable(num), upstream_inference_completions_cost: nullable(num), estimated: { ...bool, description: "Tokens counted by us: the provider reported none." } }, []),
};

const chatSchemas: Record<string, JsonSchema> = {
  Usage: object(
    {
      prompt_tokens: int, completion_tokens: int, total_tokens: int,
      prompt_tokens_details: object({ cached_tokens: int, cache_write_tokens: int }, []),
      completion_tokens_details: object({ reasoning_tokens: int }, []),
      ...USAGE_COST_PROPERTIES,
    },
    ["prompt_tokens", "completion_tokens", "total_tokens"],
  ),
  ChatCompletion: object(
    {
      id: { ...str, description: "The generation id; GET /api/v1/generation?id= returns its record." },
      object: { const: "chat.completion" }, created: int,
      model: { ...str, description: "The model that answered, as the provider names it." },
      provider: { ...str, description: "The provider that served the request." },
      choices: {
        type: "array",
        items: object(
          {
            index: int,
            message: object({ role: { const: "assistant" }, content: nullable(str), tool_calls: { type: "array", items: toolCall }, reasoning: str, reasoning_details: { type: "array", items: { type: "object" } }, refusal: nullable(str),
              annotations: { type: "array", items: urlCitation, description: "Web sources the answer cites (web search), with the indexes of the cited text." },
            }, ["role", "content"]),
            finish_reason: nullable({ enum: FINISH_REASONS }),
            native_finish_reason: { ...nullable(str), description: "The provider's own finish reason." },
          },
          ["index", "message", "finish_reason"],
        ),
      },
      usage: ref("Usage"),
      system_fingerprint: { ...nullable(str), description: "The provider's, when it sends one; else null." },
    },
    ["id", "object", "created", "model", "choices", "usage", "system_fingerprint"],
  ),
  ChatCompletionChunk: object(
    {
      id: str, object: { const: "chat.completion.chunk" }, created: int, model: str, provider: str,
      choices: { type: "array", items: object({ index: int, delta: { type: "object" }, finish_reason: nullable({ enum: FINISH_REASONS }), native_finish_reason: nullable(str) }, ["index", "delta", "finish_reason"]) },
      usage: nullable(ref("Usage")),
      error: {
        ...object({ message: str, code: { ...int, description: "The HTTP status the failure maps to." }, type: str, metadata: ref("StreamErrorMetadata") }, ["message", "code", "metadata"]),
        description: "Set on the last chunk when the provider failed after the stream began (finish_reason is then error).",
      },
    },
    ["id", "object", "created", "model", "choices"],
  ),
  EmbeddingsResponse: object({
    object: { const: "list" },
    data: { type: "array", items: object({ object: { const: "embedding" }, index: int, embedding: { anyOf: [{ type: "array", items: { type: "number" } }, { ...str, description: "base64, with encoding_format base64." }] } }) },
    model: str,
    usage: object({ prompt_tokens: int, total_tokens: int }),
  }),
};

const nativeSchemas: Record<string, JsonSchema> = {
  AnthropicMessage: object({
    id: str, type: { const: "message" }, role: { const: "assistant" }, model: str,
    content: { type: "array", items: { type: "object", properties: { type: { enum: ["text", "thinking", "redacted_thinking", "tool_use"] } }, required: ["type"] } },
    stop_reason: { enum: ["end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal", "model_context_window_exceeded"] }, stop_sequence: nullable(str),
    usage: object({ input_tokens: int, output_tokens: int, cache_read_input_tokens: int, cache_creation_input_tokens: int }, ["input_tokens", "output_tokens"]),
  }),
  CountTokensResponse: object({ input_tokens: int }),
  GenerateContentResponse: object(
    {
      candidates: { type: "array", items: object({ content: object({ role: { const: "model" }, parts: { type: "array", items: { type: "object" } } }), finishReason: str, index: int }, ["content", "index"]) },
      usageMetadata: object({ promptTokenCount: int, candidatesTokenCount: int, totalTokenCount: int, thoughtsTokenCount: int, cachedContentTokenCount: int }, ["promptTokenCount", "candidatesTokenCount", "totalTokenCount"]),
      modelVersion: str, responseId: str,
    },
    ["candidates"],
  ),
  GeminiCountTokensResponse: object({ totalTokens: int }),
};

const SPEND_FIELDS = {
  usage: { ...num, description: "Dollars this key spent at your providers' prices, in all." },
  usage_daily: { ...num, description: "Dollars spent today (UTC)." }, usage_weekly: { ...num, description: "Dollars spent this week (from Monday, UTC)." },
  usage_monthly: { ...num, description: "Dollars spent this month (UTC)." },
};
const BUDGET_FIELDS = {
  limit_usd: { ...nullable(num), description: "Dollar budget per limit_usd_reset window; null: none." }, limit_usd_reset: { enum: ["daily", "weekly", "monthly", "never"] },
  limit_usd_remaining: nullable(num), limit_usd_resets_at: nullable(timestamp),
};
const accountSchemas: Record<string, JsonSchema> = {
  ApiKey: object({
    hash: { ...str, description: "SHA-256 of the key: its id in /api/v1/keys/{hash}." },
    name: str, label: { ...str, description: "The key's visible prefix." }, disabled: bool, is_default: bool,
    allowed_providers: { type: "array", items: str, description: "Empty: every provider." },
    strategy: nullable({ enum: [...API_STRATEGIES] }), limit: nullable(int), limit_reset: { enum: ["daily", "weekly", "monthly", "never"] },
    ...SPEND_FIELDS, usage_messages: { ...int, description: "Messages used in the current limit window." }, limit_remaining: nullable(int), limit_resets_at: nullable(timestamp),
    ...BUDGET_FIELDS,
    app_origin: { ...nullable(str), description: "The app that obtained the key through OAuth PKCE." },
    created_at: timestamp, updated_at: timestamp, last_used_at: nullable(timestamp),
  }),
  ApiKeyList: object({ data: { type: "array", items: ref("ApiKey"), description: "Newest first, 100 per page." } }),
  ApiKeyEnvelope: object({ data: ref("ApiKey") }),
  CreatedApiKey: object({ key: { ...str, description: "The new lr_live_ key: shown here once, never again." }, data: ref("ApiKey") }),
  DeletedApiKey: object({ deleted: { const: true }, hash: str }),
  KeyInfo: object({
    data: object({
      name: str, label: { ...str, description: "The same as name, under OpenRouter's field name." }, ...SPEND_FIELDS, usage_messages: int,
      limit: nullable(int), limit_reset: str, limit_remaining: nullable(int), ...BUDGET_FIELDS,
      allowed_providers: { type: "array", items: str }, strategy: { enum: [...API_STRATEGIES] },
      plan: { enum: ["free", "starter", "pro", "enterprise"] }, plan_name: str, is_free_tier: bool,
      messages: object({ used: int, limit: nullable(int), remaining: nullable(int), bonus: int, resets_at: timestamp }),
      ...OPENROUTER_KEY_PROPERTIES,
    }),
  }),
  Generation: object({
    data: object({
      id: str, model_requested: str, provider: nullable(str), endpoint: str, status: int, streamed: bool, cancelled: bool,
      finish_reason: nullable(str), native_finish_reason: nullable(str), tokens_total: int,
      tokens_cached: int, tokens_reasoning: int, tokens_cache_write: int, cost_known: { ...bool, description: "False when the model's price is unknown." }, cost_estimated: bool,
      app_title: nullable(str), app_referer: nullable(str), latency: { ...int, description: "Milliseconds." }, time_to_first_token: nullable(int), attempts: int,
      counted_message: bool, error_type: nullable(str), error_message: nullable(str), created_at: timestamp,
      ...OPENROUTER_GENERATION_PROPERTIES,
    }),
  }),
  CodeExchangeResponse: object({ key: { ...str, description: "A new lr_live_ key for the app." }, app: { ...str, description: "The app's origin, from its callback URL." } }),
};

const errorSchemas: Record<string, JsonSchema> = {
  Error: object({
    error: object(
      {
        message: str,
        type: { enum: [...ERROR_TYPES] },
        param: { ...nullable(str), description: "The request field at fault, when there is one." },
        code: { type: ["integer", "string"], description: "A code telling causes apart (message_limit, upstream_auth, …), else the HTTP status." },
        metadata: ref("ErrorMetadata"),
        docs_url: { ...str, format: "uri" },
      },
      ["message", "type", "param", "code", "docs_url"],
    ),
  }),
  OpenRouterError: object({
    error: object(
      {
        message: str,
        type: { enum: [...ERROR_TYPES] },
        param: { ...nullable(str), description: "The request field at fault, when there is one." },
        code: { ...int, description: "The HTTP status, always: OpenRouter's schema (and @openrouter/sdk) require an integer. A code of ours is metadata.code." },
        metadata: ref("ErrorMetadata"),
        docs_url: { ...str, format: "uri" },
      },
      ["message", "type", "param", "code", "docs_url"],
    ),
  }),
  AnthropicError: object({ type: { const: "error" }, error: object({ type: str, message: str, metadata: { type: "object" } }, ["type", "message"]) }),
  GeminiError: object({ error: object({ code: int, message: str, status: { ...str, description: "Google's status name: INVALID_ARGUMENT, UNAUTHENTICATED, RESOURCE_EXHAUSTED, …" } }) }),
};

/** Response bodies of the public API, written as data: the handlers build them by hand too. */
export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = { ...chatSchemas, ...nativeSchemas, ...accountSchemas, ...errorSchemas, ...OPENROUTER_SCHEMAS };
