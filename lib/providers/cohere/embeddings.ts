import { GatewayError } from "@/lib/errors/gateway-error";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import { floatsToBase64 } from "@/lib/providers/shared/float-base64";
import type { EmbeddingsRequest, EmbeddingsResponse, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { embedResponseSchema } from "./wire-schema";

// Gemini-style task names clients send, as Cohere input types; Cohere's own names pass through.
const INPUT_TYPES: Record<string, string> = { retrieval_document: "search_document", retrieval_query: "search_query", document: "search_document", query: "search_query" };

function texts(input: EmbeddingsRequest["input"]): string[] {
  const list = Array.isArray(input) ? input : [input];
  if (!list.length || list.some((item) => typeof item !== "string")) {
    throw new GatewayError(400, "invalid_request_error", "Cohere embeddings take one or more strings, not token arrays", { param: "input" });
  }
  return list as string[];
}

/** v2 embed asks for float vectors only; base64 is encoded here so it matches OpenAI's byte layout. */
export function buildCohereEmbeddingsRequest(request: EmbeddingsRequest, ctx: UpstreamContext): UpstreamRequest {
  const inputType = request.input_type?.toLowerCase();
  return {
    url: `${ctx.baseUrl}/v2/embed`,
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders("bearer", ctx.credential) },
    body: JSON.stringify({
      model: ctx.model,
      texts: texts(request.input),
      input_type: inputType ? (INPUT_TYPES[inputType] ?? inputType) : "search_document",
      embedding_types: ["float"],
      ...(request.dimensions ? { output_dimension: request.dimensions } : {}),
    }),
  };
}

export function parseCohereEmbeddingsResponse(body: unknown, ctx: UpstreamContext, request: EmbeddingsRequest): EmbeddingsResponse {
  const parsed = embedResponseSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} returned unexpected embeddings`, { metadata: { provider: ctx.provider } });
  const tokens = parsed.data.meta?.billed_units?.input_tokens ?? 0;
  return {
    object: "list",
    data: parsed.data.embeddings.float.map((values, index) => ({ object: "embedding", index, embedding: request.encoding_format === "base64" ? floatsToBase64(values) : values })),
    model: ctx.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
