import { db } from "@/lib/db";
import { badRequest } from "@/lib/errors/gateway-error";
import type { BillingConfig } from "./billing-config";
import { callStripe } from "./stripe-errors";
import { stripeClient } from "./stripe-client";

/** A Stripe customer portal session (invoices, card, plan changes, cancelling); returns its URL. */
export async function createPortalSession(billing: BillingConfig, userId: string): Promise<string> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { stripeCustomerId: true } });
  if (!user?.stripeCustomerId) throw badRequest("There is no billing account yet: choose a paid plan first");
  const customer = user.stripeCustomerId;
  const session = await callStripe("opening the billing portal", () =>
    stripeClient(billing).billingPortal.sessions.create({ customer, return_url: billing.returnUrl }),
  );
  return session.url;
}
