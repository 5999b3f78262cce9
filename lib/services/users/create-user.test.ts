import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/tokens";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import { revealDefaultToken, regenerateDefaultToken } from "@/lib/services/tokens/default-token";
import { createUser } from "./create-user";
import { verifyCredentials } from "./verify-credentials";

describe.each(databaseTargets())("accounts on $name", (target: DatabaseTarget) => {
  const setup = useInstalledDatabase(target);

  it("signs a user up on the Free plan with one lr_live_ token stored only as a hash", async () => {
    const { user, token } = await createUser({ email: " Ada@Example.com ", password: "correct horse battery" });
    expect(user.email).toBe("ada@example.com");
    expect(user.plan).toBe("free");
    expect(token).toMatch(/^lr_live_[A-Za-z0-9_-]{40}$/);
    const tokens = await setup.database.prisma.apiToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0].tokenHash).toBe(hashToken(token));
    expect(tokens[0].prefix).not.toContain(token.slice(12, -4));
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain("correct horse");
  });

  it("reveals the default token to its owner and regenerates it, retiring the old one", async () => {
    const { user, token } = await createUser({ email: "reveal@example.com", password: "password-123" });
    expect(await revealDefaultToken(user.id)).toBe(token);
    const fresh = await regenerateDefaultToken(user.id);
    expect(fresh).not.toBe(token);
    expect(await revealDefaultToken(user.id)).toBe(fresh);
    expect(await setup.database.prisma.apiToken.count({ where: { tokenHash: hashToken(token) } })).toBe(0);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await createUser({ email: "twice@example.com", password: "password-123" });
    await expect(createUser({ email: "TWICE@example.com", password: "password-456" })).rejects.toMatchObject({
      status: 409,
      param: "email",
    });
  });

  it("rejects bad emails and short passwords, naming the field", async () => {
    await expect(createUser({ email: "not-an-email", password: "password-123" })).rejects.toThrow(/must be a valid email/);
    await expect(createUser({ email: "short@example.com", password: "short" })).rejects.toThrow(/at least 8/);
  });

  it("verifies passwords without saying which part was wrong", async () => {
    await createUser({ email: "login@example.com", password: "password-123" });
    expect((await verifyCredentials("LOGIN@example.com", "password-123"))?.email).toBe("login@example.com");
    expect(await verifyCredentials("login@example.com", "wrong-password")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", "password-123")).toBeNull();
  });

  it("records a referral code as a pending referral: no bonus for either side at sign-up", async () => {
    const { user: referrer } = await createUser({ email: "referrer@example.com", password: "password-123" });
    const { user: referred } = await createUser({
      email: "referred@example.com",
      password: "password-123",
      referralCode: referrer.referralCode,
    });
    const [after, newcomer] = await Promise.all([
      setup.database.prisma.user.findUniqueOrThrow({ where: { id: referrer.id } }),
      setup.database.prisma.user.findUniqueOrThrow({ where: { id: referred.id } }),
    ]);
    expect(after.bonusMessages).toBe(0);
    expect(newcomer.bonusMessages).toBe(0);
    expect(newcomer.referredById).toBe(referrer.id);
    expect(await setup.database.prisma.referral.findMany({ where: { referrerId: referrer.id } })).toEqual([
      expect.objectContaining({ referredId: referred.id, referrerBonus: 50, referredBonus: 50, grantedAt: null, referrerCapped: false }),
    ]);
  });
});
