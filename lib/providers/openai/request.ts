import { authHeaders } from "@/lib/providers/shared/auth-headers";
import { definedOnly, functionTools } from "@/lib/providers/shared/request-fields";
import type { ChatMessage, ChatRequest, ProviderQuirks, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { applyProviderSpellings, dropForOpenAiModel } from "./provider-fields";

/** Our routing fields: the gateway has already acted on them, no upstream should act on them again. */
const ROUTING_FIELDS = ["models", "route"];
/**
 * Extensions OpenRouter understands (its provider preferences, transforms, plugins and presets
 * apply there as well); for everyone else they are mapped to standard fields, then dropped.
 */
const EXTENSION_FIELDS = ["reasoning", "usage", "provider", "transforms", "plugins", "preset"];
const SPEAKS_EXTENSIONS = new Set(["openrouter"]);
/** A quirk entry like `messages[].name` drops that field from every message. */
const MESSAGE_FIELD = "messages[].";

/** Drops what we added to messages (reasoning, cache_control) for upstreams that reject unknown fields. */
function plainMessage(message: ChatMessage, provider: string): Record<string, unknown> {
  const { reasoning: _reasoning, reasoning_details: _details, ...rest } = message;
  const out: Record<string, unknown> = { ...rest };
  if (message.role === "developer" && provider !== "openai") out.role = "system";
  if (Array.isArray(message.content)) {
    const parts = message.content.map((part) => {
      if (part.type !== "text" || !part.cache_control) return part;
      const { cache_control: _cache, ...plain } = part;
      return plain;
    });
    // One text part is sent as a string: not every OpenAI-compatible server takes parts in every role.
    out.content = parts.length === 1 && parts[0].type === "text" ? parts[0].text : parts;
  }
  return out;
}

/**
 * `legacyMaxTokens` providers get `max_tokens`; a provider listing `max_tokens` as unsupported
 * (OpenAI's reasoning models reject it) gets `max_completion_tokens`; others get what the client sent.
 */
function applyTokenLimit(body: Record<string, unknown>, quirks: ProviderQuirks): void {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  const field = quirks.legacyMaxTokens ? "max_tokens" : quirks.unsupportedFields?.includes("max_tokens") ? "max_completion_tokens" : null;
  if (limit === undefined || !field) return;
  delete body.max_tokens;
  delete body.max_completion_tokens;
  body[field] = limit;
}

function dropUnsupported(body: Record<string, unknown>, fields: string[]): void {
  const messageFields = new Set(fields.filter((f) => f.startsWith(MESSAGE_FIELD)).map((f) => f.slice(MESSAGE_FIELD.length)));
  for (const field of fields) if (!field.startsWith(MESSAGE_FIELD) && field !== "max_tokens") delete body[field];
  if (messageFields.size && Array.isArray(body.messages)) {
    body.messages = (body.messages as Record<string, unknown>[]).map((m) => Object.fromEntries(Object.entries(m).filter(([key]) => !messageFields.has(key))));
  }
}

/** OpenAI's own shape of tools and web search: OpenRouter's server tool and domain filters are OpenRouter's. */
function standardTools(body: Record<string, unknown>, request: ChatRequest): void {
  const tools = functionTools(request.tools);
  if (tools.length) body.tools = tools;
  else delete body.tools;
  const search = request.web_search_options;
  if (search) body.web_search_options = definedOnly({ search_context_size: search.search_context_size, user_location: search.user_location });
}

/** The client headers this provider takes (OpenRouter's app attribution: HTTP-Referer, X-Title). */
function forwardedHeaders(ctx: UpstreamContext): Record<string, string> {
  const names = ctx.quirks?.forwardHeaders ?? [];
  return Object.fromEntries(names.flatMap((name) => (ctx.passHeaders?.[name] ? [[name, ctx.passHeaders[name]]] : [])));
}

/** Our request in the OpenAI dialect, shaped by the provider's quirks. */
export function buildOpenAiChatRequest(request: ChatRequest, ctx: UpstreamContext): UpstreamRequest {
  const quirks = ctx.quirks ?? {};
  const body: Record<string, unknown> = definedOnly({ ...request, model: ctx.model });
  for (const field of ROUTING_FIELDS) delete body[field];
  if (!SPEAKS_EXTENSIONS.has(ctx.provider)) {
    const effort = request.reasoning?.enabled === false ? undefined : request.reasoning?.effort;
    if (effort && body.reasoning_effort === undefined) body.reasoning_effort = effort;
    for (const field of EXTENSION_FIELDS) delete body[field];
    body.messages = request.messages.map((m) => plainMessage(m, ctx.provider));
    standardTools(body, request);
  } else if (body.reasoning_effort !== undefined) {
    // OpenRouter documents reasoning as its `reasoning` object.
    body.reasoning ??= { effort: body.reasoning_effort };
    delete body.reasoning_effort;
  }
  applyTokenLimit(body, quirks);
  if (request.stream && !quirks.noStreamOptions) body.stream_options = { ...request.stream_options, include_usage: true };
  else delete body.stream_options;
  dropUnsupported(body, quirks.unsupportedFields ?? []);
  if (ctx.provider === "openai") dropForOpenAiModel(body, ctx.model);
  applyProviderSpellings(body, quirks);
  return {
    url: `${ctx.baseUrl}${quirks.chatPath ?? "/chat/completions"}`,
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: request.stream ? "text/event-stream" : "application/json",
      ...forwardedHeaders(ctx),
      ...authHeaders("bearer", ctx.credential),
    },
    body: JSON.stringify(body),
  };
}
