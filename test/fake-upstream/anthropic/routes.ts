import type { Route } from "../types";
import { countTokens } from "./count-tokens";
import { messages, validateMessages } from "./messages";
import { listModels, retrieveModel } from "./models";

// GET /v1/models is shared with the OpenAI dialect; Anthropic clients send anthropic-version or x-api-key.
const isAnthropic = ({ headers }: { headers: Record<string, unknown> }) => Boolean(headers["anthropic-version"] || headers["x-api-key"]);

export const anthropicRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/messages\/count_tokens$/, family: "anthropic", validate: validateMessages, handle: countTokens },
  { method: "POST", pattern: /^\/v1\/messages$/, family: "anthropic", validate: validateMessages, handle: messages },
  { method: "GET", pattern: /^\/v1\/models$/, family: "anthropic", when: isAnthropic, handle: listModels },
  { method: "GET", pattern: /^\/v1\/models\/[^/]+$/, family: "anthropic", when: isAnthropic, handle: retrieveModel },
];
