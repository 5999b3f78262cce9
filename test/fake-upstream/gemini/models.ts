import type { ServerResponse } from "node:http";
import { replyJson } from "../http";
import type { Exchange } from "../types";

const MODELS = [
  {
    name: "models/gemini-2.5-flash", version: "001", displayName: "Gemini 2.5 Flash", description: "Stable version of Gemini 2.5 Flash",
    inputTokenLimit: 1_048_576, outputTokenLimit: 65_536, supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
    temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true,
  },
];

/** GET /v1beta/models: `{models:[…]}`. */
export function listModels(res: ServerResponse, ex: Exchange): Promise<void> {
  return replyJson(res, ex, { models: MODELS });
}

/** GET /v1beta/models/{model}. */
export function getModel(res: ServerResponse, ex: Exchange): Promise<void> {
  const name = `models/${decodeURIComponent(ex.record.path.split("/models/")[1] ?? "")}`;
  return replyJson(res, ex, MODELS.find((m) => m.name === name) ?? { ...MODELS[0], name, displayName: name.slice(7) });
}
