import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { modelListSchema } from "./wire-schema";

// The endpoints the gateway serves; rerank and classify models are left out.
const SERVABLE = new Set(["chat", "embed"]);

export function buildCohereModelsRequest(ctx: Omit<UpstreamContext, "model" | "id" | "created">): UpstreamRequest {
  return { url: `${ctx.baseUrl}/v1/models?page_size=1000`, method: "GET", headers: authHeaders("bearer", ctx.credential) };
}

/** `{models:[{name, context_length, endpoints}]}` → the chat and embedding models. */
export function parseCohereModelsResponse(body: unknown): Array<{ id: string; context_length?: number }> {
  const parsed = modelListSchema.safeParse(body);
  if (!parsed.success) return [];
  return (parsed.data.models ?? [])
    .filter((m) => !m.endpoints || m.endpoints.some((endpoint) => SERVABLE.has(endpoint)))
    .map((m) => ({ id: m.name, ...(m.context_length ? { context_length: m.context_length } : {}) }));
}
