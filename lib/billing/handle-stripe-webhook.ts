import Stripe from "stripe";
import { env } from "@/lib/config/env";
import { badRequest } from "@/lib/errors/gateway-error";
import { openAiErrorResponse } from "@/lib/errors/render-openai";
import { readLimited } from "@/lib/http/read-json";
import { requireBillingConfig, type BillingConfig } from "./billing-config";
import { processWebhookEvent } from "./process-webhook-event";
import { stripeClient } from "./stripe-client";
import { LeanResponse } from "@/lib/http/lean-response";

// Stripe events are a few kilobytes; this leaves room and bounds what an unsigned caller can send.
const MAX_EVENT_BYTES = 1024 * 1024;

async function verifiedEvent(billing: BillingConfig, request: Request): Promise<Stripe.Event> {
  const signature = request.headers.get("stripe-signature");
  if (!signature) throw badRequest("Missing Stripe-Signature header", "stripe-signature");
  const payload = Buffer.from(await readLimited(request, Math.min(MAX_EVENT_BYTES, env().MAX_BODY_BYTES)));
  try {
    return stripeClient(billing).webhooks.constructEvent(payload, signature, billing.webhookSecret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw badRequest("Invalid Stripe signature: check STRIPE_WEBHOOK_SECRET against the endpoint's signing secret", "stripe-signature");
    }
    throw badRequest("Webhook body is not a Stripe event");
  }
}

/** POST /api/stripe/webhook: verifies the signature, then applies the event at most once. */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  try {
    const billing = requireBillingConfig();
    const event = await verifiedEvent(billing, request);
    const outcome = await processWebhookEvent(billing, event);
    return LeanResponse.json({ received: true, outcome });
  } catch (error) {
    return openAiErrorResponse(error);
  }
}
