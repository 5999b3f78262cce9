import { cancelAllSubscriptions } from "@/lib/billing/cancel-subscriptions";
import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { badRequest, notFound } from "@/lib/errors/gateway-error";

/**
 * Closes an account for good, once its owner typed its email address: cancels any Stripe
 * subscription first (a failure there stops the deletion, so nobody is billed for a deleted
 * account), then deletes the user with its credentials, tokens, keys, usage and counters.
 */
export async function deleteAccount(userId: string, typedEmail: string): Promise<void> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { apiTokens: { select: { id: true } } } });
  if (!user) throw notFound("No such account");
  if (typedEmail.trim().toLowerCase() !== user.email) {
    throw badRequest("Type your account's email address exactly to confirm", "confirmEmail");
  }
  await cancelAllSubscriptions(user.stripeCustomerId);
  const counterPrefixes = [`user:${user.id}:`, ...user.apiTokens.map((token) => `token:${token.id}:`)];
  await prisma.$transaction([
    prisma.quotaCounter.deleteMany({ where: { OR: counterPrefixes.map((prefix) => ({ key: { startsWith: prefix } })) } }),
    prisma.user.delete({ where: { id: user.id } }),
  ]);
  invalidate({ kind: "token", userId });
  invalidate({ kind: "credentials", userId });
  invalidate({ kind: "user", userId });
}
