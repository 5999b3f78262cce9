import { billingConfig } from "@/lib/billing/billing-config";
import { db } from "@/lib/db";
import type { Plan } from "@/lib/db/generated/enums";
import { messagesUsedThisMonth } from "@/lib/quota/messages-used";
import { nextMonthStart } from "@/lib/quota/periods";
import { monthlyMessageLimit } from "@/lib/quota/plans";

const CURRENT = new Set(["active", "trialing", "past_due"]);

export interface BillingOverview {
  /** Whether this server takes payments (all STRIPE_* settings present). */
  configured: boolean;
  plan: Plan;
  messages: { used: number; limit: number | null; bonus: number; resetsAt: Date };
  /** The subscription behind the plan, as the last webhook reported it. */
  subscription: { status: string; plan: Plan; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean } | null;
  /** Whether there is a Stripe customer to open the portal for. */
  hasBillingAccount: boolean;
}

/** The subscription behind the account's plan (or its latest one), as the webhooks last reported it. */
export async function currentSubscription(userId: string) {
  const prisma = await db();
  const subscriptions = await prisma.subscription.findMany({ where: { userId }, orderBy: { updatedAt: "desc" } });
  return subscriptions.find((s) => CURRENT.has(s.status)) ?? subscriptions[0] ?? null;
}

/** What the Billing page shows, for one account. */
export async function billingOverview(user: { id: string; plan: Plan; bonusMessages: number; stripeCustomerId: string | null }, now = new Date()): Promise<BillingOverview> {
  const [used, subscription] = await Promise.all([
    messagesUsedThisMonth({ userId: user.id, plan: user.plan, bonusMessages: user.bonusMessages }, now),
    currentSubscription(user.id),
  ]);
  return {
    configured: billingConfig() !== null,
    plan: user.plan,
    messages: { used, limit: monthlyMessageLimit(user.plan, user.bonusMessages), bonus: user.bonusMessages, resetsAt: nextMonthStart(now) },
    subscription: subscription && {
      status: subscription.status,
      plan: subscription.plan,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    },
    hasBillingAccount: Boolean(user.stripeCustomerId),
  };
}
