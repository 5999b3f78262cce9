import Stripe from "stripe";
import type { BillingConfig } from "./billing-config";

const clients = new Map<string, Stripe>();

/** The Stripe SDK for these settings; STRIPE_API_BASE_URL points it at a proxy or a test double. */
export function stripeClient(billing: BillingConfig): Stripe {
  const cacheKey = `${billing.secretKey}\n${billing.apiBaseUrl ?? ""}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Stripe(billing.secretKey, { ...apiAddress(billing.apiBaseUrl), maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "OauthRouter" } });
    clients.set(cacheKey, client);
  }
  return client;
}

function apiAddress(baseUrl: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!baseUrl) return {};
  const url = new URL(baseUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}
