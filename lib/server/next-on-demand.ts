import type { IncomingMessage, ServerResponse } from "node:http";
import { errorReason, log } from "@/lib/observability/logger";
import type { Fallback } from "./api-server";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What this module needs of a Next.js server (`next({...})`). */
export interface PreparableApp {
  prepare(): Promise<void>;
  getRequestHandler(): NodeHandler;
}

/**
 * Next.js (pages, dashboard, sign-in) is loaded by the first request that needs it. An instance
 * that only serves the API never loads it, about 110 MB less resident memory (measured under the
 * benchmark's load: 308 MB → 195 MB on PostgreSQL); the first page request waits for it once.
 */
export function nextOnDemand(app: PreparableApp): Fallback {
  let loading: Promise<NodeHandler> | undefined;
  return async (req, res) => {
    loading ??= app.prepare().then(() => {
      log.info("web app loaded");
      return app.getRequestHandler();
    });
    let handle: NodeHandler;
    try {
      handle = await loading;
    } catch (error) {
      // The next page request tries again.
      loading = undefined;
      log.error("the web app could not be loaded", { error: errorReason(error) });
      if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      res.end("The web app is unavailable; try again shortly.");
      return;
    }
    await handle(req, res);
  };
}
