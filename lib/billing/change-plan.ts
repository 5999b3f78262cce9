import { db } from "@/lib/db";
import type { Plan } from "@/lib/db/generated/enums";
import { badRequest, notFound } from "@/lib/errors/gateway-error";
import { requireBillingConfig } from "./billing-config";
import { createCheckoutSession } from "./checkout";
import { liveSubscriptions } from "./live-subscriptions";
import { createPortalSession } from "./portal";

/**
 * Where to send a user who picked `plan`: Stripe Checkout for a first subscription, or the
 * customer portal when one already runs (Stripe changes or cancels it there, prorated).
 */
export async function planChangeUrl(userId: string, plan: Plan): Promise<string> {
  const billing = requireBillingConfig();
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { plan: true, stripeCustomerId: true } });
  if (!user) throw notFound("No such account");
  const subscribed = user.stripeCustomerId ? (await liveSubscriptions(billing, user.stripeCustomerId)).length > 0 : false;
  if (subscribed) return createPortalSession(billing, userId);
  if (plan === "free") throw badRequest("There is no subscription to cancel", "plan");
  if (plan === user.plan) throw badRequest(`You are already on this plan`, "plan");
  return createCheckoutSession(billing, userId, plan);
}
