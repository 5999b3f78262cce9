import { CHAT_EXAMPLES, EMBEDDINGS_EXAMPLES } from "./examples";
import { errorResponses, GATEWAY_STATUSES, GENERATION_HEADERS, jsonBody, jsonResponse, ref, TOKEN_SECURITY, withApiAlias } from "./operation-parts";

const STREAM_DESCRIPTION =
  "With `stream: true`: server-sent events, one `data: {chat.completion.chunk}` per delta and `data: [DONE]` at the end. " +
  "Comments (`: OAUTHROUTER PROCESSING`) keep idle connections open: when the provider has not answered within STREAM_KEEPALIVE_MS (15 s), the headers and a comment go out at once. " +
  "A failure after that arrives in the stream: before the first chunk as one `data: {\"error\":…}` event, later as a last chunk with `error` and finish_reason `error`.";

const chatCompletions = {
  post: {
    operationId: "createChatCompletion",
    tags: ["Chat"],
    summary: "Create a chat completion",
    description: "OpenAI's chat completions API in front of every provider you configured. `model` is `provider/model` or a bare name; `models[]` adds fallbacks.",
    security: TOKEN_SECURITY,
    requestBody: jsonBody("ChatCompletionRequest", CHAT_EXAMPLES),
    responses: {
      "200": {
        description: "The completion, or its stream.",
        headers: GENERATION_HEADERS,
        content: {
          "application/json": { schema: ref("ChatCompletion") },
          "text/event-stream": { schema: { type: "string", description: STREAM_DESCRIPTION }, example: 'data: {"id":"gen-…","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}\n\ndata: [DONE]\n\n' },
        },
      },
      ...errorResponses("openai", GATEWAY_STATUSES),
    },
  },
};

const modelSecurity = [...TOKEN_SECURITY, {}];

const models = {
  get: {
    operationId: "listModels",
    tags: ["Models"],
    summary: "List models",
    description: "With a token: the models of the providers your account has credentials for (and this token may use), including what those providers list. Without one: the whole catalog.",
    security: modelSecurity,
    responses: { "200": jsonResponse("The models.", "ModelList"), ...errorResponses("openai", [401, 403]) },
  },
};

const model = {
  get: {
    operationId: "getModel",
    tags: ["Models"],
    summary: "Get one model",
    security: modelSecurity,
    parameters: [{ name: "id", in: "path", required: true, description: "provider/model (the slash may be sent as is or as %2F) or the provider's own model name.", schema: { type: "string" }, example: "anthropic/claude-sonnet-4-5" }],
    responses: { "200": jsonResponse("The model.", "Model"), ...errorResponses("openai", [401, 403, 404]) },
  },
};

const embeddings = {
  post: {
    operationId: "createEmbeddings",
    tags: ["Embeddings"],
    summary: "Create embeddings",
    description: "OpenAI's embeddings API, routed to OpenAI, Google, Mistral, Together, Cohere, Cloudflare, OpenRouter or custom endpoints. Embeddings are not counted as messages.",
    security: TOKEN_SECURITY,
    requestBody: jsonBody("EmbeddingsRequest", EMBEDDINGS_EXAMPLES),
    responses: { "200": jsonResponse("The embeddings.", "EmbeddingsResponse", { headers: GENERATION_HEADERS }), ...errorResponses("openai", GATEWAY_STATUSES) },
  },
};

export const GATEWAY_PATHS = {
  ...withApiAlias("/v1/chat/completions", chatCompletions),
  ...withApiAlias("/v1/models", models),
  ...withApiAlias("/v1/models/{id}", model),
  ...withApiAlias("/v1/embeddings", embeddings),
};
