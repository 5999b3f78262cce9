import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { closeRedis } from "@/lib/redis/client";
import { enforceRateLimit } from "./rate-limit";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function useRedis(url: string | undefined) {
  await closeRedis();
  if (url) process.env.REDIS_URL = url;
  else delete process.env.REDIS_URL;
  resetEnvCache();
}

/** How many of `tries` attempts the limit lets through before refusing. */
async function admitted(client: string, tries: number, limit = 5): Promise<number> {
  let count = 0;
  for (let i = 0; i < tries; i++) {
    try {
      await enforceRateLimit("test", client, limit, 60_000);
      count += 1;
    } catch (error) {
      expect(error).toMatchObject({ status: 429, type: "rate_limit_error" });
    }
  }
  return count;
}

describe("attempt limits", () => {
  afterEach(() => useRedis(undefined));

  it("count in Redis when it is configured, where every instance reads the same count", async () => {
    await useRedis(REDIS_URL);
    const client = `shared-${process.pid}-${Date.now()}`;
    expect(await admitted(client, 3)).toBe(3);
    // Another instance is another process with its own memory: only Redis carries the count across.
    await closeRedis();
    expect(await admitted(client, 5)).toBe(2);
  });

  it("fall back to counting in this process while Redis is unreachable: still limited, nobody locked out", async () => {
    await useRedis("redis://127.0.0.1:1");
    const client = `local-${process.pid}-${Date.now()}`;
    expect(await admitted(client, 8)).toBe(5);
    expect(await admitted(`other-${client}`, 1)).toBe(1);
  });
});
