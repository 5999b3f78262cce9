import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/gateway-error";
import { billingConfig, type BillingConfig } from "./billing-config";
import { callStripe } from "./stripe-errors";
import { stripeClient } from "./stripe-client";

/** The user's Stripe customer id: the stored one, or a new customer stored on the user. */
export async function ensureCustomer(billing: BillingConfig, userId: string): Promise<string> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, stripeCustomerId: true } });
  if (!user) throw notFound("No such account");
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customer = await callStripe("creating the customer", () =>
    stripeClient(billing).customers.create({ email: user.email, metadata: { userId } }),
  );
  // Two checkouts started at once: the first stored id wins and both use it (the other customer stays unused).
  await prisma.user.updateMany({ where: { id: userId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  const stored = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customer.id;
}

/** Keeps the Stripe customer's email (receipts, invoices) in step with the account's. */
export async function updateCustomerEmail(customerId: string | null, email: string): Promise<void> {
  const billing = billingConfig();
  if (!billing || !customerId) return;
  try {
    await callStripe("updating the customer's email", () => stripeClient(billing).customers.update(customerId, { email }));
  } catch (error) {
    // The account already moved; Stripe keeps the old address until the next change.
    console.warn(`[oauthrouter] ${(error as Error).message}`);
  }
}
