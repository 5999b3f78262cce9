import type { Route } from "../types";
import { chatCompletions, validateChat } from "./chat";
import { embeddings, validateEmbeddings } from "./embeddings";
import { listModels, retrieveModel } from "./models";
import { responses, validateResponses } from "./responses";

/** Under any prefix: /v1/…, /openai/v1/… (Groq), /api/v1/… (OpenRouter), /client/v4/accounts/{id}/ai/v1/… (Cloudflare). */
export const openAiRoutes: Route[] = [
  { method: "POST", pattern: /\/chat\/completions$/, family: "openai", validate: validateChat, handle: chatCompletions },
  { method: "POST", pattern: /\/responses$/, family: "openai", validate: validateResponses, handle: responses },
  { method: "POST", pattern: /\/embeddings$/, family: "openai", validate: validateEmbeddings, handle: embeddings },
  { method: "GET", pattern: /\/models$/, family: "openai", handle: listModels },
  { method: "GET", pattern: /\/models\/[^/:]+$/, family: "openai", handle: retrieveModel },
];
