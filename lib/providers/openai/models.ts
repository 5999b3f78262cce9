import { z } from "zod";
import { authHeaders } from "@/lib/providers/shared/auth-headers";
import type { UpstreamContext, UpstreamRequest } from "@/lib/providers/types";

export function buildOpenAiModelsRequest(ctx: Omit<UpstreamContext, "model" | "id" | "created">): UpstreamRequest {
  return { url: `${ctx.baseUrl}${ctx.quirks?.modelsPath ?? "/models"}`, method: "GET", headers: { accept: "application/json", ...authHeaders("bearer", ctx.credential) } };
}

const model = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  context_length: z.number().nullish(),
  context_window: z.number().nullish(),
});
// OpenAI wraps the list in `data`; Together answers with the bare array.
const listSchema = z.union([z.looseObject({ data: z.array(model) }).transform((list) => list.data), z.array(model)]);

/** GET {base}/models as id, name and context length, where the provider says them. */
export function parseOpenAiModelsResponse(body: unknown): Array<{ id: string; name?: string; context_length?: number }> {
  const parsed = listSchema.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.map((m) => ({
    id: m.id,
    ...(m.name || m.display_name ? { name: (m.name || m.display_name)! } : {}),
    ...(m.context_length || m.context_window ? { context_length: (m.context_length || m.context_window)! } : {}),
  }));
}
