import type { Server } from "node:http";
import { closeDatabase } from "@/lib/db";
import { usageWriter } from "@/lib/usage/usage-writer";

const FLUSH_TRIES = 5;
const IN_FLIGHT_GRACE_MS = 10_000;

/** Writes every buffered usage row (retrying briefly if the database is away), then closes it. */
export async function drainAndClose(): Promise<void> {
  for (let attempt = 1; attempt <= FLUSH_TRIES; attempt++) {
    try {
      await usageWriter().flush();
      break;
    } catch (error) {
      console.error(`[oauthrouter] usage flush failed (try ${attempt}/${FLUSH_TRIES}):`, (error as Error).message);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  await closeDatabase().catch(() => undefined);
}

/** Stops accepting connections and waits (bounded) for requests and streams in flight to finish. */
function stopAccepting(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, IN_FLIGHT_GRACE_MS);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

const INSTALLED = Symbol.for("oauthrouter.shutdownInstalled");
type GlobalWithFlag = typeof globalThis & { [INSTALLED]?: boolean };

/** On SIGTERM/SIGINT: stop accepting, finish what is in flight, flush usage, close the database, exit. */
export function installShutdownHandlers(server?: Server): void {
  const holder = globalThis as GlobalWithFlag;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      console.log(`[oauthrouter] ${signal}: finishing requests in flight, flushing usage…`);
      void (server ? stopAccepting(server) : Promise.resolve())
        .then(drainAndClose)
        .finally(() => process.exit(0));
    });
  }
}
