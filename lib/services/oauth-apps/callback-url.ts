import { badRequest } from "@/lib/errors/gateway-error";

/** An app's callback: https anywhere, or http only on localhost. Returns the parsed URL. */
export function parseCallbackUrl(value: string | null | undefined): URL {
  if (!value) throw badRequest("callback_url is required", "callback_url");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest("callback_url must be an absolute URL", "callback_url");
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw badRequest("callback_url must use https (or http on localhost)", "callback_url");
  }
  if (url.username || url.password) throw badRequest("callback_url must not contain credentials", "callback_url");
  return url;
}
