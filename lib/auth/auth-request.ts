import { NextRequest } from "next/server";
import { publicUrl } from "@/lib/config/env";
import { badRequest } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { sameSiteRedirect } from "@/lib/security/safe-redirect";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth's own test of a return address (lib/assert.js): an http(s) URL, or a path. */
function httpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth answers a `callbackUrl` (query or cookie) that is no http(s) URL with a 500 before any
 * callback of ours runs (`?callbackUrl=http://localhost:4201.evil.example/`): the query's is
 * replaced by its same-site form, and a malformed cookie is a 400 that clears it.
 */
export async function safeAuthRequest(req: NextRequest): Promise<NextRequest | Response> {
  const base = publicUrl();
  const broken = CALLBACK_COOKIES.filter((name) => {
    const value = req.cookies.get(name)?.value;
    return value !== undefined && !httpUrl(value, base);
  });
  if (broken.length > 0) {
    const refusal = openAiErrorResponse(badRequest("The sign-in return address (a cookie) was malformed and has been cleared; try again"));
    for (const name of broken) refusal.headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
    return refusal;
  }
  const callbackUrl = req.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl === null) return req;
  const url = new URL(req.url);
  url.searchParams.set("callbackUrl", sameSiteRedirect(callbackUrl, base));
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
  return new NextRequest(url, { method: req.method, headers: req.headers, body });
}
