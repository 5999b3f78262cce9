import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app-server";
import { signUp, WebSession } from "./support/web-session";

const SETTINGS = "app/dashboard/settings/actions.ts";

/** Another browser holding a copy of this session's cookies (as a thief would). */
function copyOf(session: WebSession): WebSession {
  const copy = new WebSession(session.baseUrl);
  for (const [name, value] of session.cookies) copy.cookies.set(name, value);
  return copy;
}

/** Whether the dashboard serves this session, and what next-auth says of it. */
async function access(session: WebSession): Promise<{ dashboard: number; session: unknown }> {
  const page = await session.fetch("/dashboard/api");
  await page.arrayBuffer();
  return { dashboard: page.status, session: await (await session.fetch("/api/auth/session")).json() };
}

async function signOut(session: WebSession): Promise<void> {
  const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const answer = await session.fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: session.baseUrl },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  expect(answer.status).toBeLessThan(400);
}

// Issue 17 item 9: a copied session cookie stayed valid for 30 days after signing out.
describe("signing out, a new password and deleting the account revoke sessions, copies of their cookies included", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
    await (await fetch(`${app.url}/signin`)).arrayBuffer(); // loads the web app once, outside the tests' time
  }, 180_000);
  afterAll(() => app?.stop());

  it("signing out ends the session for every copy of its cookie, and only that session", async () => {
    const original = await signUp(app.url, "sign-out@example.com", "a long password");
    const other = new WebSession(app.url);
    await other.signIn("sign-out@example.com", "a long password");
    const stolen = copyOf(original);
    expect((await access(stolen)).dashboard).toBe(200);

    await signOut(original);
    const replayed = await access(stolen);
    expect(replayed.dashboard).toBe(307);
    expect(replayed.session).toEqual({});
    // The browser's other sign-in (another device) is untouched.
    expect((await access(other)).dashboard).toBe(200);
  }, 60_000);

  it("a new password ends every session of the account, copies included; signing in with it works", async () => {
    const owner = await signUp(app.url, "new-password@example.com", "a long password");
    const laptop = new WebSession(app.url);
    await laptop.signIn("new-password@example.com", "a long password");
    const stolen = copyOf(owner);
    const changed = await owner.action(SETTINGS, "changePasswordAction", { currentPassword: "a long password", newPassword: "another long password", confirmPassword: "another long password" }, { previousState: {} });
    // The form post re-renders Settings, which already finds this session ended (the form signs in again).
    expect(changed.status).toBeLessThan(400);
    for (const session of [stolen, laptop]) expect(await access(session)).toEqual({ dashboard: 307, session: {} });
    const again = new WebSession(app.url);
    await again.signIn("new-password@example.com", "another long password");
    expect((await access(again)).dashboard).toBe(200);
  }, 60_000);

  it("deleting the account ends its sessions, copies included", async () => {
    const owner = await signUp(app.url, "leaving@example.com", "a long password");
    const stolen = copyOf(owner);
    const deleted = await owner.action(SETTINGS, "deleteAccountAction", { confirmEmail: "leaving@example.com" }, { previousState: {} });
    expect(deleted.status).toBeLessThan(400);
    expect(await access(stolen)).toEqual({ dashboard: 307, session: {} });
    expect(await (await fetch(`${app.url}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "leaving@example.com", password: "a long password" }) })).json()).toMatchObject({ email: "leaving@example.com" });
  }, 60_000);
});
