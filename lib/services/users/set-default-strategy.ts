import { z } from "zod";
import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { API_STRATEGIES, fromApiStrategy } from "@/lib/services/api-keys/strategy-names";

/** The account's routing strategy, used by every token that does not set its own. */
export async function setDefaultStrategy(userId: string, strategy: string): Promise<void> {
  const value = z.enum(API_STRATEGIES).parse(strategy);
  const prisma = await db();
  await prisma.user.update({ where: { id: userId }, data: { defaultStrategy: fromApiStrategy(value) } });
  invalidate({ kind: "user", userId });
}
