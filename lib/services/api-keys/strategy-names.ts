import type { RoutingStrategy } from "@/lib/db/generated/enums";

/** The API spells strategies as the docs do ("round-robin"); the database enum cannot hold '-'. */
export const API_STRATEGIES = ["latest", "random", "round-robin", "failover", "least-used"] as const;
export type ApiStrategy = (typeof API_STRATEGIES)[number];

export const toApiStrategy = (value: RoutingStrategy): ApiStrategy => value.replace("_", "-") as ApiStrategy;
export const fromApiStrategy = (value: ApiStrategy): RoutingStrategy => value.replace("-", "_") as RoutingStrategy;
