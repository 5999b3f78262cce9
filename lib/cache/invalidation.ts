import { EventEmitter } from "node:events";

/**
 * What changed, so request-path caches drop it at once instead of waiting out their TTL.
 * With REDIS_URL, lib/redis/invalidation-relay.ts carries them to every other instance.
 */
export type Invalidation =
  | { kind: "token"; tokenHash?: string; userId?: string }
  | { kind: "credentials"; userId: string }
  | { kind: "user"; userId: string };

const SLOT = Symbol.for("oauthrouter.invalidation");
type GlobalWithBus = typeof globalThis & { [SLOT]?: EventEmitter };

function bus(): EventEmitter {
  const holder = globalThis as GlobalWithBus;
  if (!holder[SLOT]) {
    holder[SLOT] = new EventEmitter();
    holder[SLOT].setMaxListeners(50);
  }
  return holder[SLOT];
}

export function invalidate(event: Invalidation): void {
  bus().emit("invalidate", event);
}

export function onInvalidate(listener: (event: Invalidation) => void): () => void {
  bus().on("invalidate", listener);
  return () => bus().off("invalidate", listener);
}
