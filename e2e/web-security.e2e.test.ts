import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { signUp, WebSession } from "./support/web-session";

const PASSWORD = "a long password";

/** next-auth's sign-in endpoint sends any callbackUrl to our sign-in page with the site's root as the callback instead. */
function expectSignInPageWithHomeCallback(response: Response, siteUrl: string, callbackUrl: string): void {
  expect(response.status, callbackUrl).toBe(302);
  const target = new URL(response.headers.get("location") ?? "missing:", siteUrl);
  expect(`${target.origin}${target.pathname}`, callbackUrl).toBe(`${siteUrl}/signin`);
  expect(target.searchParams.get("callbackUrl"), callbackUrl).toBe(`${siteUrl}/`);
}

/** Every Set-Cookie of a response, as name -> lower-cased attribute list. */
function cookieAttributes(response: Response): Map<string, string[]> {
  return new Map(response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(";").map((part) => part.trim());
    return [pair.slice(0, pair.indexOf("=")), attributes.map((a) => a.toLowerCase())];
  }));
}

// TRUST_PROXY lets each rate-limit test be its own client (X-Forwarded-For), so budgets do not mix.
describe("web security of the dashboard (http)", () => {
  let app: RunningApp;
  let browser: Browser;
  let user: WebSession;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ TRUST_PROXY: "true" }), launchBrowser()]);
    user = await signUp(app.url, "web@example.com", PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("sends CSP, frame-ancestors, referrer and sniffing headers on every page, signed in or not", async () => {
    for (const [path, session] of [["/", undefined], ["/signin", undefined], ["/pricing", undefined], ["/dashboard/keys", undefined], ["/dashboard/providers", user], ["/auth?callback_url=https%3A%2F%2Fapp.example%2Fcb", user]] as const) {
      const response = await (session ?? new WebSession(app.url)).fetch(path);
      const csp = response.headers.get("content-security-policy") ?? "";
      for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp, path).toContain(directive);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("sets session cookies HttpOnly and SameSite=Lax, and not Secure on a plain-http site", async () => {
    const session = new WebSession(app.url);
    const csrf = cookieAttributes(await session.fetch("/api/auth/csrf"));
    const signedIn = cookieAttributes(await session.signIn("web@example.com", PASSWORD));
    const all = new Map([...csrf, ...signedIn]);
    expect([...all.keys()]).toEqual(expect.arrayContaining(["next-auth.csrf-token", "next-auth.session-token"]));
    for (const [name, attributes] of all) {
      expect(attributes, name).toContain("httponly");
      expect(attributes, name).toContain("samesite=lax");
      expect(attributes, name).not.toContain("secure");
    }
  });

  it("refuses sign-up, sign-in and sign-out posted from another site", async () => {
    const body = JSON.stringify({ email: "forged@example.com", password: PASSWORD });
    const forgeries: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of forgeries) {
      const forged = await fetch(`${app.url}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      expect(forged.status).toBe(403);
      expect((await forged.json()).error.message).toBe("Cross-site request refused");
    }
    // Nothing was created by the forgeries: the same sign-up from our own page goes through.
    expect((await fetch(`${app.url}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json", origin: app.url }, body })).status).toBe(201);

    const victim = new WebSession(app.url);
    const forgedSignIn = await victim.signIn("web@example.com", PASSWORD, { origin: "https://evil.example" });
    expect(forgedSignIn.status).toBe(403);
    expect(victim.signedIn()).toBe(false);
    const noToken = await victim.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "web@example.com", password: PASSWORD, json: "true" }),
    });
    expect((await noToken.json()).url).toMatch(/\/signin\?csrf=true$/);
    expect(victim.signedIn()).toBe(false);

    const { csrfToken } = await (await user.fetch("/api/auth/csrf")).json();
    const forgedSignOut = await user.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(forgedSignOut.status).toBe(403);
    expect(user.signedIn()).toBe(true);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "%2F%2Fevil.example/",
    "javascript:alert(document.domain)",
  ])("after sign-in, callbackUrl %j stays on this site", async (target) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/signin?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel("Email").fill("web@example.com");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/dashboard"), { timeout: 20_000 });
      expect(new URL(page.url()).origin).toBe(app.url);
    } finally {
      await context.close();
    }
  }, 40_000);

  it("honours a local callbackUrl (so the refusals above are not the only outcome)", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}/signin?callbackUrl=${encodeURIComponent("/dashboard/keys")}`);
      await page.getByLabel("Email").fill("web@example.com");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${app.url}/dashboard/keys`, { timeout: 20_000 });
    } finally {
      await context.close();
    }
  }, 40_000);

  it("never redirects off-site from next-auth's own endpoints", async () => {
    const session = new WebSession(app.url);
    const { csrfToken } = await (await session.fetch("/api/auth/csrf")).json();
    for (const callbackUrl of ["https://evil.example/", "//evil.example/"]) {
      const answer = await session.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: "web@example.com", password: PASSWORD, json: "true", callbackUrl }),
      });
      expect(new URL((await answer.json()).url, app.url).origin).toBe(app.url);
      expectSignInPageWithHomeCallback(await session.fetch(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`), app.url, callbackUrl);
    }
  });

  it("never fails nor leaves the site on a callbackUrl that only starts like this site (http://host:port.evil.example/)", async () => {
    const lookalikes = [`${app.url}.evil.example/`, `${app.url}@evil.example/`, `${app.url}:443@evil.example/`, `${app.url}0/`, "not a url", "http://[::1"];
    const session = new WebSession(app.url);
    for (const callbackUrl of lookalikes) {
      const { csrfToken } = await (await session.fetch("/api/auth/csrf")).json();
      const answer = await session.fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.40" },
        body: new URLSearchParams({ csrfToken, email: "web@example.com", password: PASSWORD, json: "true", callbackUrl }),
      });
      expect(answer.status, callbackUrl).toBeLessThan(400);
      expect(new URL((await answer.json()).url, app.url).origin, callbackUrl).toBe(app.url);
      expectSignInPageWithHomeCallback(await session.fetch(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`), app.url, callbackUrl);
      // next-auth's own sign-out confirmation page: shown, never a redirect.
      const signOut = await session.fetch(`/api/auth/signout?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(signOut.status, callbackUrl).toBe(200);
      expect(signOut.headers.get("location"), callbackUrl).toBeNull();
    }
    // The same text in next-auth's callback-url cookie made every auth endpoint a 500: now one 400 clears it.
    const poisoned = new WebSession(app.url);
    poisoned.cookies.set("next-auth.callback-url", encodeURIComponent(`${app.url}.evil.example/`));
    const refused = await poisoned.fetch("/api/auth/csrf");
    expect(refused.status).toBe(400);
    expect(poisoned.cookies.has("next-auth.callback-url")).toBe(false);
    expect((await poisoned.fetch("/api/auth/csrf")).status).toBe(200);
  });

  it.each(["javascript:alert(1)", "//evil.example/cb", "http://evil.example/cb", "https://user:pass@evil.example/cb", "data:text/html,hi", "/relative/cb"])(
    "the app-approval page refuses callback_url %j without redirecting, and so does its decline action",
    async (callback) => {
      const page = await user.fetch(`/auth?callback_url=${encodeURIComponent(callback)}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("This link cannot be used");
      const declined = await user.action("app/auth/actions.ts", "declineApp", { callback_url: callback });
      expect(declined.headers.get("location")).toBeNull();
      expect(declined.status).toBeGreaterThanOrEqual(400);
    },
  );

  it("sends a decline for an acceptable callback_url back to it with access_denied (so the refusals above are not the only outcome)", async () => {
    const declined = await user.action("app/auth/actions.ts", "declineApp", { callback_url: "https://app.example/cb" });
    expect(declined.status).toBe(303);
    expect(declined.headers.get("location")).toBe("https://app.example/cb?error=access_denied");
  });

  it("limits sign-in attempts per client: the 21st in 15 minutes is refused, even with the right password", async () => {
    const client = { "x-forwarded-for": "203.0.113.7" };
    for (let attempt = 1; attempt <= 20; attempt++) {
      const wrong = await new WebSession(app.url).signIn("web@example.com", `wrong password ${attempt}`, client);
      expect(wrong.status, `attempt ${attempt}`).not.toBe(429);
    }
    const locked = new WebSession(app.url);
    const refused = await locked.signIn("web@example.com", PASSWORD, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.signedIn()).toBe(false);
    const elsewhere = new WebSession(app.url);
    await elsewhere.signIn("web@example.com", PASSWORD, { "x-forwarded-for": "203.0.113.8" });
    expect(elsewhere.signedIn()).toBe(true);
  });

  it("limits PKCE code exchanges per client: the 31st in a minute is refused", async () => {
    const exchange = (client: string) =>
      fetch(`${app.url}/api/v1/auth/keys`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": client }, body: JSON.stringify({ code: "guessed-code-0000000000000000", code_verifier: "x".repeat(43) }) });
    const statuses = [];
    for (let attempt = 1; attempt <= 31; attempt++) statuses.push((await exchange("203.0.113.9")).status);
    expect(statuses.slice(0, 30).every((status) => status === 403)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await exchange("203.0.113.10")).status).toBe(403);
  });
});

describe("session cookies on an https site", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ PUBLIC_URL: "https://oauthrouter.test", NEXTAUTH_URL: "https://oauthrouter.test" });
  }, 120_000);
  afterAll(() => app?.stop());

  it("marks every auth cookie Secure, with the __Secure-/__Host- prefixes", async () => {
    await signUp(app.url, "secure@example.com", PASSWORD);
    const session = new WebSession(app.url);
    const csrf = cookieAttributes(await session.fetch("/api/auth/csrf"));
    const signedIn = cookieAttributes(await session.signIn("secure@example.com", PASSWORD));
    const all = new Map([...csrf, ...signedIn]);
    expect([...all.keys()]).toEqual(expect.arrayContaining(["__Host-next-auth.csrf-token", "__Secure-next-auth.session-token"]));
    for (const [name, attributes] of all) {
      expect(name).toMatch(/^__(Secure|Host)-/);
      expect(attributes, name).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax"]));
    }
  });
});
