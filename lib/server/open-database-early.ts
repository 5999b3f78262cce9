import { rawQuery } from "@/lib/db/raw-query";
import { errorReason, log } from "@/lib/observability/logger";

/**
 * Opens the database and runs a first query before the server takes requests: otherwise the first
 * sign-up after a start paid for it (3 s on a fresh embedded data folder: initdb and migrations).
 * A database that cannot be reached yet does not stop the start; requests try it again.
 */
export async function openDatabaseEarly(): Promise<void> {
  const started = performance.now();
  try {
    // On the driver, as the request path: Prisma's query compiler loads only when a page needs it.
    await rawQuery(`SELECT "id" FROM "User" LIMIT 1`, []);
    log.info("database ready", { ms: Math.round(performance.now() - started) });
  } catch (error) {
    log.warn("the database could not be opened at start; requests will try again", { error: errorReason(error) });
  }
}
