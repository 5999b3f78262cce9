import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { clientAddress, enforceRateLimit } from "@/lib/security/rate-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = async (req: Request, context: Context) => NextAuth(req as never, context as never, authOptions());

/** Sign-in attempts are limited per client address before next-auth checks the password. */
async function post(req: Request, context: Context) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    try {
      await enforceRateLimit("sign-in", clientAddress(req), 20, 15 * 60_000);
    } catch (error) {
      return openAiErrorResponse(error);
    }
  }
  return handler(req, context);
}

export { handler as GET, post as POST };
