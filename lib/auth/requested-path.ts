/**
 * Set by proxy.ts on dashboard requests: the path and query the browser asked for. Layouts are not
 * told their page, and the dashboard layout needs it for a sign-in that comes back to that page.
 */
export const REQUESTED_PATH_HEADER = "x-oauthrouter-requested-path";

/** The path and query of a request URL, without the router's own `_rsc` cache-busting parameter. */
export function pathOf(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
