import type { Prisma } from "@/lib/db/generated/client";
import type { Plan } from "@/lib/db/generated/enums";
import { PLANS } from "@/lib/quota/plans";
import { planForPrice, type BillingConfig } from "./billing-config";
import type { SubscriptionSnapshot } from "./subscription-snapshot";

// A failed renewal (past_due) keeps the plan while Stripe retries; unpaid, canceled, paused and
// expired subscriptions grant nothing, and an incomplete one has not been paid yet.
const GRANTS_PLAN = new Set(["active", "trialing", "past_due"]);
const RANK = Object.keys(PLANS) as Plan[];

export interface AppliedSubscription {
  userId: string;
  plan: Plan;
}

async function ownerOf(tx: Prisma.TransactionClient, snapshot: SubscriptionSnapshot) {
  const byCustomer = await tx.user.findUnique({ where: { stripeCustomerId: snapshot.customerId }, select: { id: true } });
  if (byCustomer) return byCustomer.id;
  if (!snapshot.userIdHint) return null;
  const byHint = await tx.user.findUnique({ where: { id: snapshot.userIdHint }, select: { id: true, stripeCustomerId: true } });
  if (!byHint || byHint.stripeCustomerId) return null;
  await tx.user.update({ where: { id: byHint.id }, data: { stripeCustomerId: snapshot.customerId } });
  return byHint.id;
}

/** The best plan among the user's subscriptions that grant one; Free when none does. */
async function recomputePlan(tx: Prisma.TransactionClient, userId: string): Promise<Plan> {
  const subscriptions = await tx.subscription.findMany({ where: { userId }, select: { status: true, plan: true } });
  const granted = subscriptions.filter((s) => GRANTS_PLAN.has(s.status)).map((s) => s.plan);
  const plan = granted.reduce<Plan>((best, next) => (RANK.indexOf(next) > RANK.indexOf(best) ? next : best), "free");
  await tx.user.update({ where: { id: userId }, data: { plan } });
  return plan;
}

/**
 * Stores the subscription and sets its owner's plan from it. Null when the subscription is not
 * ours to apply: no matching account (deleted, or another app's customer) or a price we do not sell.
 */
export async function applySubscription(tx: Prisma.TransactionClient, billing: BillingConfig, snapshot: SubscriptionSnapshot): Promise<AppliedSubscription | null> {
  const plan = planForPrice(billing, snapshot.priceId);
  if (!plan) {
    console.warn(`[oauthrouter] Stripe subscription ${snapshot.id} has price ${snapshot.priceId ?? "none"}, which is none of STRIPE_PRICE_*; ignored`);
    return null;
  }
  const userId = await ownerOf(tx, snapshot);
  if (!userId) return null;
  const fields = { status: snapshot.status, plan, priceId: snapshot.priceId, currentPeriodEnd: snapshot.currentPeriodEnd, cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd };
  await tx.subscription.upsert({ where: { id: snapshot.id }, create: { id: snapshot.id, userId, ...fields }, update: { userId, ...fields } });
  return { userId, plan: await recomputePlan(tx, userId) };
}
