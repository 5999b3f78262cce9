import { dispatchApi } from "@/lib/gateway/dispatch-api";
import { isPublicApiPath, preflightResponse } from "@/lib/http/cors";

/**
 * The API when Next.js serves it (`next dev`, `next start`): every route file under app/v1,
 * app/api/v1 and app/v1beta hands every method here, so the routes table answers exactly as in
 * the lean server (lib/server/api-server.ts), unknown paths and wrong methods included.
 */
export async function serveApiRoute(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method === "OPTIONS" && isPublicApiPath(pathname)) return preflightResponse();
  return dispatchApi(request.method, pathname, async () => request);
}
