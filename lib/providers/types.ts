/**
 * The shared shape in the middle of the gateway. It is OpenAI's Chat Completions wire format
 * (what most clients already speak) plus the fields other providers need to round-trip:
 * `reasoning` text with signatures, cached and reasoning token counts, `native_finish_reason`.
 * Inbound dialects (OpenAI, Anthropic Messages, Gemini) convert to and from it; upstream
 * families (OpenAI dialect, Anthropic, Gemini, Cohere) convert from and to it.
 */

export type Role = "system" | "developer" | "user" | "assistant" | "tool";

export interface TextPart {
  type: "text";
  text: string;
  /** Anthropic prompt caching, carried through when the client sent it. */
  cache_control?: { type: "ephemeral"; ttl?: string };
}

export interface ImagePart {
  type: "image_url";
  /** An http(s) URL or a `data:<mime>;base64,<data>` URL. */
  image_url: { url: string; detail?: "auto" | "low" | "high" };
}

export interface FilePart {
  type: "file";
  file: { filename?: string; file_data?: string; file_id?: string };
}

export type ContentPart = TextPart | ImagePart | FilePart;

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/** One piece of model reasoning, with what the provider needs to accept it back next turn. */
export interface ReasoningDetail {
  type: "reasoning.text" | "reasoning.encrypted";
  text?: string;
  /** Anthropic thinking signature or Gemini thought signature. */
  signature?: string;
  /** Anthropic redacted_thinking payload. */
  data?: string;
  format?: "anthropic" | "gemini" | "openai";
}

export interface ChatMessage {
  role: Role;
  content: string | ContentPart[] | null;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
  reasoning?: string;
  reasoning_details?: ReasoningDetail[];
}

export interface FunctionTool {
  type: "function";
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

/**
 * OpenRouter's server-side web search tool: the model searches when it decides to. Sent as is to an
 * OpenRouter credential; mapped onto the provider's own search (see `web_search_options`) elsewhere.
 */
export interface WebSearchServerTool {
  type: "openrouter:web_search";
  parameters?: { engine?: string; max_results?: number; search_context_size?: SearchContextSize; allowed_domains?: string[]; excluded_domains?: string[] };
}

export type Tool = FunctionTool | WebSearchServerTool;

export type SearchContextSize = "low" | "medium" | "high";

/**
 * Web search, as OpenAI's `web_search_options` plus the domain filters OpenRouter's server tool
 * takes: each provider's own server-side search (OpenAI search models, Anthropic's web search
 * tool, Gemini's Google Search grounding) is asked for with it.
 */
export interface WebSearchOptions {
  search_context_size?: SearchContextSize;
  user_location?: { type: "approximate"; approximate: { city?: string; country?: string; region?: string; timezone?: string } } | null;
  allowed_domains?: string[];
  excluded_domains?: string[];
}

/** A web source the answer cites, as OpenAI's and OpenRouter's `annotations`. */
export interface UrlCitation {
  type: "url_citation";
  url_citation: { url: string; title: string; content?: string; start_index: number; end_index: number };
}

export type ToolChoice =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; function: { name: string } };

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
      type: "json_schema";
      json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean };
    };

export type ReasoningEffort = "minimal" | "low" | "medium" | "high";

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  repetition_penalty?: number;
  stop?: string | string[];
  seed?: number;
  n?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Tool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: ResponseFormat;
  user?: string;
  logit_bias?: Record<string, number>;
  logprobs?: boolean;
  top_logprobs?: number;
  reasoning_effort?: ReasoningEffort;
  /** OpenRouter-style reasoning control. */
  reasoning?: { effort?: ReasoningEffort; max_tokens?: number; exclude?: boolean; enabled?: boolean };
  web_search_options?: WebSearchOptions;
  /** Fields we do not model, kept for a same-dialect upstream. */
  [extra: string]: unknown;
}

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "error";

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
  /** What the provider charges for the request in dollars (lib/pricing); null when its price is unknown. */
  cost?: number | null;
  is_byok?: boolean;
  cost_details?: CostDetails;
}

/** OpenRouter's breakdown of `cost`; with your own keys, the upstream's charge is all of it. */
export interface CostDetails {
  upstream_inference_cost: number | null;
  upstream_inference_prompt_cost: number | null;
  upstream_inference_completions_cost: number | null;
  /** The tokens were counted by us because the provider reported none. */
  estimated?: boolean;
}

export interface ResponseMessage {
  role: "assistant";
  content: string | null;
  tool_calls?: ToolCall[];
  reasoning?: string;
  reasoning_details?: ReasoningDetail[];
  refusal?: string | null;
  annotations?: UrlCitation[];
}

