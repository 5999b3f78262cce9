import { env, publicUrl, type Env } from "@/lib/config/env";
import type { Plan } from "@/lib/db/generated/enums";
import { GatewayError } from "@/lib/errors/gateway-error";

export type PaidPlan = Exclude<Plan, "free">;

export interface BillingConfig {
  secretKey: string;
  webhookSecret: string;
  /** Where the SDK sends API calls; unset is Stripe's own https://api.stripe.com. */
  apiBaseUrl?: string;
  prices: Record<PaidPlan, string>;
  /** Where Checkout and the portal send the user back. */
  returnUrl: string;
}

/** Stripe settings, or null when this server has no billing (env validation makes it all or nothing). */
export function billingConfig(config: Env = env()): BillingConfig | null {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_STARTER, STRIPE_PRICE_PRO, STRIPE_PRICE_ENTERPRISE } = config;
  if (!STRIPE_SECRET_KEY || !STRIPE_WEBHOOK_SECRET || !STRIPE_PRICE_STARTER || !STRIPE_PRICE_PRO || !STRIPE_PRICE_ENTERPRISE) return null;
  return {
    secretKey: STRIPE_SECRET_KEY,
    webhookSecret: STRIPE_WEBHOOK_SECRET,
    apiBaseUrl: config.STRIPE_API_BASE_URL,
    prices: { starter: STRIPE_PRICE_STARTER, pro: STRIPE_PRICE_PRO, enterprise: STRIPE_PRICE_ENTERPRISE },
    returnUrl: `${publicUrl(config)}/dashboard/billing`,
  };
}

export const billingNotConfigured = () =>
  new GatewayError(503, "service_unavailable", "Billing is not configured on this server", { code: "billing_not_configured" });

export function requireBillingConfig(config: Env = env()): BillingConfig {
  const billing = billingConfig(config);
  if (!billing) throw billingNotConfigured();
  return billing;
}

/** The plan a configured price id sells, or null for a price that is not one of ours. */
export function planForPrice(billing: BillingConfig, priceId: string | null | undefined): PaidPlan | null {
  if (!priceId) return null;
  const match = (Object.entries(billing.prices) as Array<[PaidPlan, string]>).find(([, id]) => id === priceId);
  return match ? match[0] : null;
}
