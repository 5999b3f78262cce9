import type { RoutingStrategy } from "@/lib/db/generated/enums";
import type { RoutingState } from "./routing-state";
import type { UsableCredential } from "./user-credentials";

export interface OrderOptions {
  strategy: RoutingStrategy;
  /** Round-robin cursor scope, e.g. "<userId>:<provider>". */
  scope: string;
  /** A stable key (the request's `user`) that should keep landing on the same credential. */
  affinityKey?: string;
  state: RoutingState;
  random?: () => number;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function rotate<T>(items: T[], start: number): T[] {
  const offset = ((start % items.length) + items.length) % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}

/** The order to try credentials in: the first is the strategy's pick, the rest are fallbacks. */
export async function orderCredentials(credentials: UsableCredential[], options: OrderOptions): Promise<UsableCredential[]> {
  if (credentials.length <= 1) return credentials;
  const byPriority = [...credentials].sort((a, b) => a.priority - b.priority || a.createdAt - b.createdAt);
  if (options.affinityKey && options.strategy !== "failover" && options.strategy !== "latest") {
    return rotate(byPriority, hash(options.affinityKey));
  }
  switch (options.strategy) {
    case "latest":
      return [...credentials].sort((a, b) => b.createdAt - a.createdAt || b.priority - a.priority);
    case "failover":
      return byPriority;
    case "round_robin":
      return rotate(byPriority, await options.state.nextCursor(options.scope));
    case "least_used":
      return [...byPriority].sort((a, b) => options.state.usage(a.id) - options.state.usage(b.id));
    case "random": {
      const random = options.random ?? Math.random;
      return rotate(byPriority, Math.floor(random() * byPriority.length));
    }
  }
}
