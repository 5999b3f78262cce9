/** The app that sent a request, as OpenRouter's app attribution names it. */
export interface RequestApp {
  title: string | null;
  referer: string | null;
}

const TITLE_MAX = 100;
const REFERER_MAX = 200;

/** Printable text only (no control or bidi characters), whitespace collapsed, bounded. */
function cleanText(value: string | null, max: number): string | null {
  if (!value) return null;
  const text = value.replace(/[\p{Cc}\p{Cf}]/gu, " ").replace(/\s+/g, " ").trim().slice(0, max).trim();
  return text || null;
}

/** An http(s) referer as origin and path: its query and fragment may carry secrets. */
function cleanReferer(value: string | null): string | null {
  const text = cleanText(value, 2_000);
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === "http:" || url.protocol === "https:") return `${url.origin}${url.pathname === "/" ? "" : url.pathname}`.slice(0, REFERER_MAX);
  } catch {
    // Not a URL: an app name sent as a referer, kept as text.
  }
  return text.replace(/[?#].*$/, "").slice(0, REFERER_MAX) || null;
}

/** `X-Title` and `HTTP-Referer` (or `Referer`) of a request, sanitised for the usage row. */
export function requestApp(headers: Headers): RequestApp {
  return {
    title: cleanText(headers.get("x-title"), TITLE_MAX),
    referer: cleanReferer(headers.get("http-referer") ?? headers.get("referer")),
  };
}

/** The name the Usage page charts an app under: its title, else its referer's host. */
export function appName(title: string | null, referer: string | null): string | null {
  if (title) return title;
  if (!referer) return null;
  try {
    return new URL(referer).host;
  } catch {
    return referer;
  }
}
