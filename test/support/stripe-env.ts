import { resetEnvCache } from "@/lib/config/env";
import type { FakePrice } from "@/test/fake-stripe/server";

export const TEST_STRIPE_SECRET_KEY = "sk_test_oauthrouter_fake";
export const TEST_STRIPE_WEBHOOK_SECRET = "whsec_oauthrouter_fake_secret";

export const TEST_PRICES = {
  starter: { id: "price_starter_monthly", product: "OauthRouter Starter", unitAmount: 2900 },
  pro: { id: "price_pro_monthly", product: "OauthRouter Pro", unitAmount: 4900 },
  enterprise: { id: "price_enterprise_monthly", product: "OauthRouter Enterprise", unitAmount: 6900 },
} satisfies Record<string, FakePrice>;

export const fakeStripeOptions = (webhookUrl?: string) => ({
  secretKey: TEST_STRIPE_SECRET_KEY,
  webhookSecret: TEST_STRIPE_WEBHOOK_SECRET,
  prices: [...Object.values(TEST_PRICES), { id: "price_someone_elses", product: "Another product", unitAmount: 100 }],
  webhookUrl,
});

/** The STRIPE_* settings that point the product at a fake Stripe at `apiBaseUrl`. */
export function stripeSettings(apiBaseUrl: string): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: TEST_STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: TEST_STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: apiBaseUrl,
    STRIPE_PRICE_STARTER: TEST_PRICES.starter.id,
    STRIPE_PRICE_PRO: TEST_PRICES.pro.id,
    STRIPE_PRICE_ENTERPRISE: TEST_PRICES.enterprise.id,
  };
}

/** Sets the settings in this process (for service-level tests); returns the undo. */
export function applySettings(settings: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  resetEnvCache();
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  };
}
