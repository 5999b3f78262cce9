import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { modelListSchema } from "./wire-schema";

// What the gateway can serve: chat and embeddings (not Imagen's predict, not legacy PaLM methods).
const SERVABLE = new Set(["generateContent", "embedContent", "batchEmbedContents"]);

export function buildGeminiModelsRequest(ctx: Omit<UpstreamContext, "model" | "id" | "created">): UpstreamRequest {
  return { url: `${ctx.baseUrl}/v1beta/models?pageSize=1000`, method: "GET", headers: authHeaders("x-goog-api-key", ctx.credential) };
}

/** `models/gemini-2.5-flash` → `gemini-2.5-flash`, keeping only models we can call. */
export function parseGeminiModelsResponse(body: unknown): Array<{ id: string; name?: string; context_length?: number }> {
  const parsed = modelListSchema.safeParse(body);
  if (!parsed.success) return [];
  return (parsed.data.models ?? [])
    .filter((m) => !m.supportedGenerationMethods || m.supportedGenerationMethods.some((method) => SERVABLE.has(method)))
    .map((m) => ({ id: m.name.replace(/^models\//, ""), ...(m.displayName ? { name: m.displayName } : {}), ...(m.inputTokenLimit ? { context_length: m.inputTokenLimit } : {}) }));
}
