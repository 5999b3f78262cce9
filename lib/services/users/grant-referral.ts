import { invalidate } from "@/lib/cache/invalidation";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";

const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** Whether the referrer has had this month's REFERRAL_MAX_PER_MONTH bonuses already (their row is locked by the caller). */
async function referrerCapped(tx: Prisma.TransactionClient, referrerId: string, now: Date): Promise<boolean> {
  const granted = await tx.referral.count({ where: { referrerId, referrerCapped: false, grantedAt: { gte: monthStart(now) } } });
  return granted >= env().REFERRAL_MAX_PER_MONTH;
}

/**
 * Grants a referral's bonuses once the referred account has really used the product (its first
 * successful request). Exactly once across instances: the referrer's row is locked, so two grants
 * to one referrer count the month's cap in turn, and only the update that finds the referral still
 * pending grants it. Over the cap the referred side still gets its bonus, the referrer none.
 */
export async function grantReferral(referredId: string, now = new Date()): Promise<"granted" | "capped" | "none"> {
  const prisma = await db();
  const outcome = await prisma.$transaction(async (tx) => {
    const pending = await tx.referral.findUnique({ where: { referredId } });
    if (!pending || pending.grantedAt) return null;
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${pending.referrerId} FOR UPDATE`;
    const capped = await referrerCapped(tx, pending.referrerId, now);
    const referrerBonus = capped ? 0 : pending.referrerBonus;
    const { count } = await tx.referral.updateMany({ where: { id: pending.id, grantedAt: null }, data: { grantedAt: now, referrerCapped: capped, referrerBonus } });
    if (count === 0) return null;
    if (referrerBonus > 0) await tx.user.update({ where: { id: pending.referrerId }, data: { bonusMessages: { increment: referrerBonus } } });
    if (pending.referredBonus > 0) await tx.user.update({ where: { id: referredId }, data: { bonusMessages: { increment: pending.referredBonus } } });
    return { referrerId: pending.referrerId, capped };
  });
  if (!outcome) return "none";
  // Both accounts' limits changed: every instance's token cache drops them.
  invalidate({ kind: "user", userId: referredId });
  invalidate({ kind: "user", userId: outcome.referrerId });
  return outcome.capped ? "capped" : "granted";
}
