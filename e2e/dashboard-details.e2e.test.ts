import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeUpstream } from "@/test/fake-upstream/server";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { addCredential, PASSWORD, signUp } from "./support/dashboard";
import { overflowingElements } from "./support/screenshots";
import { WebSession } from "./support/web-session";

const WIDTHS = [1280, 390] as const;
const TABS = [["api", "My API"], ["providers", "Providers"], ["keys", "Keys"], ["usage", "Usage"], ["referrals", "Referrals"], ["billing", "Billing"], ["settings", "Settings"]] as const;

// One server per width: sign-ups and sign-ins are rate-limited per address (10 and 20 at a time).
describe.each(WIDTHS)("dashboard details a demanding user notices, at %i px", (width) => {
  let fake: FakeUpstream;
  let app: RunningApp;
  let browser: Browser;
  let accounts = 0;
  /** Signed in for the tests that only look: they share one account. */
  let reader: { page: Page; email: string };

  beforeAll(async () => {
    fake = await startFakeUpstream();
    [app, browser] = await Promise.all([startApp({ UPSTREAM_OPENAI_BASE_URL: `${fake.url}/v1` }), launchBrowser()]);
    reader = await member();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  /** A browser of its own at this width, signed out. */
  async function visitor(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
    return context.newPage();
  }

  /** A new account, signed up in a browser of its own (on My API). */
  async function member(): Promise<{ page: Page; email: string }> {
    const page = await visitor();
    const email = `member-${++accounts}-${width}@example.com`;
    await signUp(page, app.url, email);
    return { page, email };
  }

  /** Another tab of the shared account's browser. */
  async function readerPage(path = "/dashboard/api"): Promise<Page> {
    const page = await reader.page.context().newPage();
    await page.goto(app.url + path);
    return page;
  }

  async function signIn(page: Page, email: string) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  it("sends a signed-in visitor from Start free, Choose Pro and /signup on to the dashboard and Billing", async () => {
    const page = await readerPage("/");
    await page.getByRole("link", { name: "Start free" }).click();
    await page.waitForURL(/\/dashboard\/api$/);
    await page.getByTestId("api-token").waitFor({ state: "attached" });

    await page.goto(`${app.url}/pricing`);
    await page.getByRole("link", { name: "Choose Pro" }).click();
    await page.waitForURL(/\/dashboard\/billing\?plan=pro$/);
    expect(await page.getByTestId("chosen-plan").textContent()).toContain("You chose Pro on Pricing");
    expect(await page.locator("[data-chosen]").getByRole("heading").textContent()).toBe("Pro");

    const direct = await page.goto(`${app.url}/signup`);
    expect(new URL(page.url()).pathname).toBe("/dashboard/api");
    expect(direct?.status()).toBe(200);
    expect(await page.getByRole("heading", { name: "Create your account" }).count()).toBe(0);
  }, 90_000);

  it("signs a visitor up from Choose Pro straight into Billing with Pro picked", async () => {
    const page = await visitor();
    await page.goto(`${app.url}/pricing`);
    await page.getByRole("link", { name: "Choose Pro" }).click();
    await page.waitForURL(/\/signup\?plan=pro$/);
    await page.getByLabel("Email").fill(`chooses-pro-${width}@example.com`);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard\/billing\?plan=pro$/, { timeout: 60_000 });
    expect(await page.getByTestId("chosen-plan").textContent()).toContain("You chose Pro on Pricing");
  }, 90_000);

  it("brings a deep link back after signing in, and never to another site", async () => {
    const { email } = reader;
    const page = await visitor();
    for (const deepLink of ["/dashboard/usage", "/dashboard/billing?plan=pro"]) {
      const answer = await page.request.get(app.url + deepLink, { maxRedirects: 0 });
      expect(answer.status()).toBe(307);
      await page.goto(app.url + deepLink);
      await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === deepLink);
      await signIn(page, email);
      await page.waitForURL(app.url + deepLink);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.context().clearCookies();
    }
    await page.goto(`${app.url}/signin?callbackUrl=${encodeURIComponent("//evil.example/dashboard")}`);
    await signIn(page, email);
    await page.waitForURL(`${app.url}/dashboard/api`);
  }, 90_000);

  it("signs out on the host the browser is on, not PUBLIC_URL's", async () => {
    // Its own account: signing out may end more than this browser's session.
    const { email } = await member();
    const page = await visitor();
    // PUBLIC_URL names 127.0.0.1; this browser reached the same server as localhost.
    const otherHost = `http://localhost:${app.port}`;
    await page.goto(`${otherHost}/signin`);
    await signIn(page, email);
    await page.waitForURL(`${otherHost}/dashboard/api`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(otherHost);
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Sign in" }).waitFor();
  }, 90_000);

  it("shows My API's token masked, reveals it on request, and copies it whole without revealing it", async () => {
    const page = await readerPage();
    const field = page.getByTestId("api-token");
    // The page streams in behind its loading skeleton; read the screen once the content is shown.
    await field.waitFor({ state: "visible" });
    const token = await field.inputValue();
    expect(token).toMatch(/^lr_live_/);
    const onScreen = () => page.evaluate(() => document.body.innerText);
    expect(await field.getAttribute("type")).toBe("password");
    expect(await onScreen()).not.toContain(token);
    expect(await onScreen()).toContain(`lr_live_${"•".repeat(12)}${token.slice(-4)}`);

    await field.locator("xpath=..").getByRole("button", { name: "Copy" }).click();
    await field.locator("xpath=..").getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await page.locator("figure", { hasText: "cURL" }).getByRole("button", { name: "Copy" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Authorization: Bearer ${token}`);
    expect(await field.getAttribute("type")).toBe("password");
    expect(await onScreen()).not.toContain(token);

    await page.getByRole("button", { name: "Reveal" }).click();
    expect(await field.getAttribute("type")).toBe("text");
    expect(await page.getByRole("button", { name: "Hide" }).getAttribute("aria-pressed")).toBe("true");
    expect(await onScreen()).toContain(`Bearer ${token}`);
    await page.getByRole("button", { name: "Hide" }).click();
    expect(await field.getAttribute("type")).toBe("password");
    expect(await overflowingElements(page)).toEqual([]);
  }, 90_000);

  it("refuses what cannot be a key in the form and on the server, and names unlabelled keys apart", async () => {
    const { page, email } = await member();
    await page.goto(`${app.url}/dashboard/providers`);
    const form = page.getByTestId("add-credential");
    const posts: string[] = [];
    page.on("request", (request) => void (request.method() === "POST" && posts.push(request.url())));
    const refusedHere = async (secret: string) => {
      await form.locator("input[name=secret]").fill(secret);
      await form.getByRole("button", { name: "Add credential" }).click();
      return form.getByTestId("error-secret").textContent();
    };
    await form.locator("select[name=provider]").selectOption("openai");
    expect(await refusedHere("hello world this is not a key")).toBe("Cannot contain spaces: paste the key alone.");
    expect(await refusedHere("••••••••9876")).toBe("Can only contain plain letters, digits and punctuation (no •, curly quotes or accents).");
    expect(await refusedHere("gsk_live-groq-key-4321")).toBe("Does not look like an OpenAI key, which starts with sk-; it looks like a Groq key.");
    expect(posts).toEqual([]);

    // The server action is the authority: posted without the page's script, it refuses the same
    // strings (nothing saved), and saves a real-looking key posted the same way.
    const session = new WebSession(app.url);
    await session.signIn(email, PASSWORD);
    const post = (secret: string, label = "") => session.action("app/dashboard/actions.ts", "addCredentialAction", { provider: "openai", secret, label }, { previousState: {} });
    for (const secret of ["hello world this is not a key", "••••••••9876", "gsk_live-groq-key-4321", "sk-9876"]) expect((await post(secret)).status).toBe(200);
    await page.reload();
    expect(await page.getByTestId("no-credentials").count()).toBe(1);
    await post("sk-proj-posted-without-script-0009", "Posted");
    await page.reload();
    expect(await page.getByTestId("credentials").textContent()).toContain("••••0009");

    await form.locator("input[name=secret]").fill("sk-proj-first-unlabelled-0001");
    expect(await form.getByTestId("secret-hint").textContent()).toMatch(/^Looks like an OpenAI API key\./);
    const first = await addCredential(page, { provider: "openai", secret: "sk-proj-first-unlabelled-0001" });
    expect(first).toMatchObject({ ok: true, text: expect.stringContaining("Saved OpenAI (••••0001)") });
    // Typing the next key takes the previous one's "Saved" away.
    await form.locator("input[name=secret]").fill("sk-proj-second");
    expect(await form.getByTestId("add-credential-result").count()).toBe(0);
    const second = await addCredential(page, { provider: "openai", secret: "sk-proj-second-unlabelled-0002" });
    expect(second).toMatchObject({ ok: true, text: expect.stringContaining("Saved OpenAI 2 (••••0002)") });
    await expect.poll(() => page.getByTestId("credentials").locator("li").count()).toBe(3);
    const rows = await page.getByTestId("credentials").locator("li").allTextContents();
    expect(rows[1]).toMatch(/OpenAI(?! 2).*••••0001/);
    expect(rows[2]).toMatch(/OpenAI 2.*••••0002/);
    expect(await overflowingElements(page)).toEqual([]);
  }, 120_000);

  it("answers an unknown page with the site's own 404, with links home and to the dashboard", async () => {
    const page = await visitor();
    const answer = await page.goto(`${app.url}/no-such-page/${width}`);
    expect(answer?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await expect.poll(() => page.title()).toBe("Page not found · OauthRouter");
    expect(await overflowingElements(page)).toEqual([]);
    await page.getByTestId("not-found").getByRole("link", { name: "Open the dashboard" }).click();
    await page.waitForURL(/\/signin\?callbackUrl=%2Fdashboard$/);
    await page.goBack();
    await page.getByTestId("not-found").getByRole("link", { name: "Go to the home page" }).click();
    await page.waitForURL(`${app.url}/`);
  }, 60_000);

  it("shows a loading skeleton while a slow tab loads", async () => {
    const page = await readerPage();
    await page.waitForLoadState("networkidle");
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    // The tab's own page data (not the prefetch of its loading state) answers only when released.
    await page.route((url) => url.pathname === "/dashboard/keys", async (route: Route) => {
      const headers = route.request().headers();
      if (headers.rsc === "1" && !headers["next-router-prefetch"] && !headers["next-router-segment-prefetch"]) {
        held++;
        await released;
      }
      await route.continue();
    });
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Keys" }).click();
    const skeleton = page.getByTestId("page-loading");
    await skeleton.waitFor();
    expect(await skeleton.getAttribute("aria-label")).toBe("Loading Keys");
    expect(await skeleton.getByRole("heading").textContent()).toBe("Keys");
    expect(await page.getByTestId("api-token").count()).toBe(0);
    expect(held).toBeGreaterThan(0);
    release();
    await page.getByRole("form", { name: "New API token" }).waitFor();
    expect(await skeleton.count()).toBe(0);
  }, 90_000);

  it("greys out Billing's plan changes without Stripe and says why on hover, focus and tap", async () => {
    const page = await readerPage("/dashboard/billing");
    const upgrade = page.getByRole("button", { name: "Upgrade to Pro" });
    const why = page.locator(`[role="tooltip"][id="${await upgrade.getAttribute("aria-describedby")}"]`);
    expect(await upgrade.getAttribute("aria-disabled")).toBe("true");
    expect(await upgrade.isDisabled()).toBe(true);
    expect(await why.textContent()).toContain("billing (Stripe) is not configured on this server");
    expect(await why.isVisible()).toBe(false);
    expect(await upgrade.evaluate((button) => getComputedStyle(button).cursor)).toBe("not-allowed");
    if (width > 500) {
      await upgrade.hover();
      await why.waitFor();
      await page.mouse.move(0, 0);
      await why.waitFor({ state: "hidden" });
    }
    await upgrade.focus();
    await why.waitFor();
    await page.locator("h1").click();
    await why.waitFor({ state: "hidden" });
    const posts: string[] = [];
    page.on("request", (request) => void (request.method() === "POST" && posts.push(request.url())));
    await upgrade.click({ force: true });
    await why.waitFor();
    expect(await overflowingElements(page)).toEqual([]);
    await page.waitForLoadState("networkidle");
    expect(posts).toEqual([]);
    expect(page.url()).toBe(`${app.url}/dashboard/billing`);
  }, 90_000);

  it("titles every dashboard tab '<Page> · OauthRouter'", async () => {
    const page = await readerPage();
    for (const [path, name] of TABS) {
      await page.goto(`${app.url}/dashboard/${path}`);
      expect(await page.title()).toBe(`${name} · OauthRouter`);
    }
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Usage" }).click();
    await page.waitForURL(/\/dashboard\/usage$/);
    await expect.poll(() => page.title()).toBe("Usage · OauthRouter");
  }, 90_000);
});
