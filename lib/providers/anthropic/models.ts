import { z } from "zod";
import type { UpstreamContext, UpstreamRequest } from "@/lib/providers/types";
import { anthropicHeaders } from "./headers";

/** GET /v1/models (the API's largest page), with the same credential headers as a message. */
export function buildAnthropicModelsRequest(ctx: Omit<UpstreamContext, "model" | "id" | "created">): UpstreamRequest {
  const { "content-type": _type, ...headers } = anthropicHeaders(ctx, false);
  return { url: `${ctx.baseUrl}/v1/models?limit=1000`, method: "GET", headers };
}

const listSchema = z.looseObject({ data: z.array(z.looseObject({ id: z.string(), display_name: z.string().nullish() })) });

export function parseAnthropicModelsResponse(body: unknown): Array<{ id: string; name?: string }> {
  const parsed = listSchema.safeParse(body);
  return parsed.success ? parsed.data.data.map((m) => ({ id: m.id, ...(m.display_name ? { name: m.display_name } : {}) })) : [];
}
