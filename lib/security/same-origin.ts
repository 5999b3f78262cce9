import { publicUrl } from "@/lib/config/env";
import { forbidden } from "@/lib/errors/gateway-error";

/**
 * CSRF defence for route handlers that act on a browser's behalf (sign-up, sign-in): a browser
 * always says where a cross-site request comes from (Origin, Sec-Fetch-Site), so anything that
 * names another site is refused. Requests with neither header are not from a browser page.
 */
export function assertSameOrigin(request: Request, site = publicUrl()): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!isOurs(origin, request.headers.get("host"), site)) throw forbidden("Cross-site request refused");
    return;
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") throw forbidden("Cross-site request refused");
}

function isOurs(origin: string, host: string | null, site: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque "null" origin of sandboxed frames and data: pages
  }
  return parsed.origin === new URL(site).origin || (host !== null && parsed.host === host);
}
