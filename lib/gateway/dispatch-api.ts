import { errorResponseForPath } from "@/lib/errors/render-for-path";
import { CORS_HEADERS } from "@/lib/http/cors";
import { matchApiRoute } from "./api-routes";
import { noRouteError } from "./no-route";

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

/**
 * One request to a path the API owns, through the routes table, for the lean server and the
 * Next.js route files alike: HEAD is answered as GET, an unknown path is a 404, a wrong method a
 * 405 with Allow, and any failure is an error in the path's dialect. `request` is built only for a route.
 */
export async function dispatchApi(method: string, pathname: string, request: () => Promise<Request>): Promise<Response> {
  try {
    const route = matchApiRoute(method === "HEAD" ? "GET" : method, pathname);
    if (!route) throw noRouteError(method, pathname);
    return withCors(await route.handler(await request(), route.params));
  } catch (error) {
    return withCors(errorResponseForPath(pathname, error));
  }
}

/** A refusal made before routing (a malformed Host), in the path's dialect. */
export function apiErrorResponse(pathname: string, error: unknown): Response {
  return withCors(errorResponseForPath(pathname, error));
}
