import { rawQuery } from "@/lib/db/raw-query";

/**
 * The PostgreSQL side of message leases (see leased-counters). A lease is one ticket row whose
 * `messages` says how many of the counter's messages it still holds; every change to it is
 * guarded by that row, so a statement retried after a lost answer never gives back twice.
 */
export interface LeaseStatements {
  /** Takes `wanted` messages, more when the counter has plenty left (lease size), never past `limit`. */
  take(key: string, limit: number, wanted: number, leaseId: string): Promise<number>;
  /** Gives back what the lease holds beyond `keep` messages; the ticket stays with `keep`. */
  trim(key: string, leaseId: string, keep: number): Promise<void>;
  /** Gives back what the lease holds beyond `keep` messages and forgets its ticket. */
  drop(key: string, leaseId: string, keep: number): Promise<void>;
  /** Forgets the tickets of leases that hold exactly what they used (nothing to give back). */
  forget(leaseIds: string[]): Promise<void>;
  read(key: string): Promise<number>;
}

/** Lease sizing: exact (only what is asked) when little is left; otherwise a small share of what is left. */
export const LEASE = {
  /** Below this many messages left on a counter, every request takes exactly one. */
  exactBelow: 1_000,
  /** A lease takes at most this share of what is left... */
  shareDivisor: 100,
  /** ...and at most this many messages. */
  max: 100,
};

// Under the row lock: how many fit, how many to take (at least what is wanted, up to a lease when
// plenty is left), the increment and the lease's ticket, in one statement. No row yet: nothing is
// taken (taken is null) and the caller creates it.
const TAKE = `
WITH locked AS (SELECT "used" FROM "QuotaCounter" WHERE "key" = $1 FOR UPDATE),
     headroom AS (SELECT GREATEST($2 - "used", 0) AS h FROM locked),
     fits AS (
       SELECT LEAST(h, GREATEST($3, CASE WHEN h >= $5 THEN LEAST($6, h / $7) ELSE 0 END))::int AS n FROM headroom),
     bumped AS (
       UPDATE "QuotaCounter" SET "used" = "used" + (SELECT n FROM fits), "updatedAt" = CURRENT_TIMESTAMP
       WHERE "key" = $1 AND (SELECT n FROM fits) > 0 RETURNING 1),
     ticket AS (
       INSERT INTO "QuotaTicket" ("requestId", "key", "messages")
       SELECT $4, $1, n FROM fits WHERE n > 0 RETURNING 1)
SELECT (SELECT n FROM fits) AS taken, (SELECT count(*) FROM bumped)::int AS bumped, (SELECT count(*) FROM ticket)::int AS ticketed`;

// Both take the ticket's count as it is once its row lock is theirs (a concurrent give-back of the
// same lease has then landed, or it waits), so two give-backs never both return the same messages;
// a retry finds the ticket already at `keep`, or gone, and gives nothing back.
const TRIM = `
WITH trimmed AS (
  UPDATE "QuotaTicket" AS ticket SET "messages" = $3
  FROM (SELECT "messages" FROM "QuotaTicket" WHERE "requestId" = $1 AND "key" = $2 FOR UPDATE) AS held
  WHERE ticket."requestId" = $1 AND ticket."key" = $2 AND held."messages" > $3
  RETURNING held."messages" - $3 AS "returned")
UPDATE "QuotaCounter" SET "used" = GREATEST("used" - (SELECT "returned" FROM trimmed), 0), "updatedAt" = CURRENT_TIMESTAMP
WHERE "key" = $2 AND EXISTS (SELECT 1 FROM trimmed)`;

const DROP = `
WITH dropped AS (DELETE FROM "QuotaTicket" WHERE "requestId" = $1 AND "key" = $2 RETURNING "messages")
UPDATE "QuotaCounter" SET "used" = GREATEST("used" - ((SELECT "messages" FROM dropped) - $3), 0), "updatedAt" = CURRENT_TIMESTAMP
WHERE "key" = $2 AND (SELECT "messages" FROM dropped) > $3`;

// Tickets left by an instance that died holding a lease go after a day; what they held stays used.
const STALE_TICKET_HOURS = 24;
const PURGE_EVERY_MS = 10 * 60_000;

export function postgresLeaseStatements(): LeaseStatements {
  let lastPurge = 0;
  return {
    async take(key, limit, wanted, leaseId) {
      if (limit <= 0) return 0;
      for (;;) {
        const [row] = await rawQuery<{ taken: number | null; bumped: number; ticketed: number }>(TAKE, [
          key, limit, wanted, leaseId, LEASE.exactBelow, LEASE.max, LEASE.shareDivisor,
        ]);
        if (row.taken !== null) {
          if (row.taken > 0 && (row.bumped !== 1 || row.ticketed !== 1)) throw new Error(`message counter ${key} did not take ${row.taken} as planned`);
          return row.taken;
        }
        await rawQuery(`INSERT INTO "QuotaCounter" ("key", "used", "updatedAt") VALUES ($1, 0, CURRENT_TIMESTAMP) ON CONFLICT ("key") DO NOTHING`, [key]);
      }
    },
    async trim(key, leaseId, keep) {
      await rawQuery(TRIM, [leaseId, key, keep]);
    },
    async drop(key, leaseId, keep) {
      await rawQuery(DROP, [leaseId, key, keep]);
    },
    async forget(leaseIds) {
      if (leaseIds.length) await rawQuery(`DELETE FROM "QuotaTicket" WHERE "requestId" = ANY($1::text[])`, [leaseIds]);
      if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
      lastPurge = Date.now();
      await rawQuery(`DELETE FROM "QuotaTicket" WHERE "createdAt" < CURRENT_TIMESTAMP - make_interval(hours => $1)`, [STALE_TICKET_HOURS]);
    },
    async read(key) {
      const [row] = await rawQuery<{ used: number }>(`SELECT "used" FROM "QuotaCounter" WHERE "key" = $1`, [key]);
      return row?.used ?? 0;
    },
  };
}
