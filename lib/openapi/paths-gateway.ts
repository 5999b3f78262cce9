import { CHAT_EXAMPLES, COMPLETION_EXAMPLES, EMBEDDINGS_EXAMPLES } from "./examples";
import { MODEL_PATHS } from "./paths-models";
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
    description:
      "OpenAI's chat completions API in front of every provider you configured. `model` is `provider/model`, an OpenRouter id (with variants such as `:online`) or a bare name; `models[]` adds fallbacks. " +
      "OpenRouter's `provider` preferences, `transforms`, `plugins` and web search apply to your own providers as the docs' OpenRouter compatibility section describes; web search citations come back as `message.annotations`.",
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

const completions = {
  post: {
    operationId: "createCompletion",
    tags: ["Chat"],
    summary: "Create a text completion (legacy)",
    description:
      "OpenAI's legacy completions API over any chat model: each prompt becomes the user message of a chat request (counted, limited and recorded as one), " +
      "and the assistant's text comes back as `text_completion`. Up to 20 prompts per request, answered together (not streamed). " +
      "`echo` puts the prompt before the text; token-array prompts, `suffix`, `best_of` above 1 and `logprobs` are refused with a 400.",
    security: TOKEN_SECURITY,
    requestBody: jsonBody("CompletionRequest", COMPLETION_EXAMPLES),
    responses: {
      "200": {
        description: "The completion, or with `stream: true` `data: {text_completion}` events (usage on the last) and `data: [DONE]`.",
        headers: GENERATION_HEADERS,
        content: { "application/json": { schema: ref("TextCompletion") }, "text/event-stream": { schema: { type: "string" } } },
      },
      ...errorResponses("openai", GATEWAY_STATUSES),
    },
  },
};

export const GATEWAY_PATHS = {
  ...withApiAlias("/v1/chat/completions", chatCompletions),
  ...withApiAlias("/v1/completions", completions),
  ...MODEL_PATHS,
  ...withApiAlias("/v1/embeddings", embeddings),
};
