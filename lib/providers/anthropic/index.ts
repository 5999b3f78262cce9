import type { ProviderAdapter } from "@/lib/providers/types";
import { parseAnthropicErrorBody } from "./errors";
import { buildAnthropicModelsRequest, parseAnthropicModelsResponse } from "./models";
import { buildAnthropicChatRequest } from "./request";
import { parseAnthropicChatResponse } from "./response";
import { createAnthropicStreamTransformer } from "./stream";

/** Anthropic's Messages API (API keys and Claude subscription OAuth tokens). */
export const anthropicAdapter: ProviderAdapter = {
  family: "anthropic",
  buildChatRequest: buildAnthropicChatRequest,
  parseChatResponse: parseAnthropicChatResponse,
  createStreamTransformer: createAnthropicStreamTransformer,
  buildModelsRequest: buildAnthropicModelsRequest,
  parseModelsResponse: parseAnthropicModelsResponse,
  parseErrorBody: parseAnthropicErrorBody,
};
