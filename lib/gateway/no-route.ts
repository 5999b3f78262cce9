import { GatewayError, notFound } from "@/lib/errors/gateway-error";
import { isPublicApiPath } from "@/lib/http/cors";
import { allowedMethods } from "./api-routes";

const API_PREFIX = /^\/(?:api\/v1|v1|v1beta)(?:\/|$)/;

/** Paths the API owns: everything under /v1, /api/v1 and /v1beta, and the table's other routes. */
export function isApiPath(pathname: string): boolean {
  return API_PREFIX.test(pathname) || allowedMethods(pathname).length > 0;
}

/** The methods to list in Allow: the table's, HEAD beside GET, and OPTIONS where CORS preflight is answered. */
export function allowHeader(pathname: string): string {
  const methods = allowedMethods(pathname);
  return [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), ...(isPublicApiPath(pathname) ? ["OPTIONS"] : [])].join(", ");
}

/** Why no route answered: 405 with Allow when the path exists under other methods, else 404. */
export function noRouteError(method: string, pathname: string): GatewayError {
  const shown = pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname;
  const allowed = allowedMethods(pathname);
  if (allowed.length === 0) return notFound(`No such endpoint: ${method} ${shown} (see /docs and /openapi.json for the API's paths)`);
  return new GatewayError(405, "invalid_request_error", `${method} is not allowed on ${shown}; use ${allowed.join(" or ")}`, {
    code: "method_not_allowed",
    headers: { allow: allowHeader(pathname) },
  });
}
