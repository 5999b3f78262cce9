import { rawQuery } from "@/lib/db/raw-query";
import { FROM, ROW_COLUMNS, type UsageRow } from "./usage-summary";

/** One request of the account's, for the detail view; null for anyone else's. */
export async function usageDetail(userId: string, id: string): Promise<UsageRow | null> {
  const [row] = await rawQuery<UsageRow>(`SELECT ${ROW_COLUMNS} ${FROM} WHERE e."id" = $1 AND e."userId" = $2`, [id, userId]);
  return row ?? null;
}
