import { GatewayError, badRequest } from "@/lib/errors/gateway-error";

// The methods anything here serves; TRACE and WebDAV's are refused before routing.
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// A host name or [IPv6] literal with an optional port (RFC 3986 without percent-escapes).
const HOST = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

// Nearly every request names the same host: parse it once.
let lastGoodHost = "";

/** A Host that is no host would fail URL parsing later (a 500): refused as a 400 up front. */
export function refuseHost(host: string | undefined): GatewayError | null {
  if (host === undefined || host === lastGoodHost) return null;
  if (!HOST.test(host) || !URL.canParse(`http://${host}/`)) return badRequest("Malformed Host header");
  lastGoodHost = host;
  return null;
}

/** For the web app's paths; the API's answer odd methods with their own 404 or 405. */
export function refuseMethod(method: string): GatewayError | null {
  if (SERVED_METHODS.has(method)) return null;
  return new GatewayError(405, "invalid_request_error", `Method ${method.slice(0, 20)} is not allowed`, { code: "method_not_allowed", headers: { allow: [...SERVED_METHODS].join(", ") } });
}

/** A path with a malformed %-escape (`/dashboard/%E0%A4%A`): the web app would fail decoding it with a 500. */
export function refusePath(pathname: string): GatewayError | null {
  if (!pathname.includes("%")) return null;
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return badRequest("Malformed percent-encoding in the request path");
  }
}

/** A refusal on a page path: plain text, as the web app would answer. */
export function plainErrorResponse(error: GatewayError): Response {
  return new Response(`${error.message}\n`, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8", ...error.headers } });
}
