import { rawQuery } from "@/lib/db/raw-query";
import { usageRange, type UsageRange } from "./usage-range";

/** What the Usage page, its live data and its CSV export are narrowed to. */
export interface UsageFilters {
  range: UsageRange;
  /** An API key's hash (as the management API names keys). */
  key?: string;
  model?: string;
  provider?: string;
  status?: "ok" | "error";
}

type Params = { get(name: string): string | null | undefined };

/** `?range=&from=&to=&tz=&key=&model=&provider=&status=`; anything else is ignored. */
export function usageFilters(params: Params, now = new Date()): UsageFilters {
  const status = params.get("status");
  const key = params.get("key")?.trim();
  return {
    range: usageRange(params, now),
    key: key && /^[0-9a-f]{64}$/.test(key) ? key : undefined,
    model: params.get("model")?.trim() || undefined,
    provider: params.get("provider")?.trim() || undefined,
    status: status === "ok" || status === "error" ? status : undefined,
  };
}

/** The filters as query parameters, for links and the CSV export. */
export function filterQuery(filters: UsageFilters): URLSearchParams {
  const { range } = filters;
  const query = new URLSearchParams({ range: range.name, tz: range.timeZone });
  if (range.name === "custom") {
    query.set("from", range.fromDay);
    query.set("to", range.toDay);
  }
  for (const name of ["key", "model", "provider", "status"] as const) if (filters[name]) query.set(name, filters[name]!);
  return query;
}

/** A WHERE clause for one account's usage rows under the filters; parameters start at $1. */
export interface UsageWhere {
  sql: string;
  params: unknown[];
}

/** Always scoped to the account: another account's key hash matches nothing. */
export async function usageWhere(userId: string, filters: UsageFilters): Promise<UsageWhere> {
  const params: unknown[] = [userId, filters.range.from.toISOString().replace("Z", ""), filters.range.to.toISOString().replace("Z", "")];
  const clauses = [`e."userId" = $1`, `e."createdAt" >= $2::timestamp`, `e."createdAt" < $3::timestamp`];
  if (filters.key) {
    const [token] = await rawQuery<{ id: string }>(`SELECT "id" FROM "ApiToken" WHERE "tokenHash" = $1 AND "userId" = $2`, [filters.key, userId]);
    params.push(token?.id ?? "");
    clauses.push(`e."tokenId" = $${params.length}`);
  }
  if (filters.model) {
    params.push(filters.model);
    clauses.push(`e."model" = $${params.length}`);
  }
  if (filters.provider) {
    params.push(filters.provider);
    clauses.push(`e."provider" = $${params.length}`);
  }
  if (filters.status) clauses.push(filters.status === "ok" ? `e."status" < 400` : `e."status" >= 400`);
  return { sql: clauses.join(" AND "), params };
}
