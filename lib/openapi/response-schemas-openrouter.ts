import { array, bool, int, nullable, num, object, ref, str, type JsonSchema } from "./json-schema";

const FINISH_REASONS = ["stop", "length", "tool_calls", "content_filter", "error"];
const none = (description: string): JsonSchema => ({ type: "null", description });
const strings = array(str);

const architecture = object({
  modality: { ...str, description: "Inputs and outputs, e.g. text+image->text." },
  input_modalities: { ...strings, description: "text, image, file, audio, video: what the model family accepts." },
  output_modalities: { ...strings, description: "text, or embeddings." },
  tokenizer: { ...str, description: "OpenRouter's tokenizer group (Claude, GPT, Gemini, Llama3, …; Other when unknown)." },
  instruct_type: none("Chat models have none."),
});

const pricing = object({ prompt: { ...str, description: "USD per million input tokens, at the provider." }, completion: { ...str, description: "USD per million output tokens." } });

const modelSchemas: Record<string, JsonSchema> = {
  Model: object(
    {
      id: { ...str, description: "provider/model, as you send it." }, canonical_slug: { ...str, description: "The same id." }, hugging_face_id: none("Not known here."),
      object: { const: "model" }, created: int, owned_by: str, name: str, description: str, provider: str, context_length: int,
      architecture, pricing,
      top_provider: object({ context_length: int, max_completion_tokens: none("Not known here."), is_moderated: { const: false } }),
      per_request_limits: none("No per-request limits."), default_parameters: none("The provider's defaults apply."), supported_voices: none("No voices."),
      expiration_date: none("Not known here."), knowledge_cutoff: none("Not known here."),
      supported_parameters: { ...strings, description: "Request fields the provider's adapter carries (tools and reasoning where the model family has them)." },
      links: object({ details: { ...str, format: "uri", description: "This model's endpoints." } }),
      type: { const: "embedding", description: "Present on embedding models." },
    },
    ["id", "canonical_slug", "object", "created", "owned_by", "name", "description", "provider", "context_length", "architecture", "pricing", "top_provider", "per_request_limits", "supported_parameters", "default_parameters", "supported_voices", "links"],
  ),
  ModelList: object({
    object: { const: "list" },
    data: array(ref("Model")),
    links: object({ next: { ...nullable(str), description: "The next page (with offset), when limit cut the list." } }),
    total_count: { ...int, description: "Models matching the filters, over all pages." },
  }),
  ModelCount: object({ data: object({ count: int }) }),
  ModelEndpoints: object({
    data: object({
      id: str, name: str, created: int, description: str, architecture,
      endpoints: array(object({
        name: { ...str, description: "Provider | model (credential label)." }, model_id: str, model_name: str,
        provider_name: str, tag: { ...str, description: "The provider id." }, credential_label: { ...nullable(str), description: "Your credential's label; null without a token." },
        context_length: int, pricing, supported_parameters: strings,
        supports_tool_choice: object({ auto: bool, none: bool, required: bool, function: bool }), supports_implicit_caching: bool,
        quantization: none("Not known here."), max_completion_tokens: none("Not known here."), max_prompt_tokens: none("Not known here."),
        uptime_last_5m: none("Not measured."), uptime_last_30m: none("Not measured."), uptime_last_1d: none("Not measured."),
        latency_last_30m: none("Not measured."), throughput_last_30m: none("Not measured."),
      })),
    }),
  }),
};

const completionSchemas: Record<string, JsonSchema> = {
  TextCompletion: object(
    {
      id: { ...str, description: "The generation id of the first prompt's request." }, object: { const: "text_completion" }, created: int, model: str, provider: str,
      choices: array(object({ text: str, index: { ...int, description: "prompt index × n + choice" }, logprobs: { type: "null" }, finish_reason: nullable({ enum: FINISH_REASONS }), native_finish_reason: nullable(str) }, ["text", "index", "logprobs", "finish_reason"])),
      usage: { ...ref("Usage"), description: "Summed over the prompts; in a stream, on the last chunk." },
      system_fingerprint: nullable(str),
    },
    ["id", "object", "created", "model", "choices"],
  ),
};

