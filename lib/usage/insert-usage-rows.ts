import { rawQuery } from "@/lib/db/raw-query";
import type { UsageRecord } from "./usage-record";

// Column → Postgres array type. One fixed statement for any batch size, so nothing is
// compiled or planned per batch: the batch travels as one array per column.
const COLUMNS: Array<[keyof UsageRecord, string]> = [
  ["id", "text"], ["userId", "text"], ["tokenId", "text"], ["credentialId", "text"], ["endpoint", "text"],
  ["modelRequested", "text"], ["provider", "text"], ["modelUsed", "text"], ["status", "int4"], ["finishReason", "text"],
  ["nativeFinishReason", "text"], ["promptTokens", "int4"], ["completionTokens", "int4"], ["totalTokens", "int4"],
  ["cachedTokens", "int4"], ["reasoningTokens", "int4"], ["latencyMs", "int4"], ["ttftMs", "int4"], ["streamed", "bool"],
  ["cancelled", "bool"], ["countedMessage", "bool"], ["errorType", "text"], ["errorMessage", "text"], ["attempts", "int4"],
  ["createdAt", "timestamp"],
];

const SQL = `INSERT INTO "UsageEvent" (${COLUMNS.map(([c]) => `"${c}"`).join(", ")})
SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")})
ON CONFLICT ("id") DO NOTHING`;

/** Inserts a batch of usage rows in one statement; rows already stored are skipped. */
export async function insertUsageRows(rows: UsageRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const params = COLUMNS.map(([column, type]) =>
    rows.map((row) => (type === "timestamp" ? (row[column] as Date).toISOString() : row[column])),
  );
  await rawQuery(SQL, params);
}
