import { db } from "@/lib/db";

/** Who signed up with this user's code and the bonus messages each side earned. */
export async function referralSummary(userId: string) {
  const prisma = await db();
  const referrals = await prisma.referral.findMany({
    where: { referrerId: userId },
    orderBy: { createdAt: "desc" },
    include: { referred: { select: { email: true } } },
  });
  return {
    referrals: referrals.map((r) => ({ email: maskEmail(r.referred.email), joinedAt: r.createdAt, bonus: r.referrerBonus })),
    earned: referrals.reduce((sum, r) => sum + r.referrerBonus, 0),
  };
}

/** Enough to recognise a friend, not to harvest addresses: "ad***@example.com". */
export function maskEmail(email: string): string {
  const [name, domain] = email.split("@");
  return `${name.slice(0, 2)}***@${domain}`;
}
