import type { Server } from "node:http";
import { closeDatabase } from "@/lib/db";
import { errorReason, log } from "@/lib/observability/logger";
import { releaseCounters } from "@/lib/quota/admit-message";
import { drainRefunds } from "@/lib/quota/refund-queue";
import { closeRedis } from "@/lib/redis/client";
import { stopBackgroundRechecks } from "@/lib/services/credentials/background-rechecks";
import { usageWriter } from "@/lib/usage/usage-writer";

const FLUSH_TRIES = 5;
const IN_FLIGHT_GRACE_MS = 10_000;
// After the connections are closed, cancelled streams still need a moment to record themselves.
const RECORD_GRACE_MS = 2_000;

/**
 * Writes every buffered usage row and pending refund (retrying briefly if the database is away),
 * then closes the connections. Resolves to whether nothing was left unwritten.
 */
export async function drainAndClose(): Promise<boolean> {
  const writer = usageWriter();
  await stopBackgroundRechecks(true);
  await writer.idle(RECORD_GRACE_MS);
  for (let attempt = 1; attempt <= FLUSH_TRIES; attempt++) {
    try {
      await writer.flush();
      break;
    } catch (error) {
      log.error("usage flush failed during shutdown", { attempt, of: FLUSH_TRIES, error: errorReason(error) });
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  await releaseCounters().catch(() => undefined);
  await drainRefunds();
  const unwritten = writer.pending();
  if (unwritten) log.error("usage rows could not be written before exit", { rows: unwritten });
  await closeRedis().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  return unwritten === 0;
}

/**
 * Stops accepting connections and waits, 10 s at most, for requests and streams in flight to end;
 * keep-alive connections are closed as soon as their last response is out.
 */
export function stopAccepting(server: Server, graceMs = IN_FLIGHT_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const done = () => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    };
    const deadline = setTimeout(() => {
      log.warn("shutdown grace period over: closing the connections still open");
      server.closeAllConnections();
      done();
    }, graceMs);
    server.close(done);
    server.closeIdleConnections();
  });
}

const INSTALLED = Symbol.for("oauthrouter.shutdownInstalled");
type GlobalWithFlag = typeof globalThis & { [INSTALLED]?: boolean };

/**
 * On SIGTERM/SIGINT: stop accepting, finish what is in flight, flush usage, close the database, exit.
 * Later signals change nothing: a stop sent to the whole process group (systemd's default, Ctrl-C)
 * reaches this process twice, directly and forwarded by `npm start`, and must still drain.
 */
export function installShutdownHandlers(server?: Server): void {
  const holder = globalThis as GlobalWithFlag;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return log.info("already shutting down: finishing requests in flight first", { signal });
      stopping = true;
      log.info("shutting down: finishing requests in flight, flushing usage", { signal });
      void (server ? stopAccepting(server) : Promise.resolve())
        .then(drainAndClose)
        .then(
          (clean) => {
            log.info("shutdown complete", { clean });
            process.exit(clean ? 0 : 1);
          },
          (error) => {
            log.error("shutdown failed", { error: errorReason(error) });
            process.exit(1);
          },
        );
    });
  }
}
