import type { ProviderAdapter } from "@/lib/providers/types";
import { buildCohereEmbeddingsRequest, parseCohereEmbeddingsResponse } from "./embeddings";
import { parseCohereErrorBody } from "./errors";
import { buildCohereModelsRequest, parseCohereModelsResponse } from "./models";
import { buildCohereChatRequest } from "./request";
import { parseCohereChatResponse } from "./response";
import { createCohereStreamTransformer } from "./stream";

/** Cohere's v2 chat API. */
export const cohereAdapter: ProviderAdapter = {
  family: "cohere",
  buildChatRequest: buildCohereChatRequest,
  parseChatResponse: parseCohereChatResponse,
  createStreamTransformer: createCohereStreamTransformer,
  buildEmbeddingsRequest: buildCohereEmbeddingsRequest,
  parseEmbeddingsResponse: parseCohereEmbeddingsResponse,
  buildModelsRequest: buildCohereModelsRequest,
  parseModelsResponse: parseCohereModelsResponse,
  parseErrorBody: parseCohereErrorBody,
};
