import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { env } from "@/lib/config/env";
import { apiErrorResponse, dispatchApi } from "@/lib/gateway/dispatch-api";
import { isApiPath } from "@/lib/gateway/no-route";
import { isPublicApiPath, preflightResponse } from "@/lib/http/cors";
import { startInvalidationRelay } from "@/lib/redis/invalidation-relay";
import { startBackgroundRechecks, stopBackgroundRechecks } from "@/lib/services/credentials/background-rechecks";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/rate-limit";
import { toWebRequest, writeWebResponse } from "./node-bridge";
import { plainErrorResponse, refuseHost, refuseMethod, refusePath } from "./request-guards";
import { trackRequest } from "./request-log";

export type Fallback = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The API on a plain Node server: the same Web-standard handlers as the Next.js routes, without
 * the framework's per-request work. Paths the API owns never reach `fallback` (the Next.js app): an
 * unknown one is a 404, a wrong method a 405, in the path's dialect.
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
    const method = req.method ?? "GET";
    // A fragment never belongs in a request target; clients that send one mean the path before it.
    const pathname = (req.url ?? "/").split(/[?#]/)[0];
    const api = isApiPath(pathname);
    trackRequest(req, res, pathname, api ? "api" : fallback ? "app" : "none");
    if (method === "OPTIONS" && isPublicApiPath(pathname)) return writeWebResponse(res, preflightResponse());
    const badHost = refuseHost(req.headers.host);
    if (!api) {
      const refusal = badHost ?? refuseMethod(method) ?? refusePath(pathname);
      if (refusal) return writeWebResponse(res, plainErrorResponse(refusal));
      if (fallback) return fallback(req, res);
    }
    // Paths the API owns never reach the web app: they answer in their dialect, 404 and 405 included.
    const response = badHost
      ? apiErrorResponse(pathname, badHost)
      : await dispatchApi(method, pathname, () => toWebRequest(req, res, `http://${req.headers.host ?? "localhost"}`, env().MAX_BODY_BYTES));
    try {
      await writeWebResponse(res, response);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) await writeWebResponse(res, apiErrorResponse(pathname, error));
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
