import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { billingConfig } from "@/lib/billing/billing-config";
import { parseEnv } from "@/lib/config/env";
import { stripeClient } from "@/lib/billing/stripe-client";
import { fakeStripeOptions, stripeSettings, TEST_PRICES, TEST_STRIPE_WEBHOOK_SECRET } from "@/test/support/stripe-env";
import { parseStripeForm } from "./form-body";
import { startFakeStripe, type FakeStripe } from "./server";
import { signEvent } from "./webhooks";

describe("the fake Stripe", () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  beforeAll(async () => {
    fake = await startFakeStripe(fakeStripeOptions());
    stripe = stripeClient(billingConfig(parseEnv(stripeSettings(fake.url)))!);
  });
  afterAll(() => fake.close());

  it("decodes Stripe's bracketed form encoding", () => {
    expect(parseStripeForm("mode=subscription&line_items[0][price]=p1&line_items[0][quantity]=1&metadata[userId]=u")).toEqual({
      mode: "subscription",
      line_items: { "0": { price: "p1", quantity: "1" } },
      metadata: { userId: "u" },
    });
  });

  it("serves the official SDK: customers, Checkout, the portal and subscriptions", async () => {
    const customer = await stripe.customers.create({ email: "sdk@example.com", metadata: { userId: "u1" } });
    expect(customer.id).toMatch(/^cus_/);
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [{ price: TEST_PRICES.pro.id, quantity: 1 }],
      success_url: "http://app/ok",
      cancel_url: "http://app/no",
    });
    expect(session.url).toBe(`${fake.url}/checkout/${session.id}`);
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "http://app/back" });
    expect(portal.url).toContain("/portal/");

    const created = fake.state.createSubscription({ customer: customer.id, price: TEST_PRICES.starter.id });
    const read = await stripe.subscriptions.retrieve(created.id);
    expect(read.items.data[0].price.id).toBe(TEST_PRICES.starter.id);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data.map((s) => s.id)).toEqual([created.id]);
    expect((await stripe.subscriptions.cancel(created.id)).status).toBe("canceled");
  });

  it("answers like Stripe to a wrong key and to unknown ids", async () => {
    const wrong = new Stripe("sk_test_wrong", { host: "127.0.0.1", port: new URL(fake.url).port, protocol: "http", maxNetworkRetries: 0 });
    await expect(wrong.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(stripe.subscriptions.retrieve("sub_missing")).rejects.toMatchObject({ statusCode: 404, message: "No such subscription: 'sub_missing'" });
    await expect(
      stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: "price_nope", quantity: 1 }], success_url: "http://a", cancel_url: "http://b" }),
    ).rejects.toMatchObject({ statusCode: 404, param: "line_items[0][price]" });
  });

  it("signs events so that the SDK's verification accepts them, and only with the right secret", () => {
    const signed = signEvent(TEST_STRIPE_WEBHOOK_SECRET, "customer.subscription.updated", { id: "sub_1", object: "subscription" });
    expect(stripe.webhooks.constructEvent(signed.payload, signed.signature, TEST_STRIPE_WEBHOOK_SECRET).id).toBe(signed.event.id);
    expect(() => stripe.webhooks.constructEvent(signed.payload, signed.signature, "whsec_other")).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});
