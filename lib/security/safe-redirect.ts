const BASE = "http://local.invalid";

/**
 * Where to send the user after sign-in: a path on this site, or `fallback`. Absolute URLs,
 * protocol-relative ones (`//host`), backslash tricks browsers read as `//` (`/\host`) and control
 * characters never leave the site.
 */
export function localReturnPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  return url.origin === BASE ? url.pathname + url.search + url.hash : fallback;
}
