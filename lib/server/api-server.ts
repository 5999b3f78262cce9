import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { env } from "@/lib/config/env";
import { matchApiRoute } from "@/lib/gateway/api-routes";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { notFound } from "@/lib/errors/gateway-error";
import { CORS_HEADERS, isPublicApiPath, preflightResponse } from "@/lib/http/cors";
import { startInvalidationRelay } from "@/lib/redis/invalidation-relay";
import { startBackgroundRechecks, stopBackgroundRechecks } from "@/lib/services/credentials/background-rechecks";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/rate-limit";
import { toWebRequest, writeWebResponse } from "./node-bridge";
import { trackRequest } from "./request-log";

export type Fallback = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The API on a plain Node server: the same Web-standard handlers as the Next.js routes, without
 * the framework's per-request work. Anything else goes to `fallback` (the Next.js app) or 404.
 */
export function createApiServer(fallback?: Fallback): Server {
  // Every instance serving the API hears the others' invalidations (with REDIS_URL; else a no-op).
  startInvalidationRelay();
  // Credentials out of service are checked again in the background while a server runs.
  startBackgroundRechecks();
  const server = createServer(async (req, res) => {
    // Shutting down: answer what arrives on an open connection, then close it.
    if (!server.listening) res.shouldKeepAlive = false;
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    const pathname = (req.url ?? "/").split("?")[0];
    const route = matchApiRoute(req.method ?? "GET", pathname);
    trackRequest(req, res, pathname, route ? "api" : fallback ? "app" : "none");
    if (req.method === "OPTIONS" && isPublicApiPath(pathname)) return writeWebResponse(res, preflightResponse());
    if (!route && fallback) return fallback(req, res);
    const origin = `http://${req.headers.host ?? "localhost"}`;
    try {
      const request = await toWebRequest(req, res, origin, env().MAX_BODY_BYTES);
      const response = route ? await route.handler(request, route.params) : openAiErrorResponse(notFound(`No route for ${req.method} ${pathname}`));
      for (const [name, value] of Object.entries(CORS_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
      await writeWebResponse(res, response);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) await writeWebResponse(res, openAiErrorResponse(error));
      else res.destroy();
    }
  });
  server.once("close", () => void stopBackgroundRechecks());
  // Idle keep-alive connections outlive a load balancer's (60 s), so the client side always closes
  // first: a request never lands on a socket the server is closing at that very moment.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export async function listen(server: Server, port = 0, host = "127.0.0.1"): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}
