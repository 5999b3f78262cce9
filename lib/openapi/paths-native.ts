import { COUNT_TOKENS_EXAMPLES, GENERATE_CONTENT_EXAMPLES, MESSAGES_EXAMPLES } from "./examples";
import { errorResponses, GATEWAY_STATUSES, GENERATION_HEADERS, jsonBody, jsonResponse, ref, TOKEN_SECURITY, withApiAlias } from "./operation-parts";

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
        description: "The message, or with `stream: true` Anthropic's events (message_start, content_block_*, message_delta, message_stop).",
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

function geminiOperation(operationId: string, summary: string, responses: Record<string, unknown>, extraParameters: unknown[] = [], statuses = GATEWAY_STATUSES) {
  return {
    post: {
      operationId,
      tags: ["Gemini"],
      summary,
      security: TOKEN_SECURITY,
      parameters: [modelParameter, ...extraParameters],
      requestBody: jsonBody("GenerateContentRequest", GENERATE_CONTENT_EXAMPLES),
      responses: { ...responses, ...errorResponses("gemini", [...statuses, 404]) },
    },
  };
}

const altParameter = {
  name: "alt", in: "query", required: false,
  description: "`sse` for server-sent events; without it the stream is one JSON array, as Google sends it.",
  schema: { type: "string", enum: ["sse"] },
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
        description: "GenerateContentResponse objects: as `data:` events with `?alt=sse`, else as the elements of one JSON array.",
        headers: GENERATION_HEADERS,
        content: { "text/event-stream": { schema: { type: "string" } }, "application/json": { schema: { type: "array", items: ref("GenerateContentResponse") } } },
      },
    },
    [altParameter],
  ),
  "/v1beta/models/{model}:countTokens": geminiOperation("countGeminiTokens", "Count tokens (Gemini API)", {
    "200": jsonResponse("The count (local o200k tokenizer; an estimate for Gemini models).", "GeminiCountTokensResponse"),
  }, [], [400, 401, 403, 413, 429]),
};
