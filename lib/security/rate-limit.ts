import { env } from "@/lib/config/env";
import { GatewayError } from "@/lib/errors/gateway-error";
import type Redis from "ioredis";
import { redis, redisKnownDown } from "@/lib/redis/client";

/**
 * Fixed-window attempt limits for sign-in, sign-up and the PKCE exchange, per client address:
 * in Redis when configured, so every instance counts against one budget, else in this process.
 * While Redis is unreachable each instance counts on its own: the door opens no wider than the
 * limit per instance, and nobody is locked out because the shared count cannot be read.
 */
const local = new Map<string, { count: number; resetAt: number }>();

async function sharedHit(client: Redis, key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number } | null> {
  if (redisKnownDown(client)) return null;
  const window = Math.floor(now / windowMs);
  const slot = `rl:${key}:${window}`;
  try {
    // One transaction: a count is never left without its expiry.
    const results = await client.multi().incr(slot).pexpire(slot, windowMs).exec();
    const count = Number(results?.[0]?.[1]);
    return Number.isFinite(count) && count > 0 ? { count, resetAt: (window + 1) * windowMs } : null;
  } catch {
    return null;
  }
}

async function hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
  const client = redis();
  const now = Date.now();
  const shared = client ? await sharedHit(client, key, windowMs, now) : null;
  if (shared) return shared;
  const entry = local.get(key);
  if (!entry || entry.resetAt <= now) {
    local.set(key, { count: 1, resetAt: now + windowMs });
    if (local.size > 50_000) for (const [k, v] of local) if (v.resetAt <= now) local.delete(k);
    return local.get(key)!;
  }
  entry.count += 1;
  return entry;
}

export async function enforceRateLimit(scope: string, client: string, limit: number, windowMs: number): Promise<void> {
  const { count, resetAt } = await hit(`${scope}:${client}`, windowMs);
  if (count > limit) {
    throw new GatewayError(429, "rate_limit_error", `Too many ${scope} attempts; try again in ${Math.ceil((resetAt - Date.now()) / 1000)} s`, {
      retryAfterMs: resetAt - Date.now(),
    });
  }
}

export const CLIENT_ADDRESS_HEADER = "x-oauthrouter-client";

/**
 * The client's address as our server saw the socket (it overwrites this header on every request,
 * so clients cannot choose it); behind a trusted proxy (TRUST_PROXY=true), X-Forwarded-For's first hop.
 */
export function clientAddress(request: Request, trustProxy = env().TRUST_PROXY): string {
  const forwarded = trustProxy ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  return forwarded || request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
