import { Agent } from "undici";
import { env } from "@/lib/config/env";
import { publicOnlyLookup } from "@/lib/security/public-address";

const SLOT = Symbol.for("oauthrouter.upstreamAgent");
const PUBLIC_ONLY_SLOT = Symbol.for("oauthrouter.publicOnlyUpstreamAgent");
type GlobalWithAgent = typeof globalThis & { [SLOT]?: Agent; [PUBLIC_ONLY_SLOT]?: Agent };

function createAgent(lookup?: typeof publicOnlyLookup): Agent {
  const config = env();
  return new Agent({
    connect: { timeout: config.UPSTREAM_CONNECT_TIMEOUT_MS, ...(lookup ? { lookup } : {}) },
    headersTimeout: config.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
    bodyTimeout: config.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
    keepAliveTimeout: 30_000,
    // No cap per origin: every connection carries one client request in flight, and a provider's
    // streams last seconds to minutes, so a cap (it was 256) queued the rest behind them.
    connections: null,
  });
}

/**
 * One keep-alive connection pool for every upstream call. The first-byte timeout is long because
 * slow models can take a minute or more before their first token.
 */
export function upstreamAgent(): Agent {
  const holder = globalThis as GlobalWithAgent;
  holder[SLOT] ??= createAgent();
  return holder[SLOT];
}

/**
 * The pool for user-supplied hosts (custom base URLs, image URLs): every new connection resolves
 * through publicOnlyLookup, so private and loopback addresses are refused when connecting, not
 * only when the URL was saved.
 */
export function publicOnlyAgent(): Agent {
  const holder = globalThis as GlobalWithAgent;
  holder[PUBLIC_ONLY_SLOT] ??= createAgent(publicOnlyLookup);
  return holder[PUBLIC_ONLY_SLOT];
}
