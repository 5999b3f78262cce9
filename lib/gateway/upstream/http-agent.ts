import { Agent } from "undici";
import { env } from "@/lib/config/env";

const SLOT = Symbol.for("oauthrouter.upstreamAgent");
type GlobalWithAgent = typeof globalThis & { [SLOT]?: Agent };

/**
 * One keep-alive connection pool for every upstream call. The first-byte timeout is long because
 * slow models can take a minute or more before their first token.
 */
export function upstreamAgent(): Agent {
  const holder = globalThis as GlobalWithAgent;
  if (!holder[SLOT]) {
    const config = env();
    holder[SLOT] = new Agent({
      connect: { timeout: config.UPSTREAM_CONNECT_TIMEOUT_MS },
      headersTimeout: config.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
      bodyTimeout: config.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
      keepAliveTimeout: 30_000,
      connections: 256,
    });
  }
  return holder[SLOT];
}
