import Redis from "ioredis";
import { env } from "@/lib/config/env";
import { log } from "@/lib/observability/logger";

const SLOT = Symbol.for("oauthrouter.redis");
type GlobalWithRedis = typeof globalThis & { [SLOT]?: Redis | null };

/**
 * The shared Redis connection when REDIS_URL is set, else null (state stays in-process or in
 * PostgreSQL). Commands wait for the connection briefly, then fail: never queue forever.
 */
export function redis(): Redis | null {
  const holder = globalThis as GlobalWithRedis;
  if (holder[SLOT] !== undefined) return holder[SLOT];
  const url = env().REDIS_URL;
  if (!url) return (holder[SLOT] = null);
  const client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2_000, connectTimeout: 2_000, retryStrategy: (times) => Math.min(times * 200, 2_000) });
  watchRedis(client, "redis");
  holder[SLOT] = client;
  return client;
}

/** The connection was lost and is not back yet: commands would only wait for the next reconnect. */
export function redisKnownDown(client: Redis): boolean {
  return client.status === "reconnecting" || client.status === "end" || client.status === "close";
}

/** Logs a connection's losses and returns once each, not at every reconnect attempt. */
export function watchRedis(client: Redis, name: string): void {
  let down = false;
  client.on("error", (error) => {
    if (!down) log.warn(`${name} unavailable`, { error: error.message });
    down = true;
  });
  client.on("ready", () => {
    if (down) log.info(`${name} reconnected`);
    down = false;
  });
}

export async function closeRedis(): Promise<void> {
  const holder = globalThis as GlobalWithRedis;
  const client = holder[SLOT];
  holder[SLOT] = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
