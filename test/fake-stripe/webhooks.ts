import Stripe from "stripe";
import { stripeEvent } from "./objects";

const stripe = new Stripe("sk_test_signing_only");

export interface SignedEvent {
  event: ReturnType<typeof stripeEvent>;
  payload: string;
  signature: string;
}

/** An event as Stripe would send it, signed with the endpoint's secret by the SDK's own test helper. */
export function signEvent(secret: string, type: string, object: object, event = stripeEvent(type, object)): SignedEvent {
  const payload = JSON.stringify(event, null, 2);
  return { event, payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

export interface Delivery {
  eventId: string;
  type: string;
  status: number;
  body: string;
}

/** POSTs a signed event to the endpoint, as Stripe does, and reports what the endpoint answered. */
export async function deliver(url: string, signed: SignedEvent): Promise<Delivery> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signed.signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
    body: signed.payload,
  });
  return { eventId: signed.event.id, type: signed.event.type, status: response.status, body: await response.text() };
}
