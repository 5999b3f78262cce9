import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

export const REQUEST_ID_HEADER = "x-request-id";

// A caller's own id (from a proxy in front) is kept when it is plain; anything else gets ours.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives the request its id (on the request for handlers, on the response for the client) and, when
 * the response is over, writes one access line and counts it.
 */
export function trackRequest(req: IncomingMessage, res: ServerResponse, path: string, kind: "api" | "app" | "none"): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof offered === "string" && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const started = performance.now();
  res.once("close", () => {
    const seconds = (performance.now() - started) / 1000;
    const status = res.statusCode;
    const completed = res.writableFinished;
    metrics().observeHttp(kind, status, seconds);
    if (!log.enabled("info")) return;
    log.info("request", {
      requestId,
      method: req.method,
      path,
      status,
      durationMs: Math.round(seconds * 1000),
      ...(completed ? {} : { clientClosed: true }),
      generationId: res.getHeader("x-generation-id"),
      provider: res.getHeader("x-oauthrouter-provider"),
    });
  });
  return requestId;
}
