import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Exchange } from "../types";

const MODELS = [
  { name: "command-a-03-2025", endpoints: ["chat"], finetuned: false, context_length: 256_000, default_endpoints: ["chat"], features: ["tools", "json_mode", "json_schema"] },
  { name: "embed-english-v3.0", endpoints: ["embed"], finetuned: false, context_length: 512, default_endpoints: ["embed"], features: null },
];

/** GET /v1/models (Cohere): `{models:[{name, endpoints, context_length…}]}`. */
export function listModels(res: ServerResponse, ex: Exchange): Promise<void> {
  const endpoint = ex.record.query.endpoint;
  return replyJson(res, ex, { models: endpoint ? MODELS.filter((m) => m.endpoints.includes(endpoint)) : MODELS });
}
