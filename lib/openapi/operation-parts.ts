import { errorStatus } from "@/lib/docs/error-catalog";

type Json = Record<string, unknown>;
export type Dialect = "openai" | "openrouter" | "anthropic" | "gemini";

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Our token, wherever a client puts it: every gateway endpoint reads these four headers. */
export const TOKEN_SECURITY = [{ bearerToken: [] }, { xApiKey: [] }, { xGoogApiKey: [] }, { xOauthrouterKey: [] }];
/** Gemini's endpoints also take `?key=`, as Google's REST examples send it; nothing else does. */
export const GEMINI_TOKEN_SECURITY = [...TOKEN_SECURITY, { keyQuery: [] }];
export const MANAGEMENT_SECURITY = [{ managementKey: [] }];

export const SECURITY_SCHEMES: Json = {
  bearerToken: { type: "http", scheme: "bearer", bearerFormat: "lr_live_…", description: "Your API token from My API: `Authorization: Bearer lr_live_…` (OpenAI SDKs, Claude Code's ANTHROPIC_AUTH_TOKEN)." },
  xApiKey: { type: "apiKey", in: "header", name: "x-api-key", description: "The token as Anthropic's SDK sends it." },
  xGoogApiKey: { type: "apiKey", in: "header", name: "x-goog-api-key", description: "The token as Google's GenAI SDK sends it." },
  keyQuery: { type: "apiKey", in: "query", name: "key", description: "The token as a query parameter, as Gemini's REST examples do: only on /v1beta (elsewhere a token in the URL is refused with 401)." },
  xOauthrouterKey: { type: "apiKey", in: "header", name: "x-oauthrouter-key", description: "Our token in a header of its own; wins over the others, so your own provider credential can travel in the standard headers (Claude Code pass-through)." },
  managementKey: { type: "http", scheme: "bearer", bearerFormat: "lr_mgmt_…", description: "A management key (Keys page, or `npx oauthrouter mgmt-key create`): only for /api/v1/keys." },
  metricsToken: { type: "http", scheme: "bearer", description: "The server's METRICS_TOKEN." },
};

const ERROR_SCHEMA: Record<Dialect, string> = { openai: "Error", openrouter: "OpenRouterError", anthropic: "AnthropicError", gemini: "GeminiError" };

/** JSON error responses for the given statuses, in the endpoint's dialect, described from the error catalog. */
export function errorResponses(dialect: Dialect, statuses: number[]): Json {
  return Object.fromEntries(
    statuses.map((status) => {
      const entry = errorStatus(status);
      const headers = status === 429 ? { "retry-after": { description: "Seconds until a retry can succeed.", schema: { type: "integer" } } } : undefined;
      return [String(status), { description: `${entry.type}: ${entry.cause}`, ...(headers ? { headers } : {}), content: { "application/json": { schema: ref(ERROR_SCHEMA[dialect]) } } }];
    }),
  );
}

export function jsonBody(schema: string, examples: Record<string, { summary: string; value: unknown }>, description?: string): Json {
  return { required: true, ...(description ? { description } : {}), content: { "application/json": { schema: ref(schema), examples } } };
}

export function jsonResponse(description: string, schema: string, extra: Json = {}): Json {
  return { description, ...extra, content: { "application/json": { schema: ref(schema) } } };
}

export const GENERATION_HEADERS: Json = {
  "x-generation-id": { description: "The generation id (GET /api/v1/generation?id=).", schema: { type: "string" } },
  "x-oauthrouter-provider": { description: "The provider that served the request.", schema: { type: "string" } },
  "x-oauthrouter-model": { description: "The model id sent to that provider.", schema: { type: "string" } },
};

/** Statuses every routed request can end with, besides its own. */
export const GATEWAY_STATUSES = [400, 401, 403, 413, 424, 429, 500, 502, 503, 504];

/** An operation's OpenAI-shaped error responses in OpenRouter's shape (its paths answer errors so). */
function openRouterErrors(responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>): Json {
  const openAiError = ref(ERROR_SCHEMA.openai).$ref;
  return Object.fromEntries(Object.entries(responses).map(([status, response]) => {
    const json = response.content?.["application/json"];
    if (json?.schema?.$ref !== openAiError) return [status, response];
    return [status, { ...response, content: { ...response.content, "application/json": { ...json, schema: ref(ERROR_SCHEMA.openrouter) } } }];
  }));
}

/** One operation under both `/v1/...` and `/api/v1/...`, with distinct operation ids; errors on the latter in OpenRouter's shape. */
export function withApiAlias(path: string, methods: Record<string, Json>): Record<string, Json> {
  const alias = Object.fromEntries(
    Object.entries(methods).map(([method, operation]) => [
      method,
      { ...operation, operationId: `${operation.operationId}ApiPrefix`, summary: `${operation.summary} (OpenRouter-style path)`, responses: openRouterErrors(operation.responses as Parameters<typeof openRouterErrors>[0]) },
    ]),
  );
  return { [path]: methods, [`/api${path}`]: alias };
}
