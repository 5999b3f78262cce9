import type { ServerResponse } from "node:http";
import { anthropicRoutes } from "./anthropic/routes";
import { cohereRoutes } from "./cohere/routes";
import { geminiRoutes } from "./gemini/routes";
import { openAiRoutes } from "./openai/routes";
import type { Route } from "./types";

// The smallest valid PNG header, enough for the gateway's remote-image inlining.
const PNG = Buffer.from("89504e470d0a1a0a", "hex");
const imageRoute: Route = {
  method: "GET", pattern: /^\/images\/.+\.png$/, family: "openai", public: true,
  handle: (res: ServerResponse) => void res.writeHead(200, { "content-type": "image/png", "content-length": PNG.length }).end(PNG),
};

// Exact provider paths first; the OpenAI dialect matches any prefix, so it goes last.
export const ROUTES: Route[] = [...geminiRoutes, ...anthropicRoutes, ...cohereRoutes, imageRoute, ...openAiRoutes];

export function findRoute(method: string, path: string, request: Parameters<NonNullable<Route["when"]>>[0]): Route | undefined {
  return ROUTES.find((r) => r.method === method && r.pattern.test(path) && (!r.when || r.when(request)));
}
