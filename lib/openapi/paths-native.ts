import { BATCH_EMBED_EXAMPLES, COUNT_TOKENS_EXAMPLES, EMBED_CONTENT_EXAMPLES, GENERATE_CONTENT_EXAMPLES, MESSAGES_EXAMPLES } from "./examples";
import { errorResponses, GATEWAY_STATUSES, GENERATION_HEADERS, jsonBody, jsonResponse, ref, GEMINI_TOKEN_SECURITY, TOKEN_SECURITY, withApiAlias } from "./operation-parts";

const anthropicHeaders = [
  { name: "anthropic-version", in: "header", required: false, description: "Passed to Anthropic when an Anthropic model serves the request.", schema: { type: "string", example: "2023-06-01" } },
  { name: "anthropic-beta", in: "header", required: false, description: "Passed to Anthropic as sent.", schema: { type: "string" } },
];

const messages = {
  post: {
    operationId: "createMessage",
    tags: ["Anthropic"],
    summary: "Create a message (Anthropic Messages API)",
    description: "Anthropic's Messages API with any model behind it: streaming, tools and thinking. Anthropic models get the request exactly as sent.",
    security: TOKEN_SECURITY,
    parameters: anthropicHeaders,
    requestBody: jsonBody("MessagesRequest", MESSAGES_EXAMPLES),
    responses: {
      "200": {
        description: "The message, or with `stream: true` Anthropic's events (message_start, content_block_*, message_delta, message_stop), with `event: ping` while the provider is silent (before it answers, too) and `event: error` for a failure after the headers.",
        headers: GENERATION_HEADERS,
        content: { "application/json": { schema: ref("AnthropicMessage") }, "text/event-stream": { schema: { type: "string" } } },
      },
      ...errorResponses("anthropic", GATEWAY_STATUSES),
    },
  },
};

const countTokens = {
  post: {
    operationId: "countMessageTokens",
    tags: ["Anthropic"],
    summary: "Count a message's input tokens",
    description: "Counted locally with the o200k tokenizer: exact for OpenAI's newer models, an estimate for others. Not counted as a message; bodies up to 4 MB, 120 counts a minute per account (429 past it).",
    security: TOKEN_SECURITY,
    requestBody: jsonBody("CountTokensRequest", COUNT_TOKENS_EXAMPLES),
    responses: { "200": jsonResponse("The count.", "CountTokensResponse"), ...errorResponses("anthropic", [400, 401, 403, 413, 429]) },
  },
};

const modelParameter = {
  name: "model", in: "path", required: true,
  description: "A Gemini model (gemini-2.5-flash) or any provider/model, with the slash encoded as %2F.",
  schema: { type: "string" }, example: "gemini-2.0-flash",
};

function geminiOperation(operationId: string, summary: string, responses: Record<string, unknown>, extraParameters: unknown[] = [], statuses = GATEWAY_STATUSES, body = jsonBody("GenerateContentRequest", GENERATE_CONTENT_EXAMPLES)) {
  return {
    post: {
      operationId,
      tags: ["Gemini"],
      summary,
      security: GEMINI_TOKEN_SECURITY,
      parameters: [modelParameter, ...extraParameters],
      requestBody: body,
      responses: { ...responses, ...errorResponses("gemini", [...statuses, 404]) },
    },
  };
}

const altParameter = {
  name: "alt", in: "query", required: false,
  description: "`sse` for server-sent events; without it the stream is one JSON array, as Google sends it.",
  schema: { type: "string", enum: ["sse"] },
};

const EMBED_STATUSES = [400, 401, 403, 413, 429, 500, 502, 503, 504];

const geminiModels = {
  get: {
    operationId: "listGeminiModels",
    tags: ["Gemini"],
    summary: "List models (Gemini API)",
    description: "Your models (those of the providers you have credentials for, as GET /v1/models) as Google's Model resources, for the GenAI SDK's models.list.",
    security: TOKEN_SECURITY,
    parameters: [
      { name: "pageSize", in: "query", required: false, description: "Models per page (default 50, at most 1000).", schema: { type: "integer", minimum: 0 } },
      { name: "pageToken", in: "query", required: false, description: "The nextPageToken of the previous page.", schema: { type: "string" } },
    ],
    responses: { "200": jsonResponse("A page of models.", "GeminiModelList"), ...errorResponses("gemini", [400, 401, 403]) },
  },
};

const geminiModel = {
  get: {
    operationId: "getGeminiModel",
    tags: ["Gemini"],
    summary: "Get one model (Gemini API)",
    security: TOKEN_SECURITY,
    parameters: [{ ...modelParameter, description: "The name the list gives, without models/ (gemini-2.5-flash, anthropic/claude-sonnet-4-5)." }],
    responses: { "200": jsonResponse("The model.", "GeminiModel"), ...errorResponses("gemini", [401, 403, 404]) },
  },
};

export const NATIVE_PATHS = {
  ...withApiAlias("/v1/messages", messages),
  ...withApiAlias("/v1/messages/count_tokens", countTokens),
  "/v1beta/models/{model}:generateContent": geminiOperation("generateContent", "Generate content (Gemini API)", {
    "200": jsonResponse("The response.", "GenerateContentResponse", { headers: GENERATION_HEADERS }),
  }),
  "/v1beta/models/{model}:streamGenerateContent": geminiOperation(
    "streamGenerateContent",
    "Stream generated content (Gemini API)",
    {
      "200": {
        description: "GenerateContentResponse objects: as `data:` events with `?alt=sse`, else as the elements of one JSON array. While the provider is silent (before it answers, too) an SSE comment, or whitespace in the array, keeps the connection open; a failure after the headers is a last `{\"error\":…}` object.",
        headers: GENERATION_HEADERS,
        content: { "text/event-stream": { schema: { type: "string" } }, "application/json": { schema: { type: "array", items: ref("GenerateContentResponse") } } },
      },
    },
    [altParameter],
  ),
  "/v1beta/models/{model}:countTokens": geminiOperation("countGeminiTokens", "Count tokens (Gemini API)", {
    "200": jsonResponse("The count (local o200k tokenizer; an estimate for Gemini models).", "GeminiCountTokensResponse"),
  }, [], [400, 401, 403, 413, 429]),
  "/v1beta/models/{model}:embedContent": geminiOperation(
    "embedGeminiContent",
    "Embed content (Gemini API)",
    { "200": jsonResponse("The embedding. Routed to any of your providers with embeddings; not counted as a message.", "EmbedContentResponse", { headers: GENERATION_HEADERS }) },
    [], EMBED_STATUSES, jsonBody("EmbedContentRequest", EMBED_CONTENT_EXAMPLES),
  ),
  "/v1beta/models/{model}:batchEmbedContents": geminiOperation(
    "batchEmbedGeminiContents",
    "Embed several contents (Gemini API)",
    { "200": jsonResponse("One embedding per request, in order (what the GenAI SDK's models.embedContent calls).", "BatchEmbedContentsResponse", { headers: GENERATION_HEADERS }) },
    [], EMBED_STATUSES, jsonBody("BatchEmbedContentsRequest", BATCH_EMBED_EXAMPLES),
  ),
  "/v1beta/models": geminiModels,
  "/v1beta/models/{model}": geminiModel,
};
