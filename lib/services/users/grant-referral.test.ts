import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import { createUser } from "./create-user";
import { grantReferral } from "./grant-referral";

describe.each(databaseTargets())("referral grants on $name", (target: DatabaseTarget) => {
  const setup = useInstalledDatabase(target);
  const bonus = async (id: string) => (await setup.database.prisma.user.findUniqueOrThrow({ where: { id } })).bonusMessages;
  let seq = 0;
  const referredBy = (code: string) => createUser({ email: `friend-${target.name}-${seq++}@example.com`, password: "password-123", referralCode: code }).then((r) => r.user);

  afterEach(() => {
    delete process.env.REFERRAL_MAX_PER_MONTH;
    resetEnvCache();
  });

  it("grants both bonuses exactly once, however many grants race for the same referral", async () => {
    const { user: referrer } = await createUser({ email: `referrer-once-${target.name}@example.com`, password: "password-123" });
    const friend = await referredBy(referrer.referralCode);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => grantReferral(friend.id)));
    expect(outcomes.filter((o) => o === "granted")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "none")).toHaveLength(7);
    expect([await bonus(referrer.id), await bonus(friend.id)]).toEqual([50, 50]);
    expect(await grantReferral(friend.id)).toBe("none");
    expect(await bonus(referrer.id)).toBe(50);
  });

  it("caps the referrer's bonuses per calendar month (UTC), also when grants race; the friend's bonus is never capped", async () => {
    process.env.REFERRAL_MAX_PER_MONTH = "2";
    resetEnvCache();
    const { user: referrer } = await createUser({ email: `referrer-cap-${target.name}@example.com`, password: "password-123" });
    const friends = [];
    for (let i = 0; i < 5; i++) friends.push(await referredBy(referrer.referralCode));
    const march = new Date("2031-03-15T12:00:00Z");
    const outcomes = await Promise.all(friends.slice(0, 4).map((f) => grantReferral(f.id, march)));
    expect(outcomes.sort()).toEqual(["capped", "capped", "granted", "granted"]);
    expect(await bonus(referrer.id)).toBe(100);
    for (const friend of friends.slice(0, 4)) expect(await bonus(friend.id)).toBe(50);
    // A new month, a new allowance.
    expect(await grantReferral(friends[4].id, new Date("2031-04-01T00:00:00Z"))).toBe("granted");
    expect(await bonus(referrer.id)).toBe(150);
    const rows = await setup.database.prisma.referral.findMany({ where: { referrerId: referrer.id } });
    expect(rows.filter((r) => r.referrerCapped).map((r) => r.referrerBonus)).toEqual([0, 0]);
  });
});
