import { invalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/gateway-error";
import { checkCredential, limitChecks, type CredentialCheck } from "./check-credential";

/**
 * Providers' "Check again" on a saved credential. Accepted: active again, old error cleared.
 * Refused: marked as the request path would mark it, with the provider's message. Unknown: active
 * again with the note, so the next request tries it (and marks it if the provider refuses).
 */
export async function recheckCredential(userId: string, id: string): Promise<{ provider: string; check: CredentialCheck }> {
  const prisma = await db();
  const row = await prisma.providerCredential.findFirst({ where: { id, userId } });
  if (!row) throw notFound("No such credential");
  await limitChecks(userId);
  const secret = decryptSecret(row.secretCiphertext, secrets().encryptionKeys);
  const check = await checkCredential({ provider: row.provider, secret, kind: row.kind, baseUrl: row.baseUrl, accountId: row.accountId });
  const now = new Date();
  const data =
    check.result === "verified"
      ? { status: "active" as const, verifiedAt: now, checkNote: null, lastError: null, lastErrorAt: null, cooldownUntil: null }
      : check.result === "refused"
        ? { status: row.kind === "oauth_token" ? (check.status === 403 ? ("refused" as const) : ("expired" as const)) : ("invalid" as const), lastError: check.message.slice(0, 500), lastErrorAt: now }
        : { status: "active" as const, checkNote: check.note };
  await prisma.providerCredential.updateMany({ where: { id, userId }, data });
  invalidate({ kind: "credentials", userId });
  return { provider: row.provider, check };
}
