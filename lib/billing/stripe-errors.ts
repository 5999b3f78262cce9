import Stripe from "stripe";
import { GatewayError } from "@/lib/errors/gateway-error";

/** Runs a Stripe call; a Stripe failure becomes a 502 that says what happened, never a stack. */
export async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    console.error(`[oauthrouter] Stripe ${what} failed: ${error.type} ${error.statusCode ?? ""} ${error.message}`);
    const message =
      error instanceof Stripe.errors.StripeConnectionError
        ? `Stripe could not be reached (${what}); please try again shortly`
        : `Stripe refused the request (${what}): ${error.message}`;
    throw new GatewayError(502, "api_error", message, { code: "stripe_error", metadata: { provider: "stripe", status: error.statusCode } });
  }
}
