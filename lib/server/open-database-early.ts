import { database } from "@/lib/db";
import { errorReason, log } from "@/lib/observability/logger";

/**
 * Opens the database and runs a first query before the server takes requests: otherwise the first
 * sign-up after a start paid for it (3 s on a fresh embedded data folder: initdb and migrations).
 * A database that cannot be reached yet does not stop the start; requests try it again.
 */
export async function openDatabaseEarly(): Promise<void> {
  const started = performance.now();
  try {
    const { prisma } = await database();
    await prisma.user.findFirst({ select: { id: true } });
    log.info("database ready", { ms: Math.round(performance.now() - started) });
  } catch (error) {
    log.warn("the database could not be opened at start; requests will try again", { error: errorReason(error) });
  }
}
