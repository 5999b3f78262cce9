import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { safeAuthRequest } from "@/lib/auth/auth-request";
import { limitSignInAttempts } from "@/lib/auth/sign-in-limit";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { assertSameOrigin } from "@/lib/security/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  const safe = await safeAuthRequest(req);
  return safe instanceof Response ? safe : NextAuth(safe as never, context as never, authOptions());
}

/**
 * next-auth checks its own CSRF token on every POST; cross-site posts are refused before that, and
 * sign-in attempts are limited per client address before the password is checked.
 */
async function post(req: NextRequest, context: Context) {
  try {
    assertSameOrigin(req);
    await limitSignInAttempts(req, (await context.params).nextauth);
  } catch (error) {
    return openAiErrorResponse(error);
  }
  return handler(req, context);
}

export { handler as GET, post as POST };
