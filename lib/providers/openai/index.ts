import type { ProviderAdapter } from "@/lib/providers/types";
import { buildOpenAiEmbeddingsRequest, parseOpenAiEmbeddingsResponse } from "./embeddings";
import { parseOpenAiErrorBody } from "./errors";
import { buildOpenAiModelsRequest, parseOpenAiModelsResponse } from "./models";
import { buildOpenAiChatRequest } from "./request";
import { parseOpenAiChatResponse } from "./response";
import { createOpenAiStreamTransformer } from "./stream";

/** OpenAI's dialect: OpenAI itself and every provider that speaks it (a row in the registry). */
export const openaiAdapter: ProviderAdapter = {
  family: "openai",
  buildChatRequest: buildOpenAiChatRequest,
  parseChatResponse: parseOpenAiChatResponse,
  createStreamTransformer: createOpenAiStreamTransformer,
  buildEmbeddingsRequest: buildOpenAiEmbeddingsRequest,
  parseEmbeddingsResponse: parseOpenAiEmbeddingsResponse,
  buildModelsRequest: buildOpenAiModelsRequest,
  parseModelsResponse: parseOpenAiModelsResponse,
  parseErrorBody: parseOpenAiErrorBody,
};
