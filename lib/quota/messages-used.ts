import type { Caller } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { counterStore, userMonthKey } from "./admit-message";
import { monthlyMessageLimit } from "./plans";

/** Messages used this month: the enforced counter, or for unlimited plans the usage rows. */
export async function messagesUsedThisMonth(caller: Pick<Caller, "userId" | "plan" | "bonusMessages">, now = new Date()): Promise<number> {
  if (monthlyMessageLimit(caller.plan, caller.bonusMessages) !== null) return counterStore().read(userMonthKey(caller.userId, now));
  const prisma = await db();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return prisma.usageEvent.count({ where: { userId: caller.userId, countedMessage: true, createdAt: { gte: monthStart } } });
}
