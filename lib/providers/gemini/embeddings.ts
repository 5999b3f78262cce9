import { GatewayError } from "@/lib/errors/gateway-error";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import { floatsToBase64 } from "@/lib/providers/shared/float-base64";
import type { EmbeddingsRequest, EmbeddingsResponse, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { geminiModelPath } from "./request";
import { batchEmbedResponseSchema } from "./wire-schema";

// Cohere-style names clients send, as Gemini task types; Gemini's own names pass through upper-cased.
const TASK_TYPES: Record<string, string> = { search_document: "RETRIEVAL_DOCUMENT", search_query: "RETRIEVAL_QUERY", document: "RETRIEVAL_DOCUMENT", query: "RETRIEVAL_QUERY", classification: "CLASSIFICATION", clustering: "CLUSTERING" };

function texts(input: EmbeddingsRequest["input"]): string[] {
  const list = Array.isArray(input) ? input : [input];
  if (!list.length || list.some((item) => typeof item !== "string")) {
    throw new GatewayError(400, "invalid_request_error", "Gemini embeddings take one or more strings, not token arrays", { param: "input" });
  }
  return list as string[];
}

/** Always batchEmbedContents, one request per input, so one and many inputs take the same path. */
export function buildGeminiEmbeddingsRequest(request: EmbeddingsRequest, ctx: UpstreamContext): UpstreamRequest {
  const model = geminiModelPath(ctx.model);
  const taskType = request.input_type ? (TASK_TYPES[request.input_type.toLowerCase()] ?? request.input_type.toUpperCase()) : undefined;
  const requests = texts(request.input).map((text) => ({
    model: decodeURIComponent(model),
    content: { parts: [{ text }] },
    ...(taskType ? { taskType } : {}),
    ...(request.dimensions ? { outputDimensionality: request.dimensions } : {}),
  }));
  return {
    url: `${ctx.baseUrl}/v1beta/${model}:batchEmbedContents`,
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders("x-goog-api-key", ctx.credential) },
    body: JSON.stringify({ requests }),
  };
}

/** Gemini normalises only full-size vectors; shortened ones are scaled to unit length, as OpenAI's are. */
function unitLength(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return norm > 0 ? values.map((value) => value / norm) : values;
}

export function parseGeminiEmbeddingsResponse(body: unknown, ctx: UpstreamContext, request: EmbeddingsRequest): EmbeddingsResponse {
  const parsed = batchEmbedResponseSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} returned unexpected embeddings`, { metadata: { provider: ctx.provider } });
  // Gemini reports no token count for embeddings; about four characters a token is the estimate.
  const tokens = parsed.data.usageMetadata?.promptTokenCount ?? texts(request.input).reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
  return {
    object: "list",
    data: parsed.data.embeddings.map((embedding, index) => {
      const values = request.dimensions ? unitLength(embedding.values) : embedding.values;
      return { object: "embedding", index, embedding: request.encoding_format === "base64" ? floatsToBase64(values) : values };
    }),
    model: ctx.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
