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

/**
 * next-auth's redirect callback: a local path, or an absolute URL on exactly this site's origin;
 * anything else (another origin, `http://localhost:4201.evil.example/`, text that is no URL)
 * goes to the site's root. Never throws.
 */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  const local = localReturnPath(url, "");
  if (local) return `${baseUrl}${local}`;
  if (/[\\\u0000-\u001f\u007f]/.test(url) || !URL.canParse(url) || !URL.canParse(baseUrl)) return baseUrl;
  const target = new URL(url);
  return target.origin === new URL(baseUrl).origin && !target.username && !target.password ? target.href : baseUrl;
}
