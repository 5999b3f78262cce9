import {
  BATCH_EMBED_EXAMPLES, CHAT_EXAMPLES, COMPLETION_EXAMPLES, COUNT_TOKENS_EXAMPLES, CREATE_KEY_EXAMPLES, EMBED_CONTENT_EXAMPLES, EMBEDDINGS_EXAMPLES,
  GENERATE_CONTENT_EXAMPLES, MESSAGES_EXAMPLES, UPDATE_KEY_EXAMPLES,
} from "@/lib/openapi/examples";
import { RESPONSES_EXAMPLES } from "@/lib/openapi/responses-examples";
import { curlCommand, PLACEHOLDERS as P } from "./curl";
import type { DocsHosts } from "./hosts";

export interface Snippet {
  label: string;
  code: string;
}

/**
 * Every curl in the docs, in the order a reader would run them (the key is created before it is
 * read, updated and deleted). The documented-curls test runs each against a server.
 */
export function apiSnippets({ apiUrl, publicUrl }: DocsHosts) {
  const v1 = `${apiUrl}/v1`;
  const chat = (label: string, body: unknown, stream = false): Snippet => ({ label, code: curlCommand({ url: `${v1}/chat/completions`, bearer: P.token, body, stream }) });
  const manage = (label: string, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Snippet => ({
    label, code: curlCommand({ method, url: `${apiUrl}/api/v1/keys${path}`, bearer: P.managementKey, body }),
  });
  return {
    chatBasic: chat("Chat completion", CHAT_EXAMPLES.basic.value),
    chatStream: chat("Streaming", CHAT_EXAMPLES.streaming.value, true),
    chatTools: chat("Tool calling", CHAT_EXAMPLES.tools.value),
    chatStructured: chat("Structured output", CHAT_EXAMPLES.structured.value),
    chatReasoning: chat("Reasoning", CHAT_EXAMPLES.reasoning.value),
    chatFallbacks: chat("Fallback models", CHAT_EXAMPLES.fallbacks.value),
    chatWebSearch: chat("Web search with an OpenRouter model id", CHAT_EXAMPLES.webSearch.value),
    chatProviderPreferences: chat("Provider preferences", CHAT_EXAMPLES.providerPreferences.value),
    chatMiddleOut: chat("Middle-out", CHAT_EXAMPLES.middleOut.value),
    chatAttribution: {
      label: "App attribution (forwarded to an OpenRouter credential)",
      code: curlCommand({ url: `${v1}/chat/completions`, bearer: P.token, headers: ["HTTP-Referer: https://yourapp.example", "X-Title: My App"], body: CHAT_EXAMPLES.basic.value }),
    },
    responsesCreate: { label: "Create a response", code: curlCommand({ url: `${v1}/responses`, bearer: P.token, body: RESPONSES_EXAMPLES.basic.value }) },
    responsesStream: { label: "Streamed as Responses events", code: curlCommand({ url: `${v1}/responses`, bearer: P.token, body: RESPONSES_EXAMPLES.streaming.value, stream: true }) },
    responsesGet: { label: "Retrieve a stored response", code: curlCommand({ url: `${v1}/responses/${P.responseId}`, bearer: P.token }) },
    completion: { label: "Text completion (legacy)", code: curlCommand({ url: `${v1}/completions`, bearer: P.token, body: COMPLETION_EXAMPLES.basic.value }) },
    completionStream: { label: "Streamed", code: curlCommand({ url: `${v1}/completions`, bearer: P.token, body: { ...COMPLETION_EXAMPLES.basic.value, stream: true }, stream: true }) },
    modelsList: { label: "Your models", code: curlCommand({ url: `${v1}/models`, bearer: P.token }) },
    modelsFiltered: { label: "Filtered (OpenRouter's filters)", code: curlCommand({ url: `${apiUrl}/api/v1/models?supported_parameters=tools&input_modalities=image`, bearer: P.token }) },
    modelEndpoints: { label: "Where your credentials serve a model", code: curlCommand({ url: `${apiUrl}/api/v1/models/anthropic/claude-sonnet-4-5/endpoints`, bearer: P.token }) },
    modelsCatalog: { label: "The whole catalog (no token)", code: curlCommand({ url: `${v1}/models` }) },
    modelGet: { label: "One model", code: curlCommand({ url: `${v1}/models/anthropic/claude-sonnet-4-5`, bearer: P.token }) },
    embeddings: { label: "Embeddings", code: curlCommand({ url: `${v1}/embeddings`, bearer: P.token, body: EMBEDDINGS_EXAMPLES.basic.value }) },
    messages: {
      label: "Anthropic Messages (x-api-key)",
      code: curlCommand({ url: `${v1}/messages`, headers: [`x-api-key: ${P.token}`, "anthropic-version: 2023-06-01"], body: MESSAGES_EXAMPLES.basic.value }),
    },
    messagesOtherModel: {
      label: "Any model, streamed as Anthropic events",
      code: curlCommand({ url: `${v1}/messages`, headers: [`x-api-key: ${P.token}`, "anthropic-version: 2023-06-01"], body: MESSAGES_EXAMPLES.otherModel.value, stream: true }),
    },
    countTokens: {
      label: "Count tokens",
      code: curlCommand({ url: `${v1}/messages/count_tokens`, headers: [`x-api-key: ${P.token}`, "anthropic-version: 2023-06-01"], body: COUNT_TOKENS_EXAMPLES.basic.value }),
    },
    geminiGenerate: {
      label: "Gemini generateContent (?key=)",
      code: curlCommand({ url: `${apiUrl}/v1beta/models/gemini-2.0-flash:generateContent?key=${P.token}`, body: GENERATE_CONTENT_EXAMPLES.basic.value }),
    },
    geminiStream: {
      label: "Streamed as server-sent events, any model (x-goog-api-key)",
      code: curlCommand({ url: `${apiUrl}/v1beta/models/anthropic%2Fclaude-sonnet-4-5:streamGenerateContent?alt=sse`, headers: [`x-goog-api-key: ${P.token}`], body: GENERATE_CONTENT_EXAMPLES.configured.value, stream: true }),
    },
    geminiCountTokens: {
      label: "Count tokens",
      code: curlCommand({ url: `${apiUrl}/v1beta/models/gemini-2.5-flash:countTokens`, headers: [`x-goog-api-key: ${P.token}`], body: GENERATE_CONTENT_EXAMPLES.basic.value }),
    },
    geminiEmbed: {
      label: "Embed content (any embedding model)",
      code: curlCommand({ url: `${apiUrl}/v1beta/models/gemini-embedding-001:embedContent`, headers: [`x-goog-api-key: ${P.token}`], body: EMBED_CONTENT_EXAMPLES.basic.value }),
    },
    geminiBatchEmbed: {
      label: "Batch embed",
      code: curlCommand({ url: `${apiUrl}/v1beta/models/gemini-embedding-001:batchEmbedContents`, headers: [`x-goog-api-key: ${P.token}`], body: BATCH_EMBED_EXAMPLES.basic.value }),
    },
    geminiModels: { label: "List models (Google's shape)", code: curlCommand({ url: `${apiUrl}/v1beta/models?pageSize=50`, headers: [`x-goog-api-key: ${P.token}`] }) },
    keyCreate: manage("Create a key", "POST", "", CREATE_KEY_EXAMPLES.limited.value),
    keyList: manage("List keys", "GET", ""),
    keyGet: manage("Get one key", "GET", `/${P.keyHash}`),
    keyUpdate: manage("Update a key", "PATCH", `/${P.keyHash}`, UPDATE_KEY_EXAMPLES.disable.value),
    keyDelete: manage("Delete a key", "DELETE", `/${P.keyHash}`),
    keyInfo: { label: "Your token's limits and usage", code: curlCommand({ url: `${apiUrl}/api/v1/auth/key`, bearer: P.token }) },
    generation: { label: "One request's record", code: curlCommand({ url: `${apiUrl}/api/v1/generation?id=${P.generationId}`, bearer: P.token }) },
    codeExchange: {
      label: "Exchange the code for a key",
      code: curlCommand({ url: `${apiUrl}/api/v1/auth/keys`, body: { code: P.code, code_verifier: P.codeVerifier } }),
    },
    metrics: { label: "Prometheus metrics", code: curlCommand({ url: `${apiUrl}/metrics`, bearer: P.metricsToken }) },
    openapi: { label: "OpenAPI document", code: curlCommand({ url: `${publicUrl}/openapi.json` }) },
  } satisfies Record<string, Snippet>;
}

export type ApiSnippets = ReturnType<typeof apiSnippets>;
