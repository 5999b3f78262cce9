import { TtlCache } from "@/lib/cache/ttl-cache";
import { onInvalidate } from "@/lib/cache/invalidation";
import { API_TOKEN_PREFIX, constantTimeEqualHex, hashToken, looksLikeToken, MANAGEMENT_KEY_PREFIX } from "@/lib/crypto/tokens";
import { rawQuery } from "@/lib/db/raw-query";
import type { LimitReset, Plan, RoutingStrategy } from "@/lib/db/generated/enums";
import { forbidden, unauthorized } from "@/lib/errors/gateway-error";
import { readPresentedToken } from "./read-bearer";

/** Who is calling the gateway, resolved from an `lr_live_` token. */
export interface Caller {
  tokenId: string;
  tokenName: string;
  userId: string;
  plan: Plan;
  bonusMessages: number;
  allowedProviders: string[];
  strategy: RoutingStrategy;
  limit: number | null;
  limitReset: LimitReset;
  /** Dollar budget per `limitUsdReset` window; null: none. */
  limitUsd: number | null;
  limitUsdReset: LimitReset;
  /** A referral waits for this account's first successful request (lib/services/users/referral-on-success.ts). */
  referralPending?: boolean;
}

// Token lookups are on every request; changes invalidate at once (lib/cache/invalidation).
const cache = new TtlCache<Caller | null>(30_000);
onInvalidate((event) => {
  if (event.kind === "token" || event.kind === "user") cache.clear();
});

// Plain SQL on the driver: the request path never waits on Prisma's query compiler (nor holds
// its memory) for the one lookup it repeats.
const CALLER_SQL = `
SELECT t."id", t."name", t."tokenHash", t."disabled", t."allowedProviders", t."limit", t."limitReset"::text, t."limitUsd", t."limitUsdReset"::text,
       u."id" AS "userId", u."plan"::text, u."bonusMessages",
       -- Stored as 'round-robin'; the Prisma enum (and our code) calls it round_robin.
       replace(t."strategy"::text, '-', '_') AS "strategy", replace(u."defaultStrategy"::text, '-', '_') AS "defaultStrategy",
       r."id" IS NOT NULL AS "referralPending"
FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
LEFT JOIN "Referral" r ON r."referredId" = u."id" AND r."grantedAt" IS NULL
WHERE t."tokenHash" = $1`;

interface CallerRow {
  id: string;
  name: string;
  tokenHash: string;
  disabled: boolean;
  allowedProviders: string[];
  strategy: RoutingStrategy | null;
  limit: number | null;
  limitReset: LimitReset;
  limitUsd: number | null;
  limitUsdReset: LimitReset;
  userId: string;
  plan: Plan;
  bonusMessages: number;
  defaultStrategy: RoutingStrategy;
  referralPending: boolean;
}

async function loadCaller(tokenHash: string): Promise<Caller | null> {
  const [token] = await rawQuery<CallerRow>(CALLER_SQL, [tokenHash]);
  // The index finds the row; the comparison that admits the caller runs in constant time.
  if (!token || token.disabled || !constantTimeEqualHex(token.tokenHash, tokenHash)) return null;
  return {
    tokenId: token.id,
    tokenName: token.name,
    userId: token.userId,
    plan: token.plan,
    bonusMessages: token.bonusMessages,
    allowedProviders: token.allowedProviders,
    strategy: token.strategy ?? token.defaultStrategy,
    limit: token.limit,
    limitReset: token.limitReset,
    limitUsd: token.limitUsd,
    limitUsdReset: token.limitUsdReset,
    referralPending: token.referralPending,
  };
}

/**
 * The caller behind a request's token; 401 for missing, malformed, unknown or disabled tokens.
 * `queryKeyUrl`: only for a dialect that takes `?key=` (Gemini); see readPresentedToken.
 */
export async function authenticateApiToken(request: Request, queryKeyUrl?: URL): Promise<Caller> {
  const presented = readPresentedToken(request, queryKeyUrl);
  if (!presented) {
    throw unauthorized("Missing token: send 'Authorization: Bearer lr_live_…' (get one from the My API tab)");
  }
  if (presented.startsWith(MANAGEMENT_KEY_PREFIX)) {
    throw forbidden("Management keys (lr_mgmt_) can only call the management API; use an lr_live_ token here");
  }
  if (!looksLikeToken(presented, API_TOKEN_PREFIX)) throw unauthorized("Invalid or disabled token");
  const caller = await cache.get(hashToken(presented), () => loadCaller(hashToken(presented)));
  if (!caller) throw unauthorized("Invalid or disabled token");
  return caller;
}
