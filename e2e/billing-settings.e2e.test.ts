import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe/server";
import { fakeStripeOptions, stripeSettings, TEST_PRICES, TEST_STRIPE_SECRET_KEY, TEST_STRIPE_WEBHOOK_SECRET } from "@/test/support/stripe-env";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { captureScreens } from "./support/screenshots";

const EMAIL = "subscriber@example.com";
const PASSWORD = "a long password";
const NEW_PASSWORD = "an even longer password";
const NEW_EMAIL = "renamed@example.com";

async function signUp(page: Page, url: string, email: string, password = PASSWORD) {
  await page.goto(`${url}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard\/api$/, { timeout: 60_000 });
}

/** Signs in on a fresh page; returns the error shown, or null once the dashboard opens. */
async function trySignIn(browser: Browser, url: string, email: string, password: string): Promise<string | null> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const outcome = await Promise.race([
      page.waitForURL(/\/dashboard\/api$/, { timeout: 20_000 }).then(() => null),
      page.getByTestId("form-error").waitFor({ timeout: 20_000 }).then(() => page.getByTestId("form-error").textContent()),
    ]);
    return outcome;
  } finally {
    await context.close();
  }
}

const keyInfo = async (url: string, token: string) => fetch(`${url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${token}` } });

describe("Billing and Settings with Stripe configured", () => {
  let fake: FakeStripe;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeStripe(fakeStripeOptions());
    [app, browser] = await Promise.all([startApp(stripeSettings(fake.url)), launchBrowser()]);
    fake.state.webhookUrl = `${app.url}/api/stripe/webhook`;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signUp(page, app.url, EMAIL);
    token = await page.getByTestId("api-token").inputValue();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  it("upgrades to Pro through Stripe Checkout: pay, signed webhook, back to a 5,000-message Pro plan", async () => {
    await page.getByRole("link", { name: "Billing" }).click();
    await page.waitForURL(/\/dashboard\/billing$/);
    expect(await page.getByRole("link", { name: "Billing" }).getAttribute("aria-current")).toBe("page");
    expect(await page.getByTestId("billing-plan").textContent()).toBe("Free");
    expect(await page.getByTestId("billing-messages").textContent()).toContain("0 / 100");
    const now = new Date();
    const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    expect(await page.getByTestId("billing-reset").textContent()).toBe(reset.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }));
    const cards = await page.getByTestId("billing-plans").textContent();
    for (const text of ["Free", "$0", "100 messages", "Starter", "$29", "1,000 messages", "Pro", "$49", "5,000 messages", "Enterprise", "$69", "Unlimited messages"]) expect(cards).toContain(text);
    expect(await page.getByRole("button", { name: "Manage billing" }).count()).toBe(0);

    await page.getByRole("button", { name: "Upgrade to Pro" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fake.url}/checkout/`), { timeout: 20_000 });
    expect(await page.textContent("body")).toContain("OauthRouter Pro — $49.00 / month");
    expect(await page.getByTestId("checkout-email").textContent()).toBe(EMAIL);
    const session = [...fake.state.checkoutSessions.values()].at(-1)!;
    expect(session).toMatchObject({ mode: "subscription", lineItems: [{ price: TEST_PRICES.pro.id, quantity: 1 }], success_url: `${app.url}/dashboard/billing?checkout=success` });

    await page.getByRole("button", { name: "Pay and subscribe" }).click();
    await page.waitForURL(`${app.url}/dashboard/billing?checkout=success`, { timeout: 20_000 });
    expect(fake.state.deliveries.map((d) => [d.type, d.status, JSON.parse(d.body).outcome])).toEqual([
      ["customer.subscription.created", 200, "applied"],
      ["checkout.session.completed", 200, "applied"],
    ]);
    expect(await page.getByTestId("checkout-notice").textContent()).toContain("Payment received");
    expect(await page.getByTestId("billing-plan").textContent()).toBe("Pro");
    expect(await page.getByTestId("billing-messages").textContent()).toContain("0 / 5,000");
    expect(await page.getByTestId("user-plan").textContent()).toBe("Pro");
    expect(await page.getByTestId("subscription-line").textContent()).toMatch(/^Pro renews on \w+ \d+, \d{4}\.$/);
    expect(await page.locator("section[aria-labelledby=billing-plan-pro]").getByRole("button").textContent()).toBe("Current plan");

    const info = await (await keyInfo(app.url, token)).json();
    expect(info.data).toMatchObject({ plan: "pro", messages: { limit: 5000 } });
    await page.goto(`${app.url}/dashboard/billing`);
    await captureScreens(page, "dashboard-billing");
  }, 120_000);

  it("sends a subscriber to the customer portal, where a switch to Starter comes back through the webhook", async () => {
    await page.getByRole("button", { name: "Upgrade to Enterprise" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fake.url}/portal/`), { timeout: 20_000 });
    await page.getByRole("link", { name: "Return to the app" }).click();
    await page.waitForURL(`${app.url}/dashboard/billing`);

    await page.getByRole("button", { name: "Manage billing" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${fake.url}/portal/`), { timeout: 20_000 });
    await page.getByLabel("Switch to").selectOption(TEST_PRICES.starter.id);
    await page.getByRole("button", { name: "Switch plan" }).click();
    await page.waitForURL(`${app.url}/dashboard/billing`, { timeout: 20_000 });
    expect(fake.state.deliveries.at(-1)).toMatchObject({ type: "customer.subscription.updated", status: 200 });
    expect(await page.getByTestId("billing-plan").textContent()).toBe("Starter");
    expect(await page.getByTestId("billing-messages").textContent()).toContain("0 / 1,000");
  }, 90_000);

  it("changes the password: this session stays, other sessions end, and the old password no longer signs in", async () => {
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto(`${app.url}/signin`);
    await other.getByLabel("Email").fill(EMAIL);
    await other.getByLabel("Password").fill(PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.waitForURL(/\/dashboard\/api$/);

    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/dashboard\/settings$/);
    expect(await page.getByTestId("settings-email").textContent()).toBe(EMAIL);
    await captureScreens(page, "dashboard-settings");

    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => page.getByTestId("password-result").textContent(), { timeout: 20_000 }).toBe("Your current password is not correct.");

    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => page.getByTestId("password-result").textContent(), { timeout: 20_000 }).toContain("Password changed.");
    await page.reload();
    expect(page.url()).toBe(`${app.url}/dashboard/settings`);
    expect(await page.getByTestId("settings-email").textContent()).toBe(EMAIL);

    await other.goto(`${app.url}/dashboard/api`);
    await other.waitForURL(/\/signin\?callbackUrl=/);
    await elsewhere.close();
    expect(await trySignIn(browser, app.url, EMAIL, PASSWORD)).toBe("Wrong email or password.");
    expect(await trySignIn(browser, app.url, EMAIL, NEW_PASSWORD)).toBeNull();
  }, 120_000);

  it("changes the email only to a free address and with the current password", async () => {
    const taken = await fetch(`${app.url}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "taken@example.com", password: PASSWORD }) });
    expect(taken.status).toBe(201);
    const form = page.getByRole("form", { name: "Change email" });
    await form.getByLabel("New email").fill("TAKEN@example.com");
    await form.getByLabel("Current password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change email" }).click();
    await expect.poll(() => page.getByTestId("email-result").textContent(), { timeout: 20_000 }).toBe("An account with this email already exists.");
    expect(await form.getByLabel("New email").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("New email").inputValue()).toBe("TAKEN@example.com");

    await form.getByLabel("New email").fill(NEW_EMAIL);
    await form.getByLabel("Current password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change email" }).click();
    await expect.poll(() => page.getByTestId("email-result").textContent(), { timeout: 20_000 }).toBe(`Your email is now ${NEW_EMAIL}. Use it the next time you sign in.`);
    await expect.poll(() => page.getByTestId("user-email").textContent(), { timeout: 20_000 }).toBe(NEW_EMAIL);
    expect(await page.getByTestId("settings-email").textContent()).toBe(NEW_EMAIL);
    const customer = [...fake.state.customers.values()].find((c) => c.metadata.userId);
    expect(customer?.email).toBe(NEW_EMAIL);
    expect(await trySignIn(browser, app.url, EMAIL, NEW_PASSWORD)).toBe("Wrong email or password.");
  }, 90_000);

  it("deletes the account after the email is typed: subscription cancelled, signed out, sign-in and token refused", async () => {
    const form = page.getByRole("form", { name: "Delete account" });
    const button = form.getByRole("button", { name: "Delete my account" });
    await form.getByLabel(/to confirm/).fill(EMAIL);
    expect(await button.isDisabled()).toBe(true);
    await form.getByLabel(/to confirm/).fill(NEW_EMAIL);
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await page.waitForURL(`${app.url}/`, { timeout: 20_000 });
    await fake.state.settled();

    const subscription = [...fake.state.subscriptions.values()][0];
    expect(subscription.status).toBe("canceled");
    expect(fake.calls.filter((c) => c.method === "DELETE")).toEqual([expect.objectContaining({ path: `/v1/subscriptions/${subscription.id}` })]);
    expect(fake.state.deliveries.at(-1)).toMatchObject({ type: "customer.subscription.deleted", status: 200 });
    await page.goto(`${app.url}/dashboard/settings`);
    await page.waitForURL(/\/signin\?callbackUrl=/);
    expect(await trySignIn(browser, app.url, NEW_EMAIL, NEW_PASSWORD)).toBe("Wrong email or password.");
    expect((await keyInfo(app.url, token)).status).toBe(401);
  }, 90_000);

  it("never wrote a password, token or Stripe secret to the server's logs", () => {
    const log = app.output();
    for (const secret of [PASSWORD, NEW_PASSWORD, token, TEST_STRIPE_SECRET_KEY, TEST_STRIPE_WEBHOOK_SECRET]) expect(log).not.toContain(secret);
  });
});

describe("Billing without Stripe configured", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signUp(page, app.url, "no-billing@example.com");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("says billing is not configured, offers no purchase, and the rest of the product works", async () => {
    const token = await page.getByTestId("api-token").inputValue();
    expect((await keyInfo(app.url, token)).status).toBe(200);
    await page.getByRole("link", { name: "Billing" }).click();
    await page.waitForURL(/\/dashboard\/billing$/);
    expect(await page.getByTestId("billing-not-configured").textContent()).toContain("Billing is not configured on this server");
    expect(await page.getByTestId("billing-plan").textContent()).toBe("Free");
    expect(await page.getByTestId("billing-messages").textContent()).toContain("0 / 100");
    expect(await page.getByRole("button", { name: "Upgrade to Pro" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Manage billing" }).count()).toBe(0);
    await captureScreens(page, "dashboard-billing-unconfigured");

    const webhook = await fetch(`${app.url}/api/stripe/webhook`, { method: "POST", headers: { "stripe-signature": "t=1,v1=x" }, body: "{}" });
    expect(webhook.status).toBe(503);
    expect((await webhook.json()).error).toMatchObject({ type: "service_unavailable", message: "Billing is not configured on this server" });

    for (const [link, path] of [["Usage", "usage"], ["Keys", "keys"], ["Providers", "providers"], ["Referrals", "referrals"], ["My API", "api"]] as const) {
      await page.getByRole("link", { name: link, exact: true }).click();
      await page.waitForURL(new RegExp(`/dashboard/${path}$`));
      expect(await page.locator("h1").first().textContent()).toBeTruthy();
    }

    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/dashboard\/settings$/);
    const form = page.getByRole("form", { name: "Delete account" });
    await form.getByLabel(/to confirm/).fill("no-billing@example.com");
    await form.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(`${app.url}/`, { timeout: 20_000 });
    expect(await trySignIn(browser, app.url, "no-billing@example.com", PASSWORD)).toBe("Wrong email or password.");
    expect((await keyInfo(app.url, token)).status).toBe(401);
  }, 120_000);
});
