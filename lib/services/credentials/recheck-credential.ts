import { invalidate } from "@/lib/cache/invalidation";
import { secrets } from "@/lib/config/secrets";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { ProviderCredential } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors/gateway-error";
import { checkCredential, limitChecks, type CredentialCheck } from "./check-credential";
import { checksItself, nextCheckAt, refusedStatus } from "./out-of-service";

export type StoredCredential = Pick<ProviderCredential, "provider" | "kind" | "secretCiphertext" | "baseUrl" | "accountId" | "failedChecks">;

/** Asks the provider about a stored credential with the cheap check Providers uses. */
export function checkStoredCredential(row: StoredCredential): Promise<CredentialCheck> {
  const secret = decryptSecret(row.secretCiphertext, secrets().encryptionKeys);
  return checkCredential({ provider: row.provider, secret, kind: row.kind, baseUrl: row.baseUrl, accountId: row.accountId });
}

/**
 * The columns a check's outcome sets. Accepted: back in service, history cleared. Refused: out of
 * service with the provider's message, next automatic check on the backoff. Could not tell: the
 * user's "Check again" puts it back (the next request shows); the automatic check leaves it out
 * and tries again at its next step.
 */
export function checkOutcome(row: StoredCredential, check: CredentialCheck, now: Date, automatic: boolean) {
  const failedChecks = row.failedChecks + (automatic ? 1 : 0);
  const retryAt = checksItself(row) ? nextCheckAt(failedChecks, now) : null;
  if (check.result === "verified") {
    return { status: "active" as const, verifiedAt: now, checkNote: null, lastError: null, lastErrorAt: null, cooldownUntil: null, refusals: 0, refusalsSince: null, nextCheckAt: null, failedChecks: 0 };
  }
  if (check.result === "refused") {
    return { status: refusedStatus(row.kind, check.status), lastError: check.message.slice(0, 500), lastErrorAt: now, nextCheckAt: retryAt, failedChecks };
  }
  if (automatic) return { nextCheckAt: retryAt, failedChecks };
  return { status: "active" as const, checkNote: check.note, refusals: 0, refusalsSince: null, nextCheckAt: null, failedChecks: 0 };
}

/** Providers' "Check again" on a saved credential, within the account's limit on checks. */
export async function recheckCredential(userId: string, id: string): Promise<{ provider: string; check: CredentialCheck }> {
  const prisma = await db();
  const row = await prisma.providerCredential.findFirst({ where: { id, userId } });
  if (!row) throw notFound("No such credential");
  await limitChecks(userId);
  const check = await checkStoredCredential(row);
  await prisma.providerCredential.updateMany({ where: { id, userId }, data: checkOutcome(row, check, new Date(), false) });
  invalidate({ kind: "credentials", userId });
  return { provider: row.provider, check };
}
