import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/lib/db";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe/server";
import { installDatabase, uninstallDatabase, type DatabaseTarget } from "./databases";
import { applySettings, fakeStripeOptions, stripeSettings } from "./stripe-env";

/**
 * For one describe block: a database on `target` and a fake Stripe the product's settings point
 * at, both ready in `beforeAll` and gone after the block.
 */
export function useDatabaseAndFakeStripe(target: DatabaseTarget): { readonly database: Database; readonly fake: FakeStripe } {
  const setup = {} as { database: Database; fake: FakeStripe };
  let restoreSettings = () => undefined as void;
  beforeAll(async () => {
    setup.database = await installDatabase(target);
    setup.fake = await startFakeStripe(fakeStripeOptions());
    restoreSettings = applySettings(stripeSettings(setup.fake.url));
  });
  afterAll(async () => {
    restoreSettings();
    await setup.fake?.close();
    await uninstallDatabase(target);
  });
  return setup;
}
