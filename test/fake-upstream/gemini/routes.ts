import type { Route } from "../types";
import { countTokens } from "./count-tokens";
import { embed, validateEmbed } from "./embeddings";
import { generateContent, validateGenerate } from "./generate";
import { getModel, listModels } from "./models";
import { streamGenerateContent } from "./stream";

// /v1beta is what the SDK and our gateway use; /v1 (stable) answers the same.
const method = (name: string) => new RegExp(`^/v1(beta)?/models/[^/]+:${name}$`);

export const geminiRoutes: Route[] = [
  { method: "POST", pattern: method("generateContent"), family: "gemini", validate: validateGenerate, handle: generateContent },
  { method: "POST", pattern: method("streamGenerateContent"), family: "gemini", validate: validateGenerate, handle: streamGenerateContent },
  { method: "POST", pattern: method("(embedContent|batchEmbedContents)"), family: "gemini", validate: validateEmbed, handle: embed },
  { method: "POST", pattern: method("countTokens"), family: "gemini", handle: countTokens },
  { method: "GET", pattern: /^\/v1beta\/models$/, family: "gemini", handle: listModels },
  { method: "GET", pattern: /^\/v1beta\/models\/[^/:]+$/, family: "gemini", handle: getModel },
];
