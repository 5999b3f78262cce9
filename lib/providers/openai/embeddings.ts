import { z } from "zod";
import { GatewayError } from "@/lib/errors/gateway-error";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import { floatsToBase64 } from "@/lib/providers/shared/float-base64";
import { definedOnly } from "@/lib/providers/shared/request-fields";
import type { EmbeddingsRequest, EmbeddingsResponse, UpstreamContext, UpstreamRequest } from "@/lib/providers/types";

/** OpenAI's /embeddings as the client asked, `encoding_format` included; `input_type` is Cohere's and Gemini's. */
export function buildOpenAiEmbeddingsRequest(request: EmbeddingsRequest, ctx: UpstreamContext): UpstreamRequest {
  const { input_type: _inputType, ...rest } = request;
  const body: Record<string, unknown> = definedOnly({ ...rest, model: ctx.model });
  for (const field of ctx.quirks?.unsupportedFields ?? []) if (field in body && field !== "input" && field !== "model") delete body[field];
  return {
    url: `${ctx.baseUrl}${ctx.quirks?.embeddingsPath ?? "/embeddings"}`,
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders("bearer", ctx.credential) },
    body: JSON.stringify(body),
  };
}

const embeddingsSchema = z.looseObject({
  data: z.array(z.looseObject({ index: z.number().optional(), embedding: z.union([z.array(z.number()), z.string()]) })),
  model: z.string().nullish(),
  usage: z.looseObject({ prompt_tokens: z.number().nullish(), total_tokens: z.number().nullish() }).nullish(),
});

/** The list as OpenAI shapes it; floats become base64 when the client asked and the upstream ignored it. */
export function parseOpenAiEmbeddingsResponse(body: unknown, ctx: UpstreamContext, request?: EmbeddingsRequest): EmbeddingsResponse {
  const parsed = embeddingsSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError(502, "api_error", `${ctx.provider} returned unexpected embeddings`, { metadata: { provider: ctx.provider } });
  const wantsBase64 = request?.encoding_format === "base64";
  const prompt = parsed.data.usage?.prompt_tokens ?? 0;
  return {
    object: "list",
    data: parsed.data.data.map((item, i) => ({
      object: "embedding",
      index: item.index ?? i,
      embedding: wantsBase64 && Array.isArray(item.embedding) ? floatsToBase64(item.embedding) : item.embedding,
    })),
    model: parsed.data.model ?? ctx.model,
    usage: { prompt_tokens: prompt, total_tokens: parsed.data.usage?.total_tokens ?? prompt },
  };
}
