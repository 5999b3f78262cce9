import { handleAuthKeys } from "@/lib/auth/handle-auth-keys";
import { handleMetrics } from "@/lib/observability/handle-metrics";
import { handleCreateKey, handleDeleteKey, handleGetKey, handleListKeys, handleUpdateKey } from "@/lib/management/handle-keys";
import { decodePathPart } from "@/lib/http/decode-path";
import { handleOpenApi } from "@/lib/openapi/handle-openapi";
import { handleChatCompletions } from "./chat/handle-chat-completions";
import { handleCompletions } from "./completions/handle-completions";
import { handleEmbeddings } from "./embeddings/handle-embeddings";
import { handleGenerateContent } from "./gemini/handle-generate-content";
import { handleEmbedContent, handleGeminiGetModel, handleGeminiListModels } from "./gemini/handle-gemini-models";
import { handleGeneration } from "./generation/handle-generation";
import { handleKeyInfo } from "./key-info/handle-key-info";
import { handleCountTokens, handleMessages } from "./messages/handle-messages";
import { handleCreateResponse } from "./responses/handle-responses";
import { handleDeleteResponse, handleGetResponse, handleListInputItems } from "./responses/handle-stored-responses";
import { handleModelEndpoints } from "./models/handle-model-endpoints";
import { handleCountModels, handleGetModel, handleListModels } from "./models/handle-models";

export type ApiHandler = (request: Request, params: Record<string, string>) => Promise<Response>;

export interface ApiRoute {
  method: string;
  pattern: RegExp;
  handler: ApiHandler;
  /**
   * The OpenAPI paths this route serves (lib/openapi documents each one; a test holds the two
   * together). Empty only for a route that exists to refuse a method with 405.
   */
  paths: readonly string[];
}

/** The same path under OpenAI's `/v1` and OpenRouter's `/api/v1`. */
const both = (path: string) => [path, `/api${path}`];

const refuseMethod = ["GET", "PUT", "PATCH", "DELETE"].map((method) => ({ method, pattern: /^\/api\/v1\/auth\/keys\/?$/, handler: handleAuthKeys, paths: [] }));

/**
 * The public API as a table, for the lean API server. When Next.js serves the API, its catch-all
 * route files (app/v1, app/api/v1, app/v1beta) dispatch through this same table.
 */
