import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";
import { signUp, WebSession } from "./support/web-session";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const EMAIL = "guessed@example.com";
const PASSWORD = "the right password";

/** next-auth's credentials sign-in posted to `pathname`, as a client at `address` (TRUST_PROXY). */
async function attempt(app: RunningApp, pathname: string, password: string, address: string): Promise<{ status: number; signedIn: boolean }> {
  const session = new WebSession(app.url);
  const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await session.fetch(pathname, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password, json: "true" }),
  });
  await response.arrayBuffer();
  return { status: response.status, signedIn: session.signedIn() };
}

// Spellings of the credentials callback that Next.js routes to next-auth as ["callback", "credentials"].
const REACHING = ["/api/auth/callback/credentials", "/api/auth/callback/%63redentials", "/api/auth/%63allback/credentials", "/api/auth/callback/%63%72%65%64%65%6E%74%69%61%6C%73", "/api/auth/callback/credentials?x=1"];

// Issue 17 item 3: `POST /api/auth/callback/%63redentials` was not counted.
describe("the sign-in guess limit counts what next-auth runs, shared by two instances through Redis", () => {
  let apps: RunningApp[] = [];
  // Each run guesses from addresses of its own: the shared Redis keeps other runs' counts.
  const address = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

  beforeAll(async () => {
    apps = await Promise.all([0, 1].map(() => startApp({ REDIS_URL, TRUST_PROXY: "true" })));
    for (const app of apps) await signUp(app.url, EMAIL, PASSWORD);
  }, 180_000);
  afterAll(() => Promise.all(apps.map((app) => app.stop())));

  it("every spelling that reaches the password check signs in with the right password (so each is a real way in)", async () => {
    for (const pathname of REACHING) expect((await attempt(apps[0], pathname, PASSWORD, address())).signedIn, pathname).toBe(true);
  });

  it("20 wrong guesses spread over the spellings and both instances use up the budget: the 21st is refused everywhere, even with the right password", async () => {
    const guesser = address();
    for (let i = 0; i < 20; i++) {
      const result = await attempt(apps[i % 2], REACHING[i % REACHING.length], `wrong password ${i}`, guesser);
      expect(result, `guess ${i + 1}`).toEqual({ status: 401, signedIn: false }); // next-auth's CredentialsSignin
    }
    for (const app of apps) {
      for (const pathname of REACHING) {
        const refused = await attempt(app, pathname, PASSWORD, guesser);
        expect(refused, pathname).toEqual({ status: 429, signedIn: false });
      }
    }
    // Another client is not affected.
    expect((await attempt(apps[1], REACHING[1], PASSWORD, address())).signedIn).toBe(true);
  });
});
