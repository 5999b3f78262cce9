import { describe, expect, it } from "vitest";
import { createKey } from "@/lib/services/api-keys/manage-keys";
import { createUser } from "@/lib/services/users/create-user";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import { authenticateApiToken } from "./api-token";

const bearer = (token: string) => new Request("http://localhost/v1/models", { headers: { authorization: `Bearer ${token}` } });

// The lookup is plain SQL on the driver: what it reads must match what Prisma would have given.
describe.each(databaseTargets())("token lookup on $name", (target: DatabaseTarget) => {
  const setup = useInstalledDatabase(target);

  it("reads the token's limits, providers and strategy, and the account's plan, as the rest of the code names them", async () => {
    const { user } = await createUser({ email: "lookup@example.com", password: "password-123", plan: "pro" });
    await setup.database.prisma.user.update({ where: { id: user.id }, data: { defaultStrategy: "least_used", bonusMessages: 7 } });
    const limited = await createKey(user.id, { name: "limited", limit: 25, limit_reset: "daily", allowed_providers: ["openai", "anthropic"], strategy: "round-robin", limit_usd: 5, limit_usd_reset: "weekly" });
    const plain = await createKey(user.id, { name: "plain" });

    expect(await authenticateApiToken(bearer(limited.key))).toEqual({
      tokenId: limited.id,
      tokenName: "limited",
      userId: user.id,
      plan: "pro",
      bonusMessages: 7,
      allowedProviders: ["openai", "anthropic"],
      strategy: "round_robin",
      limit: 25,
      limitReset: "daily",
      limitUsd: 5,
      limitUsdReset: "weekly",
      referralPending: false,
    });
    // No strategy of its own: the account's default, under its Prisma name.
    expect(await authenticateApiToken(bearer(plain.key))).toMatchObject({ strategy: "least_used", limit: null, limitReset: "never", limitUsd: null, limitUsdReset: "monthly", allowedProviders: [] });
  });
});