const geminiSchemas: Record<string, JsonSchema> = {
  GeminiModel: object(
    {
      name: { ...str, description: "models/gemini-2.5-flash for Google's models, models/provider/model for others." },
      baseModelId: str, displayName: str, description: str, inputTokenLimit: int,
      supportedGenerationMethods: { ...strings, description: "generateContent, streamGenerateContent, countTokens; or embedContent, batchEmbedContents." },
      thinking: bool,
    },
    ["name", "baseModelId", "displayName", "description", "supportedGenerationMethods"],
  ),
  GeminiModelList: object({ models: array(ref("GeminiModel")), nextPageToken: { ...str, description: "Pass as pageToken for the next page; absent on the last." } }, ["models"]),
  EmbedContentResponse: object({ embedding: object({ values: array(num) }) }),
  BatchEmbedContentsResponse: object({ embeddings: array(object({ values: array(num) })) }),
};

const errorMetadata: Record<string, JsonSchema> = {
  ErrorMetadata: {
    type: "object",
    description: "When a provider failed: provider, provider_name (as OpenRouter names it), status (the provider's HTTP status) and raw (the provider's error body, credentials masked). resets_at when a limit is reached. On /api/v1, code.",
    properties: {
      provider: str, provider_name: str, status: int, raw: { description: "The provider's JSON error body, or its text." }, resets_at: str,
      code: { ...str, description: "On OpenRouter's paths (/api/v1): the code telling causes apart (message_limit, …) that error.code carries on /v1." },
    },
  },
  StreamErrorMetadata: {
    ...object({ error_type: { ...str, description: "OpenRouter's name: rate_limit_exceeded, server, timeout, …" }, provider_code: { ...str, description: "The provider's own error code, when not a number." } }, ["error_type"]),
    description: "ErrorMetadata's fields, and error_type.",
  },
};

export const OPENROUTER_SCHEMAS: Record<string, JsonSchema> = { ...modelSchemas, ...completionSchemas, ...geminiSchemas, ...errorMetadata };

/** OpenRouter's key fields on GET /api/v1/key: dollar amounts we do not keep are 0. */
export const OPENROUTER_KEY_PROPERTIES: Record<string, JsonSchema> = {
  ...Object.fromEntries(["byok_usage", "byok_usage_daily", "byok_usage_weekly", "byok_usage_monthly"].map((name) => [name, { ...num, description: "The same as usage without byok_: every request here is bring-your-own-key." }])),
  include_byok_in_limit: { const: true, description: "Every request is bring-your-own-key, and counts." },
  is_management_key: { const: false }, is_provisioning_key: { const: false }, allowed_data_regions: { type: "array", maxItems: 0 },
  free_model_daily_requests: object({ limit: int, remaining: int, used: int }),
  rate_limit: object({ requests: { const: -1, description: "No request-rate limit." }, interval: str, note: str }),
  creator_user_id: { type: "null" }, organization_id: { type: "null" }, workspace_id: { type: "null" },
};

const nulls = ["cache_discount", "generation_time", "moderation_latency", "native_tokens_completion_images", "num_fetches", "num_input_audio_prompt", "num_media_completion", "num_media_prompt", "num_search_results", "app_id", "external_user", "user_agent", "preset_id", "provider_responses", "router", "service_tier", "upstream_id", "web_search_engine", "workspace_id"];

/** OpenRouter's generation fields on GET /api/v1/generation: what we do not record is null, costs 0. */
export const OPENROUTER_GENERATION_PROPERTIES: Record<string, JsonSchema> = {
  model: { ...str, description: "The model that answered (the requested one when none did)." },
  api_type: { enum: ["completions", "embeddings"] }, provider_name: nullable(str), is_byok: { const: true }, data_region: { const: "global" }, origin: str,
  tokens_prompt: int, tokens_completion: int, native_tokens_prompt: int, native_tokens_completion: int, native_tokens_cached: int, native_tokens_reasoning: int,
  total_cost: { ...num, description: "Dollars at the provider's prices; 0 when the price is unknown (cost_known is then false)." }, usage: { ...num, description: "The same as total_cost." },
  upstream_inference_cost: { ...nullable(num), description: "Dollars at the provider's prices; null when the price is unknown." },
  http_referer: { ...nullable(str), description: "The request's HTTP-Referer (origin and path)." },
  ...Object.fromEntries(nulls.map((name) => [name, { type: "null" }])),
};
