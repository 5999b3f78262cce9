import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Exchange } from "../types";

const MODELS = [{ type: "model", id: "claude-sonnet-4-5-20250929", display_name: "Claude Sonnet 4.5", created_at: "2025-09-29T00:00:00Z" }];

/** GET /v1/models (Anthropic): a page with has_more / first_id / last_id. */
export function listModels(res: ServerResponse, ex: Exchange): Promise<void> {
  return replyJson(res, ex, { data: MODELS, has_more: false, first_id: MODELS[0].id, last_id: MODELS.at(-1)!.id });
}

/** GET /v1/models/{id} (Anthropic). */
export function retrieveModel(res: ServerResponse, ex: Exchange): Promise<void> {
  const id = decodeURIComponent(ex.record.path.split("/models/")[1] ?? "");
  return replyJson(res, ex, MODELS.find((m) => m.id === id) ?? { type: "model", id, display_name: id, created_at: "2025-01-01T00:00:00Z" });
}
