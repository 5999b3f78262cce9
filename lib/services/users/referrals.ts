import { env } from "@/lib/config/env";
import { db } from "@/lib/db";

export type ReferralState = "pending" | "granted" | "capped";

/** Who signed up with this user's code, whether each has used the product yet, and what it earned. */
export async function referralSummary(userId: string, now = new Date()) {
  const prisma = await db();
  const referrals = await prisma.referral.findMany({
    where: { referrerId: userId },
    orderBy: { createdAt: "desc" },
    include: { referred: { select: { email: true } } },
  });
  const state = (r: (typeof referrals)[number]): ReferralState => (!r.grantedAt ? "pending" : r.referrerCapped ? "capped" : "granted");
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return {
    referrals: referrals.map((r) => ({ email: maskEmail(r.referred.email), joinedAt: r.createdAt, state: state(r), bonus: r.grantedAt ? r.referrerBonus : 0 })),
    earned: referrals.reduce((sum, r) => sum + (r.grantedAt ? r.referrerBonus : 0), 0),
    pending: referrals.filter((r) => !r.grantedAt).length,
    grantedThisMonth: referrals.filter((r) => state(r) === "granted" && r.grantedAt!.getTime() >= monthStart).length,
    monthlyCap: env().REFERRAL_MAX_PER_MONTH,
  };
}

/** Enough to recognise a friend, not to harvest addresses: "ad***@example.com". */
export function maskEmail(email: string): string {
  const [name, domain] = email.split("@");
  return `${name.slice(0, 2)}***@${domain}`;
}
