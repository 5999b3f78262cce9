import Redis from "ioredis";
import { randomUUID } from "node:crypto";
import { invalidate, onInvalidate, type Invalidation } from "@/lib/cache/invalidation";
import { env } from "@/lib/config/env";
import { watchRedis } from "./client";

const CHANNEL = "oauthrouter:invalidate";
const INSTANCE = randomUUID();
let started = false;

/**
 * With REDIS_URL, every instance hears what any other changed (a disabled token, a deleted
 * credential) and drops it from its caches at once.
 */
export function startInvalidationRelay(): void {
  const url = env().REDIS_URL;
  if (started || !url) return;
  started = true;
  const publisher = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2_000 });
  const subscriber = new Redis(url);
  for (const client of [publisher, subscriber]) watchRedis(client, "redis relay");
  let relaying = false;
  onInvalidate((event) => {
    if (relaying) return;
    void publisher.publish(CHANNEL, JSON.stringify({ from: INSTANCE, event })).catch(() => undefined);
  });
  void subscriber.subscribe(CHANNEL);
  subscriber.on("message", (_channel, message) => {
    const parsed = safeParse(message);
    if (!parsed || parsed.from === INSTANCE) return;
    relaying = true;
    try {
      invalidate(parsed.event);
    } finally {
      relaying = false;
    }
  });
}

function safeParse(message: string): { from: string; event: Invalidation } | null {
  try {
    return JSON.parse(message);
  } catch {
    return null;
  }
}
