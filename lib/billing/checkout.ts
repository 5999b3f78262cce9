import { GatewayError } from "@/lib/errors/gateway-error";
import type { BillingConfig, PaidPlan } from "./billing-config";
import { ensureCustomer } from "./customer";
import { callStripe } from "./stripe-errors";
import { stripeClient } from "./stripe-client";

/** A Stripe Checkout page selling `plan` as a monthly subscription; returns its URL. */
export async function createCheckoutSession(billing: BillingConfig, userId: string, plan: PaidPlan): Promise<string> {
  const customer = await ensureCustomer(billing, userId);
  const session = await callStripe("starting Checkout", () =>
    stripeClient(billing).checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: userId,
      line_items: [{ price: billing.prices[plan], quantity: 1 }],
      metadata: { userId, plan },
      subscription_data: { metadata: { userId } },
      success_url: `${billing.returnUrl}?checkout=success`,
      cancel_url: `${billing.returnUrl}?checkout=cancelled`,
    }),
  );
  if (!session.url) throw new GatewayError(502, "api_error", "Stripe returned a Checkout session without a URL", { code: "stripe_error" });
  return session.url;
}
