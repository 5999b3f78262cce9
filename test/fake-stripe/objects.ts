import { randomBytes } from "node:crypto";
import Stripe from "stripe";

export const newId = (prefix: string) => `${prefix}_test_${randomBytes(8).toString("hex")}`;
export const nowSeconds = () => Math.floor(Date.now() / 1000);
const MONTH_SECONDS = 30 * 86_400;

export interface FakePrice {
  id: string;
  product: string;
  unitAmount: number;
}

export interface FakeCustomer {
  id: string;
  object: "customer";
  email: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface FakeCheckoutSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  customer: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  subscription: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  created: number;
  /** Not part of Stripe's object: what the session sells, kept for the fake's pages. */
  lineItems: Array<{ price: string; quantity: number }>;
  subscriptionMetadata: Record<string, string>;
}

export interface FakePortalSession {
  id: string;
  object: "billing_portal.session";
  customer: string;
  return_url: string;
  url: string;
  created: number;
}

export interface FakeSubscription {
  id: string;
  object: "subscription";
  customer: string;
  status: Stripe.Subscription.Status;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  metadata: Record<string, string>;
  created: number;
  items: { object: "list"; data: Array<Record<string, unknown>>; has_more: false; url: string };
}

export function subscriptionItems(subscriptionId: string, price: FakePrice, start = nowSeconds()): FakeSubscription["items"] {
  const item = {
    id: newId("si"),
    object: "subscription_item",
    subscription: subscriptionId,
    quantity: 1,
    current_period_start: start,
    current_period_end: start + MONTH_SECONDS,
    price: { id: price.id, object: "price", product: price.product, unit_amount: price.unitAmount, currency: "usd", recurring: { interval: "month", interval_count: 1 } },
  };
  return { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${subscriptionId}` };
}

export function stripeEvent(type: string, object: object) {
  return {
    id: newId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export const stripeError = (status: number, type: string, message: string, param?: string) => ({ status, body: { error: { type, message, ...(param ? { param } : {}) } } });
