/**
 * Example request bodies, shown in the docs and in the OpenAPI document. A test parses every one
 * with the endpoint's own request schema, and the docs' curls built from them run against a server.
 */
const hello = [{ role: "user", content: "Hello!" }];

const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

export const CHAT_EXAMPLES = {
  basic: {
    summary: "A simple chat",
    value: { model: "anthropic/claude-sonnet-4-5", messages: [{ role: "system", content: "You are helpful." }, ...hello], max_tokens: 1024 },
  },
  streaming: {
    summary: "Streaming with usage in the last chunk",
    value: { model: "openai/gpt-4o", messages: [{ role: "user", content: "Write a poem." }], stream: true, stream_options: { include_usage: true } },
  },
  tools: {
    summary: "Tool calling",
    value: { model: "openai/gpt-4o", messages: [{ role: "user", content: "What is the weather in Paris?" }], tools: [weatherTool], tool_choice: "auto" },
  },
  structured: {
    summary: "Structured output (JSON schema)",
    value: {
      model: "openai/gpt-4o",
      messages: [{ role: "user", content: "Name a city and its country." }],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "city",
          strict: true,
          schema: { type: "object", properties: { city: { type: "string" }, country: { type: "string" } }, required: ["city", "country"], additionalProperties: false },
        },
      },
    },
  },
  reasoning: {
    summary: "Reasoning (thinking) with a token budget",
    value: { model: "anthropic/claude-sonnet-4-5", messages: [{ role: "user", content: "How many r's are in strawberry?" }], reasoning: { max_tokens: 2048 }, max_tokens: 4096 },
  },
  fallbacks: {
    summary: "Fallback models",
    value: { models: ["anthropic/claude-sonnet-4-5", "openai/gpt-4o", "google/gemini-2.5-flash"], messages: hello },
  },
  webSearch: {
    summary: "OpenRouter id with the :online variant (web search, citations in annotations)",
    value: { model: "anthropic/claude-sonnet-4.5:online", messages: [{ role: "user", content: "What happened in AI this week?" }] },
  },
  providerPreferences: {
    summary: "OpenRouter provider preferences",
    value: { model: "openai/gpt-4o", messages: hello, provider: { order: ["OpenAI"], allow_fallbacks: false, require_parameters: true } },
  },
  middleOut: {
    summary: "Middle-out compression of an over-long prompt",
    value: { model: "google/gemini-2.5-flash", messages: hello, transforms: ["middle-out"] },
  },
} as const;

export const EMBEDDINGS_EXAMPLES = {
  basic: { summary: "One input", value: { model: "openai/text-embedding-3-small", input: "The quick brown fox" } },
  batch: { summary: "Several inputs", value: { model: "openai/text-embedding-3-small", input: ["first text", "second text"], dimensions: 256 } },
} as const;

export const MESSAGES_EXAMPLES = {
  basic: { summary: "Anthropic Messages", value: { model: "claude-sonnet-4-5", max_tokens: 1024, messages: hello } },
  otherModel: { summary: "Any model behind the Anthropic API", value: { model: "openai/gpt-4o", max_tokens: 1024, system: "Be brief.", messages: hello, stream: true } },
} as const;

export const COUNT_TOKENS_EXAMPLES = {
  basic: { summary: "Count a prompt's tokens", value: { model: "claude-sonnet-4-5", messages: hello } },
} as const;

export const GENERATE_CONTENT_EXAMPLES = {
  basic: { summary: "Gemini generateContent", value: { contents: [{ parts: [{ text: "Hello!" }] }] } },
  configured: {
    summary: "With a system instruction and generation config",
    value: {
      systemInstruction: { parts: [{ text: "Answer in one sentence." }] },
      contents: [{ role: "user", parts: [{ text: "Why is the sky blue?" }] }],
      generationConfig: { temperature: 0.7, maxOutputTokens: 256 },
    },
  },
} as const;

export const CREATE_KEY_EXAMPLES = {
  limited: {
    summary: "A limited key for one service",
    value: { name: "backend-service", allowed_providers: ["openai", "anthropic"], limit: 150, limit_reset: "monthly" },
  },
  strategy: { summary: "A key with its own routing strategy", value: { name: "batch-jobs", strategy: "round-robin" } },
} as const;

export const UPDATE_KEY_EXAMPLES = {
  disable: { summary: "Disable a key", value: { disabled: true } },
  limit: { summary: "Change the limit", value: { limit: 500, limit_reset: "weekly" } },
} as const;

export const CODE_EXCHANGE_EXAMPLES = {
  s256: { summary: "Exchange a code (with the PKCE verifier)", value: { code: "CODE_FROM_QUERY_PARAM", code_verifier: "CODE_VERIFIER" } },
} as const;

export const COMPLETION_EXAMPLES = {
  basic: { summary: "A prompt, served by a chat model", value: { model: "openai/gpt-4o", prompt: "Write a haiku about the sea.", max_tokens: 64 } },
  batch: { summary: "Several prompts in one request (not streamed)", value: { model: "anthropic/claude-sonnet-4-5", prompt: ["Say hi.", "Say bye."], temperature: 0.5 } },
} as const;

export const EMBED_CONTENT_EXAMPLES = {
  basic: { summary: "Embed one text", value: { content: { parts: [{ text: "The quick brown fox" }] }, taskType: "RETRIEVAL_DOCUMENT" } },
} as const;

export const BATCH_EMBED_EXAMPLES = {
  basic: {
    summary: "Embed several texts",
    value: { requests: [{ model: "models/gemini-embedding-001", content: { parts: [{ text: "first text" }] } }, { model: "models/gemini-embedding-001", content: { parts: [{ text: "second text" }] } }] },
  },
} as const;
