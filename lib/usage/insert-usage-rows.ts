import { database } from "@/lib/db";
import { rawQuery } from "@/lib/db/raw-query";
import { storableInteger, storableText } from "@/lib/db/storable-text";
import type { UsageRecord } from "./usage-record";

const COLUMNS: Array<keyof UsageRecord> = [
  "id", "userId", "tokenId", "credentialId", "endpoint", "modelRequested", "provider", "modelUsed", "status",
  "finishReason", "nativeFinishReason", "promptTokens", "completionTokens", "totalTokens", "cachedTokens",
  "reasoningTokens", "latencyMs", "ttftMs", "streamed", "cancelled", "countedMessage", "errorType", "errorMessage",
  "attempts", "model", "cacheWriteTokens", "costMicros", "costEstimated", "appTitle", "appReferer", "createdAt",
];

// The batch travels as one JSON text that PostgreSQL maps onto the table's own columns: one fixed
// statement for any batch size, and about half the work of one array parameter per column on the
// embedded database, where every statement runs on the server's own thread. Times go as ISO text
// in UTC, which the timestamp columns store as given.
const list = COLUMNS.map((column) => `"${column}"`).join(", ");
const SQL = `INSERT INTO "UsageEvent" (${list})
SELECT ${list} FROM json_populate_recordset(NULL::"UsageEvent", $1::json)
ON CONFLICT ("id") DO NOTHING`;

const INTEGER_COLUMNS = new Set<string>(["status", "promptTokens", "completionTokens", "totalTokens", "cachedTokens", "reasoningTokens", "latencyMs", "ttftMs", "attempts", "cacheWriteTokens", "costMicros"] satisfies Array<keyof UsageRecord>);

// Whatever a caller or provider put in a row (a model name with NUL, an error with half a
// surrogate pair, a token count past 32 bits) is stored cleaned, never refused with its batch.
function storable(key: string, value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (typeof value === "number" && INTEGER_COLUMNS.has(key)) return storableInteger(value);
  return value;
}

/** Inserts a batch of usage rows in one statement; rows already stored are skipped. */
export async function insertUsageRows(rows: UsageRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await rawQuery(SQL, [JSON.stringify(rows, storable)]);
}

/**
 * What of a row is ours alone (ids, endpoint, status, flags, times), for a row whose other values
 * the database refuses: the request stays on the books, its message with it.
 */
export function bareUsageRow(row: UsageRecord): UsageRecord {
  return {
    ...row, modelRequested: "(not stored)", modelUsed: null, model: "(not stored)", finishReason: null, nativeFinishReason: null, errorMessage: null,
    promptTokens: 0, completionTokens: 0, totalTokens: 0, cachedTokens: 0, reasoningTokens: 0, cacheWriteTokens: 0, ttftMs: null,
    appTitle: null, appReferer: null,
  };
}

// A statement on the embedded database runs on the server's own thread and holds it until done:
// 200 usage rows take 10–15 ms there (up to 50), 50 rows about 3 ms for the same cost per row.
// PostgreSQL does the work in its own process, so there fewer, larger statements are cheaper.
const ROWS_PER_STATEMENT = { embedded: 50, postgres: 1_000 } as const;

/** How many usage rows one INSERT takes on the database in use. */
export async function usageRowsPerStatement(): Promise<number> {
  return ROWS_PER_STATEMENT[(await database()).kind];
}
