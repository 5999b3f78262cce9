import type { RoutingStrategy } from "@/lib/db/generated/enums";

/** The API spells strategies as the docs do ("round-robin"); the database enum cannot hold '-'. */
export const API_STRATEGIES = ["latest", "random", "round-robin", "failover", "least-used"] as const;
export type ApiStrategy = (typeof API_STRATEGIES)[number];

export const toApiStrategy = (value: RoutingStrategy): ApiStrategy => value.replace("_", "-") as ApiStrategy;
export const fromApiStrategy = (value: ApiStrategy): RoutingStrategy => value.replace("-", "_") as RoutingStrategy;

/** What each strategy does, in the words My API and Keys show. */
export const STRATEGY_EXPLANATIONS: Record<ApiStrategy, string> = {
  latest: "The most recently added credential that can serve the model.",
  random: "A random credential each time.",
  "round-robin": "Each credential in turn, shared by every server.",
  failover: "Your order in Providers; the next one only when one fails.",
  "least-used": "The credential with the fewest requests in the last minute.",
};
