import type { Route } from "../types";
import { chat, validateChat } from "./chat";
import { embed, validateEmbed } from "./embeddings";
import { listModels } from "./models";

// GET /v1/models is shared with the OpenAI dialect; Cohere's listing is told apart by its query.
const isCohere = ({ query }: { query: Record<string, string> }) => "page_size" in query || "endpoint" in query || "default_only" in query;

export const cohereRoutes: Route[] = [
  { method: "POST", pattern: /^\/v2\/chat$/, family: "cohere", validate: validateChat, handle: chat },
  { method: "POST", pattern: /^\/v2\/embed$/, family: "cohere", validate: validateEmbed, handle: embed },
  { method: "GET", pattern: /^\/v1\/models$/, family: "cohere", when: isCohere, handle: listModels },
];
