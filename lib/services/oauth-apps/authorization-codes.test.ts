import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/services/users/create-user";
import { databaseTargets, installDatabase, uninstallDatabase } from "@/test/support/databases";
import { createAuthorizationCode, exchangeAuthorizationCode } from "./authorization-codes";

const target = databaseTargets()[1];
const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

describe("PKCE authorization codes", () => {
  let userId: string;
  beforeAll(async () => {
    await installDatabase(target);
    userId = (await createUser({ email: "pkce-codes@example.com", password: "password-123" })).user.id;
  });
  afterAll(() => uninstallDatabase(target));

  it("exchanges a code once, for the right S256 verifier only", async () => {
    const verifier = "verifier-".repeat(6);
    const { code, redirectTo } = await createAuthorizationCode(userId, "https://app.example.com/cb?x=1", { value: s256(verifier), method: "S256" });
    expect(redirectTo).toBe(`https://app.example.com/cb?x=1&code=${code}`);
    await expect(exchangeAuthorizationCode(code, "wrong-verifier")).rejects.toMatchObject({ status: 403 });
    const { key, appOrigin } = await exchangeAuthorizationCode(code, verifier);
    expect(key).toMatch(/^lr_live_/);
    expect(appOrigin).toBe("https://app.example.com");
    await expect(exchangeAuthorizationCode(code, verifier)).rejects.toMatchObject({ status: 403 });
  });

  it("accepts the plain method and codes without a challenge, and refuses expired codes", async () => {
    const plain = await createAuthorizationCode(userId, "http://localhost:5173/cb", { value: "plain-verifier-value", method: "plain" });
    await expect(exchangeAuthorizationCode(plain.code, "plain-verifier-value")).resolves.toMatchObject({ appOrigin: "http://localhost:5173" });
    const open = await createAuthorizationCode(userId, "https://app.example.com/cb");
    await expect(exchangeAuthorizationCode(open.code)).resolves.toBeDefined();
    const late = await createAuthorizationCode(userId, "https://app.example.com/cb");
    vi.useFakeTimers({ now: Date.now() + 6 * 60_000, toFake: ["Date"] });
    try {
      await expect(exchangeAuthorizationCode(late.code)).rejects.toMatchObject({ status: 403 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("only calls back to https or localhost", async () => {
    await expect(createAuthorizationCode(userId, "http://evil.example/cb")).rejects.toMatchObject({ status: 400 });
    await expect(createAuthorizationCode(userId, "javascript:alert(1)")).rejects.toMatchObject({ status: 400 });
  });
});