const routes: ApiRoute[] = [
  { method: "GET", pattern: /^\/metrics\/?$/, paths: ["/metrics"], handler: (req) => handleMetrics(req) },
  { method: "GET", pattern: /^\/openapi\.json$/, paths: ["/openapi.json"], handler: () => handleOpenApi() },
  { method: "POST", pattern: /^(?:\/api)?\/v1\/chat\/completions\/?$/, paths: both("/v1/chat/completions"), handler: (req) => handleChatCompletions(req) },
  { method: "POST", pattern: /^(?:\/api)?\/v1\/completions\/?$/, paths: both("/v1/completions"), handler: (req) => handleCompletions(req) },
  { method: "POST", pattern: /^(?:\/api)?\/v1\/messages\/?$/, paths: both("/v1/messages"), handler: (req) => handleMessages(req) },
  { method: "POST", pattern: /^(?:\/api)?\/v1\/messages\/count_tokens\/?$/, paths: both("/v1/messages/count_tokens"), handler: (req) => handleCountTokens(req) },
  {
    method: "POST",
    pattern: /^\/v1beta\/models\/.+:(?:embedContent|batchEmbedContents)$/,
    paths: ["/v1beta/models/{model}:embedContent", "/v1beta/models/{model}:batchEmbedContents"],
    handler: (req) => handleEmbedContent(req),
  },
  {
    method: "POST",
    pattern: /^\/v1beta\/models\/.+:\w+$/,
    paths: ["/v1beta/models/{model}:generateContent", "/v1beta/models/{model}:streamGenerateContent", "/v1beta/models/{model}:countTokens"],
    handler: (req) => handleGenerateContent(req),
  },
  { method: "POST", pattern: /^(?:\/api)?\/v1\/responses\/?$/, paths: both("/v1/responses"), handler: (req) => handleCreateResponse(req) },
  { method: "GET", pattern: /^(?:\/api)?\/v1\/responses\/(?<id>[^/]+)\/?$/, paths: both("/v1/responses/{response_id}"), handler: (req, p) => handleGetResponse(req, p.id) },
  { method: "DELETE", pattern: /^(?:\/api)?\/v1\/responses\/(?<id>[^/]+)\/?$/, paths: both("/v1/responses/{response_id}"), handler: (req, p) => handleDeleteResponse(req, p.id) },
  {
    method: "GET",
    pattern: /^(?:\/api)?\/v1\/responses\/(?<id>[^/]+)\/input_items\/?$/,
    paths: both("/v1/responses/{response_id}/input_items"),
    handler: (req, p) => handleListInputItems(req, p.id),
  },
  { method: "GET", pattern: /^\/v1beta\/models\/?$/, paths: ["/v1beta/models"], handler: (req) => handleGeminiListModels(req) },
  // A GET names a model; `model:method` paths take POST only (a GET there is a 405).
  { method: "GET", pattern: /^\/v1beta\/models\/(?<model>[^:]+)$/, paths: ["/v1beta/models/{model}"], handler: (req, p) => handleGeminiGetModel(req, decodePathPart(p.model)) },
  { method: "GET", pattern: /^(?:\/api)?\/v1\/models\/?$/, paths: both("/v1/models"), handler: (req) => handleListModels(req) },
  { method: "GET", pattern: /^(?:\/api)?\/v1\/models\/count\/?$/, paths: both("/v1/models/count"), handler: (req) => handleCountModels(req) },
  {
    method: "GET",
    pattern: /^(?:\/api)?\/v1\/models\/(?<id>.+?)\/endpoints\/?$/,
    paths: both("/v1/models/{author}/{slug}/endpoints"),
    handler: (req, p) => handleModelEndpoints(req, decodePathPart(p.id)),
  },
  { method: "GET", pattern: /^(?:\/api)?\/v1\/models\/(?<id>.+?)\/?$/, paths: both("/v1/models/{id}"), handler: (req, p) => handleGetModel(req, decodePathPart(p.id)) },
  { method: "POST", pattern: /^(?:\/api)?\/v1\/embeddings\/?$/, paths: both("/v1/embeddings"), handler: (req) => handleEmbeddings(req) },
  { method: "GET", pattern: /^\/api\/v1\/(?:auth\/)?key\/?$/, paths: ["/api/v1/auth/key", "/api/v1/key"], handler: (req) => handleKeyInfo(req) },
  { method: "POST", pattern: /^\/api\/v1\/auth\/keys\/?$/, paths: ["/api/v1/auth/keys"], handler: handleAuthKeys },
  ...refuseMethod,
  { method: "GET", pattern: /^\/api\/v1\/generation\/?$/, paths: ["/api/v1/generation"], handler: (req) => handleGeneration(req) },
  { method: "GET", pattern: /^\/api\/v1\/keys\/?$/, paths: ["/api/v1/keys"], handler: (req) => handleListKeys(req) },
  { method: "POST", pattern: /^\/api\/v1\/keys\/?$/, paths: ["/api/v1/keys"], handler: (req) => handleCreateKey(req) },
  { method: "GET", pattern: /^\/api\/v1\/keys\/(?<hash>[^/]+)\/?$/, paths: ["/api/v1/keys/{hash}"], handler: (req, p) => handleGetKey(req, p.hash) },
  { method: "PATCH", pattern: /^\/api\/v1\/keys\/(?<hash>[^/]+)\/?$/, paths: ["/api/v1/keys/{hash}"], handler: (req, p) => handleUpdateKey(req, p.hash) },
  { method: "DELETE", pattern: /^\/api\/v1\/keys\/(?<hash>[^/]+)\/?$/, paths: ["/api/v1/keys/{hash}"], handler: (req, p) => handleDeleteKey(req, p.hash) },
];

/** Every route the API server answers, for the OpenAPI completeness test. */
export function apiRoutes(): readonly ApiRoute[] {
  return routes;
}

export function matchApiRoute(method: string, pathname: string): { handler: ApiHandler; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (match) return { handler: route.handler, params: match.groups ?? {} };
  }
  return null;
}

/** The methods the table answers at this path (a 405's Allow header); empty when it knows no such path. */
export function allowedMethods(pathname: string): string[] {
  return [...new Set(routes.filter((route) => route.paths.length > 0 && route.pattern.test(pathname)).map((route) => route.method))];
}

export function registerApiRoute(method: string, pattern: RegExp, handler: ApiHandler, paths: readonly string[] = []): void {
  routes.push({ method, pattern, handler, paths });
}
