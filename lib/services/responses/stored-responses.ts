import { rawQuery } from "@/lib/db/raw-query";
import { errorReason, log } from "@/lib/observability/logger";

/** How long a stored response can be retrieved or continued, as OpenAI keeps them. */
export const STORED_RESPONSE_DAYS = 30;
/** The most one stored response (its input items and its response, as JSON) may hold. */
export const MAX_STORED_RESPONSE_BYTES = 8 * 1024 * 1024;
/** The most a request's own input may be when it is to be stored (checked before the model runs). */
export const MAX_STORED_INPUT_BYTES = 4 * 1024 * 1024;

type Json = Record<string, unknown>;

export interface StoredTurn {
  id: string;
  inputItems: Json[];
  response: Json;
}

const now = () => new Date().toISOString();

/** PostgreSQL's jsonb has no NUL character: `\u0000` escapes (not an escaped backslash before "u0000") become U+FFFD. */
const withoutNul = (json: string) => json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd");
let lastPurge = 0;

/** Expired responses go at most once an hour per process, in the background of a save. */
function purgeExpired(): void {
  if (Date.now() - lastPurge < 3_600_000) return;
  lastPurge = Date.now();
  rawQuery(`DELETE FROM "StoredResponse" WHERE "expiresAt" <= $1::timestamp`, [now()]).catch((error) => {
    log.warn("expired stored responses not purged", { error: errorReason(error) });
  });
}

/**
 * Keeps a response for 30 days, with this request's own input items (as JSON). Returns false (and logs) when
 * the two together pass MAX_STORED_RESPONSE_BYTES, or when the database refuses: the answer has
 * already been given, so a failed save must not turn it into an error.
 */
export async function saveResponse(userId: string, response: Json, inputJson: string): Promise<boolean> {
  const responseJson = withoutNul(JSON.stringify(response));
  const itemsJson = withoutNul(inputJson);
  const bytes = Buffer.byteLength(responseJson) + Buffer.byteLength(itemsJson);
  if (bytes > MAX_STORED_RESPONSE_BYTES) {
    log.warn("response not stored: larger than a stored response may be", { responseId: response.id, bytes });
    return false;
  }
  const expires = new Date(Date.now() + STORED_RESPONSE_DAYS * 86_400_000).toISOString();
  try {
    // The answer waits for this row, not for its disk sync (7-9 ms on a busy PostgreSQL, 1-2 without): the row is
    // visible at once either way; a server crash may lose the last ones written, never corrupt them.
    await rawQuery(
      `WITH unsynced AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO "StoredResponse" ("userId", "id", "previousResponseId", "response", "inputItems", "createdAt", "expiresAt")
       SELECT $1, $2, $3, $4::jsonb, $5::jsonb, $6::timestamp, $7::timestamp FROM unsynced ON CONFLICT ("userId", "id") DO NOTHING`,
      [userId, response.id, response.previous_response_id ?? null, responseJson, itemsJson, now(), expires],
    );
  } catch (error) {
    log.error("response not stored", { responseId: response.id, error: errorReason(error) });
    return false;
  }
  purgeExpired();
  return true;
}

/**
 * The conversation that ends with response `id`, oldest turn first, in one query; empty when the
 * account has no such response. A turn that expired ends the chain there.
 */
export async function storedConversation(userId: string, id: string): Promise<StoredTurn[]> {
  const rows = await rawQuery<StoredTurn & { depth: number }>(
    `WITH RECURSIVE chain AS (
       SELECT "id", "previousResponseId", "inputItems", "response", 0 AS depth FROM "StoredResponse"
       WHERE "userId" = $1 AND "id" = $2 AND "expiresAt" > $3::timestamp
       UNION ALL
       SELECT s."id", s."previousResponseId", s."inputItems", s."response", c.depth + 1 FROM "StoredResponse" s
       JOIN chain c ON s."userId" = $1 AND s."id" = c."previousResponseId"
       WHERE s."expiresAt" > $3::timestamp AND c.depth < 10000
     )
     SELECT "id", "inputItems", "response", depth FROM chain ORDER BY depth DESC`,
    [userId, id, now()],
  );
  return rows;
}

/** One stored response of the account, or null. */
export async function findResponse(userId: string, id: string): Promise<Json | null> {
  const [row] = await rawQuery<{ response: Json }>(
    `SELECT "response" FROM "StoredResponse" WHERE "userId" = $1 AND "id" = $2 AND "expiresAt" > $3::timestamp`,
    [userId, id, now()],
  );
  return row?.response ?? null;
}

/** Deletes one stored response of the account; false when there was none. */
export async function deleteResponse(userId: string, id: string): Promise<boolean> {
  const rows = await rawQuery<{ id: string }>(
    `DELETE FROM "StoredResponse" WHERE "userId" = $1 AND "id" = $2 AND "expiresAt" > $3::timestamp RETURNING "id"`,
    [userId, id, now()],
  );
  return rows.length > 0;
}
