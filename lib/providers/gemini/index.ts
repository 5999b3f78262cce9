import type { ProviderAdapter } from "@/lib/providers/types";
import { buildGeminiEmbeddingsRequest, parseGeminiEmbeddingsResponse } from "./embeddings";
import { parseGeminiErrorBody } from "./errors";
import { buildGeminiModelsRequest, parseGeminiModelsResponse } from "./models";
import { buildGeminiChatRequest } from "./request";
import { parseGeminiChatResponse } from "./response";
import { createGeminiStreamTransformer } from "./stream";

export { collectRemoteImageUrls, type InlineImage, type RemoteImages } from "./content-parts";
export { buildGeminiChatRequest, withRemoteImages, type GeminiUpstreamContext } from "./request";
export { sanitizeSchemaForGemini } from "./schema-sanitizer";

/** Google's Gemini API (generateContent), keys sent as x-goog-api-key, never in the URL. */
export const geminiAdapter: ProviderAdapter = {
  family: "gemini",
  buildChatRequest: buildGeminiChatRequest,
  parseChatResponse: parseGeminiChatResponse,
  createStreamTransformer: createGeminiStreamTransformer,
  buildEmbeddingsRequest: buildGeminiEmbeddingsRequest,
  parseEmbeddingsResponse: parseGeminiEmbeddingsResponse,
  buildModelsRequest: buildGeminiModelsRequest,
  parseModelsResponse: parseGeminiModelsResponse,
  parseErrorBody: parseGeminiErrorBody,
};
