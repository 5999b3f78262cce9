import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Exchange } from "../types";

const MODELS = [
  { id: "gpt-4o", object: "model", created: 1_715_367_049, owned_by: "system" },
  { id: "fake-private-model", object: "model", created: 1_715_367_049, owned_by: "user" },
];

/** GET …/models: `{object:"list",data:[…]}`. */
export function listModels(res: ServerResponse, ex: Exchange): Promise<void> {
  return replyJson(res, ex, { object: "list", data: MODELS });
}

/** GET …/models/{id}: one model object (any id is known). */
export function retrieveModel(res: ServerResponse, ex: Exchange): Promise<void> {
  const id = decodeURIComponent(ex.record.path.split("/models/")[1] ?? "");
  return replyJson(res, ex, MODELS.find((m) => m.id === id) ?? { id, object: "model", created: 1_715_367_049, owned_by: "system" });
}
