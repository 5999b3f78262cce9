import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { rawQuery } from "@/lib/db/raw-query";
import { log } from "@/lib/observability/logger";
import { checkOutcome, checkStoredCredential } from "./recheck-credential";

const BATCH = 20;
// A claim not settled by then (its instance died mid-check) makes the credential due again.
const CLAIM_MS = 2 * 60_000;

// Polled every few seconds on the driver: an instance that only serves the API never loads
// Prisma's query compiler (about 60 MB resident) unless a check is actually due.
const ANY_DUE_SQL = `SELECT 1 FROM "ProviderCredential"
WHERE "nextCheckAt" <= $1::timestamptz AT TIME ZONE 'UTC' AND "status"::text <> 'active' AND NOT "disabled" LIMIT 1`;

export interface RecheckRound {
  /** Credentials this instance claimed and checked. */
  checked: number;
  /** Of those, the ones the provider accepted: back in service. */
  restored: number;
  /** Whether more were due than one round takes. */
  more: boolean;
}

/**
 * The automatic re-check of credentials out of service whose check is due. Each is claimed first
 * by moving its due time forward only if it is still the one read (compare-and-set), so with
 * several instances on one database exactly one of them checks it per due time.
 */
export async function recheckDueCredentials(now = new Date(), stop?: AbortSignal): Promise<RecheckRound> {
  const anyDue = await rawQuery(ANY_DUE_SQL, [now.toISOString()]);
  if (anyDue.length === 0) return { checked: 0, restored: 0, more: false };
  const prisma = await db();
  const due = await prisma.providerCredential.findMany({
    where: { nextCheckAt: { lte: now }, status: { not: "active" }, disabled: false },
    orderBy: { nextCheckAt: "asc" },
    take: BATCH,
  });
  const round: RecheckRound = { checked: 0, restored: 0, more: due.length === BATCH };
  for (const row of due) {
    // Stopping (shutdown) ends the round between checks: nothing is left claimed and unchecked.
    if (stop?.aborted) break;
    const claimedUntil = new Date(Date.now() + CLAIM_MS);
    const claim = await prisma.providerCredential.updateMany({ where: { id: row.id, nextCheckAt: row.nextCheckAt }, data: { nextCheckAt: claimedUntil } });
    if (claim.count === 0) continue;
    const check = await checkStoredCredential(row);
    // Settles only our own claim: a "Check again", an edit or a delete meanwhile wins.
    const settled = await prisma.providerCredential.updateMany({ where: { id: row.id, nextCheckAt: claimedUntil }, data: checkOutcome(row, check, new Date(), true) });
    round.checked += 1;
    if (settled.count === 0 || check.result !== "verified") continue;
    round.restored += 1;
    invalidate({ kind: "credentials", userId: row.userId });
    log.info("credential back in service after an automatic check", { credentialId: row.id, provider: row.provider });
  }
  return round;
}