export interface ChatResponse {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  provider?: string;
  choices: Array<{
    index: number;
    message: ResponseMessage;
    finish_reason: FinishReason | null;
    native_finish_reason?: string | null;
    logprobs?: unknown;
  }>;
  usage: Usage;
  system_fingerprint?: string | null;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

export interface ChunkDelta {
  role?: "assistant";
  content?: string | null;
  tool_calls?: ToolCallDelta[];
  reasoning?: string;
  reasoning_details?: ReasoningDetail[];
  annotations?: UrlCitation[];
}

export interface ChatChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  provider?: string;
  choices: Array<{
    index: number;
    delta: ChunkDelta;
    finish_reason: FinishReason | null;
    native_finish_reason?: string | null;
  }>;
  usage?: Usage | null;
  /** Set on the last chunk when the upstream failed after the stream began. */
  error?: { message: string; code?: number | string; type?: string; metadata?: Record<string, unknown> };
}

export interface EmbeddingsRequest {
  model: string;
  input: string | string[] | number[] | number[][];
  encoding_format?: "float" | "base64";
  dimensions?: number;
  user?: string;
  /** Cohere and Gemini distinguish documents from queries. */
  input_type?: string;
}

export interface EmbeddingsResponse {
  object: "list";
  data: Array<{ object: "embedding"; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** A server-sent event as parsed off the wire. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

export type WireFamily = "openai" | "anthropic" | "gemini" | "cohere";

export type AuthStyle =
  | "bearer"
  | "x-api-key"
  | "x-goog-api-key"
  | "anthropic"; // x-api-key for API keys, Bearer + oauth beta for OAuth tokens

export interface UpstreamCredential {
  secret: string;
  kind: "api_key" | "oauth_token";
  /** Cloudflare account id. */
  accountId?: string | null;
}

/** Everything an adapter needs for one upstream call. Adapters never read the environment. */
export interface UpstreamContext {
  provider: string;
  /** Base URL already resolved (credential override, then environment, then default). */
  baseUrl: string;
  /** The model id as the upstream knows it (no `provider/` prefix). */
  model: string;
  credential: UpstreamCredential;
  /** Headers the client sent that the upstream should see (e.g. anthropic-beta). */
  passHeaders?: Record<string, string>;
  /** Our generation id, used as the response id. */
  id: string;
  created: number;
  quirks?: ProviderQuirks;
}

export interface ProviderQuirks {
  /** Request fields this provider rejects; dropped before sending. */
  unsupportedFields?: string[];
  /** Send `max_tokens` instead of `max_completion_tokens`. */
  legacyMaxTokens?: boolean;
  /** Upstream does not accept stream_options. */
  noStreamOptions?: boolean;
  /** Request fields the provider names differently (Mistral's `random_seed` for `seed`). */
  renamedFields?: Record<string, string>;
  /** A trailing assistant message is a prefill only when marked `prefix: true` (Mistral). */
  prefixPrefill?: boolean;
  /** Only json_object is accepted: a json_schema becomes json_object plus the schema as an instruction. */
  jsonObjectOnly?: boolean;
  /** Client headers passed on to this provider (OpenRouter's app attribution), lower-case. */
  forwardHeaders?: string[];
  /** Path of the chat endpoint relative to the base URL. */
  chatPath?: string;
  embeddingsPath?: string;
  modelsPath?: string;
}

export interface UpstreamRequest {
  url: string;
  method: "POST" | "GET";
  headers: Record<string, string>;
  body?: string;
}

/** A Web Streams transformer that works synchronously (`new TransformStream(it)` also takes it). */
export interface SyncTransformer<I, O> {
  start?(controller: TransformStreamDefaultController<O>): void;
  transform(chunk: I, controller: TransformStreamDefaultController<O>): void;
  flush?(controller: TransformStreamDefaultController<O>): void;
}

/**
 * One upstream wire family. Conversions are pure: no I/O, no clock, no environment.
 */
export interface ProviderAdapter {
  family: WireFamily;
  buildChatRequest(request: ChatRequest, ctx: UpstreamContext): UpstreamRequest;
  parseChatResponse(body: unknown, ctx: UpstreamContext): ChatResponse;
  /**
   * Turns the upstream's SSE events into our chunks; usage and finish reason come out in flush.
   * A transformer, not a TransformStream: the gateway runs it inside the one reader of the body.
   */
  createStreamTransformer(ctx: UpstreamContext): SyncTransformer<SseEvent, ChatChunk>;
  buildEmbeddingsRequest?(request: EmbeddingsRequest, ctx: UpstreamContext): UpstreamRequest;
  parseEmbeddingsResponse?(body: unknown, ctx: UpstreamContext, request: EmbeddingsRequest): EmbeddingsResponse;
  buildModelsRequest?(ctx: Omit<UpstreamContext, "model" | "id" | "created">): UpstreamRequest;
  parseModelsResponse?(body: unknown): Array<{ id: string; name?: string; context_length?: number }>;
  /** The upstream's error body, reduced to its message and code. */
  parseErrorBody(status: number, body: string): { message: string; code?: string; type?: string };
}
