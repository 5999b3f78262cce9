import { env, type Env } from "@/lib/config/env";
import type { Database } from "./database";

export type { Database } from "./database";
export type { PrismaClient } from "./generated/client";

/** Loads only the driver in use: PGlite alone is some 40 MB a PostgreSQL deployment never needs. */
export async function openDatabase(config: Pick<Env, "DATABASE_URL" | "DATA_DIR">): Promise<Database> {
  if (config.DATABASE_URL) return (await import("./open-postgres")).openPostgres(config.DATABASE_URL);
  return (await import("./open-embedded")).openEmbedded(config.DATA_DIR);
}

// One per process, on globalThis: Next.js bundles and the API server may load this module twice.
const SLOT = Symbol.for("oauthrouter.database");
type GlobalWithDb = typeof globalThis & { [SLOT]?: Promise<Database> };

export function database(): Promise<Database> {
  const holder = globalThis as GlobalWithDb;
  holder[SLOT] ??= openDatabase(env()).catch((error) => {
    delete holder[SLOT];
    throw error;
  });
  return holder[SLOT];
}

export async function db() {
  return (await database()).prisma;
}

/** Installs an already-open database as the process's own (tests, CLI). */
export function useDatabase(value: Database): void {
  (globalThis as GlobalWithDb)[SLOT] = Promise.resolve(value);
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithDb;
  const current = holder[SLOT];
  delete holder[SLOT];
  if (current) await (await current).close();
}
