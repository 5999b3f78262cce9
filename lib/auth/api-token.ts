import { TtlCache } from "@/lib/cache/ttl-cache";
import { onInvalidate } from "@/lib/cache/invalidation";
import { API_TOKEN_PREFIX, constantTimeEqualHex, hashToken, looksLikeToken, MANAGEMENT_KEY_PREFIX } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
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
}

// Token lookups are on every request; changes invalidate at once (lib/cache/invalidation).
const cache = new TtlCache<Caller | null>(30_000);
onInvalidate((event) => {
  if (event.kind === "token" || event.kind === "user") cache.clear();
});

async function loadCaller(tokenHash: string): Promise<Caller | null> {
  const prisma = await db();
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash },
    include: { user: { select: { id: true, plan: true, bonusMessages: true, defaultStrategy: true } } },
  });
  // The index finds the row; the comparison that admits the caller runs in constant time.
  if (!token || token.disabled || !constantTimeEqualHex(token.tokenHash, tokenHash)) return null;
  return {
    tokenId: token.id,
    tokenName: token.name,
    userId: token.user.id,
    plan: token.user.plan,
    bonusMessages: token.user.bonusMessages,
    allowedProviders: token.allowedProviders,
    strategy: token.strategy ?? token.user.defaultStrategy,
    limit: token.limit,
    limitReset: token.limitReset,
  };
}

/** The caller behind a request's token; 401 for missing, malformed, unknown or disabled tokens. */
export async function authenticateApiToken(request: Request, url?: URL): Promise<Caller> {
  const presented = readPresentedToken(request, url);
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
