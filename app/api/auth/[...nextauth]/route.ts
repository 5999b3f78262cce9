import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { limitSignInAttempts } from "@/lib/auth/sign-in-limit";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { assertSameOrigin } from "@/lib/security/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = async (req: Request, context: Context) => NextAuth(req as never, context as never, authOptions());

/**
 * next-auth checks its own CSRF token on every POST; cross-site posts are refused before that, and
 * sign-in attempts are limited per client address before the password is checked.
 */
async function post(req: Request, context: Context) {
  try {
    assertSameOrigin(req);
    await limitSignInAttempts(req, (await context.params).nextauth);
  } catch (error) {
    return openAiErrorResponse(error);
  }
  return handler(req, context);
}

export { handler as GET, post as POST };
