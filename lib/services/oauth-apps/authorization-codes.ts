import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { badRequest, GatewayError } from "@/lib/errors/gateway-error";
import { hashToken } from "@/lib/crypto/tokens";
import { createApiToken } from "@/lib/services/tokens/create-api-token";
import { parseCallbackUrl } from "./callback-url";

const CODE_TTL_MS = 5 * 60_000;

export type ChallengeMethod = "S256" | "plain";

/** Issued when a signed-in user approves an app; single use, stored hashed, expires in minutes. */
export async function createAuthorizationCode(
  userId: string,
  callbackUrl: string,
  challenge?: { value: string; method: ChallengeMethod },
): Promise<{ code: string; redirectTo: string }> {
  const url = parseCallbackUrl(callbackUrl);
  const code = randomBytes(24).toString("base64url");
  const prisma = await db();
  await prisma.oAuthCode.create({
    data: {
      codeHash: hashToken(code),
      userId,
      callbackUrl: url.toString(),
      appOrigin: url.origin,
      codeChallenge: challenge?.value ?? null,
      codeChallengeMethod: challenge ? challenge.method : null,
      expiresAt: new Date(Date.now() + CODE_TTL_MS),
    },
  });
  url.searchParams.set("code", code);
  return { code, redirectTo: url.toString() };
}

function verifierMatches(verifier: string, challenge: string, method: string): boolean {
  const expected = method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  const a = Buffer.from(expected);
  const b = Buffer.from(challenge.replace(/=+$/, ""));
  return a.length === b.length && timingSafeEqual(a, b);
}

const refused = (message: string) => new GatewayError(403, "permission_error", message);

/** POST /api/v1/auth/keys: a code (and verifier, and its method) for a new `lr_live_` key named after the app. */
export async function exchangeAuthorizationCode(code: string, verifier?: string, method?: ChallengeMethod): Promise<{ key: string; appOrigin: string }> {
  if (!code) throw badRequest("code is required", "code");
  const prisma = await db();
  const record = await prisma.oAuthCode.findUnique({ where: { codeHash: hashToken(code) } });
  if (!record || record.usedAt || record.expiresAt.getTime() < Date.now()) {
    throw refused("Invalid code: it is unknown, expired or already used");
  }
  if (record.codeChallenge) {
    // As OpenRouter: a method other than step 1's is a 400, before any verifier is compared.
    if (method && method !== record.codeChallengeMethod) throw badRequest("Invalid code_challenge_method: use the method of the authorization request", "code_challenge_method");
    if (!verifier) throw badRequest("code_verifier is required for this code", "code_verifier");
    if (!verifierMatches(verifier, record.codeChallenge, record.codeChallengeMethod ?? "plain")) {
      throw refused("Invalid code_verifier for this code");
    }
  }
  // Claim the code atomically: of two simultaneous exchanges only one gets a key.
  const claimed = await prisma.oAuthCode.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count === 0) throw refused("Invalid code: it is unknown, expired or already used");
  const { token } = await createApiToken(prisma, record.userId, { name: new URL(record.appOrigin).host, appOrigin: record.appOrigin });
  return { key: token, appOrigin: record.appOrigin };
}
