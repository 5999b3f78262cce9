import { clientAddress, enforceRateLimit } from "@/lib/security/rate-limit";

export const SIGN_IN_LIMIT = { attempts: 20, windowMs: 15 * 60_000 };

/**
 * Counts a sign-in attempt against the client's budget. It reads the route segments next-auth
 * itself dispatches on (`action`, `providerId`: Next.js has already decoded and split the path), so
 * `/callback/%63redentials`, doubled or trailing slashes reach the count exactly when they reach
 * the password check. Every callback counts, whatever provider it names.
 */
export async function limitSignInAttempts(request: Request, segments: readonly string[] | undefined): Promise<void> {
  if (request.method !== "POST" || segments?.[0] !== "callback") return;
  await enforceRateLimit("sign-in", clientAddress(request), SIGN_IN_LIMIT.attempts, SIGN_IN_LIMIT.windowMs);
}
